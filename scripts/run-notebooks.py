#!/usr/bin/env python3
"""Executes every notebook headlessly (nbclient) and fails if any cell fails.

Needs the packages of Notebooks/requirements.txt (run it with .venv/bin/python) and
PILOTEVAL_BIN / PILOTEVAL_DB pointing at a built CLI and a demo database (the
notebooks fall back to PATH and the demo's folder otherwise). The executed copies
are written to OUT (default .build/notebooks/) for looking at; the committed
notebooks are never touched.

Run: .venv/bin/python scripts/run-notebooks.py [--out DIR] [NOTEBOOK...]
"""
import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

root = Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--out", default=str(root / ".build" / "notebooks"))
parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
parser.add_argument("notebooks", nargs="*")
args = parser.parse_args()

paths = [Path(p) for p in args.notebooks] or sorted((root / "Notebooks").glob("*.ipynb"))
out = Path(args.out)
out.mkdir(parents=True, exist_ok=True)
failed = 0
for path in paths:
    notebook = nbformat.read(path, as_version=4)
    started = time.monotonic()
    # The notebook's own folder is its working directory, as in Jupyter.
    client = NotebookClient(notebook, timeout=args.timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.resolve().parent)}})
    try:
        client.execute()
        status = "ok"
    except CellExecutionError as error:
        failed += 1
        status = "FAILED"
        # The traceback of the failing cell, as Jupyter shows it.
        print(str(error), file=sys.stderr)
    target = out / path.name
    nbformat.write(notebook, target)
    print(f"{status:6} {path.name}  ({time.monotonic() - started:.1f} s) -> {target}")
print(f"notebooks executed: {len(paths)}, failing: {failed}")
sys.exit(1 if failed else 0)
