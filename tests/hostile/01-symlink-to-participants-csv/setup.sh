ln -s ../data/participants.csv content/pages/people.csv
