"""The JavaScript half of the stemmer parity check: search.js, running in Chromium on a built page, must turn
every word of Tests/RippleRenderTests/Fixtures/stemmer/words.txt into the terms the Swift SearchText made of it
(stems.tsv, checked against Swift by StemmerParityTests). Queries and the index then always meet."""
from pathlib import Path

from selenium.webdriver.support.ui import WebDriverWait

FIXTURE = Path(__file__).resolve().parents[2] / "Tests" / "RippleRenderTests" / "Fixtures" / "stemmer" / "stems.tsv"


def test_javascript_terms_match_the_swift_fixture(driver, server):
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 5000
    words = [line.split("\t", 1)[0] for line in lines]
    expected = [line.split("\t", 1)[1] for line in lines]
    driver.get(server + "index.html")
    # The stop words travel in the index, as they do for real queries: load it through the search box.
    driver.find_element("id", "search-input").click()
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return !!window.RippleSearchIndex"))
    got = driver.execute_script("""
        var engine = window.RippleSearchEngine, stop = {};
        window.RippleSearchIndex.stop.split(' ').forEach(function (w) { stop[w] = true; });
        return arguments[0].map(function (w) { return engine.terms(w, stop).join(' '); });
    """, words)
    differences = [(w, e, g) for w, e, g in zip(words, expected, got) if e != g]
    assert not differences, f"{len(differences)} words differ (word, Swift, JavaScript): {differences[:10]}"
