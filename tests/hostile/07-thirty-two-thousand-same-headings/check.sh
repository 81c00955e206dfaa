set -e
grep -q 'id="same-31999"' public/guide/same/index.html
