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


# ---------------------------------------------------------------------------- real documents
# Passages below are copied from the corpus sites named in each comment (licences from
# /work/shared/corpus/MANIFEST.tsv); each is consistent unless the test says otherwise.

# kaia-docs build/wallets/wallets (kaiachain/kaia-docs, MIT licence): a comparison table whose
# column words ("Mobile", "No", "Support") repeat beside 移动电话, 没有, 支持
_WALLET_EN = [
    "D'cent | Hybrid | EOA | Mobile | No | No | Support | Yes",
    "DeFi Wallet | Non-custodial | EOA | Mobile, Desktop | No | No | Support | Yes",
    "DeKeys | Non-custodial | EOA | Browser | No | Yes | Support | No",
    "Favorlet | Non-custodial | EOA | Mobile | No | No | Support | No",
    "Huobi Wallet | Non-custodial | EOA | Mobile | No | No | Support | No",
    "Klip Wallet | Non-custodial | EOA | Mobile | No | No | Support | No",
]
_WALLET_HANS = [
    "D'cent | 混合动力 | EOA | 移动电话 | 没有 | 没有 | 支持 | 是",
    "DeFi Wallet | 非监护 | EOA | 移动、桌面 | 没有 | 没有 | 支持 | 是",
    "DeKeys | 非监护 | EOA | 浏览器 | 没有 | 是 | 支持 | 没有",
    "Favorlet | 非监护 | EOA | 移动电话 | 没有 | 没有 | 支持 | 没有",
    "Huobi Wallet | 非监护 | EOA | 移动电话 | 没有 | 没有 | 支持 | 没有",
    "Klip Wallet | 非监护 | EOA | 移动电话 | 没有 | 没有 | 支持 | 没有",
]


def _tables(doc):
    for v in doc.versions:
        for s in v.segments:
            s.kind = "table"
    return doc


def test_table_column_words_are_not_learned_as_names():
    en = _WALLET_EN + ["Kaia Wallet | Non-custodial | EOA | Browser | No | Yes | Support | No"]
    hans = _WALLET_HANS + ["Kaia Wallet | 非监护 | EOA | 移动, 浏览器 | 没有 | 是 | 支持 | 没有"]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("entity-mismatch", _tables(doc), al) == []


def test_frequent_english_words_are_not_learned_as_names():
    # kaia-docs misc/terms-of-use (kaiachain/kaia-docs, MIT licence): "Platform" is 平台 in
    # every row; "Kaia Blockchain Network Platform" is the same platform, not another name
    en = [
        "The Platform is operated by the Kaia Foundation.",
        "You may use the Platform only as permitted by these Terms.",
        "We may suspend the Platform at any time.",
        "Fees for the Platform are listed on the website.",
        'We may make the source code of Kaia Blockchain Network Platform ("Platform") available as open source.',
    ]
    hans = [
        "平台由 Kaia 基金会运营。",
        "您只能在本条款允许的范围内使用平台。",
        "我们可随时暂停平台。",
        "平台的费用列于网站上。",
        '我们可以将Kaia区块链网络平台（以下简称 "平台"）的源代码作为开源软件提供。',
    ]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("entity-mismatch", doc, al) == []


def test_sentence_initial_words_months_and_apostrophes_are_not_names():
    # hexo-site docs/one-command-deployment (hexojs/site, CC-BY-4.0): "Navigate" opens a sentence
    hans = [
        "部署到 Github Pages 的步骤如下。",
        "Github Pages 会托管您的站点。",
        "前往 Github Pages 的设置页面。",
    ]
    en = [
        "Deploying to Github Pages takes these steps.",
        "Github Pages hosts your site.",
        "Navigate to the settings page.",
    ]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("entity-mismatch", doc, al) == []
    # kaia-docs misc/faq (kaiachain/kaia-docs, MIT): a typographic apostrophe is the same name
    doc, al = _doc(zh_Hans=["支持 D'cent 钱包。"], en=["D’cent wallet is supported."])
    assert _run("entity-mismatch", doc, al) == []
    # a month phrase is a date, not a product name
    hans = ["Kaia 主网于 2020 年 3 月上线。", "Kaia 很快。", "Kaia 很安全。"]
    en = ["The mainnet launched in March of 2020.", "Kaia is fast.", "Kaia is secure."]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("entity-mismatch", doc, al) == []


def test_a_frequent_place_name_is_no_substitute_for_a_kept_name():
    # kaia-docs learn/why-kaia (kaiachain/kaia-docs, MIT): 亚洲 is "Asia"; Kaia is still there
    hans = ["Kaia Blockchain 的目标是成为亚洲第一区块链。", "Kaia 很快。", "Kaia 很安全。"]
    en = ["Kaia Blockchain aims to become Asia's #1 blockchain.", "Kaia is fast.", "Kaia is secure."]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("entity-mismatch", doc, al) == []


# kaia-docs build/get-started/hardhat (kaiachain/kaia-docs, MIT licence): the Chinese keeps
# "Hardhat" in Latin letters throughout, except where a machine translation wrote 硬头盔
_HARDHAT_EN = [
    "Hardhat is a smart-contract development environment.",
    "Compile your smart contract using Hardhat.",
    "Test your smart contracts using Hardhat.",
    "Explore Hardhat forking features.",
    "To use Hardhat, we need to set up our development environment.",
    "With hardhat, you can fork the mainnet at a particular block.",
]
_HARDHAT_HANS = [
    "Hardhat 是一个智能合约开发环境。",
    "使用 Hardhat 编译智能合约。",
    "使用 Hardhat 测试智能合约。",
    "探索 Hardhat 分叉功能。",
    "要使用 Hardhat，我们需要建立开发环境。",
    "使用硬头盔，您可以在特定区块分叉主网。",
]
_HARDHAT_HANT = [
    "Hardhat 是一個智能合約開發環境。",
    "使用 Hardhat 編譯智能合約。",
    "使用 Hardhat 測試智能合約。",
    "探索 Hardhat 分叉功能。",
    "要使用 Hardhat，我們需要建立開發環境。",
    "使用硬頭盔，您可以在特定區塊分叉主網。",
]


def test_a_name_the_chinese_keeps_elsewhere_but_translates_once_is_reported():
    doc, al = _doc(zh_Hans=_HARDHAT_HANS, zh_Hant=_HARDHAT_HANT, en=_HARDHAT_EN)
    found = _run("entity-mismatch", doc, al)
    assert [(f.locations[0].lang, f.locations[0].paragraph, f.evidence["expected"]) for f in found] == [
        ("zh-Hans", 6, "hardhat")
    ]
    assert "zh-Hans and zh-Hant do not write 'hardhat'" in found[0].message
    assert "∅" not in found[0].message
    # kept everywhere: nothing
    hans = _HARDHAT_HANS[:-1] + ["使用 Hardhat，您可以在特定区块分叉主网。"]
    hant = _HARDHAT_HANT[:-1] + ["使用 Hardhat，您可以在特定區塊分叉主網。"]
    doc, al = _doc(zh_Hans=hans, zh_Hant=hant, en=_HARDHAT_EN)
    assert _run("entity-mismatch", doc, al) == []


def test_a_usual_translation_of_a_name_is_not_reported():
    # "Ethereum" is 以太坊 in every Chinese row: a usage, not a slip
    en = [f"Ethereum {w}." for w in ("is a blockchain", "has accounts", "uses gas", "has blocks", "has nodes")]
    hans = ["以太坊是区块链。", "以太坊有账户。", "以太坊使用燃料。", "以太坊有区块。", "以太坊有节点。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("entity-mismatch", doc, al) == []


# hexo-site docs/configuration (hexojs/site, CC-BY-4.0): the zh-TW table lost the setting
# name `theme_config` that en and zh-CN write
def test_the_chinese_version_that_drops_a_setting_both_others_write_is_blamed():
    en = [
        "theme | Theme name. false disables theming",
        "theme_config | Theme configuration. Include any custom theme settings under this key.",
        "The theme_config inside site's primary configuration file has the highest priority.",
        "Put theme_config in _config.yml.",
    ]
    hans = [
        "theme | 当前主题名称。 值为false时禁用主题",
        "theme_config | 主题的配置文件。 在这里放置的配置会覆盖主题目录下的配置",
        "Hexo 配置文件中的 theme_config 的优先级最高。",
        "将 theme_config 放在 _config.yml 中。",
    ]
    hant = [
        "theme | Theme name. false disables theming",
        "使用主題名稱, 設為 false 表示關閉主題功能 | Theme configuration. Include any custom theme settings.",
        "在頁面主要設定檔案中的 theme_config 優先級最高。",
        "將 theme_config 放在 _config.yml 中。",
    ]
    doc, al = _doc(zh_Hans=hans, zh_Hant=hant, en=en)
    found = _run("entity-mismatch", doc, al)
    assert [(f.locations[0].lang, f.locations[0].paragraph, f.evidence["expected"]) for f in found] == [
        ("zh-Hant", 2, "theme_config")
    ]
    assert "where en and zh-Hans both do" in found[0].message
    # opensource-guide maintaining-balance (github/opensource.guide, CC-BY-4.0): a phrase of
    # English words one version translates (维护者社区) is not a dropped name
    doc, al = _doc(
        zh_Hans=[
            "Maintainer Community 很活跃。",
            "加入 Maintainer Community。",
            "我们与维护者社区的 40 名成员举办了一个工作坊。",
        ],
        zh_Hant=[
            "Maintainer Community 很活躍。",
            "加入 Maintainer Community。",
            "我們與 Maintainer Community 的 40 名成員進行了工作坊。",
        ],
        en=[
            "The Maintainer Community is active.",
            "Join the Maintainer Community.",
            "We ran a workshop with 40 members of the Maintainer Community.",
        ],
    )
    assert _run("entity-mismatch", doc, al) == []
    # a word zh-Hant leaves in English while zh-Hans translates it is untranslated text, not a name
    doc, al = _doc(
        zh_Hans=["## 脚手架", "使用脚手架创建文章。"],
        zh_Hant=["## Scaffolds", "使用 Scaffolds 建立文章。"],
        en=["## Scaffolds", "Create posts with scaffolds."],
    )
    assert _run("entity-mismatch", doc, al) == []


def test_a_common_noun_one_chinese_version_translates_is_not_a_dropped_name():
    # kaia-docs minidapps/minidapps (kaiachain/kaia-docs, MIT licence): "dApp" / "dApps" is a
    # common noun; zh-CN renders it 应用程序 in a heading where zh-TW keeps it
    en = ["Build a dApp on Kaia.", "dApps run on Kaia.", "Deploy your dApp.", "## Key SDKs for Building Mini dApp"]
    hans = ["在 Kaia 上构建 dApp。", "dApp 运行在 Kaia 上。", "部署您的 dApp。", "## 构建微型应用程序的关键 SDK"]
    hant = ["在 Kaia 上建構 dApp。", "dApp 運行在 Kaia 上。", "部署您的 dApp。", "## 建立迷你 dApp 的關鍵 SDK"]
    doc, al = _doc(zh_Hans=hans, zh_Hant=hant, en=en)
    assert _run("entity-mismatch", doc, al) == []
    # the same shape with a product name the English never puts in the plural is reported
    en = ["Build on Kaia.", "Kaia is fast.", "Deploy to Kaia.", "## Why Kaia"]
    hans = ["在 Kaia 上构建。", "Kaia 很快。", "部署到 Kaia。", "## 为什么选择凯亚"]
    hant = ["在 Kaia 上建構。", "Kaia 很快。", "部署到 Kaia。", "## 為什麼選擇 Kaia"]
    doc, al = _doc(zh_Hans=hans, zh_Hant=hant, en=en)
    found = _run("entity-mismatch", doc, al)
    assert [(f.locations[0].lang, f.locations[0].paragraph) for f in found] == [("zh-Hans", 4)]


# ---------------------------------------------------------------------------
# @handles (opensource.guide best-practices, CC BY 4.0: both Chinese versions write @progruim
# for the @progrium the English and every link target write)

_HANDLE_EN = [
    "You can also document the vision for a project.",
    "@progrium found that documenting the vision for his project, Dokku, helped those goals live on.",
    "Maintainers can step away from a project.",
]
_HANDLE_HANS = [
    "你也可以为项目写下愿景。",
    "@progruim 发现为他的项目 Dokku 写下愿景的文档，让那些目标延续下去。",
    "维护者可以离开项目。",
]
_HANDLE_HANT = [
    "你也可以為專案寫下願景。",
    "@progruim 發現為他的專案 Dokku 寫下願景的文件，讓那些目標延續下去。",
    "維護者可以離開專案。",
]


def test_a_misspelt_handle_is_reported_on_every_version_that_has_it():
    doc, al = _doc(zh_Hans=_HANDLE_HANS, zh_Hant=_HANDLE_HANT, en=_HANDLE_EN)
    found = [f for f in _run("entity-mismatch", doc, al) if "handle" in f.message]
    assert len(found) == 1
    f = found[0]
    assert f.locations[0].lang == "zh-Hans" and "(so does zh-Hant)" in f.message
    assert f.evidence["expected"] == "@progrium" and f.evidence["found"] == "@progruim"


@pytest.mark.slow
def test_the_misspelt_handle_of_the_real_page_is_reported_where_link_targets_say_otherwise(embedder):
    from tcheck.pipeline import Settings, audit_files

    from .conftest import FIXTURES

    group = FIXTURES / "corpus" / "opensource-guide" / "best-practices"
    files = [str(group / n) for n in ("en.md", "zh-CN.md", "zh-TW.md")]
    found = audit_files(files, settings=Settings(use_cache=False), embedder=embedder).findings
    handles = [f for f in found if f.rule == "entity-mismatch" and "handle" in f.message]
    assert [(f.locations[0].lang, f.evidence["found"], f.evidence["expected"]) for f in handles] == [
        ("zh-Hans", "@progruim", "@progrium")
    ]


def test_different_users_emails_and_short_handles_are_not_misspellings():
    en = ["Thanks to @alice and @alicia for the review.", "Write to team@example.org for help.", "Ask @bob."]
    hans = ["感谢 @alice 和 @alicia 的审阅。", "请写信到 team@example.org 获取帮助。", "询问 @bo。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert [f for f in _run("entity-mismatch", doc, al) if "handle" in f.message] == []


# ---------------------------------------------------------------------------
# Creative Commons licence elements


def _licence(**texts):
    doc, al = _doc(
        **{
            k: ["本页说明内容的使用条件。" if k != "en" else "This page says how you may use it."] + v
            for k, v in texts.items()
        }
    )
    return [f for f in _run("entity-mismatch", doc, al) if "Creative Commons" in f.message]


def test_a_licence_with_other_elements_in_one_version_is_an_error():
    found = _licence(
        zh_Hans=["本内容采用知识共享署名-禁止演绎 4.0 许可协议。"],
        zh_Hant=["本內容採用創用 CC 姓名標示-相同方式分享 4.0 授權條款。"],
        en=["This content is licensed under Creative Commons Attribution-NoDerivatives 4.0."],
    )
    assert [(f.locations[0].lang, f.severity) for f in found] == [("zh-Hant", Severity.ERROR)]
    assert "ShareAlike" in found[0].message and "NoDerivatives" in found[0].message
    # two versions: English, the source, decides
    found = _licence(zh_Hans=["本作品采用知识共享署名-非商业性使用 4.0 许可协议。"], en=["Licensed under CC BY 4.0."])
    assert [f.locations[0].lang for f in found] == ["zh-Hans"] and "NonCommercial" in found[0].message


def test_the_same_licence_written_as_a_code_or_in_words_is_not_reported():
    assert (
        _licence(
            zh_Hans=["本文采用知识共享署名-相同方式共享 4.0 许可协议（CC BY-SA 4.0）。"],
            zh_Hant=["本文採用創用 CC 姓名標示-相同方式分享 4.0 授權。"],
            en=["This article is available under CC BY-SA 4.0."],
        )
        == []
    )
    # mozilla-legal common_voice_terms (CC-BY-SA-3.0): the CC0 dedication in all three versions
    assert (
        _licence(
            zh_Hans=["我们依据 Creative Commons CC0 公共领域授权发布 Mozilla Common Voice 数据集。"],
            zh_Hant=["Mozilla Common Voice 資料集乃是按照 Creative Commons CC0 公眾領域貢獻宣告發布。"],
            en=[
                "We make Mozilla's Common Voice dataset available under the Creative Commons CC0 public domain dedication."
            ],
        )
        == []
    )


# ---------------------------------------------------------------------------
# inline code a character or two off (astro-docs guides/deploy/github, MIT: zh-CN writes
# https://<username>/github.io/<my-repo>/; hexo-site docs/asset-folders, MIT: config.yml)


def _code(**texts):
    doc, al = _doc(**texts)
    return [f for f in _run("entity-mismatch", doc, al) if "code" in f.message]


def test_a_code_span_a_character_off_in_one_chinese_version_is_reported():
    found = _code(
        zh_Hans=["GitHub Pages 会将你的网站发布到一个地址（例如：`https://<username>/github.io/<my-repo>/`）。"],
        zh_Hant=["GitHub Pages 發佈網站的網址（例如 `https://<username>.github.io/<my-repo>/`）。"],
        en=["GitHub Pages will publish your website at an address (e.g. `https://<username>.github.io/<my-repo>/`)."],
    )
    assert [(f.locations[0].lang, f.evidence["expected"]) for f in found] == [
        ("zh-Hans", "https://<username>.github.io/<my-repo>/")
    ]


def test_code_spans_differing_in_style_or_written_both_ways_are_not_reported():
    assert (
        _code(
            zh_Hans=["运行 `hexo server` 并打开 `src/pages` 目录，比较 `include:` 设置。"],
            zh_Hant=["執行 `hexo server` 並打開 `src/pages` 目錄，比較 `include:` 設定。"],
            en=["Run `$ hexo server` and open the `src/pages/` folder; compare the `include` setting."],
        )
        == []
    )
    # hexo-site api/injector: zh-CN names both files; a translated placeholder is not code changed
    assert (
        _code(
            zh_Hans=["上述代码将会把 `APlayer.min.css` 和 `APlayer.min.js` 注入页面，见 `{{路径/到/文件}}`。"],
            en=[
                "Above setup will inject `APlayer.min.css` and `APlayer.min.js` into the page, see `{{path/to/file}}`."
            ],
        )
        == []
    )


def test_a_name_replaced_once_at_the_start_of_a_sentence_by_a_word_that_is_no_english_word():
    # mozilla-legal firefox_privacy_notice (CC-BY-SA-3.0), with "Firefox" replaced once: the
    # row names Firefox three times in Chinese and twice in English, the third now "Kestrelin"
    zh = [
        "Firefox 会向我们发送数据。",
        "Firefox 是一款浏览器。",
        "我们改进 Firefox。",
        "技术数据：Firefox 会向我们发送以下数据：您的 Firefox 版本和语言。当 Firefox 向我们发送数据时，您的 IP 地址会被临时收集。",
    ]
    en = [
        "Firefox sends us data.",
        "Firefox is a browser.",
        "We improve Firefox.",
        "Technical data: Kestrelin sends data about your Firefox version and language. When Firefox sends data to us, your IP address is temporarily collected.",
    ]
    doc, al = _doc(zh_Hans=zh, en=en)
    found = [f for f in _run("entity-mismatch", doc, al) if "Kestrelin" in f.message]
    assert len(found) == 1 and found[0].locations[0].lang == "en"
    # an English word opening the sentence ("Mobile", "Once") is not taken for the replacement
    en[3] = en[3].replace("Kestrelin", "Mobile")
    doc, al = _doc(zh_Hans=zh, en=en)
    assert [f for f in _run("entity-mismatch", doc, al) if "Mobile" in f.message] == []
