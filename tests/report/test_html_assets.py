"""The HTML report's stylesheet and script are package data, inlined into one offline file."""

from importlib import resources

from tcheck.report.html import asset


def test_assets_ship_in_the_package():
    folder = resources.files("tcheck.report").joinpath("assets")
    for name in ("page.html", "report.css", "report.js"):
        assert folder.joinpath(name).is_file()
    assert ":root" in asset("report.css") and "tcheckSelfTest" in asset("report.js")


def test_pyproject_declares_the_assets():
    import tomllib
    from pathlib import Path

    data = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["tcheck"]
    assert {"report/assets/*.html", "report/assets/*.css", "report/assets/*.js"} <= set(patterns)


def test_html_module_holds_no_inline_stylesheet_or_script():
    import tcheck.report.html as html

    for module in ("html.py", "html_document.py", "highlights.py"):
        source = resources.files("tcheck.report").joinpath(module).read_text(encoding="utf-8")
        assert ":root{" not in source and "addEventListener" not in source and "<!DOCTYPE" not in source
        assert len(source.splitlines()) < 400
    assert html.asset("report.css") in html.render_html([])
