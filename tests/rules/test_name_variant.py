"""name-variant: a rare spelling of a name the document spells otherwise."""

from __future__ import annotations

import pytest

from .conftest import plain_doc as _doc
from .conftest import run_doc as _run
from .samples import FF_EN, FF_HANS
from .samples import lines_with as _lines_with

FFX_EN = [
    "Firefox protects your privacy.",
    "You can download Firefox today.",
    "Firefox is fast.",
    "Firefox supports extensions.",
    "We update Firefox every month.",
]


FFX_HANS = [
    "Firefox 会保护您的隐私。",
    "您今天就可以下载 Firefox。",
    "Firefox 很快。",
    "Firefox 支持扩展。",
    "我们每月更新 Firefox。",
]


def test_name_variant_reports_the_rare_form():
    en = [
        "Talk123 is an app.",
        "We built Talk123 for you.",
        "Talk123 keeps data safe.",
        "Use Talk123 daily; we use it too.",
        "After that, Paper Talk123 confirms the incident.",
        "The 52Phone and Talk123's settings are separate.",
    ]
    doc, al = _doc(en=en)
    found = _run("name-variant", doc, al)
    assert len(found) == 1
    f = found[0]
    assert f.evidence["variant"] == "Paper Talk123" and f.evidence["dominant"] == "Talk123"
    assert f.evidence["dominant_count"] == 5 and f.locations[0].paragraph == 5


def test_name_variant_ignores_different_names_sharing_a_word():
    en = [
        "Read the Privacy Policy.",
        "The Privacy Policy applies.",
        "See the Privacy Policy.",
        "Our Cookie Policy explains cookies.",
        "Mozilla makes Firefox.",
        "Mozilla is a foundation.",
        "Mozilla cares.",
        "Firefox Monitor alerts you.",
    ]
    doc, al = _doc(en=en)
    assert _run("name-variant", doc, al) == []


def test_name_variant_half_translated_and_clipped_names_in_chinese():
    hant = [
        "歡迎使用 JusTalk Family。",
        "JusTalk Family 會保護您的資料。",
        "JusTalk Family 不會出售資料。",
        "請聯繫 JusTalk Family。",
        "在JusTalk家庭APP內購買。",
        "Jus 對此類網站不負責。",
    ]
    doc, al = _doc(zh_Hant=hant)
    found = _run("name-variant", doc, al)
    assert sorted(f.evidence["variant"] for f in found) == ["Jus", "JusTalk家庭APP"]
    assert all(f.evidence["dominant"] == "JusTalk Family" for f in found)


# electron/i18n, electron/electron (MIT), tutorials: a name inside an identifier, a sentence
# opened by a verb form, a name of its own followed by Chinese
NO_VARIANTS = {
    "identifier": (
        "zh_Hant",
        [
            "設定以下環境變數：",
            "* `ELECTRON_GITHUB_TOKEN` - 能在 GitHub 建立 Release 的 Token。",
            "* `GITHUB_TOKEN` - 設成跟 `ELECTRON_GITHUB_TOKEN` 一樣",
            "* `GITHUB_ORG` - 你的組織。",
        ],
    ),
    "opening verb": (
        "en",
        [
            "Signing macOS builds.",
            "On macOS, the app is signed.",
            "macOS checks the signature.",
            "Apple verifies macOS apps.",
            "Preparing macOS applications for release requires two steps.",
        ],
    ),
    "name of its own": (
        "zh_Hans",
        [
            "使用 Electron Forge 打包。",
            "Electron Forge 会处理签名。",
            "安装 Electron Forge。",
            "Electron 是一个框架。",
            "Electron将在app中实现这些约定的责任交给开发者们。",
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(NO_VARIANTS))
def test_name_variant_identifiers_verbs_and_a_name_of_its_own_are_no_variants(case):
    lang, lines = NO_VARIANTS[case]
    doc, al = _doc(**{lang: lines})
    assert _run("name-variant", doc, al) == []


@pytest.mark.slow
def test_seed000_name_variants(seed000_result):
    doc, al = seed000_result.document, seed000_result.alignment
    found = _run("name-variant", doc, al)
    variants = {f.evidence["variant"] for f in found}
    assert variants == {"Paper Talk123", "News Talk123"}
    assert {f.locations[0].at[0] for f in found} <= _lines_with("Paper Talk123") | _lines_with("News Talk123")
    assert all(f.evidence["dominant"] == "Talk123" for f in found)


@pytest.mark.parametrize("typo", ["Fierfox", "Firef-ox", "FireFox"])
def test_one_off_misspelling_of_a_frequent_name_is_a_variant(typo):
    en = FF_EN + [f"Update {typo} regularly to stay safe."]
    doc, al = _doc(zh_Hans=FF_HANS + ["请定期更新 Firefox 以保持安全。"], en=en)
    found = _run("name-variant", doc, al)
    assert [(f.evidence["variant"], f.evidence["dominant"]) for f in found] == [(typo, "Firefox")]
    assert found[0].locations[0].line == 10


def test_inflections_ordinary_words_and_numbered_names_are_not_misspellings():
    en = [
        "Our Policy applies.",
        "The Policy changed.",
        "Read the Policy.",
        "Call the Police.",
        "We use the policy.",
        "Voice helps.",
        "Voice is open.",
        "Voice is free.",
        "Voices matter.",
        "IPv4 works.",
        "IPv4 is old.",
        "IPv4 is common.",
        "IPv6 is new.",
    ]
    doc, al = _doc(en=en)
    assert _run("name-variant", doc, al) == []


def test_misspelling_that_another_version_also_writes_is_deliberate():
    en = FF_EN + ["Try Firefix, our test build."]
    doc, al = _doc(zh_Hans=FF_HANS + ["试试 Firefix 测试版。"], en=en)
    assert _run("name-variant", doc, al) == []


@pytest.mark.parametrize("variant", ["Firefox Velmora", "Zentrova Firefox"])
def test_plain_name_with_an_extra_word_in_english_is_a_variant(variant):
    en = FFX_EN + [f"When you install {variant}, it checks for updates."]
    hans = FFX_HANS + ["当您安装 Firefox 时，它会检查更新。"]
    doc, al = _doc(zh_Hans=hans, en=en)
    found = _run("name-variant", doc, al)
    assert [(f.evidence["variant"], f.evidence["dominant"]) for f in found] == [(variant, "Firefox")]
    f = found[0]
    assert f.locations[0].lang == "en" and f.locations[0].paragraph == 6
    assert f.evidence["kind"].startswith("extra word")
    assert en[5][f.evidence["span"]["start_col"] - 1 : f.evidence["span"]["end_col"] - 1] == variant
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
    doc, al = _doc(
        zh_Hans=FFX_HANS + ["Firefox Sync 会保存您的书签。"], en=FFX_EN + ["Firefox Sync keeps your bookmarks."]
    )
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
    for en_line, zh_line in [
        ("You get no rights to the trademarks of the Mozilla Foundation.", "您没有获得 Mozilla 基金会商标的权利。"),
        ("You agree to follow the Mozilla Community guidelines.", "您同意遵守 Mozilla 社区准则。"),
        ("You can sign up to Join Mozilla here.", "您可以在此注册加入 Mozilla。"),
    ]:
        doc, al = _doc(zh_Hans=mz_hans + [zh_line], en=mz_en + [en_line])
        assert _run("name-variant", doc, al) == [], en_line
    # a possessive in front: "Mozilla's Common Voice" where the text says "Common Voice"
    en = [
        "Common Voice is open.",
        "Use Common Voice.",
        "Common Voice is free.",
        "Mozilla runs it.",
        "We publish Mozilla's Common Voice dataset.",
    ]
    hans = [
        "Common Voice 是开放的。",
        "使用 Common Voice。",
        "Common Voice 是免费的。",
        "Mozilla 运营它。",
        "我们发布 Common Voice 数据集。",
    ]
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


# ---------------------------------------------------------------------------- real documents
# kaia-docs pages (kaiachain/kaia-docs, MIT licence; /work/shared/corpus/MANIFEST.tsv)


def test_a_name_with_a_common_word_is_not_a_variant():
    # misc/faq, build/get-started/hardhat: "Kaia Documentation", "Hardhat Docs" are the name
    # plus an ordinary word the Chinese translates (Kaia 文档)
    en = [
        "Kaia is an EVM-compatible blockchain.",
        "Kaia offers fast finality.",
        "Kaia supports fee delegation.",
        "Kaia has low fees.",
        "For more, see the Kaia Documentation.",
        "See also the Kaia Ecosystem page and the Hardhat Docs.",
        "Hardhat compiles contracts.",
        "Run Hardhat tests.",
        "Deploy with Hardhat.",
    ]
    hans = [
        "Kaia 是兼容 EVM 的区块链。",
        "Kaia 提供快速最终性。",
        "Kaia 支持手续费代付。",
        "Kaia 的费用很低。",
        "更多信息请参阅 Kaia 文档。",
        "另请参阅 Kaia 生态系统页面和 Hardhat 文档。",
        "Hardhat 编译合约。",
        "运行 Hardhat 测试。",
        "使用 Hardhat 部署。",
    ]
    doc, al = _doc(zh_Hans=hans, en=en)
    assert _run("name-variant", doc, al) == []


def test_heading_case_hyphenation_and_apostrophes_are_style():
    # build/tools/cross-chain: "Cross-Chain" in headings, "Cross-chain" in sentences;
    # references/public-en: "JSON-RPC Endpoints" and "JSON RPC Endpoints"
    en = [
        "Cross-Chain Bridges",
        "Cross-Chain Messaging",
        "Cross-Chain Oracles",
        "Cross-chain bridges move assets between chains.",
        "JSON-RPC Endpoints",
        "JSON-RPC Endpoints list",
        "JSON-RPC Endpoints for Kairos",
        "JSON RPC Endpoints",
        "I've been there. I've seen it. I've done it. I’ve learned.",
    ]
    doc, al = _doc(en=en)
    assert _run("name-variant", doc, al) == []
    # a real respelling of a name with inner capitals stays a variant
    doc, al = _doc(en=["TypeScript is typed.", "Use TypeScript.", "TypeScript helps.", "Learn Typescript now."])
    assert [f.evidence["variant"] for f in _run("name-variant", doc, al)] == ["Typescript"]


def test_english_words_are_not_misspellings_of_a_name():
    en = [
        "The Licensor grants you a licence.",
        "The Licensor may revoke it.",
        "The Licensor is not liable.",
        "Licensed material is provided as is.",
        "Reintroduced features are listed below.",
        "Reintroduce the setting if needed.",
        "Reintroduced twice.",
    ]
    doc, al = _doc(en=en)
    assert _run("name-variant", doc, al) == []


_WEB3AUTH = [
    "Web3Auth is a wallet SDK.",
    "Web3Auth supports social logins.",
    "You configure Web3Auth with your client ID.",
]


def test_imperatives_possessives_and_compounds_before_a_name_are_not_variants():
    # build/wallets/wallet-libraries/web3Auth, build/tutorials/connecting-metamask,
    # shared/scaffold-eth: "Import Web3Auth", "Install MetaMask", "React-based dApp"
    en = [
        *_WEB3AUTH,
        "Import Web3Auth and other dependent packages.",
        "You can import the provider as well.",
        "Visit Astro's Web3Auth page.",
        "Open a React-based Web3Auth demo.",
    ]
    doc, al = _doc(en=en)
    assert _run("name-variant", doc, al) == []


def test_an_expansion_abbreviated_two_ways_is_a_variant():
    # mdn web/http/guides/cross-origin_resource_policy (mdn/translated-content, CC-BY-SA-2.5):
    # zh-CN writes CORS for 跨源资源策略 once, CORP everywhere else
    hans = [
        "CORP（跨源资源策略）是通过 HTTP 标头设定的。CORP 是对同源策略的补充。",
        "该策略仅对 no-cors 请求生效，对于列入 CORS 安全名单的方法/标头，系统默认会发出这类请求。",
        "CORP 这个概念最初于 2012 年被提出。",
        "而跨源资源策略（CORS）的制定，旨在为网站提供一种直接手段。",
    ]
    doc, al = _doc(zh_Hans=hans)
    found = _run("name-variant", doc, al)
    assert [(f.evidence["variant"], f.evidence["dominant"], f.locations[0].paragraph) for f in found] == [
        ("CORS", "CORP", 4)
    ]
    assert "跨源资源策略" in found[0].message
    # kaia-docs misc/glossary: KEN is "Kaia 终端节点", EN is 终端节点: related names, not a slip
    hans = [
        "### 终端节点 (EN)",
        "EN 是终端节点。",
        "### Kaia 终端节点 (KEN)",
        "### 以太坊虚拟机（EVM）",
        "### Kaia 虚拟机（KVM）",
    ]
    doc, al = _doc(zh_Hans=hans)
    assert _run("name-variant", doc, al) == []


def test_an_instruction_verb_before_a_name_is_not_a_variant_even_when_never_written_lower_case():
    # kaia-docs build/wallets/wallet-libraries/web3Auth (en): the page never writes "import" in
    # its prose, yet "Import Web3Auth and other dependent packages." begins an instruction
    doc, al = _doc(en=[*_WEB3AUTH, "Import Web3Auth and other dependent packages."])
    assert _run("name-variant", doc, al) == []
    # a stray modifier that is not an instruction's verb is still a variant
    doc, al = _doc(en=[*_WEB3AUTH, "After that, Paper Web3Auth confirms the login."])
    assert [f.evidence["variant"] for f in _run("name-variant", doc, al)] == ["Paper Web3Auth"]


def test_a_stray_word_inside_a_name_is_a_variant_and_an_ordinary_one_is_not():
    # the pattern of "Paper Talk123", inside a two-word name ("Common Voice", mozilla-legal)
    base = ["Common Voice is a dataset.", "Common Voice grows every day.", "Thank you for using Common Voice."]
    zh = [
        "Common Voice 是一个数据集。",
        "Common Voice 每天都在成长。",
        "感谢使用 Common Voice。",
        "加入 Common Voice 社区。",
    ]
    doc, al = _doc(zh_Hans=zh, en=[*base, "Join the Common Vantrix Voice community."])
    assert [(f.evidence["variant"], f.evidence["dominant"]) for f in _run("name-variant", doc, al)] == [
        ("Common Vantrix Voice", "Common Voice")
    ]
    doc, al = _doc(zh_Hans=zh, en=[*base, "Join the Common Public Voice community."])  # an ordinary word
    assert _run("name-variant", doc, al) == []
