printf "program:\n  as_of: 2026-11-20\n" >> ripple.yaml
echo "S9999999,PR000041,9999-12-31,60,completed,mentor,in_person,4,4," >> content/data/sessions.csv
