"""Reporters read typed spans only: evidence is shown as data, never searched for positions."""

import json

from tcheck.model import Finding, Severity
from tcheck.pipeline import AuditResult
from tcheck.report import render

from .test_sarif_github import EN, build_tiny, exact, pos_of


def _misleading(tmp_path):
    res = build_tiny(tmp_path / "repo")
    en = res.document.get("en")
    loc, span = exact(en, en[3], "data")
    decoy = {"spans": [{"lang": "en", "line": 1, "column": 1, "end_column": 8}], "found": "We", "line": 1, "column": 2}
    f = Finding(
        "untranslated", Severity.ERROR, "check data", [loc], evidence=decoy, texts=("data",), highlights=(span,)
    ).finalize()
    return AuditResult(res.document, res.alignment, [f], model="test-model"), span


def test_sarif_and_github_use_the_span_not_the_evidence(tmp_path, monkeypatch):
    res, span = _misleading(tmp_path)
    monkeypatch.chdir(tmp_path / "repo")
    region = json.loads(render([res], "sarif"))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    line, col = pos_of(EN, "data")
    assert region == {"startLine": line, "startColumn": col, "endLine": line, "endColumn": col + 4}
    assert f"line={line},col={col}," in render([res], "github")
    assert f":{line}:{col}: error untranslated" in render([res], "text")


def test_html_marks_the_span_not_the_evidence(tmp_path):
    from bs4 import BeautifulSoup

    res, _span = _misleading(tmp_path)
    soup = BeautifulSoup(render([res], "html"), "html.parser")
    marks = [m.get_text() for m in soup.select("mark.hl")]
    assert marks == ["data"]


def test_reporters_do_not_import_each_other_or_walk_evidence():
    from importlib import resources

    for name in ("html.py", "github.py", "text.py", "sarif.py", "highlights.py"):
        source = resources.files("tcheck.report").joinpath(name).read_text(encoding="utf-8")
        assert "from .sarif" not in source and "evidence.get(" not in source and "evidence_spans" not in source
