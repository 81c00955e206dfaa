"""Dashboard tables on every width: a table wider than its card scrolls inside it (the page never does), says so
in a visible line above it, keeps each row's name in a sticky first column, and never cuts a figure or a date
short ("31 Decembe"). A screenshot of the cohorts table on a phone goes to the artifacts folder."""
import pytest

from conftest import set_color_scheme, viewport

WIDTHS = [390, 768, 1366, 1920]

MEASURE = """
const out = {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, tables: []};
document.querySelectorAll('.dashboard .table-wrap').forEach(wrap => {
  const hint = wrap.previousElementSibling;
  const first = wrap.querySelector('tbody tr > :first-child');
  const cut = [];
  wrap.querySelectorAll('td, th').forEach(cell => {
    if (cell.scrollWidth > cell.clientWidth + 1) cut.push(cell.textContent.trim());
  });
  out.tables.push({
    label: wrap.getAttribute('aria-label'),
    overflows: wrap.scrollWidth > wrap.clientWidth + 1,
    hint: hint && hint.classList.contains('chart-scroll-hint') && !hint.hidden && hint.getClientRects().length > 0
      ? hint.textContent : null,
    hintPx: hint ? parseFloat(getComputedStyle(hint).fontSize) : 0,
    sticky: first ? getComputedStyle(first).position : null,
    cut,
  });
});
return out;
"""


def dashboard_pages(site):
    """Every dashboard with a table (the first cohort standing for all)."""
    pages = []
    for html in sorted((site / "dashboards").rglob("index.html")):
        rel = html.relative_to(site).as_posix()
        if 'class="table-wrap"' not in html.read_text(encoding="utf-8", errors="replace"):
            continue
        pages.append(rel)
    return pages


def test_there_are_dashboard_tables(site):
    assert "dashboards/cohorts/index.html" in dashboard_pages(site)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_wide_tables_scroll_inside_their_card_with_a_cue(driver, server, site, artifacts, width, scheme):
    set_color_scheme(driver, scheme)
    problems, overflowing = [], 0
    with viewport(driver, width):
        for path in dashboard_pages(site):
            driver.get(server + path)
            found = driver.execute_script(MEASURE)
            if found["scrollWidth"] > found["innerWidth"]:
                problems.append(f"{path}: the page scrolls sideways ({found['scrollWidth']} > {found['innerWidth']} px)")
            for table in found["tables"]:
                name = f"{path} “{table['label']}”"
                if table["overflows"]:
                    overflowing += 1
                    if not table["hint"]:
                        problems.append(f"{name}: wider than its card but no visible scroll hint above it")
                    elif table["hintPx"] < 11:
                        problems.append(f"{name}: the scroll hint renders at {table['hintPx']:.1f} px")
                elif table["hint"]:
                    problems.append(f"{name}: says it scrolls sideways but fits")
                if table["sticky"] != "sticky":
                    problems.append(f"{name}: the first column is not sticky ({table['sticky']})")
                for text in table["cut"]:
                    problems.append(f"{name}: the cell “{text}” is cut short")
            if path == "dashboards/cohorts/index.html":
                driver.execute_script("document.querySelector('.table-wrap').scrollIntoView({block: 'start', behavior: 'instant'})")
                driver.save_screenshot(str(artifacts / f"tables-cohorts-{width}-{scheme}.png"))
    if width == 390:
        assert overflowing, "on a phone the cohorts table should be wider than its card (is the check still measuring?)"
    assert not problems, f"{len(problems)} problems at {width} px ({scheme}):\n" + "\n".join(problems[:40])
