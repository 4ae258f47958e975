"""Baselines: line-independent fingerprints, matching with multiplicity, file format errors."""

import json
from pathlib import Path

import pytest

from tcheck.model import Alignment, Document, Finding, InputError, Location, Severity
from tcheck.pipeline import AuditResult, Settings, audit_document, load_document
from tcheck.workspace.baseline import evidence_id, load_baseline, write_baseline

ZH = [
    "# 隐私政策",
    "我们重视您的隐私。本政策说明我们如何收集和使用您的个人信息。",
    "我们收集您在注册账户时提供的姓名和电子邮件地址。",
    "我们不会向第三方出售您的个人信息。",
    "如有疑问，请通过电子邮件与我们联系。",
]
EN = [
    "# Privacy Policy",
    "We value your privacy. This policy explains how we collect and use your personal information.",
    "We collect the name and e-mail address you provide when you register an account.",
    "If you have questions, please contact us by e-mail.",
]
ZH_EXTRA = "我们使用加密技术保护您的账户安全。"
EN_EXTRA = "We use encryption to protect the security of your account."


def _audit(tmp_path, embedder, zh, en, name="p"):
    (tmp_path / f"{name}.zh-CN.md").write_text("\n\n".join(zh) + "\n", encoding="utf-8")
    (tmp_path / f"{name}.md").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    doc = load_document([str(tmp_path / f"{name}.zh-CN.md"), str(tmp_path / f"{name}.md")])
    return audit_document(doc, Settings(use_cache=False), embedder=embedder)


def _missing(res):
    found = [f for f in res.findings if f.rule == "missing-paragraph"]
    assert len(found) == 1, [f.message for f in res.findings]
    return found[0]


def test_fingerprint_survives_inserted_lines_and_paragraphs(tmp_path, embedder):
    before = _missing(_audit(tmp_path, embedder, ZH, EN))
    # blank lines at the top and a translated paragraph pair above the finding
    zh2 = ["", "", ZH[0], ZH_EXTRA, *ZH[1:]]
    en2 = ["", "", EN[0], EN_EXTRA, *EN[1:]]
    after = _missing(_audit(tmp_path, embedder, zh2, en2))
    assert after.locations[0].line > before.locations[0].line  # it really moved
    assert after.fingerprint == before.fingerprint


def test_fingerprint_changes_when_the_text_changes(tmp_path, embedder):
    before = _missing(_audit(tmp_path, embedder, ZH, EN))
    zh2 = list(ZH)
    zh2[3] = "我们不会向任何广告商出售或出租您的个人信息。"
    after = _missing(_audit(tmp_path, embedder, zh2, EN))
    assert after.fingerprint != before.fingerprint


# ---------------------------------------------------------------------------
# matching


def _finding(rule="number-mismatch", text="30 天", path="a.md", line=3):
    loc = Location("zh-Hans", path, 1, line, line)
    return Finding(rule, Severity.ERROR, f"{text} differs", [loc], texts=(text,)).finalize()


def _result(*findings):
    return AuditResult(Document([]), Alignment([], []), list(findings), "test")


def test_identical_findings_are_matched_with_multiplicity(tmp_path):
    base = tmp_path / "baseline.json"
    write_baseline(base, [_result(_finding(line=3))])
    res = _result(_finding(line=3), _finding(line=9))
    assert res.findings[0].fingerprint == res.findings[1].fingerprint
    assert load_baseline(base).apply([res]) == 1
    assert len(res.findings) == 1 and res.baseline == 1


def test_new_findings_are_kept(tmp_path):
    base = tmp_path / "baseline.json"
    write_baseline(base, [_result(_finding(text="30 天"))])
    res = _result(_finding(text="60 天"), _finding(rule="link-mismatch", text="30 天"))
    assert load_baseline(base).apply([res]) == 0
    assert len(res.findings) == 2 and res.baseline == 0


def test_entries_of_the_same_file_are_used_first(tmp_path):
    base = tmp_path / "baseline.json"
    write_baseline(base, [_result(_finding(path="a.md"))])
    in_b, in_a = _result(_finding(path="b.md")), _result(_finding(path="a.md"))
    load_baseline(base).apply([in_b, in_a])
    assert in_a.findings == [] and len(in_b.findings) == 1


def test_a_moved_document_still_matches(tmp_path):
    base = tmp_path / "baseline.json"
    write_baseline(base, [_result(_finding(path="old/a.md"))])
    res = _result(_finding(path="new/a.md"))
    load_baseline(base).apply([res])
    assert res.findings == [] and res.baseline == 1


def test_baseline_file_is_readable_json(tmp_path):
    base = tmp_path / "baseline.json"
    f = _finding()
    assert write_baseline(base, [_result(f)]) == 1
    data = json.loads(base.read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert data["entries"] == [
        {"rule": f.rule, "id": evidence_id(f), "fingerprint": f.fingerprint, "path": "a.md", "message": f.message}
    ]


def test_version_1_files_still_match_by_fingerprint(tmp_path):
    base = tmp_path / "baseline.json"
    f = _finding()
    entry = {"rule": f.rule, "fingerprint": f.fingerprint, "path": "a.md", "message": f.message}
    base.write_text(json.dumps({"version": 1, "entries": [entry]}), encoding="utf-8")
    res = _result(_finding())
    assert load_baseline(base).apply([res]) == 1 and res.findings == []


@pytest.mark.parametrize(
    "content, words",
    [
        ("not json", "invalid JSON"),
        ('{"entries": []}', "unsupported baseline version"),
        ('{"version": 1}', "not a tcheck baseline"),
        ('{"version": 1, "entries": [{"rule": "x"}]}', "entries[0] has no fingerprint"),
        ("[]", "not a tcheck baseline"),
    ],
)
def test_bad_baseline_files(tmp_path, content, words):
    base = tmp_path / "baseline.json"
    base.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as ei:
        load_baseline(base)
    assert words in str(ei.value) and str(base) in str(ei.value)


def test_missing_baseline_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_baseline(Path(tmp_path / "nope.json"))
