cmp ripple.yaml .ripple.yaml.before || { echo "ripple.yaml changed"; exit 1; }
