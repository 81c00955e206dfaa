email=$(sed -n 2p content/data/participants.csv | grep -o '[^,]*@[^,]*' | head -1)
if [ -e public ]; then
  ! grep -rqF "$email" public || { echo "participant email published"; exit 1; }
  [ -z "$(find public -type l)" ] || { echo "symlink in public/"; exit 1; }
  [ ! -e public/pages/private ] || { echo "linked folder published"; exit 1; }
fi
exit 0
