ln -s ../data/participants.csv content/guide/02-people.md
