# A workbook cut off in the middle of a download, instead of the CSV files.
rm content/data/*.csv
"$RIPPLE" sample-data --out content/data --participants 60 --format xlsx >/dev/null
head -c 3000 content/data/program.xlsx > cut && mv cut content/data/program.xlsx
