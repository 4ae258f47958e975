"""The registry and what every rule has in common."""

from __future__ import annotations

import pytest

from tcheck.model import Severity
from tcheck.rules import all_rules

from .conftest import FIXTURES, SEEDS
from .conftest import plain_doc as _doc
from .conftest import run_doc as _run
from .samples import EN, HANS, HANT

RULES = ("entity-mismatch", "name-variant", "glossary-violation")


def test_rules_are_registered_with_their_scope():
    rules = all_rules()
    for rid in ("untranslated", "script-mix", "duplicate-paragraph", "broken-spacing", "regional-vocabulary"):
        assert rules[rid].scope == "single", rid
    assert rules["hans-hant-divergence"].scope == "cross"
    assert rules["regional-vocabulary"].severity == Severity.INFO
    # optional: runs only when the config turns it on; every other rule runs by default
    assert [rid for rid, r in rules.items() if not r.default_enabled] == ["semantic-drift", "regional-vocabulary"]


@pytest.mark.parametrize("rule_id", RULES)
def test_consistent_trilingual_document_has_no_findings(rule_id):
    doc, al = _doc(zh_Hans=HANS, zh_Hant=HANT, en=EN)
    assert _run(rule_id, doc, al) == []


# ---------------------------------------------------------------- declared facts match behaviour

ALL_ON = {rid: "on" for rid in all_rules()}


def _emitted(files_groups, embedder) -> dict[str, set]:
    from tcheck.pipeline import Settings, audit_files

    seen: dict[str, set] = {}
    for files in files_groups:
        res = audit_files([str(f) for f in files], settings=Settings(rules=ALL_ON, use_cache=False), embedder=embedder)
        for f in res.findings:
            seen.setdefault(f.rule, set()).add(f.severity)
    return seen


def _check_declared(seen: dict[str, set]) -> None:
    rules = all_rules()
    for rid, sevs in seen.items():
        assert sevs <= set(rules[rid].severities), (rid, sevs, rules[rid].severities)
        assert max(sevs) <= rules[rid].severity, rid


def test_emitted_severities_are_declared_fake_embedder(fake_embedder):
    seen = _emitted([[p] for p in sorted(SEEDS.glob("*.txt"))], fake_embedder)
    assert len(seen) >= 6
    _check_declared(seen)


@pytest.mark.slow
def test_emitted_severities_are_declared_on_seeds_and_corpus(embedder):
    groups = [[p] for p in sorted(SEEDS.glob("*.txt"))]
    groups += [sorted(d.glob("*.md")) for d in sorted((FIXTURES / "corpus").glob("*/*")) if d.is_dir()][:12]
    _check_declared(_emitted(groups, embedder))


def test_declared_severities_are_consistent():
    for rid, cls in all_rules().items():
        assert cls.severity == max(cls.severities), rid
        assert set(cls.yields_to) <= set(all_rules()), rid


def test_every_rule_documents_itself():
    for rid, cls in all_rules().items():
        assert cls.summary(), rid
        text = cls.help()
        assert rid in text and "## Options" in text
        for name in cls.options:
            assert name in text, (rid, name)


def test_bad_option_values_are_rejected_with_a_clear_error():
    from tcheck.model import InputError
    from tcheck.rules import OptionError

    drift = all_rules()["semantic-drift"]
    assert drift.Options.parse({"min_gap": 1}).min_gap == 1.0
    for bad, what in ((-0.1, "negative"), (float("nan"), "finite"), (float("inf"), "finite"), (True, "number")):
        with pytest.raises(OptionError, match=what):
            drift.Options.parse({"min_gap": bad})
    with pytest.raises(OptionError, match="no option 'gap'"):
        drift.Options.parse({"gap": 0.1})
    with pytest.raises(OptionError, match="integer"):
        drift.Options.parse({"min_rows": 2.5})
    ctx = _ctx_with_options({"semantic-drift": {"min_gap": -1.0}})
    with pytest.raises(InputError, match="options.semantic-drift"):
        list(drift().check(ctx))


def _ctx_with_options(options):
    from .conftest import context, version

    vs = [version("zh-Hans", ["我们会保护您的个人信息。"] * 2), version("en", ["We protect your data."] * 2)]
    return context(vs, [{"zh-Hans": [1], "en": [1]}, {"zh-Hans": [2], "en": [2]}], options=options)


def test_a_changed_number_between_chinese_versions_is_reported_once():
    from tcheck.pipeline import _drop_overlaps

    from .conftest import check, texts_context

    texts = {
        "zh-Hans": ["我们将在收到您的请求后的30天内回复您的问题。"],
        "zh-Hant": ["我們將在收到您的請求後的60天內回覆您的問題。"],
        "en": ["We will reply to your question within 30 days of receiving your request."],
    }
    ctx = texts_context(texts)
    both = check("number-mismatch", ctx) + check("hans-hant-divergence", ctx)
    assert sorted(f.rule for f in both) == ["hans-hant-divergence", "number-mismatch"]
    kept = _drop_overlaps(both, all_rules())
    assert [f.rule for f in kept] == ["number-mismatch"]


def test_every_rule_docstring_has_the_structured_sections():
    from tcheck.rules.base import SECTIONS

    for rid, cls in all_rules().items():
        sections = cls.sections()
        for name in SECTIONS:
            assert sections.get(name), (rid, name)


def test_rule_command_prints_the_documentation_and_rules_the_severities():
    from click.testing import CliRunner

    from tcheck.cli import main

    out = CliRunner().invoke(main, ["rule", "hans-hant-divergence"])
    assert out.exit_code == 0, out.output
    assert "## What it catches" in out.output and "## Options" in out.output and "min_context = 3" in out.output
    assert "error/info" in out.output.splitlines()[0]  # an added or dropped clause is info (measured)
    listed = CliRunner().invoke(main, ["rules"])
    line = next(ln for ln in listed.output.splitlines() if ln.startswith("link-mismatch "))
    assert "error/warning/info" in line
    bad = CliRunner().invoke(main, ["rule", "no-such-rule"])
    assert bad.exit_code == 2


def test_findings_carry_typed_spans_for_primary_related_and_highlights():
    from tcheck.model import Span

    from .conftest import check, texts_context

    texts = {
        "zh-Hans": ["我们将在收到您的请求后的30天内回复您的问题。"],
        "zh-Hant": ["我們將在收到您的請求後的60天內回覆您的問題。"],
    }
    (f,) = check("number-mismatch", texts_context(texts))
    assert isinstance(f.span, Span) and f.span.lang == "zh-Hant" and f.span.path == "doc.zh-Hant.txt"
    assert (f.span.line, f.span.column, f.span.end_line, f.span.end_column) == (1, 13, 1, 16)
    assert [s.lang for s in f.related] == ["zh-Hans"] and f.related[0].end_column == 16
    assert {s.lang for s in f.highlights} == {"zh-Hans", "zh-Hant"}
    assert f.to_json()["locations"][0] == {
        "lang": "zh-Hant",
        "path": "doc.zh-Hant.txt",
        "paragraph": 1,
        "line": 1,
        "end_line": 1,
        "column": 13,
    }
