# An escape sequence that retitles the terminal, in a department name.
sed -i "2s/,Finance,/,\x1b]0;pwned\x07,/" content/data/participants.csv
