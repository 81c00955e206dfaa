# Nothing that runs code reaches the chapter page or the EPUB chapter.
page=public/guide/start/index.html
[ -f "$page" ] || { echo "no chapter page"; exit 1; }
for bad in "alert(" "onerror" "onload" "onmouseover" "avascript:" "data:text" "<iframe" "<script>document" "evil.example" "display: none"; do
  if grep -qi -- "$bad" "$page"; then echo "chapter page holds '$bad'"; exit 1; fi
done
grep -q "<b>bold</b> stay readable" "$page" || { echo "safe markup was lost"; exit 1; }
