[ ! -e public ] || { echo "public/ was written"; exit 1; }
python3 -c 'import sqlite3, sys; n = sqlite3.connect("program.db").execute("select count(*) from cohorts").fetchone()[0]; sys.exit(0 if n > 0 else "cohorts were deleted")'
