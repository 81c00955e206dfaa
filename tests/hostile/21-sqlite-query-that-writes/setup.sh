"$RIPPLE" sample-data --out . --participants 60 --format sqlite >/dev/null
