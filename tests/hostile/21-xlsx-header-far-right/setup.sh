# A Sessions sheet whose header has a stray cell at XFD1 (the last column) and 5,000 rows below:
# 82 million cells if each row were kept as wide as the header.
rm content/data/*.csv
"$RIPPLE" sample-data --out content/data --participants 60 --format xlsx >/dev/null
python3 - <<'PY'
import zipfile
path = "content/data/program.xlsx"
parts = {i.filename: zipfile.ZipFile(path).read(i.filename) for i in zipfile.ZipFile(path).infolist()}
rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>session_id</t></is></c><c r="XFD1" t="inlineStr"><is><t>note</t></is></c></row>']
rows += ['<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(2, 5002)]
parts["xl/worksheets/sheet4.xml"] = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                                     + "".join(rows) + "</sheetData></worksheet>").encode()
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)
PY
