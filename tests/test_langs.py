"""The one table of language tags: aliases, regions, order, path markers."""

import re

import pytest

from tcheck import langs


@pytest.mark.parametrize(
    "tag, expected",
    [
        ("en", ("en", "")),
        ("EN-us", ("en", "")),
        ("english", ("en", "")),
        ("zh-CN", ("zh-Hans", "")),
        ("zh_sg", ("zh-Hans", "")),
        ("zh-Hans", ("zh-Hans", "")),
        ("zh-TW", ("zh-Hant", "TW")),
        ("zh_HK", ("zh-Hant", "HK")),
        ("zh-MO", ("zh-Hant", "HK")),
        ("zh-Hant", ("zh-Hant", "")),
        ("zh-Hant-TW", ("zh-Hant", "TW")),
    ],
)
def test_parse_tag(tag, expected):
    assert langs.parse_tag(tag) == expected


@pytest.mark.parametrize("tag", ["zh", "fr", "", "zh-XX"])
def test_unknown_tags_are_value_errors(tag):
    with pytest.raises(ValueError, match="unknown language tag"):
        langs.parse_tag(tag)


def test_path_markers():
    assert langs.marker_lang("zh") == "zh"  # script read from the text
    assert langs.marker_lang("english") is None  # a word, not a path marker
    assert langs.marker_lang("zh_TW") == "zh-Hant" and langs.marker_lang("en-GB") == "en"
    assert langs.is_secondary("zh-HK") and langs.is_secondary("zh_SG") and not langs.is_secondary("zh-TW")
    zh = re.compile(langs.marker_pattern("zh") + "$", re.I)
    assert all(zh.match(t) for t in ("zh", "zh-CN", "zh_tw", "zh-Hant-HK")) and not zh.match("zh-XX")


def test_order():
    assert sorted(["en", "x", "zh-Hant", "zh-Hans"], key=langs.order) == ["zh-Hans", "zh-Hant", "en", "x"]
    assert langs.LANGS == ("zh-Hans", "zh-Hant", "en")
