"""glossary-violation: required renderings and do-not-translate terms (loading: tests/workspace/test_glossary.py)."""

from __future__ import annotations

from tcheck.model import Severity
from tcheck.workspace.glossary import Glossary, GlossaryEntry

from .conftest import run_texts

DATA = GlossaryEntry(zh_hans="个人数据", zh_hant="個人資料", en="personal data", line=2)
SLACK = GlossaryEntry(en="Slack", dnt=True, line=3)


def test_missing_rendering_points_at_the_segment_and_names_the_source_term():
    texts = {"zh-Hans": ["我们会保护您的个人数据。"], "en": ["We protect your personal information."]}
    (f,) = run_texts("glossary-violation", texts, glossary=Glossary([DATA]))
    assert f.severity == Severity.WARNING and f.span.lang == "en"
    assert list(f.evidence) == [
        "term",
        "source_lang",
        "expected",
        "found",
        "glossary_line",
        "note",
        "source_span",
        "key",
    ]
    assert f.evidence["expected"] == "personal data" and f.evidence["found"] is None
    assert [s.lang for s in f.related] == ["zh-Hans"] and f.related[0].end_column is not None
    assert f.suggestion == "use 'personal data' as the glossary requires"


def test_do_not_translate_term_written_differently_is_reported_at_the_variant():
    texts = {"zh-Hans": ["我们使用 slack 协作。"], "en": ["We use Slack to work together."]}
    (f,) = run_texts("glossary-violation", texts, glossary=Glossary([SLACK]))
    assert f.span.lang == "zh-Hans" and f.evidence["dnt"] is True
    assert f.evidence["found"] == "slack" and "writes 'slack'" in f.message
    assert f.suggestion == "keep 'Slack' untranslated"


def test_texts_that_follow_the_glossary_are_quiet():
    texts = {"zh-Hans": ["我们使用 Slack 保护您的个人数据。"], "en": ["We use Slack to protect your personal data."]}
    assert run_texts("glossary-violation", texts, glossary=Glossary([DATA, SLACK])) == []
