# Every published CSV cell that starts with a line break, tab or carriage return before = + - @ is
# prefixed with ' so that spreadsheets show it as text.
file=public/reports/2026-Q4/by-department.csv
grep -q "^\"'\$" "$file" || { echo "no neutralised cell in $file:"; cat "$file"; exit 1; }
! grep -q '^"$' "$file" || { echo "a cell starts with a line break and a formula:"; cat "$file"; exit 1; }
