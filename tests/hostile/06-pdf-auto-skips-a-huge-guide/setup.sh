# 301 more chapters: more than `pdf: auto` makes a PDF of.
set -e
for i in $(seq 301); do printf -- '---\ntitle: Chapter %s\n---\nText of chapter %s.\n' "$i" "$i" > "content/guide/c$(printf %03d "$i").md"; done
