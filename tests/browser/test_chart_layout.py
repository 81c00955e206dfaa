"""Charts stay legible at every width: on every page with charts (each dashboard, a quarterly report and the
guide's chapters that draw one) at 390, 768, 1366 and 1920 px, light and dark, no two text boxes inside a chart
overlap (`getBoundingClientRect` of every visible SVG `<text>`), no chart text renders under 11 CSS px, and the
page never scrolls sideways. A screenshot of each page at each width goes to the artifacts folder."""
import re

import pytest

from conftest import set_color_scheme

WIDTHS = [390, 768, 1366, 1920]
MIN_FONT_PX = 11

# Visible chart text: its box, and its rendered font size (computed size × the SVG's scale on screen).
MEASURE = """
const out = {texts: [], scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth};
document.querySelectorAll('figure.chart svg').forEach((svg, chart) => {
  if (!svg.getClientRects().length) return;  // the layout not shown at this width
  const scale = svg.getScreenCTM().a;
  const id = svg.closest('figure').id;
  svg.querySelectorAll('text').forEach(t => {
    const r = t.getBoundingClientRect();
    if (!r.width || !t.textContent.trim()) return;
    out.texts.push({chart, id, text: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height,
                    px: parseFloat(getComputedStyle(t).fontSize) * scale});
  });
});
return out;
"""


def chart_pages(site):
    """Every dashboard (the first cohort standing for all), the first quarterly report and each guide
    chapter with a chart."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.relative_to(site).as_posix()
        if "assets/" in rel or 'class="chart ' not in html.read_text(encoding="utf-8", errors="replace"):
            continue
        if re.match(r"dashboards/cohorts/[^/]+/index.html", rel) and any(p.startswith("dashboards/cohorts/") and p.count("/") == 3 for p in pages):
            continue
        if re.match(r"reports/[^/]+/index.html", rel) and any(re.match(r"reports/[^/]+/index.html", p) for p in pages):
            continue
        pages.append(rel)
    return pages


def save_full_page(driver, path):
    """A screenshot of the whole page, not only the viewport, to look at every chart."""
    import base64
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 12000), "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))


def overlaps(a, b, slack=0.5):
    return (a["x"] + slack < b["x"] + b["w"] and b["x"] + slack < a["x"] + a["w"]
            and a["y"] + slack < b["y"] + b["h"] and b["y"] + slack < a["y"] + a["h"])


def test_there_are_chart_pages(site):
    pages = chart_pages(site)
    assert any(p.startswith("dashboards/") for p in pages) and any(p.startswith("reports/") for p in pages), pages


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_chart_text_never_overlaps_or_shrinks(driver, server, site, artifacts, width, scheme):
    set_color_scheme(driver, scheme)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    problems = []
    try:
        for path in chart_pages(site):
            driver.get(server + path)
            found = driver.execute_script(MEASURE)
            if found["scrollWidth"] > found["innerWidth"]:
                problems.append(f"{path}: the page scrolls sideways ({found['scrollWidth']} > {found['innerWidth']} px)")
            texts = found["texts"]
            for t in texts:
                if t["px"] < MIN_FONT_PX - 0.05:
                    problems.append(f"{path} #{t['id']}: “{t['text']}” renders at {t['px']:.1f} px")
            for i, a in enumerate(texts):
                for b in texts[i + 1:]:
                    if a["chart"] == b["chart"] and overlaps(a, b):
                        problems.append(f"{path} #{a['id']}: “{a['text']}” overlaps “{b['text']}”")
            slug = path.replace("/index.html", "").replace("/", "_") or "home"
            save_full_page(driver, artifacts / f"charts-{slug}-{width}-{scheme}.png")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert not problems, f"{len(problems)} problems at {width} px ({scheme}):\n" + "\n".join(problems[:60])
