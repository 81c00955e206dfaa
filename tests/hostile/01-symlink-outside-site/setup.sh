ln -s /etc/passwd content/x.txt
mkdir -p templates/assets
ln -s /etc/passwd templates/assets/host.css
