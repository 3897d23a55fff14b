"""The pandas peer of `piloteval cases import`: read the extract with read_csv and write
it to a fresh SQLite file with to_sql (the sqlite3 module, one table, no index). Like the
sqlite3 shell it parses no dates, checks nothing and pseudonymises nothing; it is the
"a data scientist's one-liner" baseline. Prints seconds= and the row count.

    python3 peer_pandas.py EXTRACT.csv OUT.db
"""
import sqlite3
import sys
import time

t0 = time.perf_counter()
import pandas as pd

df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
with sqlite3.connect(sys.argv[2]) as con:
    df.to_sql("cases", con, index=False, chunksize=100_000)
    n = con.execute("SELECT count(*) FROM cases").fetchone()[0]
print(f"pandas seconds={time.perf_counter() - t0:.3f} rows={n}")
