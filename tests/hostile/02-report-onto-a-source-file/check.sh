cmp content/index.md .index.md.before || { echo "content/index.md changed"; exit 1; }
