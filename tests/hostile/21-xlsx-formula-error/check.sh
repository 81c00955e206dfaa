[ ! -e public ] || { echo "public/ was written"; exit 1; }
