"""entity-mismatch: names that change between aligned versions."""

from __future__ import annotations

import pytest

from tcheck.model import Severity

from .conftest import plain_doc as _doc
from .conftest import run_doc as _run
from .samples import EN, FF_EN, FF_HANS, HANS, HANT
from .samples import lines_with as _lines_with

_ZH_ONE_OFF = [
    "我们与第三方广告平台 Adzerk 共享汇总数据，以便广告商了解效果。",
    "我们会保护您的个人信息安全。",
    "您可以随时联系我们。",
]


def test_china_telecom_replacing_the_product_name_is_an_error():
    en = EN[:-1] + ["In the event that you accept services provided by China Telecom, this policy applies."]
    hans = HANS[:-1] + ["在您接受讯小通任一服务的情况下，本政策适用。"]
    hant = HANT[:-1] + ["在您接受訊小通任一服務的情況下，本政策適用。"]
    doc, al = _doc(zh_Hans=hans, zh_Hant=hant, en=en)
    found = _run("entity-mismatch", doc, al)
    assert len(found) == 1
    f = found[0]
    assert f.severity == Severity.ERROR
    assert f.locations[0].lang == "en" and f.locations[0].paragraph == 6
    assert f.evidence["expected"] == "Talk123" and f.evidence["found"] == "China Telecom"
    assert f.evidence["source_term"] == "讯小通" and f.evidence["support"] == 5
    span = f.evidence["found_span"]
    assert en[5][span["start_col"] - 1 : span["end_col"] - 1] == "China Telecom"
    assert "China Telecom" in f.message and "讯小通" in f.message and "Talk123" in f.message
    assert {c.lang for c in f.counterparts} == {"zh-Hans", "zh-Hant"}


def test_modifier_in_front_of_the_name_is_a_mismatch_but_a_possessive_is_not():
    en = EN[:-1] + ["Paper Talk123 has no control over third-party content."]
    hans = HANS[:-1] + ["讯小通无法控制第三方内容。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    found = _run("entity-mismatch", doc, al)
    assert [f.evidence["found"] for f in found] == ["Paper Talk123"]


def test_dropped_name_is_a_warning():
    en = EN[:-1] + ["The service has no control over third-party content."]
    hans = HANS[:-1] + ["讯小通无法控制第三方内容。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    found = _run("entity-mismatch", doc, al)
    assert len(found) == 1 and found[0].severity == Severity.WARNING
    assert found[0].evidence["found"] is None and found[0].evidence["expected"] == "Talk123"


def test_too_little_support_is_not_flagged():
    # only two rows pair 讯小通 with Talk123: no correspondence is learned
    hans = ["欢迎使用讯小通！", "讯小通会保护您的个人数据。", "在您接受讯小通任一服务的情况下，本政策适用。"]
    en = [
        "Welcome to Talk123!",
        "Talk123 protects your personal data.",
        "In the event that you accept services provided by China Telecom, this policy applies.",
    ]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("entity-mismatch", doc, al) == []


def test_extra_names_in_the_english_are_not_flagged_when_the_product_name_is_there():
    en = EN[:-1] + ["Talk123 stores data in the People's Republic of China."]
    hans = HANS[:-1] + ["讯小通将数据存储于中华人民共和国境内。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("entity-mismatch", doc, al) == []


def test_latin_name_spelled_differently_in_english():
    hans = HANS[:-1] + ["请下载 JusTalk 应用。"]
    en = EN[:-1] + ["Please download the JusTolk app."]
    doc, al = _doc(zh_Hans=hans, en=en)
    found = _run("entity-mismatch", doc, al)
    assert len(found) == 1
    assert found[0].evidence["expected"] == "JusTalk" and found[0].evidence["found"] == "JusTolk"
    # the same name in both: nothing
    doc, al = _doc(zh_Hans=hans, en=EN[:-1] + ["Please download the JusTalk app."])
    assert _run("entity-mismatch", doc, al) == []


def test_latin_name_spelled_differently_between_hans_and_hant():
    doc, al = _doc(zh_Hans=["请下载 JusTalk 应用。"], zh_Hant=["請下載 JusTolk 應用。"])
    found = _run("entity-mismatch", doc, al)
    assert len(found) == 1 and found[0].locations[0].lang == "zh-Hant"


@pytest.mark.slow
def test_seed000_entity_drift_is_found(seed000_result):
    doc, al = seed000_result.document, seed000_result.alignment
    found = _run("entity-mismatch", doc, al)
    by_name: dict[str, set[int]] = {}
    for f in found:
        by_name.setdefault(f.evidence["found"], set()).add(f.locations[0].at[0])
    telecom, unicom, paper = _lines_with("China Telecom"), _lines_with("China Unicom"), _lines_with("Paper Talk123")
    assert telecom and unicom and paper
    assert by_name.get("China Telecom") == telecom
    assert by_name.get("China Unicom") == unicom
    assert by_name.get("Paper Talk123") and by_name["Paper Talk123"] <= paper
    # every finding is on a line with a wrong name: the many correct Talk123 rows stay quiet
    bad = telecom | unicom | paper | _lines_with("News Talk123")
    assert {f.locations[0].at[0] for f in found} <= bad
    assert all(f.evidence["expected"] == "Talk123" for f in found if f.evidence.get("source_term") == "讯小通")
    assert max(f.evidence["support"] for f in found) >= 10


def test_latin_name_replaced_by_another_name_in_english():
    hans = HANS[:-1] + ["我们使用 Firefox 浏览网页。", "Firefox 会保护隐私。", "Firefox 很快。"]
    en = EN[:-1] + ["We browse the web with Chrome.", "Firefox protects privacy.", "Firefox is fast."]
    doc, al = _doc(zh_Hans=hans, en=en)
    found = _run("entity-mismatch", doc, al)
    assert [(f.evidence["expected"], f.evidence["found"], f.locations[0].paragraph) for f in found] == [
        ("Firefox", "Chrome", 6)
    ]
    en_ok = EN[:-1] + ["We browse the web with Firefox.", "Firefox protects privacy.", "Firefox is fast."]
    doc, al = _doc(zh_Hans=hans, en=en_ok)
    assert _run("entity-mismatch", doc, al) == []


def test_new_name_replacing_one_of_two_mentions_is_a_mismatch():
    hans = FF_HANS + ["Firefox 发送数据时，Firefox 会记录您的 IP 地址。"]
    en = FF_EN + ["When Orvanta sends data, Firefox records your IP address."]
    doc, al = _doc(zh_Hans=hans, en=en)
    found = _run("entity-mismatch", doc, al)
    assert [(f.evidence["found"], f.evidence["expected"]) for f in found] == [("Orvanta", "Firefox")]
    # the second mention said as "it": a paraphrase, nothing to report
    en_ok = FF_EN + ["When it sends data, Firefox records your IP address."]
    doc, al = _doc(zh_Hans=hans, en=en_ok)
    assert _run("entity-mismatch", doc, al) == []


def test_partly_replaced_name_is_a_mismatch_even_when_rare():
    hans = FF_HANS + ["我们的邮件供应商是 SalesForce Marketing Cloud。"]
    en = FF_EN + ["Our email vendor is Vantrix Marketing Cloud."]
    doc, al = _doc(zh_Hans=hans, en=en)
    found = _run("entity-mismatch", doc, al)
    assert len(found) == 1 and found[0].evidence["found"] == "Vantrix Marketing Cloud"
    doc, al = _doc(zh_Hans=hans, en=FF_EN + ["Our email vendor is SalesForce Marketing Cloud."])
    assert _run("entity-mismatch", doc, al) == []


def test_no_replacement_when_several_latin_names_are_missing_or_the_name_is_a_common_word():
    hans = FF_HANS + ["我们使用 Slack 和 Matrix 交流。"]
    en = FF_EN + ["We talk on Discord."]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("entity-mismatch", doc, al) == []
    hans = FF_HANS + ["Firefox 使用 Cookie。", "Cookie 很小。", "我们的 Cookie 工具。"]
    en = FF_EN + ["Firefox uses cookies.", "A cookie is small.", "Our Lumacore tool."]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("entity-mismatch", doc, al) == []


def test_one_off_latin_name_replaced_by_an_unknown_name_is_flagged():
    en = [
        "We share aggregated data with our third-party ad platform Kestrelin so advertisers see results.",
        "We protect the security of your personal information.",
        "You can contact us at any time.",
    ]
    doc, al = _doc(zh_Hans=_ZH_ONE_OFF, en=en)
    fs = [f for f in _run("entity-mismatch", doc, al) if f.locations[0].lang == "en"]
    assert len(fs) == 1 and fs[0].evidence["found"] == "Kestrelin" and fs[0].evidence["expected"] == "Adzerk"


def test_one_off_latin_name_paraphrased_with_an_ordinary_word_is_not_flagged():
    en = [
        "We share aggregated data with our third-party ad platform. Once shared, advertisers see results.",
        "We protect the security of your personal information.",
        "You can contact us at any time.",
    ]
    doc, al = _doc(zh_Hans=_ZH_ONE_OFF, en=en)
    assert _run("entity-mismatch", doc, al) == []


def test_names_inside_untranslated_english_in_the_chinese_are_not_kept_names():
    zh = [
        "我们会保护您的信息。The URL of a page to fetch contains both the domain name and the port.",
        "我们会保护您的个人信息安全。",
        "您可以随时联系我们。",
    ]
    en = [
        "We protect your information. French speakers may read the page in their language.",
        "We protect the security of your personal information.",
        "You can contact us at any time.",
    ]
    doc, al = _doc(zh_Hans=zh, en=en)
    assert _run("entity-mismatch", doc, al) == []
