#!/usr/bin/env bash
# Builds the sample site ("The Ripple Effect") into public/.
# Installs libcmark-dev, libsqlite3-dev, libpq-dev, zlib1g-dev and libxml2-dev when missing; WeasyPrint (for the guide's PDF) is optional.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-packages.sh libcmark-dev pkg-config libsqlite3-dev libpq-dev zlib1g-dev libxml2-dev
swift build -c release --product ripple
exec .build/release/ripple build --source . --output public "$@"
