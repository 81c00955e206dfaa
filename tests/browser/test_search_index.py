"""The JavaScript half of the stemmer parity check, and the chunked index searched as one: search.js, running in Chromium on a built page, must turn
every word of Tests/RippleRenderTests/Fixtures/stemmer/words.txt into the terms the Swift SearchText made of it
(stems.tsv, checked against Swift by StemmerParityTests). Queries and the index then always meet."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
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


@pytest.fixture(scope="module")
def large_guide(tmp_path_factory):
    """A generated guide of 600 chapters (bench/gen_guide.py): three chunks of the search index."""
    work = tmp_path_factory.mktemp("chunked")
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, str(root / "bench" / "gen_guide.py"), "600", str(work / "src")], check=True,
                   capture_output=True)
    binary = Path(os.environ.get("RIPPLE_BIN", root / ".build" / "debug" / "ripple"))
    subprocess.run([str(binary), "build", "--quiet", "--no-link-check", "--source", str(work / "src"),
                    "--output", str(work / "site")], check=True, capture_output=True, timeout=600)
    return work / "site"


def test_every_chunk_is_loaded_and_searched(driver, large_guide):
    manifest = (large_guide / "search-index.js").read_text(encoding="utf-8")
    assert manifest.endswith('"chunks":3};\n'), manifest[-40:]
    driver.get((large_guide / "index.html").as_uri())  # from disk: scripts, no fetch()
    box = driver.find_element(By.ID, "search-input")
    box.send_keys("600")  # only the last chapter's title holds it, in the last chunk
    WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results a")]
    assert "chapter-600/" in links[0], links
    loaded = driver.execute_script("return document.querySelectorAll('script[src*=\"search/chunk-\"]').length")
    assert loaded == 3
    assert driver.execute_script("return window.RippleSearchChunks.length") == 3
