[ ! -e book.html ] || { echo "the guide was written"; exit 1; }
