[ "$(cat taken)" = "a file" ] || { echo "taken changed"; exit 1; }
