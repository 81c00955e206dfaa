[ -z "$(ls report-* 2>/dev/null)" ] || { echo "a report was written"; exit 1; }
