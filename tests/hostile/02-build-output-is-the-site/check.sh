[ -f ripple.yaml ] && [ -f content/index.md ] || { echo "site changed"; exit 1; }
[ -z "$(ls -A | grep ripple-)" ] || { echo "ripple files left: $(ls -A)"; exit 1; }
