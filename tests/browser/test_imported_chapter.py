"""An imported chapter with a table, an alert, a footnote and a nested sidebar reads well: the synthetic mdBook of
Tests/RippleBuildTests/Fixtures/synthetic is imported with `ripple import mdbook` and built, and one of its
chapters is opened at 390, 1366 and 1920 px in light and dark mode. The page never scrolls sideways, no visible
text is under 11 CSS px, the alert has an accessible label, the footnote reference and its back link lead to each
other, and the sidebar shows the chapter nested in its part with numbering like 2.3. Screenshots
`imported-chapter-<width>-<scheme>.png` go to the artifacts folder."""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT, serve_folder, set_color_scheme, viewport

WIDTHS = [390, 1366, 1920]
BOOK = ROOT / "Tests" / "RippleBuildTests" / "Fixtures" / "synthetic" / "mdbook"
CHAPTER = "guide/step-3/index.html"

MEASURE = """
const small = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode, element = node.parentElement;
  if (!node.textContent.trim() || !element || element.closest('[hidden], .visually-hidden, .sr-only')) continue;
  const rect = element.getBoundingClientRect(), style = getComputedStyle(element);
  if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
  const size = parseFloat(style.fontSize);
  if (size < 11) small.push(`${element.tagName.toLowerCase()}.${element.className} '${node.textContent.trim().slice(0, 30)}' ${size}px`);
}
const alert = document.querySelector('.chapter-body .alert');
const current = document.querySelector('.guide-sidebar a[aria-current="page"]');
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, small,
        alertLabel: alert && alert.getAttribute('aria-label'), alertRole: alert && alert.getAttribute('role'),
        currentNumber: current && current.querySelector('.chapter-list__num').textContent,
        currentNested: current && current.parentElement.classList.contains('chapter-list__item--nested'),
        // Numbers of one part start in one column whatever their width (2.9 and 2.10), none spilling out of it.
        numLefts: [...new Set([...document.querySelectorAll('.guide-sidebar .chapter-list__item--nested .chapter-list__num')]
            .slice(0, 18).map(n => Math.round(n.getBoundingClientRect().left)))],
        numsSpilling: [...document.querySelectorAll('.guide-sidebar .chapter-list__num')]
            .filter(n => n.scrollWidth > n.clientWidth + 1).map(n => n.textContent),
        nestedIndent: current && (current.querySelector('.chapter-list__num').getBoundingClientRect().left
            - document.querySelector('.guide-sidebar .chapter-list > li:not(.chapter-list__item--nested) .chapter-list__num')
                .getBoundingClientRect().left)};
"""


@pytest.fixture(scope="module")
def imported_site():
    binary = Path(os.environ.get("RIPPLE_BIN", ROOT / ".build" / "debug" / "ripple"))
    work = Path(tempfile.mkdtemp(prefix="ripple-import-browser-"))
    try:
        subprocess.run([str(binary), "import", "mdbook", str(BOOK), str(work / "book")], check=True,
                       capture_output=True, text=True, timeout=120)
        config = work / "book" / "ripple.yaml"
        config.write_text(config.read_text().replace("guide:\n", "guide:\n  pdf: never\n"))
        built = subprocess.run([str(binary), "build", "--source", str(work / "book"), "--output", str(work / "site")],
                               capture_output=True, text=True, timeout=600)
        assert built.returncode == 0, built.stdout + built.stderr
        yield work / "site"
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def imported_server(imported_site):
    with serve_folder(imported_site) as base:
        yield base


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_imported_chapter_reads_well(driver, imported_server, artifacts, width, scheme):
    with viewport(driver, width):
        set_color_scheme(driver, scheme)
        driver.get(imported_server + CHAPTER)
        driver.save_screenshot(str(artifacts / f"imported-chapter-{width}-{scheme}.png"))
        # On a phone the chapter list is folded; a reader opens it to see the nesting.
        driver.execute_script("document.querySelectorAll('.guide-nav__details').forEach(d => { d.open = true; });")
        found = driver.execute_script(MEASURE)
        driver.save_screenshot(str(artifacts / f"imported-chapter-{width}-{scheme}-nav-open.png"))
        # The footnote round trip: the reference leads to the note, whose back link leads to the reference.
        ref = driver.find_element("css selector", ".chapter-body a[role='doc-noteref']")
        note_id = ref.get_attribute("href").split("#")[1]
        ref_id = ref.get_attribute("id")
        note = driver.find_element("id", note_id)
        back = note.find_element("css selector", "a.footnote-backref")
        back_target = back.get_attribute("href").split("#")[1]
    set_color_scheme(driver, "light")
    assert found["scrollWidth"] <= found["innerWidth"], f"scrolls sideways: {found['scrollWidth']} > {found['innerWidth']}"
    assert not found["small"], "text under 11 px:\n" + "\n".join(found["small"])
    assert found["alertRole"] == "note" and found["alertLabel"] == "Note"
    assert back_target == ref_id, f"the footnote's back link goes to #{back_target}, not #{ref_id}"
    assert found["currentNumber"] == "2.3" and found["currentNested"], found
    assert len(found["numLefts"]) == 1, f"the numbers of a part's chapters do not line up: {found['numLefts']}"
    assert not found["numsSpilling"], f"chapter numbers wider than their column: {found['numsSpilling']}"
    assert found["nestedIndent"] > 4, f"the nested chapter is not indented ({found['nestedIndent']} px)"
