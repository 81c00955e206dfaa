# No PDF was written.
test ! -e guide.pdf
