# A workbook whose Sessions sheet inflates from about 100 KB to 100 MB (about 1,000 times).
rm content/data/*.csv
"$RIPPLE" sample-data --out content/data --participants 60 --format xlsx >/dev/null
python3 - <<'PY'
import zipfile
path = "content/data/program.xlsx"
parts = {i.filename: zipfile.ZipFile(path).read(i.filename) for i in zipfile.ZipFile(path).infolist()}
parts["xl/worksheets/sheet4.xml"] = b"<" + b" " * (100 << 20)
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name, data in parts.items():
        z.writestr(name, data)
PY
