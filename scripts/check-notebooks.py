#!/usr/bin/env python3
"""Fails when a committed notebook carries outputs or execution counts.

Notebooks are kept stripped in git so that diffs show code and prose, not results
(and no figure from a real database leaks into the history). Standard library only.
Run: python3 scripts/check-notebooks.py [NOTEBOOK...]   (default: Notebooks/*.ipynb)
"""
import json
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
paths = [Path(p) for p in sys.argv[1:]] or sorted((root / "Notebooks").glob("*.ipynb"))
if not paths:
    sys.exit("no notebooks found under Notebooks/")
problems = []
for path in paths:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"{path}: cell {number} has outputs")
        if cell.get("execution_count") is not None:
            problems.append(f"{path}: cell {number} has an execution count")
for p in problems:
    print(p, file=sys.stderr)
if problems:
    sys.exit(f"{len(problems)} problem(s): strip them with "
             "`.venv/bin/jupyter nbconvert --clear-output --inplace Notebooks/*.ipynb`")
print(f"{len(paths)} notebook(s) stripped of outputs")
