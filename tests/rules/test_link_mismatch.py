"""link-mismatch: URLs, e-mail addresses and phone numbers that differ."""

from __future__ import annotations

from tcheck.load import segment
from tcheck.model import Severity
from tcheck.text.links import extract_links, normalize_phone, normalize_url

from .conftest import run_texts as run


def test_url_normalisation():
    assert normalize_url("https://WWW.Example.com/privacy/")[0] == normalize_url("https://example.com/privacy")[0]
    assert (
        normalize_url("https://developer.mozilla.org/en-US/docs/Web/HTTP")[0]
        == normalize_url("https://developer.mozilla.org/zh-CN/docs/Web/HTTP")[0]
    )
    assert normalize_url("https://example.com/zh-TW/legal/")[0] == normalize_url("https://example.com/legal")[0]
    assert normalize_url("https://example.com/privacy")[0] != normalize_url("https://example.com/terms")[0]
    assert normalize_url("https://example.com/privacy")[0] != normalize_url("https://example.org/privacy")[0]


def test_phone_normalisation():
    assert normalize_phone("+86 10 1234 5678") == normalize_phone("010-12345678")
    assert normalize_phone("1-800-352-5267") == normalize_phone("+1 800 352 5267")
    assert normalize_phone("400-123-4567") != normalize_phone("400-123-4568")


def test_extracts_markdown_targets_and_ignores_dates():
    (seg,) = segment("请阅读[隐私政策](https://example.com/privacy)或发邮件至 a@example.com，日期 2024-06-12。\n", True)
    kinds = sorted((ln.kind, ln.key) for ln in extract_links(seg))
    assert kinds == [("email", "a@example.com"), ("url", "example.com/privacy")]


def test_different_email_is_an_error():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["请发送邮件至 privacy@example.com 联系我们。"],
            "en": ["Please write to support@example.com."],
        },
    )
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR
    assert "support@example.com" in fs[0].message and "privacy@example.com" in fs[0].message
    assert fs[0].evidence["spans"]["en"][0]["column"] == len("Please write to ") + 1


def test_different_phone_is_an_error():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["客服电话：400-123-4567。"],
            "zh-Hant": ["客服電話：400-123-4568。"],
        },
    )
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR and fs[0].evidence["kind"] == "phone"


def test_missing_email_is_a_warning():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["如有疑问，请联系 privacy@example.com。"],
            "en": ["If you have questions, please contact us."],
        },
    )
    assert [f.severity for f in fs] == [Severity.WARNING]
    assert fs[0].locations[0].lang == "zh-Hans"


def test_obfuscated_email_is_info():
    fs = run(
        "link-mismatch",
        {
            "zh-Hant": ["請發送郵件至 [email protected] 聯絡我們。"],
            "en": ["Please write to privacy@example.com."],
        },
    )
    assert [f.severity for f in fs] == [Severity.INFO]
    assert fs[0].locations[0].lang == "zh-Hant" and "obfuscated" in fs[0].message


def test_http_vs_https_is_only_a_note():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["详见 http://example.com/privacy。"],
            "en": ["See https://example.com/privacy."],
        },
    )
    assert [f.severity for f in fs] == [Severity.INFO]
    assert fs[0].locations[0].lang == "zh-Hans"


def test_equivalent_links_are_not_flagged():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": [
                "请阅读[文档](https://developer.mozilla.org/zh-CN/docs/Web/HTTP)。",
                "联系 Privacy@Example.com 或致电 +86 10 1234 5678。",
                "访问 https://www.example.com/legal/。",
                "详见[说明](https://example.com/help?lang=zh-CN)。",
            ],
            "zh-Hant": [
                "請閱讀[文件](https://developer.mozilla.org/zh-TW/docs/Web/HTTP)。",
                "聯絡 privacy@example.com 或致電 010-12345678。",
                "造訪 https://example.com/legal。",
                "詳見[說明](https://example.com/help?lang=zh-TW)。",
            ],
            "en": [
                "Read the [docs](https://developer.mozilla.org/en-US/docs/Web/HTTP).",
                "Contact privacy@example.com or call +86 10 1234 5678.",
                "Visit https://example.com/legal.",
                "See the [guide](https://example.com/help?lang=en).",
            ],
        },
        markdown=True,
    )
    assert fs == []


def test_localized_pages_of_the_same_site_are_not_flagged():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["参见[幽灵漏洞](https://zh.wikipedia.org/wiki/%E5%B9%BD%E7%81%B5%E6%BC%8F%E6%B4%9E)。"],
            "zh-Hant": ["參見[幽靈漏洞](https://zh.wikipedia.org/wiki/幽靈漏洞)。"],
            "en": ["See [Spectre](https://en.wikipedia.org/wiki/Spectre_(security_vulnerability))."],
        },
        markdown=True,
    )
    assert fs == []


def test_other_site_is_an_error_but_other_page_of_same_site_a_warning():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["见[指南](https://guide.example.com/readme)。", "见[条款](https://example.com/terms)。"],
            "en": ["See [the guide](https://www.other.org/readme).", "See [terms](https://example.com/tos)."],
        },
        markdown=True,
    )
    assert sorted(f.severity for f in fs) == [Severity.WARNING, Severity.ERROR]


def test_link_two_versions_give_is_reported_once_at_the_third():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["详见[说明](https://example.com/help)和[条款](https://example.com/terms)。"],
            "zh-Hant": ["詳見[說明](https://example.com/help)和[條款](https://example.com/terms)。"],
            "en": ["See the help pages and the terms."],
        },
        markdown=True,
    )
    assert len(fs) == 1
    assert fs[0].locations[0].lang == "en" and fs[0].severity == Severity.WARNING
    assert "https://example.com/help" in fs[0].message and "https://example.com/terms" in fs[0].message


def test_bare_url_followed_by_parenthesis_in_chinese():
    (seg,) = segment("参见 https://fetch.spec.whatwg.org/#corb)(CORB 规范）\n", False)
    (ln,) = extract_links(seg)
    assert ln.text == "https://fetch.spec.whatwg.org/#corb"


def test_number_missing_from_one_of_three_versions_is_reported_once():
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": ["我们保存数据180天。"],
            "zh-Hant": ["我們保存資料180天。"],
            "en": ["We keep the data."],
        },
    )
    assert len(fs) == 1
    assert fs[0].locations[0].lang == "en" and fs[0].severity == Severity.WARNING
    assert {c.lang for c in fs[0].counterparts} == {"zh-Hans", "zh-Hant"}
