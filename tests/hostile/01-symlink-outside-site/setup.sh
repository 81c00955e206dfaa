ln -s /etc/passwd content/x.txt
mkdir -p templates/assets
ln -s /etc/hostname templates/assets/host.css
