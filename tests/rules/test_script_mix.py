"""script-mix: Simplified characters in Traditional text and the reverse."""

from __future__ import annotations

import glob

import pytest

from tcheck.text import scripts

from .conftest import FIXTURES, SEEDS, line_of, run, run_file, version

SEED003 = SEEDS / "003_c3910e3e82d1352d.txt"


def test_script_mix_simplified_character_in_traditional_text():
    text = "我們會追踪您的使用情況，並保護您的資料。\n"
    (f,) = run("script-mix", version("zh-Hant", text, region="TW"))
    (c,) = f.evidence["chars"]
    assert c["char"] == "踪" and c["suggestion"] == "蹤"
    assert (c["line"], c["column"]) == (1, text.index("踪") + 1)
    assert "追蹤" in f.suggestion and "追蹤" in f.evidence["corrected"]


def test_script_mix_groups_hits_of_one_paragraph():
    text = "這个應用會追踪您的位置。\n"
    found = run("script-mix", version("zh-Hant", text, region="TW"))
    assert len(found) == 1
    assert {c["char"] for c in found[0].evidence["chars"]} == {"个", "踪"}


def test_script_mix_taiwan_usage_and_variants_are_not_simplified():
    text = "加入群組後，您可以在平台上發佈內容。\n\n隨着時間推移，我們爲社羣提供更多功能，也更了解您的需要。\n"
    assert run("script-mix", version("zh-Hant", text, region="TW")) == []
    assert run("script-mix", version("zh-Hant", "加入群組後即可聊天。\n")) == []


def test_script_mix_traditional_character_in_simplified_text():
    (f,) = run("script-mix", version("zh-Hans", "我们会保护您的個人信息。\n"))
    assert f.evidence["chars"][0]["char"] == "個" and f.evidence["chars"][0]["suggestion"] == "个"
    assert run("script-mix", version("zh-Hans", "乾隆年间的著作，我们于是显著地改进了。\n")) == []


def test_script_mix_seed003_reports_the_simplified_slip():
    found = run_file("script-mix", SEED003)
    assert found, "seed 003 has a Simplified character slipped into zh-Hant"
    assert any(c["char"] == "踪" for f in found for c in f.evidence["chars"])
    line = line_of(SEED003, "踪")
    assert any(c["line"] == line for f in found for c in f.evidence["chars"])


def test_script_mix_character_classes():
    assert scripts.char_class("灵") == "simplified"
    assert scripts.char_class("靈") == "traditional"
    assert scripts.char_class("爲") == "traditional"  # a Traditional variant, not Simplified
    assert scripts.char_class("台") == "shared"
    assert scripts.char_class("的") == "neutral"


@pytest.mark.parametrize("pattern", ["zh-TW.md", "zh-CN.md"])
def test_script_mix_has_almost_no_hits_on_real_translations(pattern):
    files = sorted(glob.glob(str(FIXTURES / "corpus" / "*" / "*" / pattern)))
    assert len(files) >= 20
    hits = sum(len(run_file("script-mix", f)) for f in files)
    # the real texts hold a handful of genuine slips (升级, 一个, 贡献), nothing more
    assert hits <= 5


def test_script_mix_language_autonyms_are_not_script_mix():
    # a language switcher / list of translations names each language in its own script
    from .conftest import run as _run
    from .conftest import version as _version

    hans = _version("zh-Hans", "本指南也有其他语言版本：简体中文、繁體中文、日本語 和 English。\n")
    assert _run("script-mix", hans) == []
    hant = _version("zh-Hant", "語言：简体中文 | 繁體中文 | English\n", region="TW")
    assert _run("script-mix", hant) == []
    (f,) = _run("script-mix", _version("zh-Hant", "切換到简体中文後，我們会追踪您的設定。\n", region="TW"))
    assert "会" in f.evidence["key"] and "简" not in f.evidence["key"]
