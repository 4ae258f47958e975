"""stale-translation: a version translated from another revision of the English text."""

from __future__ import annotations

from .conftest import check
from .conftest import rows_context as _ctx

# en is the current text: 12 paragraphs; zh-Hans translates only 3 of them (an older revision)
EN = [f"Paragraph number {n} of the current notice explains one more thing about your data." for n in range(1, 13)]
ZH_OLD = [
    "本通知第一段说明我们如何处理数据。",
    "旧版通知中的一段，新版已删除。",
    "本通知第二段说明您的权利。",
    "旧版的联系方式段落。",
]


def _stale_ctx():
    rows = [{"zh-Hans": [1], "en": [1]}, {"zh-Hans": [2], "en": []}, {"zh-Hans": [3], "en": [2]}]
    rows += [{"zh-Hans": [], "en": [n]} for n in range(3, 12)]
    rows += [{"zh-Hans": [4], "en": []}, {"zh-Hans": [], "en": [12]}]
    return _ctx({"zh-Hans": ZH_OLD, "en": EN}, rows)


def test_stale_version_is_one_finding_with_the_counts():
    (f,) = check("stale-translation", _stale_ctx())
    assert f.locations[0].lang == "zh-Hans"
    assert f.evidence["unmatched"] == {"zh-Hans": 2, "en": 10}
    assert "10 of 12 en paragraphs" in f.message


def test_stale_version_gives_no_missing_paragraph_findings():
    assert check("missing-paragraph", _stale_ctx()) == []


def test_versions_sharing_most_paragraphs_are_not_stale():
    zh = [f"通知第{n}段。说明与您的数据有关的一件事。" for n in range(1, 13)]
    rows = [{"zh-Hans": [n], "en": [n]} for n in range(1, 12)] + [
        {"zh-Hans": [12], "en": []},
        {"zh-Hans": [], "en": [12]},
    ]
    assert check("stale-translation", _ctx({"zh-Hans": zh, "en": EN}, rows)) == []
