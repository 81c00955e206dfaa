# A narrative and a chapter that are links: ripple report reads the same files as a build, by the same rule.
mkdir -p content/reports
ln -s /etc/passwd content/reports/2026-Q1.md
ln -s ../data/participants.csv content/guide/02-people.md
