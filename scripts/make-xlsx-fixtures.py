#!/usr/bin/env python3
"""Regenerates the committed .xlsx fixtures of Tests/RippleSourcesTests/Fixtures.

Workbooks written by real spreadsheet writers, not by Ripple: openpyxl (typed cells: numbers,
dates with a date format, the 1904 date system, error values, merged cells) and LibreOffice
(`soffice --headless --convert-to xlsx` from CSV, as an export has them: shared strings, dates
recognised on import). Run from the repository root after `swift build`:

    python3 scripts/make-xlsx-fixtures.py

Needs openpyxl (pip install openpyxl) and LibreOffice (apt-get install libreoffice-calc).
"""
import csv
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "RippleSourcesTests", "Fixtures")
RIPPLE = os.path.join(ROOT, ".build", "debug", "ripple")
TABLES = ["participants", "cohorts", "pairs", "sessions", "goals", "feedback", "trainings"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INT = re.compile(r"^-?\d{1,9}$")
NUMBER = re.compile(r"^-?\d+\.\d+$")


def sample(folder):
    """The sample program the tests also generate: 60 participants, seed 1."""
    subprocess.run([RIPPLE, "sample-data", "--out", folder, "--participants", "60", "--seed", "1"],
                   check=True, stdout=subprocess.DEVNULL)
    return {t: list(csv.reader(open(os.path.join(folder, t + ".csv"), newline="", encoding="utf-8"))) for t in TABLES}


def typed(text, epoch_1904=False):
    """What a person typing into Excel gets: numbers as numbers, dates as dates."""
    if DATE.match(text):
        try:
            return datetime.datetime.strptime(text, "%Y-%m-%d")
        except ValueError:
            return text  # Excel keeps a date that does not exist as text
    if INT.match(text) and not (len(text) > 1 and text.startswith("0")):
        return int(text)
    if NUMBER.match(text):
        return float(text)
    return text if text != "" else None


def write_workbook(path, tables, names=None, epoch_1904=False, date_format="yyyy-mm-dd"):
    wb = openpyxl.Workbook()
    if epoch_1904:
        wb.epoch = CALENDAR_MAC_1904
    wb.remove(wb.active)
    for table, rows in tables.items():
        ws = wb.create_sheet((names or {}).get(table, table.capitalize()))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                value = text if r == 0 else typed(text)
                if value is None:
                    continue
                cell = ws.cell(row=r + 1, column=c + 1, value=value)
                if isinstance(value, datetime.datetime):
                    cell.number_format = date_format
    wb.save(path)


def small(tables, sessions=40):
    """The sample with fewer sessions, for the error cases."""
    result = dict(tables)
    result["sessions"] = tables["sessions"][: sessions + 1]
    return result


def main():
    os.makedirs(OUT, exist_ok=True)
    work = tempfile.mkdtemp()
    try:
        tables = sample(os.path.join(work, "csv"))
        # The whole sample, one sheet per table named like the table ("Sessions").
        write_workbook(os.path.join(OUT, "program.xlsx"), tables)
        # Old Mac workbooks count dates from 1904; a day-first custom format.
        write_workbook(os.path.join(OUT, "program-1904.xlsx"), tables, epoch_1904=True, date_format="d/m/yyyy;@")
        # Sheets named otherwise, mapped in ripple.yaml (data.sheets).
        write_workbook(os.path.join(OUT, "mapped.xlsx"), small(tables), names={"participants": "People", "pairs": "Matches"})

        # sessions!C17 holds a date that does not exist, typed as text.
        bad = small(tables)
        bad["sessions"] = [list(row) for row in bad["sessions"]]
        bad["sessions"][16][2] = "2024-02-30"
        write_workbook(os.path.join(OUT, "bad-date.xlsx"), bad)

        # A formula whose cached value is an error (#N/A) in sessions!D5, and a formula with a good value in D6.
        path = os.path.join(OUT, "formula-error.xlsx")
        write_workbook(path, small(tables))
        wb = openpyxl.load_workbook(path)
        ws = wb["Sessions"]
        ws["D5"] = "#N/A"
        wb.save(path)

        # Merged header cells A1:B1 on the cohorts sheet.
        path = os.path.join(OUT, "merged-header.xlsx")
        write_workbook(path, small(tables))
        wb = openpyxl.load_workbook(path)
        wb["Cohorts"].merge_cells("A1:B1")
        wb.save(path)

        # LibreOffice: one workbook per table converted from the CSV, as a real export has it.
        office = os.path.join(OUT, "libreoffice")
        shutil.rmtree(office, ignore_errors=True)
        os.makedirs(office)
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + os.path.join(work, "profile"),
                        "--infilter=CSV:44,34,76,1,,0,false,true", "--convert-to", "xlsx", "--outdir", office]
                       + [os.path.join(work, "csv", t + ".csv") for t in TABLES],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        # A zip bomb: a 64 MiB sheet of one repeated byte, about 64 KiB compressed.
        with zipfile.ZipFile(os.path.join(OUT, "zip-bomb.xlsx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            with zipfile.ZipFile(os.path.join(OUT, "mapped.xlsx")) as source:
                for item in source.infolist():
                    if item.filename != "xl/worksheets/sheet1.xml":
                        z.writestr(item, source.read(item.filename))
            z.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (64 << 20))

        # A damaged workbook: the first 3,000 bytes of a real one.
        with open(os.path.join(OUT, "program.xlsx"), "rb") as whole, open(os.path.join(OUT, "truncated.xlsx"), "wb") as cut:
            cut.write(whole.read(3000))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
