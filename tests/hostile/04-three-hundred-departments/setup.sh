# A column-mapping slip: 300 departments (two people each) instead of eight.
set -e
rm -rf content/data
"$RIPPLE" sample-data --out content/data --participants 600 > /dev/null
rm -f content/data/headcount.csv   # its departments are the eight the next step renames
python3 - <<'PY'
import csv
path = 'content/data/participants.csv'
rows = list(csv.reader(open(path, newline='')))
column = rows[0].index('department')
for i, row in enumerate(rows[1:]):
    row[column] = 'Dept %03d' % (i % 300)
csv.writer(open(path, 'w', newline=''), lineterminator='\n').writerows(rows)
PY
