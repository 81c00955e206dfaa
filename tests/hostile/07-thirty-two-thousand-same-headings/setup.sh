# A chapter with 32,000 identical headings (ids same, same-1, … same-31999).
set -e
{ printf -- '---\ntitle: Same\n---\n'; for i in $(seq 32000); do printf '## Same\n\nText.\n\n'; done; } > content/guide/02-same.md
