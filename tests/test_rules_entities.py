"""entity-mismatch and name-variant: unit tests on hand-built documents, and seed 000."""

from __future__ import annotations

import pytest

from tcheck.model import Alignment, Document, Line, Row, Segment, Severity, Version
from tcheck.text.names import english_names, english_vocab, han_ngrams, latin_names
from tcheck.rules import RuleContext, all_rules

from .conftest import SEED000


def _version(lang: str, texts: list[str]) -> Version:
    segs = []
    for i, t in enumerate(texts, start=1):
        segs.append(Segment(index=i, raw=t, text=t, line=i * 2, end_line=i * 2, lines=(Line(i * 2, 1, t),)))
    return Version(lang, f"doc.{lang}.md", segs)


def _doc(**texts: list[str]) -> tuple[Document, Alignment]:
    """Versions given as zh_Hans=[...], zh_Hant=[...], en=[...], aligned row by row."""
    versions = [_version(k.replace("_", "-"), v) for k, v in texts.items()]
    n = max(len(v) for v in versions)
    rows = [Row({v.lang: [i] for v in versions if i <= len(v)}) for i in range(1, n + 1)]
    return Document(versions), Alignment([v.lang for v in versions], rows)


def _run(rule_id: str, doc: Document, al: Alignment, glossary=None):
    ctx = RuleContext(doc, al, glossary=glossary)
    return list(all_rules()[rule_id]().check(ctx))


# a consistent trilingual document: the product 讯小通 / 訊小通 is "Talk123" everywhere
HANS = [
    "欢迎使用讯小通！",
    "讯小通会保护您的个人数据。",
    "如果您注册讯小通账户，我们会收集您的手机号码。",
    "讯小通不会出售您的个人数据。",
    "您可以随时联系讯小通客服。",
    "我们使用 Slack 与 GitHub 协作。",
]
HANT = [
    "歡迎使用訊小通！",
    "訊小通會保護您的個人資料。",
    "如果您註冊訊小通帳戶，我們會收集您的手機號碼。",
    "訊小通不會出售您的個人資料。",
    "您可以隨時聯繫訊小通客服。",
    "我們使用 Slack 與 GitHub 協作。",
]
EN = [
    "Welcome to Talk123!",
    "Talk123 protects your personal data.",
    "If you register a Talk123 account, we collect your phone number.",
    "Talk123's policy is not to sell your personal data.",
    "You can contact the Talk123 support team at any time.",
    "We use Slack and GitHub to work together.",
]

RULES = ("entity-mismatch", "name-variant", "glossary-violation")


@pytest.mark.parametrize("rule_id", RULES)
def test_consistent_trilingual_document_has_no_findings(rule_id):
    doc, al = _doc(zh_Hans=HANS, zh_Hant=HANT, en=EN)
    assert _run(rule_id, doc, al) == []


def test_name_candidates_skip_sentence_starts_and_possessives():
    text = "In 2020 the People's Republic of China and China Telecom signed. Talk123's app is the 52Phone."
    vocab = english_vocab([text, "in the morning"])
    names = [n.text for n in english_names(text, vocab)]
    assert "China Telecom" in names and "Talk123" in names and "52Phone" in names
    assert "People's Republic of China" in names
    assert not any(n.startswith("In") for n in names)
    assert [n.text for n in latin_names("请下载JusTalk Family和 GB/T 35273 标准")] == ["JusTalk Family", "GB/T 35273"]
    assert "讯小通" in han_ngrams("訊小通的服務")


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
    assert en[5][span["start_col"] - 1:span["end_col"] - 1] == "China Telecom"
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
    en = ["Welcome to Talk123!", "Talk123 protects your personal data.",
          "In the event that you accept services provided by China Telecom, this policy applies."]
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


# ---------------------------------------------------------------- name-variant
def test_name_variant_reports_the_rare_form():
    en = ["Talk123 is an app.", "We built Talk123 for you.", "Talk123 keeps data safe.", "Use Talk123 daily; we use it too.",
          "After that, Paper Talk123 confirms the incident.", "The 52Phone and Talk123's settings are separate."]
    doc, al = _doc(en=en)
    found = _run("name-variant", doc, al)
    assert len(found) == 1
    f = found[0]
    assert f.evidence["variant"] == "Paper Talk123" and f.evidence["dominant"] == "Talk123"
    assert f.evidence["dominant_count"] == 5 and f.locations[0].paragraph == 5


def test_name_variant_ignores_different_names_sharing_a_word():
    en = ["Read the Privacy Policy.", "The Privacy Policy applies.", "See the Privacy Policy.",
          "Our Cookie Policy explains cookies.", "Mozilla makes Firefox.", "Mozilla is a foundation.",
          "Mozilla cares.", "Firefox Monitor alerts you."]
    doc, al = _doc(en=en)
    assert _run("name-variant", doc, al) == []


def test_name_variant_half_translated_and_clipped_names_in_chinese():
    hant = ["歡迎使用 JusTalk Family。", "JusTalk Family 會保護您的資料。", "JusTalk Family 不會出售資料。",
            "請聯繫 JusTalk Family。", "在JusTalk家庭APP內購買。", "Jus 對此類網站不負責。"]
    doc, al = _doc(zh_Hant=hant)
    found = _run("name-variant", doc, al)
    assert sorted(f.evidence["variant"] for f in found) == ["Jus", "JusTalk家庭APP"]
    assert all(f.evidence["dominant"] == "JusTalk Family" for f in found)


# ---------------------------------------------------------------- seed 000
def _lines_with(needle: str) -> set[int]:
    lines = SEED000.read_text(encoding="utf-8").splitlines()
    return {i for i, ln in enumerate(lines, start=1) if needle in ln}


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


def test_seed000_name_variants(seed000_result):
    doc, al = seed000_result.document, seed000_result.alignment
    found = _run("name-variant", doc, al)
    variants = {f.evidence["variant"] for f in found}
    assert variants == {"Paper Talk123", "News Talk123"}
    assert {f.locations[0].at[0] for f in found} <= _lines_with("Paper Talk123") | _lines_with("News Talk123")
    assert all(f.evidence["dominant"] == "Talk123" for f in found)


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


# ------------------------------------------------ one-off misspellings, replaced mentions
FF_HANS = ["Firefox 会保护您的隐私。", "您可以下载 Firefox。", "Firefox 很快。", "Firefox 支持扩展。"]
FF_EN = ["Firefox protects your privacy.", "You can download Firefox.", "Firefox is fast.",
         "Firefox supports extensions."]


@pytest.mark.parametrize("typo", ["Fierfox", "Firef-ox", "FireFox"])
def test_one_off_misspelling_of_a_frequent_name_is_a_variant(typo):
    en = FF_EN + [f"Update {typo} regularly to stay safe."]
    doc, al = _doc(zh_Hans=FF_HANS + ["请定期更新 Firefox 以保持安全。"], en=en)
    found = _run("name-variant", doc, al)
    assert [(f.evidence["variant"], f.evidence["dominant"]) for f in found] == [(typo, "Firefox")]
    assert found[0].locations[0].line == 10


def test_inflections_ordinary_words_and_numbered_names_are_not_misspellings():
    en = ["Our Policy applies.", "The Policy changed.", "Read the Policy.", "Call the Police.",
          "We use the policy.", "Voice helps.", "Voice is open.", "Voice is free.", "Voices matter.",
          "IPv4 works.", "IPv4 is old.", "IPv4 is common.", "IPv6 is new."]
    doc, al = _doc(en=en)
    assert _run("name-variant", doc, al) == []


def test_misspelling_that_another_version_also_writes_is_deliberate():
    en = FF_EN + ["Try Firefix, our test build."]
    doc, al = _doc(zh_Hans=FF_HANS + ["试试 Firefix 测试版。"], en=en)
    assert _run("name-variant", doc, al) == []


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


# ------------------------------------------------ a plain name given an extra word
FFX_EN = ["Firefox protects your privacy.", "You can download Firefox today.", "Firefox is fast.",
          "Firefox supports extensions.", "We update Firefox every month."]
FFX_HANS = ["Firefox 会保护您的隐私。", "您今天就可以下载 Firefox。", "Firefox 很快。", "Firefox 支持扩展。",
            "我们每月更新 Firefox。"]


@pytest.mark.parametrize("variant", ["Firefox Nova", "Zentrova Firefox"])
def test_plain_name_with_an_extra_word_in_english_is_a_variant(variant):
    en = FFX_EN + [f"When you install {variant}, it checks for updates."]
    hans = FFX_HANS + ["当您安装 Firefox 时，它会检查更新。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    found = _run("name-variant", doc, al)
    assert [(f.evidence["variant"], f.evidence["dominant"]) for f in found] == [(variant, "Firefox")]
    f = found[0]
    assert f.locations[0].lang == "en" and f.locations[0].paragraph == 6
    assert f.evidence["kind"].startswith("extra word")
    assert en[5][f.evidence["span"]["start_col"] - 1:f.evidence["span"]["end_col"] - 1] == variant
    assert f.suggestion == "write 'Firefox'"


def test_plain_name_with_an_extra_word_in_chinese_latin_text_is_a_variant():
    en = FFX_EN + ["When you install Firefox, it checks for updates."]
    hans = FFX_HANS + ["当您安装 Firefox Heliora 时，它会检查更新。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    found = _run("name-variant", doc, al)
    assert [(f.evidence["variant"], f.locations[0].lang) for f in found] == [("Firefox Heliora", "zh-Hans")]


def test_real_product_names_built_on_a_plain_name_are_not_variants():
    # "Firefox Sync" twice, and the Chinese writes it too: a product, not a drift
    en = FFX_EN + ["Firefox Sync keeps your bookmarks.", "Turn on Firefox Sync in settings."]
    hans = FFX_HANS + ["Firefox Sync 会保存您的书签。", "在设置中打开 Firefox Sync。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("name-variant", doc, al) == []
    # once, but the aligned Chinese row writes the same extended name
    doc, al = _doc(zh_Hans=FFX_HANS + ["Firefox Sync 会保存您的书签。"], en=FFX_EN + ["Firefox Sync keeps your bookmarks."])
    assert _run("name-variant", doc, al) == []
    # an ordinary word after the name ("Firefox Account" where the text says "account")
    en = FFX_EN + ["Create a Firefox Account to sync.", "Your account is private."]
    hans = FFX_HANS + ["创建 Firefox 帐户以同步。", "您的帐户是私密的。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("name-variant", doc, al) == []
    # a name the text also uses on its own ("Mozilla Firefox" next to "Mozilla")
    en = FFX_EN + ["Mozilla Firefox is made by Mozilla."]
    hans = FFX_HANS + ["Firefox 由 Mozilla 制作。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("name-variant", doc, al) == []


def test_ordinary_english_words_and_possessives_next_to_a_name_are_not_variants():
    # "Foundation" / "Community" / "Join" are English words: the Chinese translates them
    mz_en = ["Mozilla makes Firefox.", "Mozilla protects you.", "Mozilla is open.", "Ask Mozilla anything."]
    mz_hans = ["Mozilla 制作 Firefox。", "Mozilla 保护您。", "Mozilla 是开放的。", "向 Mozilla 提问。"]
    for en_line, zh_line in [("You get no rights to the trademarks of the Mozilla Foundation.",
                              "您没有获得 Mozilla 基金会商标的权利。"),
                             ("You agree to follow the Mozilla Community guidelines.", "您同意遵守 Mozilla 社区准则。"),
                             ("You can sign up to Join Mozilla here.", "您可以在此注册加入 Mozilla。")]:
        doc, al = _doc(zh_Hans=mz_hans + [zh_line], en=mz_en + [en_line])
        assert _run("name-variant", doc, al) == [], en_line
    # a possessive in front: "Mozilla's Common Voice" where the text says "Common Voice"
    en = ["Common Voice is open.", "Use Common Voice.", "Common Voice is free.", "Mozilla runs it.",
          "We publish Mozilla's Common Voice dataset."]
    hans = ["Common Voice 是开放的。", "使用 Common Voice。", "Common Voice 是免费的。", "Mozilla 运营它。",
            "我们发布 Common Voice 数据集。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("name-variant", doc, al) == []


def test_extra_word_without_evidence_from_the_aligned_row_is_not_flagged():
    # the Chinese row translates the name (no Latin "Firefox" there): nothing to compare with
    en = FFX_EN + ["When you install Firefox Nova, it checks for updates."]
    hans = FFX_HANS + ["当您安装新星浏览器时，它会检查更新。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("name-variant", doc, al) == []
    # too few uses of the bare name to call it dominant
    en = FFX_EN[:2] + ["When you install Firefox Nova, it checks for updates."]
    doc, al = _doc(zh_Hans=FFX_HANS[:2] + ["当您安装 Firefox 时，它会检查更新。"], en=en)
    assert _run("name-variant", doc, al) == []


# --------------------------------------------------------------------------- one-off Latin names


_ZH_ONE_OFF = ["我们与第三方广告平台 Adzerk 共享汇总数据，以便广告商了解效果。", "我们会保护您的个人信息安全。",
               "您可以随时联系我们。"]


def test_one_off_latin_name_replaced_by_an_unknown_name_is_flagged():
    en = ["We share aggregated data with our third-party ad platform Kestrelin so advertisers see results.",
          "We protect the security of your personal information.", "You can contact us at any time."]
    doc, al = _doc(zh_Hans=_ZH_ONE_OFF, en=en)
    fs = [f for f in _run("entity-mismatch", doc, al) if f.locations[0].lang == "en"]
    assert len(fs) == 1 and fs[0].evidence["found"] == "Kestrelin" and fs[0].evidence["expected"] == "Adzerk"


def test_one_off_latin_name_paraphrased_with_an_ordinary_word_is_not_flagged():
    en = ["We share aggregated data with our third-party ad platform. Once shared, advertisers see results.",
          "We protect the security of your personal information.", "You can contact us at any time."]
    doc, al = _doc(zh_Hans=_ZH_ONE_OFF, en=en)
    assert _run("entity-mismatch", doc, al) == []


def test_names_inside_untranslated_english_in_the_chinese_are_not_kept_names():
    zh = ["我们会保护您的信息。The URL of a page to fetch contains both the domain name and the port.",
          "我们会保护您的个人信息安全。", "您可以随时联系我们。"]
    en = ["We protect your information. French speakers may read the page in their language.",
          "We protect the security of your personal information.", "You can contact us at any time."]
    doc, al = _doc(zh_Hans=zh, en=en)
    assert _run("entity-mismatch", doc, al) == []
