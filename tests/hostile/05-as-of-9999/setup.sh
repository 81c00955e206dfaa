printf "program:\n  as_of: 9999-12-31\n" >> ripple.yaml
