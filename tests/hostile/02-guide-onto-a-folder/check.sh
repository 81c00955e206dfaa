[ -d content ] && [ -f content/index.md ] || { echo "content changed"; exit 1; }
