"""Search works like a person would use it: "/" focuses the box, a query shows ranked, highlighted results
announced to screen readers, the arrow keys and Enter follow one, and the browser lands on the heading."""
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import set_color_scheme, viewport


def test_search_finds_follows_and_lands_on_the_heading(driver, server, artifacts):
    driver.get(server + "guide/index.html")
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    box = driver.switch_to.active_element
    assert box.get_attribute("id") == "search-input", "'/' should focus the search box"
    box.send_keys("reciprocal mentoring")
    wait = WebDriverWait(driver, 10)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    links = driver.find_elements(By.CSS_SELECTOR, "#search-results a")
    pages = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#search-results .search-group-title")]
    assert any("Reciprocal" in t for t in pages), pages
    assert len(pages) == len(set(pages)), f"results should group by page, each page title once: {pages}"
    assert driver.find_elements(By.CSS_SELECTOR, "#search-results mark"), "matches should be highlighted"
    assert "result" in driver.find_element(By.ID, "search-count").text
    wait.until(lambda d: "result" in d.find_element(By.ID, "search-live").text)
    driver.save_screenshot(str(artifacts / "search-results.png"))

    # Arrow down through the results to the first one that links to a heading, then follow it with Enter.
    box.send_keys(Keys.ARROW_DOWN)
    active = driver.switch_to.active_element
    assert active.get_attribute("href") == links[0].get_attribute("href")
    for _ in range(len(links) - 1):
        if "#" in active.get_attribute("href"):
            break
        active.send_keys(Keys.ARROW_DOWN)
        active = driver.switch_to.active_element
    assert "#" in active.get_attribute("href"), "some result should link to a heading"
    target = active.get_attribute("href")
    active.send_keys(Keys.ENTER)
    wait.until(lambda d: d.current_url == target)
    if "#" in target:
        fragment = target.split("#", 1)[1]
        heading = driver.find_element(By.ID, fragment)
        top = lambda: driver.execute_script("return arguments[0].getBoundingClientRect().top", heading)
        try:  # the theme scrolls smoothly: wait for the heading to arrive
            wait.until(lambda d: 0 <= top() < 400)
        except Exception:
            raise AssertionError(f"the heading #{fragment} should be scrolled into view (top={top()})")
    driver.save_screenshot(str(artifacts / "search-landed.png"))


def test_escape_closes_and_typos_still_match(driver, server):
    driver.get(server + "index.html")
    box = driver.find_element(By.ID, "search-input")
    box.send_keys("matching")
    wait = WebDriverWait(driver, 10)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    box.send_keys(Keys.ESCAPE)
    assert not driver.find_element(By.ID, "search-panel").is_displayed()
    box.clear()
    box.send_keys("feedbak")  # one letter missing: still finds "feedback"
    wait.until(lambda d: d.find_element(By.ID, "search-panel").is_displayed())
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))


def test_search_works_from_disk(driver, site):
    driver.get((site / "index.html").as_uri())
    box = driver.find_element(By.ID, "search-input")
    box.send_keys("goals")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))


def search(driver, page, query):
    """Opens `page`, types `query` into the search box and waits for results; returns the box."""
    driver.get(page)
    box = driver.find_element(By.ID, "search-input")
    box.send_keys(query)
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    return box


@pytest.mark.parametrize("width", [320, 390, 768, 1366, 1440, 1536, 1920, 2560])
def test_search_panel_stays_inside_the_viewport(driver, server, width):
    with viewport(driver, width):
        search(driver, server + "index.html", "mentor")
        left, right, inner, scroll = driver.execute_script(
            "const r = document.getElementById('search-panel').getBoundingClientRect();"
            "return [r.left, r.right, window.innerWidth, document.documentElement.scrollWidth];")
        assert left >= 0 and right <= inner, f"panel spans {left:.0f}–{right:.0f} px in a {inner} px window"
        assert scroll <= inner, f"the page scrolls sideways ({scroll} > {inner} px) with the panel open"


def test_show_all_results(driver, server):
    search(driver, server + "index.html", "mentor")
    first = len(driver.find_elements(By.CSS_SELECTOR, "#search-results a"))
    more = driver.find_element(By.ID, "search-more")
    total = int(re.search(r"Show all (\d+) results", more.text).group(1))
    assert first == 10 < total
    more.click()
    WebDriverWait(driver, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results a")) == total)
    assert not driver.find_element(By.ID, "search-more").is_displayed()
    focused = driver.switch_to.active_element
    assert focused.get_attribute("href") == driver.find_elements(By.CSS_SELECTOR, "#search-results a")[10].get_attribute("href"), \
        "focus should move to the first newly shown result"


@pytest.mark.parametrize("width", [390, 1366, 1920])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_dashboard_result_lands_on_its_section(driver, server, artifacts, width, scheme):
    """Dashboards are indexed from their view models: a figure's label finds the section that shows it, and the
    result links to the section's own anchor, which exists on the page."""
    set_color_scheme(driver, scheme)
    with viewport(driver, width):
        search(driver, server + "index.html", "who mentors whom")
        driver.save_screenshot(str(artifacts / f"search-dashboard-{width}-{scheme}.png"))
        hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results a")]
        target = next((h for h in hrefs if "dashboards/network/" in h and "#" in h), None)
        assert target and target.endswith("#matrix"), hrefs
        driver.get(target)
        assert driver.find_element(By.ID, "matrix").tag_name == "section"
        assert "Who mentors whom" in driver.find_element(By.ID, "matrix").text
    set_color_scheme(driver, "light")
