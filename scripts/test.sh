#!/usr/bin/env bash
# Runs every test: unit, golden-file, CLI, EPUB/PDF checks and the browser suite.
# Installs what the tests need from Debian when missing: libcmark-dev (to build), and the tools the
# tests drive — epubcheck, weasyprint, poppler-utils (pdftotext), chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-packages.sh libcmark-dev pkg-config cmark epubcheck weasyprint poppler-utils
swift build --build-tests
swift test --skip-build "$@"
