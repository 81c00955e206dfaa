# No image is fetched from another site; the SVG is inside the file.
set -e
! grep -q '<img[^>]*src="http' report-2026-Q3.html
grep -q '<a class="remote-image" href="https://tracker.example/open.png?id=42">Image: Pixel</a>' report-2026-Q3.html
grep -q '<img src="data:image/svg+xml;base64,' report-2026-Q3.html
