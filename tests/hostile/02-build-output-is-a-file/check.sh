[ "$(cat notes.txt)" = "My notes, not to be lost." ] || { echo "notes.txt changed"; exit 1; }
[ ! -e .notes.txt.ripple-next ] || { echo "staging folder left"; exit 1; }
[ -z "$(ls -A | grep ripple-)" ] || { echo "ripple files left: $(ls -A)"; exit 1; }
