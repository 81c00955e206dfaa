"""Browser suite: builds the sample site, serves it on a free loopback port and drives headless Chromium.

Environment:
  RIPPLE_BIN      the ripple executable (default: .build/debug/ripple, built by `swift build`)
  RIPPLE_SITE     an already built site folder to test instead of building the sample site
  CHROMIUM, CHROMEDRIVER   browser and driver paths (default: Debian's /usr/bin/chromium, /usr/bin/chromedriver)
Screenshots and the axe summary go to tests/browser/artifacts/ (git-ignored).
"""
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def page_types(site: Path):
    """Page types to test, read from the built site's folders: the home page, 404.html and every folder page,
    except that a run of more than three sibling folders without sub-folders (chapters, cohorts, quarters)
    counts as one type, tested through its first member."""
    types = {"home": "index.html"}
    if (site / "404.html").exists():
        types["404"] = "404.html"
    pages = sorted(p.parent.relative_to(site) for p in site.rglob("index.html")
                   if p.parent != site and "assets" not in p.relative_to(site).parts)
    by_parent = {}
    for folder in pages:
        by_parent.setdefault(folder.parent, []).append(folder)
    for parent, folders in sorted(by_parent.items()):
        leaves = [f for f in folders if not any(q.parent == f for q in pages)]
        for folder in folders:
            if len(leaves) > 3 and folder in leaves and folder != leaves[0]:
                continue
            types[folder.as_posix()] = f"{folder.as_posix()}/index.html"
    return types


_built = {}


def built_site() -> Path:
    """The site under test, built once per session (also used at collection to list the page types)."""
    if "site" in _built:
        return _built["site"]
    given = os.environ.get("RIPPLE_SITE")
    if given:
        _built["site"] = Path(given).resolve()
        return _built["site"]
    binary = Path(os.environ.get("RIPPLE_BIN", ROOT / ".build" / "debug" / "ripple"))
    if not binary.exists():
        raise pytest.UsageError(f"{binary} not found: run `swift build` first or set RIPPLE_BIN")
    work = Path(tempfile.mkdtemp(prefix="ripple-browser-"))
    _built["work"] = work
    out = work / "site"
    result = subprocess.run([str(binary), "build", "--source", str(ROOT), "--output", str(out)],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise pytest.UsageError("building the sample site failed:\n" + result.stdout + result.stderr)
    _built["site"] = out
    return out


def pytest_sessionfinish(session, exitstatus):
    if "work" in _built:
        shutil.rmtree(_built["work"], ignore_errors=True)


def pytest_generate_tests(metafunc):
    if "page_type" in metafunc.fixturenames:
        types = page_types(built_site())
        metafunc.parametrize("page_type", [(name, path) for name, path in types.items()],
                             ids=list(types.keys()))


@pytest.fixture(scope="session")
def site():
    return built_site()


@contextlib.contextmanager
def serve_folder(folder: Path):
    """Serves `folder` over HTTP on a free loopback port while the block runs; yields the base URL."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the local web server did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server(site):
    with serve_folder(site) as base:
        yield base


@pytest.fixture(scope="session")
def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--force-device-scale-factor=1", "--no-first-run"):
        options.add_argument(argument)
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    browser = webdriver.Chrome(service=service, options=options)
    browser.set_script_timeout(120)
    browser.set_page_load_timeout(60)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def set_color_scheme(driver, scheme):
    """Emulates `prefers-color-scheme` through the DevTools protocol."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


@contextlib.contextmanager
def viewport(driver, width, height=900):
    """Emulates a window `width` CSS px wide (a phone's, with `mobile`, below 600 px) for the block."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
