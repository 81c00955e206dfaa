echo "c-2023q1-r,Reverse mentoring again,reverse,2023-01-01,2023-12-31" >> content/data/cohorts.csv
