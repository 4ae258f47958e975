"""JSON report contract (schema_version 2) and the shipped schema."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter

import pytest

import tcheck
from tcheck.report import render
from tcheck.report.json import report_dict, schema

from ..conftest import FIXTURES
from ..helpers import only, single_reports, validate_report

WEBSITES = FIXTURES / "corpus" / "mozilla-legal" / "websites_privacy_notice_2022-05-17"


@pytest.fixture(scope="module")
def report000(seed000_result):
    return only(json.loads(render([seed000_result], "json")))


@pytest.fixture(scope="module")
def three_file_result(embedder):
    from tcheck.pipeline import Settings, audit_files

    files = [str(WEBSITES / f) for f in ("en.md", "zh-CN.md", "zh-TW.md")]
    return audit_files(files, settings=Settings(use_cache=False), embedder=embedder)


def test_schema_is_valid_and_is_the_one_shipped():
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    assert schema()["title"].endswith("schema_version 2")


def test_validator_rejects_broken_reports(report000):
    """The helper must really catch contract breaks (otherwise every test passes vacuously)."""
    for breaker in (
        lambda r: r.pop("findings"),
        lambda r: r.__setitem__("model", 2),
        lambda r: r["versions"][0].__setitem__("lang", "zh-CN"),
        lambda r: r["versions"][0]["paragraphs"][0].__setitem__("line", 0),
        lambda r: r["alignment"][0].__setitem__("fr", [1]),
        lambda r: r["findings"][0].__setitem__("severity", "fatal"),
        lambda r: r["findings"][0]["locations"].clear(),
    ):
        broken = copy.deepcopy(report000)
        breaker(broken)
        with pytest.raises(AssertionError, match="report.schema.json"):
            validate_report(broken)


def test_seed000_report_contract(report000, seed000_result):
    r = validate_report(report000)
    full = json.loads(render([seed000_result], "json"))
    assert full["tool"] == {"name": "tcheck", "version": tcheck.__version__}
    assert r["model"] == seed000_result.model == "use-m3"
    assert [v["lang"] for v in r["versions"]] == ["zh-Hans", "zh-Hant", "en"]
    for v_json, v in zip(r["versions"], seed000_result.document.versions):
        assert v_json["path"] == v.path
        paras = v_json["paragraphs"]
        assert [p["index"] for p in paras] == list(range(1, len(v) + 1))
        for p, seg in zip(paras, v.segments):
            assert (p["line"], p["end_line"], p["text"]) == (seg.line, seg.end_line, seg.text)
            assert p["line"] <= p["end_line"]
            assert p.get("label", "") == seg.label


def test_alignment_rows_use_one_based_indices(report000):
    sizes = {v["lang"]: len(v["paragraphs"]) for v in report000["versions"]}
    seen = Counter()
    for row in report000["alignment"]:
        assert isinstance(row["score"], (int, float))
        cells = {k: v for k, v in row.items() if k != "score"}
        assert cells and set(cells) <= set(sizes)
        for lang, idx in cells.items():
            for i in idx:
                assert 1 <= i <= sizes[lang]
                seen[(lang, i)] += 1
    # every paragraph of every version is in exactly one row
    assert set(seen) == {(lang, i) for lang, n in sizes.items() for i in range(1, n + 1)}
    assert max(seen.values()) == 1


def test_findings_point_at_the_segment_that_carries_the_problem(report000):
    paras = {v["lang"]: v["paragraphs"] for v in report000["versions"]}
    paths = {v["lang"]: v["path"] for v in report000["versions"]}
    assert report000["findings"], "seed 000 has drift: the report must have findings"
    for f in report000["findings"]:
        assert re.fullmatch(r"[0-9a-f]{32}", f["fingerprint"])
        assert f["message"].strip()
        for loc in f["locations"] + f["counterparts"]:
            p = paras[loc["lang"]][loc["paragraph"] - 1]
            assert loc["line"] == p["line"], (f["rule"], loc)
            # a run of missing paragraphs is one finding: its range ends at the run's last segment
            ends = {q["end_line"] for q in paras[loc["lang"]][loc["paragraph"] - 1 :]}
            assert loc["end_line"] == p["end_line"] or (f["rule"] == "missing-paragraph" and loc["end_line"] in ends)
            assert loc["path"] == paths[loc["lang"]]
            assert loc["column"] >= 1


def test_summary_counts_match_findings(report000):
    counts = Counter(f["severity"] for f in report000["findings"])
    for sev in ("error", "warning", "info"):
        assert report000["summary"][sev] == counts.get(sev, 0)


def test_fingerprints_do_not_depend_on_line_numbers(seed000_result, embedder, tmp_path):
    """Inserting blank lines at the top moves every finding but keeps its fingerprint."""
    from tcheck.pipeline import Settings, audit_files

    from ..conftest import SEED000

    moved = tmp_path / SEED000.name
    moved.write_text("\n\n\n" + SEED000.read_text(encoding="utf-8"), encoding="utf-8")
    res = audit_files([str(moved)], settings=Settings(use_cache=False), embedder=embedder)
    a = report_dict(seed000_result)
    b = validate_report(report_dict(res))
    assert Counter(f["fingerprint"] for f in a["findings"]) == Counter(f["fingerprint"] for f in b["findings"])
    la = sorted(f["locations"][0]["line"] for f in a["findings"])
    lb = sorted(f["locations"][0]["line"] for f in b["findings"])
    assert lb == [x + 3 for x in la]


def test_three_file_report_validates(three_file_result):
    r = only(json.loads(render([three_file_result], "json")))
    assert [v["lang"] for v in r["versions"]] == ["zh-Hans", "zh-Hant", "en"]
    assert {v["path"].split("/")[-1] for v in r["versions"]} == {"en.md", "zh-CN.md", "zh-TW.md"}
    for v in r["versions"]:
        assert v["paragraphs"][0]["line"] >= 1


def test_multi_document_report_validates(seed000_result, three_file_result):
    r = validate_report(json.loads(render([seed000_result, three_file_result], "json")))
    docs = single_reports(r)
    assert len(docs) == 2
    for sev in ("error", "warning", "info"):
        assert r["summary"][sev] == sum(d["summary"][sev] for d in docs)


def test_one_document_has_the_same_shape_as_several(seed000_result):
    r = validate_report(json.loads(render([seed000_result], "json")))
    assert r["schema_version"] == 2 and set(r) == {"schema_version", "tool", "documents", "summary"}
    assert len(r["documents"]) == 1 and "schema_version" not in r["documents"][0]


def test_old_single_document_shape_is_rejected(report000):
    from jsonschema import Draft202012Validator

    old = {"schema_version": 1, "tool": {"name": "tcheck", "version": "0"}, **report000}
    assert list(Draft202012Validator(schema()).iter_errors(old))
