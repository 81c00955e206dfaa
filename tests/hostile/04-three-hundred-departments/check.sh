# The matrix shows 20 of the 300 departments, and says so.
set -e
grep -q 'Showing the 20 of 300 departments with the most active participants' report-2026-Q3.html
rows=$(grep -o '<th scope="row">Dept [0-9]*</th>' report-2026-Q3.html | wc -l)
test "$rows" -lt 400
