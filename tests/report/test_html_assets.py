"""The HTML report's stylesheet and script are package data, inlined into one offline file."""

from importlib import resources

from tcheck.report.html import asset


def test_assets_ship_in_the_package():
    folder = resources.files("tcheck.report").joinpath("assets")
    assert folder.joinpath("report.css").is_file() and folder.joinpath("report.js").is_file()
    assert ":root" in asset("report.css") and "tcheckSelfTest" in asset("report.js")


def test_pyproject_declares_the_assets():
    import tomllib
    from pathlib import Path

    data = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["tcheck"]
    assert "report/assets/*.css" in patterns and "report/assets/*.js" in patterns


def test_html_module_holds_no_inline_stylesheet_or_script():
    import tcheck.report.html as html

    source = resources.files("tcheck.report").joinpath("html.py").read_text(encoding="utf-8")
    assert ":root{" not in source and "addEventListener" not in source
    assert len(source.splitlines()) < 400
    assert html.asset("report.css") in html.render_html([])
