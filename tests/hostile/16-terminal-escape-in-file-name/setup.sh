# A data file whose name holds an escape sequence that clears the screen.
printf 'x\n' > "content/data/notes"$'\033'"[2J.txt"
