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


def test_short_item_repeated_only_in_one_version_is_a_copy_slip():
    en = [
        "a) Send you information notifications;",
        "b) Improve our services;",
        "c) Send you information notifications;",
    ]
    zh = ["a) 向您发送通知；", "b) 改进我们的服务；"]
    ctx = _aligned_ctx(
        {"zh-Hans": zh, "en": en},
        [{"zh-Hans": [1], "en": [1]}, {"zh-Hans": [2], "en": [2]}, {"zh-Hans": [], "en": [3]}],
    )
    (f,) = check("duplicate-paragraph", ctx)
    assert f.locations[0].lang == "en" and f.locations[0].paragraph == 3
    assert f.counterparts[0].paragraph == 1 and f.evidence["said_once_in"] == ["zh-Hans"]


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
