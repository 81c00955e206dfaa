if [ -e public ]; then
  ! grep -rq "root:" public || { echo "/etc/passwd published"; exit 1; }
  [ -z "$(find public -type l)" ] || { echo "symlink in public/"; exit 1; }
fi
exit 0
