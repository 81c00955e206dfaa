"""Code blocks keep their lines: on every guide chapter with a code block, at 390, 1366 and 1920 px, light and
dark, the page never scrolls sideways, a block whose longest line is wider than it scrolls inside itself and
shows the scroll cue (the shadow background layers also used by wide tables), and the text a reader selects and
copies is the code as written (the cue adds nothing to it). A screenshot of each goes to the artifacts folder."""
import pytest

from conftest import set_color_scheme, viewport

WIDTHS = [390, 1366, 1920]

MEASURE = """
const blocks = [...document.querySelectorAll('.prose pre, main pre')].map(pre => {
  const style = getComputedStyle(pre);
  const range = document.createRange();
  range.selectNodeContents(pre);
  return {overflowX: style.overflowX, whiteSpace: style.whiteSpace, backgroundImage: style.backgroundImage,
          wide: pre.scrollWidth > pre.clientWidth + 1, right: pre.getBoundingClientRect().right,
          copied: range.toString(), text: pre.textContent};
});
return {blocks, scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth};
"""


def code_pages(site):
    return sorted(html.relative_to(site).as_posix() for html in (site / "guide").glob("*/index.html")
                  if "<pre" in html.read_text(encoding="utf-8", errors="replace"))


def test_the_guide_has_a_long_code_line(site):
    pages = code_pages(site)
    assert pages, "no guide chapter of the sample site has a code block to test"
    longest = max(len(line) for page in pages for line in (site / page).read_text(encoding="utf-8").splitlines())
    assert longest > 120, "the sample guide's code lines are all short; the scrolling test would prove nothing"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_long_code_lines_scroll_inside_the_block(driver, server, site, artifacts, width, scheme):
    problems = []
    wide_blocks = 0
    with viewport(driver, width):
        set_color_scheme(driver, scheme)
        for path in code_pages(site):
            driver.get(server + path)
            found = driver.execute_script(MEASURE)
            if found["scrollWidth"] > found["innerWidth"]:
                problems.append(f"{path}: the page scrolls sideways ({found['scrollWidth']} > {found['innerWidth']} px)")
            for i, block in enumerate(found["blocks"]):
                where = f"{path} code block {i + 1}"
                if block["whiteSpace"] != "pre":
                    problems.append(f"{where}: lines wrap (white-space: {block['whiteSpace']})")
                if block["right"] > found["innerWidth"] + 1:
                    problems.append(f"{where}: runs past the window's right edge ({block['right']:.0f} px)")
                if block["copied"] != block["text"]:
                    problems.append(f"{where}: the selected text differs from the code")
                if block["wide"]:
                    wide_blocks += 1
                    if block["overflowX"] not in ("auto", "scroll"):
                        problems.append(f"{where}: a long line is cut off (overflow-x: {block['overflowX']})")
                    if block["backgroundImage"].count("radial-gradient") < 2:
                        problems.append(f"{where}: scrolls without the edge shadows that show there is more")
            driver.save_screenshot(str(artifacts / f"code-{path.split('/')[1]}-{width}-{scheme}.png"))
    set_color_scheme(driver, "light")
    assert not problems, "\n".join(problems)
    if width == 390:
        assert wide_blocks > 0, "no code block is wider than a phone's window; the scrolling was not tested"
