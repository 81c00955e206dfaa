"""The pages that help run the program read well on a phone and a desktop, light and dark: the opt-in mentor
directory (`/mentors/`) and the program team's private review pages (`ripple match`, `ripple followup`).
On each, at 390, 1366 and 1920 px, the page never scrolls sideways, no text renders under 11 CSS px, and
no table runs off screen (on a phone the review table's figures sat behind a sideways scroll, its rows tall
and empty) and no cell is squeezed narrower than a word. The sample program is built with the directory on, into a folder of its own."""
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT, set_color_scheme, viewport

WIDTHS = [390, 1366, 1920]
MIN_FONT_PX = 11

MEASURE = """
const out = {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, small: [], narrow: [], wide: []};
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode, el = node.parentElement;
  if (!node.textContent.trim() || !el.getClientRects().length) continue;
  const px = parseFloat(getComputedStyle(el).fontSize);
  if (px < %d) out.small.push({text: node.textContent.trim().slice(0, 40), px});
}
document.querySelectorAll('table').forEach(table => {
  const r = table.getBoundingClientRect();
  if (r.width && r.right > window.innerWidth + 1) out.wide.push({text: table.querySelector('th, td').textContent.trim().slice(0, 40), right: r.right});
});
document.querySelectorAll('td').forEach(td => {
  const r = td.getBoundingClientRect();
  if (r.width && td.textContent.trim() && r.width < 48) out.narrow.push({text: td.textContent.trim().slice(0, 40), w: r.width});
});
return out;
""" % MIN_FONT_PX


@pytest.fixture(scope="module")
def team_pages():
    """The sample program with `directory.enabled`, built, matched and followed up."""
    import os
    binary = Path(os.environ.get("RIPPLE_BIN", ROOT / ".build" / "debug" / "ripple"))
    work = Path(tempfile.mkdtemp(prefix="ripple-team-"))
    source = work / "source"
    source.mkdir()
    for name in ("content", "templates"):
        shutil.copytree(ROOT / name, source / name)
    config = (ROOT / "ripple.yaml").read_text(encoding="utf-8")
    (source / "ripple.yaml").write_text(config + "\ndirectory:\n  enabled: true\n", encoding="utf-8")
    for command in (["build", "--output", str(work / "site")], ["match"], ["followup"]):
        result = subprocess.run([str(binary), *command[:1], "--source", str(source), *command[1:]],
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
    yield {"directory": work / "site" / "mentors" / "index.html",
           "matches": source / "private" / "matches.html",
           "followup": source / "private" / "followup.html"}
    shutil.rmtree(work, ignore_errors=True)


@pytest.mark.parametrize("page", ["directory", "matches", "followup"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_program_team_page_reads_at_every_width(driver, team_pages, artifacts, page, scheme):
    path = team_pages[page]
    assert path.exists(), f"{path} was not written"
    set_color_scheme(driver, scheme)
    problems = []
    for width in WIDTHS:
        with viewport(driver, width):
            driver.get(path.as_uri())
            found = driver.execute_script(MEASURE)
            driver.save_screenshot(str(artifacts / f"team-{page}-{width}-{scheme}.png"))
        if found["scrollWidth"] > found["innerWidth"]:
            problems.append(f"{width} px: the page scrolls sideways ({found['scrollWidth']} > {found['innerWidth']})")
        problems += [f"{width} px: '{s['text']}' renders at {s['px']:.1f} px" for s in found["small"][:5]]
        problems += [f"{width} px: cell '{n['text']}' is {n['w']:.0f} px wide" for n in found["narrow"][:5]]
        problems += [f"{width} px: the table starting '{t['text']}' runs off screen to {t['right']:.0f} px"
                     for t in found["wide"]]
    assert not problems, "\n".join(problems)
