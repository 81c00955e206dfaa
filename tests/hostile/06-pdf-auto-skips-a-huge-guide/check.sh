# The EPUB is made, the PDF is not, and no page links to it.
set -e
test -e public/guide/guide.epub
test ! -e public/guide/guide.pdf
! grep -rq 'guide\.pdf' public/guide
