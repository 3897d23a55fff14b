"""What every notebook here needs: the piloteval CLI, its JSON, and the database.

The CLI is found through PILOTEVAL_BIN, else `piloteval` on PATH, else the release
build of this checkout (what scripts/demo.sh builds). The database is PILOTEVAL_DB,
else the demo's (piloteval-demo/piloteval.db in the checkout, written by
`scripts/demo.sh`). Nothing here writes to the database: the notebooks read it
(SQLite opened read-only) and ask the CLI for analyses.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pandas as pd

#: The checkout this notebook lives in (Notebooks/ is one level down).
ROOT = Path(__file__).resolve().parent.parent


def find_cli() -> str:
    """The piloteval executable: PILOTEVAL_BIN, else PATH, else this checkout's build."""
    named = os.environ.get("PILOTEVAL_BIN")
    if named:
        if not (os.path.isfile(named) and os.access(named, os.X_OK)):
            raise FileNotFoundError(f"PILOTEVAL_BIN={named} is not an executable file")
        return named
    on_path = shutil.which("piloteval")
    if on_path:
        return on_path
    for build in ("release", "debug"):
        candidate = ROOT / ".build" / build / "piloteval"
        if candidate.is_file():
            return str(candidate)
    raise FileNotFoundError(
        "cannot find piloteval: set PILOTEVAL_BIN, put it on PATH, or run scripts/demo.sh "
        "in the checkout (it builds .build/release/piloteval)")


def find_db() -> str:
    """The database: PILOTEVAL_DB, else the demo's."""
    named = os.environ.get("PILOTEVAL_DB")
    path = Path(named) if named else ROOT / "piloteval-demo" / "piloteval.db"
    if not path.is_file():
        raise FileNotFoundError(
            f"no database at {path}: run scripts/demo.sh first (it writes piloteval-demo/piloteval.db), "
            "or set PILOTEVAL_DB to your own")
    return str(path)


CLI = find_cli()
DB = find_db()


def run(*args: str) -> str:
    """Runs `piloteval ARGS --db DB` and returns its stdout; a failure raises with its stderr."""
    done = subprocess.run([CLI, *args, "--db", DB], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"piloteval {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    return done.stdout


def run_json(*args: str):
    """`piloteval ARGS --format json`, parsed."""
    return json.loads(run(*args, "--format", "json"))


def query(sql: str, params: tuple = ()) -> pd.DataFrame:
    """A read-only SQL query on the database, as a DataFrame."""
    with sqlite3.connect(f"file:{DB}?mode=ro", uri=True) as con:
        return pd.read_sql_query(sql, con, params=params)


def figure(value):
    """A JSON figure as a float; null (undefined, with a sibling *_note) as NaN."""
    return float("nan") if value is None else float(value)


print(f"piloteval: {CLI}\ndatabase:  {DB}")
