"""Live reload in a real browser, through `ripple serve` on a copy of the sample site.

A saved chapter reloads its open page (keeping the scroll position); the guide's print edition, made once the
author pauses, reloads only a page showing it; a broken template shows the error overlay, and mending it
takes the overlay away.
"""
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, _free_port

CHAPTER = "content/guide/05-skills-for-mentors-and-mentees.md"
CHAPTER_PAGE = "guide/skills-for-mentors-and-mentees/index.html"
PRINT_PAGE = "guide/print.html"
LAYOUT = "templates/layouts/chapter.mustache"


@pytest.fixture(scope="module")
def preview():
    binary = Path(os.environ.get("RIPPLE_BIN", ROOT / ".build" / "debug" / "ripple"))
    if not binary.exists():
        # In CI the suite runs after `swift build`, so a missing binary is a failure, never a skip.
        if os.environ.get("CI") == "true":
            pytest.fail(f"{binary} not found")
        pytest.skip(f"{binary} not found")
    work = Path(tempfile.mkdtemp(prefix="ripple-live-"))
    site = work / "site"
    site.mkdir()
    for item in ("ripple.yaml", "content", "templates"):
        source = ROOT / item
        if source.is_dir():
            shutil.copytree(source, site / item)
        else:
            shutil.copy(source, site / item)
    port = _free_port()
    # The private output folder goes under `work` too (it lives in the temporary folder).
    process = subprocess.Popen([str(binary), "serve", "--source", str(site), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=dict(os.environ, TMPDIR=str(work)))
    lines = []
    serving = threading.Event()

    def read():
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("Serving "):
                serving.set()

    threading.Thread(target=read, daemon=True).start()
    if not serving.wait(300):
        process.terminate()
        pytest.fail("ripple serve did not start:\n" + "\n".join(lines))
    yield site, f"http://127.0.0.1:{port}/", lines
    process.terminate()
    process.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)


def wait_until(condition, what, timeout=90):
    """Polls `condition`; a page that reloads while it is read (a stale element) just means "not yet"."""
    from selenium.common.exceptions import WebDriverException

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except WebDriverException:
            pass
        time.sleep(0.2)
    pytest.fail(f"timed out waiting until {what}")


def page_text(driver):
    """The page's visible text, read in one step."""
    return driver.execute_script("return document.body ? document.body.innerText : ''")


def edit(site, path, change):
    file = site / path
    text = file.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    file.write_text(changed, encoding="utf-8")


def loaded(driver):
    """The page is loaded and its live-reload connection is open."""
    return driver.execute_script(
        "return document.readyState === 'complete' && window.__rippleLiveReload === true")


def test_saves_reload_pages_and_errors_show_an_overlay(driver, preview, artifacts):
    site, base, log = preview
    driver.get(base + CHAPTER_PAGE)
    wait_until(lambda: loaded(driver), "the chapter page is loaded")
    chapter_tab = driver.current_window_handle
    driver.switch_to.new_window("tab")
    driver.get(base + PRINT_PAGE)
    wait_until(lambda: loaded(driver), "the print edition is loaded")
    print_tab = driver.current_window_handle
    driver.execute_script("window.__rippleMarker = 'print, before the save'")
    driver.switch_to.window(chapter_tab)
    driver.execute_script("window.scrollTo(0, 700); window.__rippleMarker = 'chapter, before the save'")
    time.sleep(1)  # the event stream's first status has arrived

    # A save reloads the chapter page, at the same scroll position.
    sentence = "A sentence saved while the browser watched."
    edit(site, CHAPTER, lambda text: text + "\n" + sentence + "\n")
    wait_until(lambda: sentence in page_text(driver), "the chapter page shows the save")
    assert driver.execute_script("return window.__rippleMarker") is None, "the page was reloaded"
    wait_until(lambda: abs(driver.execute_script("return window.scrollY") - 700) < 5, "the scroll position is back")
    driver.execute_script("window.__rippleMarker = 'chapter, after the save'")

    # Once the author pauses, the print edition follows: its page reloads, the chapter page does not.
    driver.switch_to.window(print_tab)
    wait_until(lambda: sentence in page_text(driver), "the print edition shows the save")
    assert any(line.startswith("Made the guide's EPUB and print edition in ") for line in log), "\n".join(log)
    time.sleep(1)
    driver.switch_to.window(chapter_tab)
    assert driver.execute_script("return window.__rippleMarker") == "chapter, after the save", \
        "the chapter page did not reload for the print edition"

    # A broken template: the page keeps the last good version under an overlay that names the file.
    original = (site / LAYOUT).read_text(encoding="utf-8")
    (site / LAYOUT).write_text(original + "\n{{/never-opened}}\n", encoding="utf-8")
    overlay = "return document.querySelector('[role=alertdialog]')"
    wait_until(lambda: driver.execute_script(overlay) is not None, "the error overlay shows")
    text = driver.execute_script(overlay + ".textContent")
    assert "templates/layouts/chapter.mustache" in text, text
    assert sentence in driver.find_element("tag name", "main").text, "the last good version is still shown"
    driver.save_screenshot(str(artifacts / "live-reload-overlay.png"))

    # Mended: the overlay goes away.
    (site / LAYOUT).write_text(original, encoding="utf-8")
    wait_until(lambda: driver.execute_script(overlay) is None, "the overlay goes away")
    driver.switch_to.window(print_tab)
    driver.close()
    driver.switch_to.window(chapter_tab)
