grep -q "^title: Hostile inputs" ripple.yaml || { echo "ripple.yaml changed"; exit 1; }
[ -z "$(ls -A | grep ripple-)" ] || { echo "ripple files left: $(ls -A)"; exit 1; }
