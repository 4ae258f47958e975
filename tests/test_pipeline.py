"""The pipeline: each file loaded once, missing versions reported, one finding per problem."""

import json

import pytest

import tcheck.load.documents
from tcheck.model import Finding, Location, Severity
from tcheck.pipeline import _drop_overlaps
from tcheck.rules import all_rules

from .test_cli_workflow import EN_FULL, ZH_FULL, doc_pair, write


def _f(rule, line, col, lang="en"):
    return Finding(rule, Severity.WARNING, "m", [Location(lang, "p", 1, line, line, col)])


def test_name_variant_yields_to_entity_mismatch_at_the_same_spot():
    kept = _drop_overlaps([_f("entity-mismatch", 3, 5), _f("name-variant", 3, 5)], all_rules())
    assert [f.rule for f in kept] == ["entity-mismatch"]


def test_different_spots_or_versions_are_both_kept():
    fs = [_f("entity-mismatch", 3, 5), _f("name-variant", 3, 9), _f("name-variant", 3, 5, lang="zh-Hans")]
    assert len(_drop_overlaps(fs, all_rules())) == 3


def test_seed000_reports_each_wrong_name_once(seed000_result):
    spots = {}
    for f in seed000_result.findings:
        if f.rule in ("entity-mismatch", "name-variant"):
            spots.setdefault((f.locations[0].lang, f.locations[0].start), []).append(f.rule)
    assert spots and all(len(rules) == 1 for rules in spots.values())


def test_missing_paragraph_yields_to_duplicate_paragraph_on_seed000(seed000_result):
    by_spot = {}
    for f in seed000_result.findings:
        by_spot.setdefault((f.locations[0].lang, f.locations[0].start), set()).add(f.rule)
    dup_spots = [k for k, rules in by_spot.items() if "duplicate-paragraph" in rules]
    assert dup_spots, "seed 000's English repeats a paragraph"
    assert all("missing-paragraph" not in by_spot[k] for k in dup_spots)


# ---------------------------------------------------------------------------
# loading


def test_each_file_is_loaded_once(audit_cli, tmp_path, monkeypatch):
    loads = []
    real = tcheck.load.documents.load_versions
    monkeypatch.setattr(
        tcheck.load.documents, "load_versions", lambda path, *a, **kw: loads.append(path) or real(path, *a, **kw)
    )
    write(tmp_path, "README.md", EN_FULL)  # unmarked: its language decides the grouping
    write(tmp_path, "en/README.md", EN_FULL)
    write(tmp_path, "zh-CN/README.md", ZH_FULL)
    write(tmp_path, "a.txt", EN_FULL)  # explicit files without siblings: one document unless languages clash
    write(tmp_path, "b.txt", EN_FULL)
    assert audit_cli("README.md", "--fail-on", "never").exit_code == 0
    assert audit_cli("a.txt", "b.txt", "--fail-on", "never").exit_code == 0
    assert sorted(loads) == sorted(["README.md", "en/README.md", "zh-CN/README.md", "a.txt", "b.txt"])


@pytest.mark.parametrize(
    "bad, why",
    [
        (b"\x00\x01binary\x00", "looks like a binary file"),
        (b"---\ntitle: x\n---\n", "no text to audit"),
        (b"{% include 'x.html' %}\n", "no text to audit"),
    ],
)
def test_unusable_sibling_is_reported_and_the_others_are_audited(audit_cli, tmp_path, bad, why):
    doc_pair(tmp_path)
    (tmp_path / "policy.zh-TW.md").write_bytes(bad)
    res = audit_cli("policy.md", "--format", "json", "--fail-on", "never")
    assert res.exit_code == 0
    assert [v["lang"] for v in json.loads(res.stdout)["documents"][0]["versions"]] == ["zh-Hans", "en"]
    warning = f"tcheck: warning: policy.zh-TW.md: {why}"
    assert warning in res.stderr and "audited the other versions without it" in res.stderr


def test_inline_ignore_of_an_unknown_rule_is_an_error_like_in_the_config(audit_cli, tmp_path):
    doc_pair(tmp_path, ignore="<!-- tcheck: ignore link-mismatc -->\n")
    res = audit_cli("policy.md", "--fail-on", "never")
    assert res.exit_code == 2 and not res.stdout
    (line,) = res.stderr.splitlines()
    assert line.startswith("tcheck: error: policy.zh-CN.md:")
    assert "inline 'tcheck: ignore' names unknown rule 'link-mismatc'" in line
    # the same typo in the config is an error too
    (tmp_path / "tcheck.toml").write_text('[rules]\nlink-mismatc = "off"\n', encoding="utf-8")
    doc_pair(tmp_path)
    res = audit_cli("policy.md")
    assert res.exit_code == 2 and "unknown rule id 'link-mismatc'" in res.stderr
