# A chapter bigger than 256 MB lets WeasyPrint lay out: 20,000 paragraphs.
set -e
{ printf '# Long\n\n'; for i in $(seq 20000); do printf 'Paragraph %s of a chapter that needs more memory than WeasyPrint is given.\n\n' "$i"; done; } > content/guide/02-long.md
