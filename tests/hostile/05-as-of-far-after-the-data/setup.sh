printf "program:\n  as_of: 2200-12-31\n" >> ripple.yaml
