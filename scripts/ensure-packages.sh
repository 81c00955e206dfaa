#!/usr/bin/env bash
# Installs the Debian packages given as arguments when any is missing (apt-get, as root or through sudo).
# Sourced or run by the build and test scripts; safe to run again.
set -euo pipefail
missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "ripple: please install: ${missing[*]} (apt-get install ${missing[*]})" >&2; exit 1; }
  sudo="sudo"
fi
echo "ripple: installing ${missing[*]} …" >&2
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
