"""duplicate-paragraph: a paragraph repeated inside one version."""

from __future__ import annotations

import glob

from .conftest import FIXTURES, SEED000, check, line_of, run, run_file, version
from .conftest import rows_context as _aligned_ctx
from .samples import SEED004


def test_duplicate_paragraph_exact_and_near_copies():
    p = "我们会按照法律法规的规定，将在中国境内收集和产生的个人信息存储于中国境内。"
    text = f"第一段说明我们如何收集信息，以及为什么收集这些信息。\n\n{p}\n\n其他内容，与上文无关，说的是完全不同的事情。\n\n{p.replace('，', ' ，')}\n"
    (f,) = run("duplicate-paragraph", version("zh-Hans", text))
    assert f.locations[0].line == 7 and f.counterparts[0].line == 3
    assert f.evidence["exact"] is True


def test_duplicate_paragraph_short_and_different_texts_are_not_flagged():
    text = (
        "Definitions\n\nYes\n\nDefinitions\n\nYes\n\n"
        "The signing and performance of this privacy policy shall be governed by the laws of the country.\n\n"
        "The signing and performance of the children's rules shall be governed by the laws of the country.\n"
    )
    assert run("duplicate-paragraph", version("en", text)) == []
    zh = "是\n\n否\n\n是\n\n否\n"
    assert run("duplicate-paragraph", version("zh-Hans", zh)) == []


def test_duplicate_paragraph_short_items_copied_as_a_block():
    items = ["遵守适用的法律法规。", "涉及商业秘密的。", "经过您的授权。"]
    text = (
        "\n".join(f"- {t}" for t in items)
        + "\n\n其他内容，与上文无关，说的是完全不同的事情。\n\n"
        + "\n".join(f"- {t}" for t in items[1:])
        + "\n"
    )
    found = run("duplicate-paragraph", version("zh-Hans", text, markdown=True))
    assert sorted(f.evidence["first_text"] for f in found) == sorted(items[1:])
    assert all(f.evidence.get("block") for f in found)
    # one short item repeated alone is a legit repeat
    alone = "- 涉及商业秘密的。\n- 经过您的授权。\n\n其他内容，与上文无关。\n\n- 涉及商业秘密的。\n"
    assert run("duplicate-paragraph", version("zh-Hans", alone, markdown=True)) == []


def test_duplicate_paragraph_seed_files():
    found = run_file("duplicate-paragraph", SEED004)
    first = line_of(SEED004, "有充分证据表明您存在主观恶意")
    second = line_of(SEED004, "有充分证据表明您存在主观恶意", first + 1)
    assert any(f.locations[0].line == second and f.counterparts[0].line == first for f in found)
    en = run_file("duplicate-paragraph", SEED000)
    first = line_of(SEED000, "Please note that Talk123 currently only supports logging out")
    second = line_of(SEED000, "Please note that Talk123 currently only supports logging out", first + 1)
    assert any(f.locations[0].line == second and f.counterparts[0].line == first for f in en)


def test_broken_spacing_and_duplicates_quiet_on_real_chinese_translations():
    files = sorted(glob.glob(str(FIXTURES / "corpus" / "*" / "*" / "zh-*.md")))
    spacing = [f for p in files for f in run_file("broken-spacing", p)]
    # one genuine stray space in the corpus (你們能 公平公正地), nothing else
    assert len(spacing) <= 1, [f.message for f in spacing]
    dup = [f for p in files for f in run_file("duplicate-paragraph", p)]
    assert len(dup) <= 1, [f.message for f in dup]


def test_item_repeated_only_in_one_version_is_a_copy_slip():
    en = [
        "a) Send you notifications about changes to our services;",
        "b) Improve our services;",
        "c) Send you notifications about changes to our services;",
        "d) Comply with the law.",
    ]
    zh = ["a) 向您发送关于我们服务变更的通知；", "b) 改进我们的服务；", "d) 遵守法律。"]
    ctx = _aligned_ctx(
        {"zh-Hans": zh, "en": en},
        [
            {"zh-Hans": [1], "en": [1]},
            {"zh-Hans": [2], "en": [2]},
            {"zh-Hans": [], "en": [3]},
            {"zh-Hans": [3], "en": [4]},
        ],
    )
    (f,) = check("duplicate-paragraph", ctx)
    assert f.locations[0].lang == "en" and f.locations[0].paragraph == 3
    assert f.counterparts[0].paragraph == 1 and f.evidence["said_once_in"] == ["zh-Hans"]


def test_the_copy_without_counterpart_is_reported_even_when_it_comes_first():
    en = [
        "We keep your data safe and never sell it to anyone.",
        "Contact us with questions.",
        "We keep your data safe and never sell it to anyone.",
    ]
    zh = ["如有疑问请联系我们。", "我们保护您的数据安全，绝不出售给任何人。"]
    ctx = _aligned_ctx(
        {"zh-Hans": zh, "en": en},
        [{"zh-Hans": [], "en": [1]}, {"zh-Hans": [1], "en": [2]}, {"zh-Hans": [2], "en": [3]}],
    )
    (f,) = check("duplicate-paragraph", ctx)
    assert f.locations[0].paragraph == 1 and f.counterparts[0].paragraph == 3


def test_short_items_repeated_in_one_version_are_left_alone():
    en = ["a) Send you notifications;", "b) Improve our services;", "c) Send you notifications;"]
    zh = ["a) 向您发送通知；", "b) 改进我们的服务；"]
    ctx = _aligned_ctx(
        {"zh-Hans": zh, "en": en},
        [{"zh-Hans": [1], "en": [1]}, {"zh-Hans": [2], "en": [2]}, {"zh-Hans": [], "en": [3]}],
    )
    assert check("duplicate-paragraph", ctx) == []


def test_short_item_repeated_in_every_version_is_left_alone():
    en = [
        "a) Send you information notifications;",
        "b) Improve our services;",
        "c) Send you information notifications;",
    ]
    zh = ["a) 向您发送通知；", "b) 改进我们的服务；", "c) 向您发送通知；"]
    ctx = _aligned_ctx(
        {"zh-Hans": zh, "en": en},
        [{"zh-Hans": [1], "en": [1]}, {"zh-Hans": [2], "en": [2]}, {"zh-Hans": [3], "en": [3]}],
    )
    assert check("duplicate-paragraph", ctx) == []


# kaia-docs build/transactions/ethereum (kaiachain/kaia-docs, MIT licence): every transaction-type
# section repeats the same boilerplate, in every version, at aligned places
_KAIA = {
    "en": [
        "TxTypeEthereumAccessList represents a type of transaction specified in EIP-2930.",
        "To make a signature for this transaction type, the RLP serialization proceeds as follows:",
        "This type of transaction should be signed with London Signer",
        "TxTypeEthereumDynamicFee represents a type of transaction specified in EIP-1559.",
        "To make a signature for this transaction type, the RLP serialization proceeds as follows:",
        "This type of transaction should be signed with London Signer",
    ],
    "zh-Hans": [
        "TxTypeEthereumAccessList 表示 EIP-2930 中指定的一种交易类型。",
        "为这种交易类型制作签名的 RLP 序列化过程如下：",
        "此类交易应由伦敦签名人签名",
        "TxTypeEthereumDynamicFee 表示 EIP-1559 中指定的一种交易类型。",
        "为这种交易类型制作签名的 RLP 序列化过程如下：",
        "此类交易应由伦敦签名人签名",
    ],
    "zh-Hant": [
        "TxTypeEthereumAccessList 表示 EIP-2930 中指定的一種交易類型。",
        "為這種交易類型製作簽名的 RLP 序列化過程如下：",
        "此類交易應由倫敦簽名人簽名",
        "TxTypeEthereumDynamicFee 表示 EIP-1559 中指定的一種交易類型。",
        "為這種交易類型製作簽名的 RLP 序列化過程如下：",
        "此類交易應由倫敦簽名人簽名",
    ],
}


def test_boilerplate_repeated_by_design_in_every_version_is_not_reported():
    rows = [{lg: [i] for lg in _KAIA} for i in range(1, 7)]
    assert check("duplicate-paragraph", _aligned_ctx(_KAIA, rows)) == []


def test_repeats_inside_a_passage_another_version_lacks_are_not_duplicates():
    # the Chinese versions lack the second section altogether: missing-paragraph says so
    zh = {lg: t[:3] for lg, t in _KAIA.items() if lg != "en"}
    rows = [{"en": [i], "zh-Hans": [i], "zh-Hant": [i]} for i in (1, 2, 3)]
    rows += [{"en": [i], "zh-Hans": [], "zh-Hant": []} for i in (4, 5, 6)]
    assert check("duplicate-paragraph", _aligned_ctx({"en": _KAIA["en"], **zh}, rows)) == []
