"""Zero axe-core violations (WCAG 2.0/2.1/2.2 A and AA) on every page type, in light and dark mode."""
import importlib.util
import json
from pathlib import Path

import pytest
from axe_selenium_python import Axe

from conftest import set_color_scheme

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_summary = {}


def axe_script():
    """axe-core 4.x: axe-selenium-python 2.1.6 (the newest for Python < 3.12) bundles axe-core 3.1.1, which
    knows no WCAG 2.2 rule, so the suite prefers the axe.min.js that axe-playwright-python ships
    (installed with --no-deps: only the script is used, never Playwright)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec and spec.submodule_search_locations:
        script = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
        if script.exists():
            return str(script)
    return None


def readable(violations):
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"][:8]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more elements")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(driver, server, artifacts, page_type, scheme):
    name, path = page_type
    set_color_scheme(driver, scheme)
    driver.get(server + path)
    assert driver.execute_script(
        "return matchMedia('(prefers-color-scheme: %s)').matches" % scheme), "colour scheme emulation failed"
    script = axe_script()
    axe = Axe(driver, script_url=script) if script else Axe(driver)
    axe.inject()
    results = axe.run(options=json.dumps({"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}))
    slug = name.replace("/", "_")
    driver.save_screenshot(str(artifacts / f"{slug}-{scheme}.png"))
    rules = len(results["passes"]) + len(results["violations"]) + len(results["incomplete"]) + len(results["inapplicable"])
    _summary[f"{name} ({scheme})"] = {"axe": results["testEngine"]["version"], "rules": rules,
                                       "violations": [v["id"] for v in results["violations"]]}
    (artifacts / "axe-summary.json").write_text(json.dumps(_summary, indent=2, sort_keys=True))
    assert not results["violations"], f"{path} in {scheme} mode:\n" + readable(results["violations"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_panel_open_has_no_axe_violations(driver, server, artifacts, scheme):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    set_color_scheme(driver, scheme)
    driver.get(server + "index.html")
    box = driver.find_element(By.ID, "search-input")
    box.send_keys("mentor")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    script = axe_script()
    axe = Axe(driver, script_url=script) if script else Axe(driver)
    axe.inject()
    results = axe.run(options=json.dumps({"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}))
    driver.save_screenshot(str(artifacts / f"search-open-{scheme}.png"))
    rules = len(results["passes"]) + len(results["violations"]) + len(results["incomplete"]) + len(results["inapplicable"])
    _summary[f"search open ({scheme})"] = {"axe": results["testEngine"]["version"], "rules": rules,
                                           "violations": [v["id"] for v in results["violations"]]}
    (artifacts / "axe-summary.json").write_text(json.dumps(_summary, indent=2, sort_keys=True))
    assert not results["violations"], f"search panel in {scheme} mode:\n" + readable(results["violations"])
