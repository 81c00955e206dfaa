# A chapter WeasyPrint needs minutes for: 20,000 paragraphs.
set -e
{ printf '# Long\n\n'; for i in $(seq 20000); do printf 'Paragraph %s of a chapter that takes WeasyPrint a long time to lay out.\n\n' "$i"; done; } > content/guide/02-long.md
