"""number-mismatch and link-mismatch on small hand-built documents."""

from tcheck.load import segment
from tcheck.model import Alignment, Document, Row, Severity, Version
from tcheck.rules import RuleContext, all_rules
from tcheck.rules.link_mismatch import extract_links, normalize_phone, normalize_url


def make_ctx(texts: dict[str, list[str]], markdown: bool = False) -> RuleContext:
    """One version per language, paragraphs aligned one to one."""
    versions = []
    for lang, paras in texts.items():
        segs = segment("\n\n".join(paras) + "\n", markdown)
        assert len(segs) == len(paras), [s.text for s in segs]
        versions.append(Version(lang, f"doc.{lang}.{'md' if markdown else 'txt'}", segs))
    n = len(next(iter(texts.values())))
    rows = [Row({lang: [i + 1] for lang in texts}) for i in range(n)]
    return RuleContext(Document(versions), Alignment(list(texts), rows))


def run(rule_id: str, texts, markdown=False):
    rule = all_rules()[rule_id]()
    return list(rule.check(make_ctx(texts, markdown)))


# --------------------------------------------------------------------------- number-mismatch


def test_changed_duration_is_an_error_with_evidence():
    fs = run("number-mismatch", {
        "zh-Hans": ["我们将在30天内删除您的数据。"],
        "en": ["We will delete your data within 15 days."],
    })
    assert len(fs) == 1
    f = fs[0]
    assert f.severity == Severity.ERROR
    assert "15 days" in f.message and "30天" in f.message and "30 days" in f.message
    assert f.evidence["found"] == "15 days" and f.evidence["expected"] == "30 days"
    spans = f.evidence["spans"]
    assert spans["en"][0]["text"] == "15 days"
    assert spans["en"][0]["column"] == len("We will delete your data within ") + 1
    assert spans["zh-Hans"][0]["column"] == len("我们将在") + 1
    assert f.locations[0].lang == "en" and f.counterparts[0].lang == "zh-Hans"


def test_number_only_on_one_side_is_a_warning():
    fs = run("number-mismatch", {
        "zh-Hans": ["我们将保存您的数据180天。"],
        "en": ["We will keep your data."],
    })
    assert [f.severity for f in fs] == [Severity.WARNING]
    assert fs[0].locations[0].lang == "zh-Hans" and "180" in fs[0].message


def test_faithful_translations_are_not_flagged():
    fs = run("number-mismatch", {
        "zh-Hans": [
            "1. 我们将在三十天内回复。",
            "赔偿以人民币1,000元为限，且不超过收费的两倍。",
            "本政策自2024年6月12日起生效。",
            "我们不会收集十四周岁以下儿童的信息。",
            "一、一般条款：我们统一处理一些第三方的请求。",
            "您可以(1)访问；(2)更正您的数据。",
        ],
        "zh-Hant": [
            "1. 我們將在三十天內回覆。",
            "賠償以人民幣1,000元為限，且不超過收費的兩倍。",
            "本政策自2024年6月12日起生效。",
            "我們不會收集十四周歲以下兒童的資訊。",
            "一、一般條款：我們統一處理一些第三方的請求。",
            "您可以(1)存取；(2)更正您的資料。",
        ],
        "en": [
            "1. We will reply within 30 days.",
            "Compensation is limited to RMB 1000 and shall not exceed twice the fees.",
            "This policy takes effect on June 12, 2024.",
            "We do not collect information from children under fourteen.",
            "a) General terms: we handle the requests of some third parties in one place.",
            "You may (1) access; (2) correct your data.",
        ],
    })
    assert fs == []


def test_hans_hant_difference_is_reported_once_at_the_odd_version():
    fs = run("number-mismatch", {
        "zh-Hans": ["我们将在三十天内回复。"],
        "zh-Hant": ["我們將在十三天內回覆。"],
        "en": ["We will reply within 30 days."],
    })
    assert len(fs) == 1
    f = fs[0]
    assert f.severity == Severity.ERROR
    assert f.locations[0].lang == "zh-Hant"
    assert {c.lang for c in f.counterparts} == {"zh-Hans", "en"}
    assert f.evidence["expected"] == "30 days" and f.evidence["found"] == "13 days"


def test_hans_hant_amount_changed():
    fs = run("number-mismatch", {
        "zh-Hans": ["费用为人民币1,000元。"],
        "zh-Hant": ["費用為人民幣10,000元。"],
    })
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR
    assert fs[0].evidence["found"] == "CNY 10000" and fs[0].evidence["expected"] == "CNY 1000"


def test_changed_date_is_flagged():
    fs = run("number-mismatch", {
        "zh-Hans": ["本政策更新于2024年6月12日。"],
        "en": ["This policy was updated on June 21, 2024."],
    })
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR
    assert fs[0].evidence["expected"] == "2024-06-12"


def test_merged_rows_compare_all_segments():
    ctx = make_ctx({
        "zh-Hans": ["您需在30天内提出申请，我们将在15个工作日内答复。", "谢谢。"],
        "en": ["You must apply within 30 days.", "We will reply within 15 business days. Thanks."],
    })
    ctx.alignment.rows = [Row({"zh-Hans": [1, 2], "en": [1, 2]})]
    fs = list(all_rules()["number-mismatch"]().check(ctx))
    assert fs == []


# --------------------------------------------------------------------------- link-mismatch


def test_url_normalisation():
    assert normalize_url("https://WWW.Example.com/privacy/")[0] == normalize_url("https://example.com/privacy")[0]
    assert normalize_url("https://developer.mozilla.org/en-US/docs/Web/HTTP")[0] == \
        normalize_url("https://developer.mozilla.org/zh-CN/docs/Web/HTTP")[0]
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
    fs = run("link-mismatch", {
        "zh-Hans": ["请发送邮件至 privacy@example.com 联系我们。"],
        "en": ["Please write to support@example.com."],
    })
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR
    assert "support@example.com" in fs[0].message and "privacy@example.com" in fs[0].message
    assert fs[0].evidence["spans"]["en"][0]["column"] == len("Please write to ") + 1


def test_different_phone_is_an_error():
    fs = run("link-mismatch", {
        "zh-Hans": ["客服电话：400-123-4567。"],
        "zh-Hant": ["客服電話：400-123-4568。"],
    })
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR and fs[0].evidence["kind"] == "phone"


def test_missing_email_is_a_warning():
    fs = run("link-mismatch", {
        "zh-Hans": ["如有疑问，请联系 privacy@example.com。"],
        "en": ["If you have questions, please contact us."],
    })
    assert [f.severity for f in fs] == [Severity.WARNING]
    assert fs[0].locations[0].lang == "zh-Hans"


def test_obfuscated_email_is_info():
    fs = run("link-mismatch", {
        "zh-Hant": ["請發送郵件至 [email protected] 聯絡我們。"],
        "en": ["Please write to privacy@example.com."],
    })
    assert [f.severity for f in fs] == [Severity.INFO]
    assert fs[0].locations[0].lang == "zh-Hant" and "obfuscated" in fs[0].message


def test_http_vs_https_is_only_a_note():
    fs = run("link-mismatch", {
        "zh-Hans": ["详见 http://example.com/privacy。"],
        "en": ["See https://example.com/privacy."],
    })
    assert [f.severity for f in fs] == [Severity.INFO]
    assert fs[0].locations[0].lang == "zh-Hans"


def test_equivalent_links_are_not_flagged():
    fs = run("link-mismatch", {
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
    }, markdown=True)
    assert fs == []


def test_localized_pages_of_the_same_site_are_not_flagged():
    fs = run("link-mismatch", {
        "zh-Hans": ["参见[幽灵漏洞](https://zh.wikipedia.org/wiki/%E5%B9%BD%E7%81%B5%E6%BC%8F%E6%B4%9E)。"],
        "zh-Hant": ["參見[幽靈漏洞](https://zh.wikipedia.org/wiki/幽靈漏洞)。"],
        "en": ["See [Spectre](https://en.wikipedia.org/wiki/Spectre_(security_vulnerability))."],
    }, markdown=True)
    assert fs == []


def test_other_site_is_an_error_but_other_page_of_same_site_a_warning():
    fs = run("link-mismatch", {
        "zh-Hans": ["见[指南](https://guide.example.com/readme)。", "见[条款](https://example.com/terms)。"],
        "en": ["See [the guide](https://www.other.org/readme).", "See [terms](https://example.com/tos)."],
    }, markdown=True)
    assert sorted(f.severity for f in fs) == [Severity.WARNING, Severity.ERROR]


def test_link_two_versions_give_is_reported_once_at_the_third():
    fs = run("link-mismatch", {
        "zh-Hans": ["详见[说明](https://example.com/help)和[条款](https://example.com/terms)。"],
        "zh-Hant": ["詳見[說明](https://example.com/help)和[條款](https://example.com/terms)。"],
        "en": ["See the help pages and the terms."],
    }, markdown=True)
    assert len(fs) == 1
    assert fs[0].locations[0].lang == "en" and fs[0].severity == Severity.WARNING
    assert "https://example.com/help" in fs[0].message and "https://example.com/terms" in fs[0].message


def test_bare_url_followed_by_parenthesis_in_chinese():
    (seg,) = segment("参见 https://fetch.spec.whatwg.org/#corb)(CORB 规范）\n", False)
    (ln,) = extract_links(seg)
    assert ln.text == "https://fetch.spec.whatwg.org/#corb"


def test_number_missing_from_one_of_three_versions_is_reported_once():
    fs = run("number-mismatch", {
        "zh-Hans": ["我们保存数据180天。"],
        "zh-Hant": ["我們保存資料180天。"],
        "en": ["We keep the data."],
    })
    assert len(fs) == 1
    assert fs[0].locations[0].lang == "en" and fs[0].severity == Severity.WARNING
    assert {c.lang for c in fs[0].counterparts} == {"zh-Hans", "zh-Hant"}
