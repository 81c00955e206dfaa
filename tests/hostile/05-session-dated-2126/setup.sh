echo "S9999999,PR000041,2126-03-04,60,completed,mentor,in_person,4,4," >> content/data/sessions.csv
