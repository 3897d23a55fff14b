"""The pandas peer of `piloteval cases import EXTRACT.xlsx`: read the first sheet with
read_excel (openpyxl engine) and write it to a fresh SQLite file with to_sql, as
../cases-import/peer_pandas.py does for CSV. It checks nothing and pseudonymises
nothing. Prints seconds= and the row count.

    python peer_read_excel.py EXTRACT.xlsx OUT.db
"""
import sqlite3
import sys
import time

t0 = time.perf_counter()
import pandas as pd

df = pd.read_excel(sys.argv[1], engine="openpyxl", dtype=str, keep_default_na=False, skiprows=1)
with sqlite3.connect(sys.argv[2]) as con:
    df.to_sql("cases", con, index=False, chunksize=100_000)
    n = con.execute("SELECT count(*) FROM cases").fetchone()[0]
print(f"pandas seconds={time.perf_counter() - t0:.3f} rows={n}")
