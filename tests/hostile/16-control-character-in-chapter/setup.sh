# A control character U+0001 in the text of a chapter (invisible in most editors).
printf "# Start\n\nWelcome to the \001program.\n" > content/guide/01-start.md
