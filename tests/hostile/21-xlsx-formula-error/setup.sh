# A formula in Sessions!D5 whose last calculated value is #DIV/0!.
rm content/data/*.csv
"$RIPPLE" sample-data --out content/data --participants 60 --format xlsx >/dev/null
python3 - <<'PY'
import re, zipfile
path = "content/data/program.xlsx"
parts = {i.filename: zipfile.ZipFile(path).read(i.filename) for i in zipfile.ZipFile(path).infolist()}
sheet = parts["xl/worksheets/sheet4.xml"].decode()
sheet = re.sub(r'<c r="D5"><v>[^<]*</v></c>', '<c r="D5" t="e"><f>1/0</f><v>#DIV/0!</v></c>', sheet)
parts["xl/worksheets/sheet4.xml"] = sheet.encode()
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)
PY
