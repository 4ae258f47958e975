"""Single-version text rules (untranslated, script-mix, duplicate-paragraph,
broken-spacing, regional-vocabulary) and hans-hant-divergence."""

from __future__ import annotations

import glob

import pytest

from tcheck.text import scripts
from tcheck.load import load_versions, segment
from tcheck.model import Alignment, Document, Row, Severity, Version
from tcheck.rules import RuleContext, all_rules

from .conftest import FIXTURES, SEEDS

SEED001 = SEEDS / "001_91cf93f34edddc8f.txt"
SEED003 = SEEDS / "003_c3910e3e82d1352d.txt"
SEED004 = SEEDS / "004_63c1bd7f49da9fe5.txt"
SEED000 = SEEDS / "000_58512f121bcc9f43.txt"


def version(lang: str, text: str, region: str = "", markdown: bool = False) -> Version:
    segs = segment(text, markdown)
    return Version(lang, f"doc.{lang}", segs, region=region, first_line=1, last_line=text.count("\n") + 1)


def run(rule_id: str, *versions: Version, rows: list[dict] | None = None, glossary=None):
    doc = Document(list(versions))
    alignment = Alignment(doc.langs, [Row(cells) for cells in (rows or [])])
    ctx = RuleContext(doc, alignment, glossary=glossary)
    return list(all_rules()[rule_id]().check(ctx))


def run_file(rule_id: str, path) -> list:
    doc = Document(load_versions(str(path)))
    ctx = RuleContext(doc, Alignment(doc.langs, []))
    return list(all_rules()[rule_id]().check(ctx))


def line_of(path, needle: str, start: int = 1) -> int:
    """1-based number of the first line at or after ``start`` that contains ``needle``."""
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if n >= start and needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def test_rules_are_registered_with_their_scope():
    rules = all_rules()
    for rid in ("untranslated", "script-mix", "duplicate-paragraph", "broken-spacing", "regional-vocabulary"):
        assert rules[rid].scope == "single", rid
    assert rules["hans-hant-divergence"].scope == "cross"
    assert rules["regional-vocabulary"].severity == Severity.INFO
    # optional: runs only when the config turns it on; every other rule runs by default
    assert [rid for rid, r in rules.items() if not r.default_enabled] == ["regional-vocabulary"]


# ---------------------------------------------------------------- untranslated


def test_untranslated_english_sentence_inside_chinese_paragraph_with_span():
    text = "我们重视您的隐私。We will occasionally update this policy to reflect customer feedback. 请定期查看。\n"
    (f,) = run("untranslated", version("zh-Hans", text))
    (span,) = f.evidence["spans"]
    assert span["text"].startswith("We will occasionally")
    assert span["text"].rstrip().endswith("feedback.")
    assert span["line"] == 1 and span["column"] == text.index("We") + 1
    assert f.locations[0].start == (1, text.index("We") + 1)
    assert f.severity == Severity.WARNING


def test_untranslated_chinese_term_inside_english_clause_is_one_span():
    text = "本政策说明如下：We will occasionally update this 隐私政策 to reflect company feedback。\n"
    (f,) = run("untranslated", version("zh-Hans", text))
    (span,) = f.evidence["spans"]
    assert "隐私政策" in span["text"] and span["text"].startswith("We will")


def test_untranslated_names_products_code_urls_are_not_flagged():
    text = (
        "您可以在 Firefox Focus for Android 中使用 Mozilla Public License Version 2.0 授权的代码。\n\n"
        "请发送邮件至 privacy-team@example.com 或访问 https://www.example.com/this/is/the/privacy/policy/of/us 了解详情。\n\n"
        "在终端运行 `git commit --amend --no-edit to fix the last one` 即可。\n\n"
        "跨源资源策略（Cross-Origin Resource Policy，CORP）由 HTTP 响应头设置。\n\n"
        "参见《How I learned to stop worrying about the bomb》一文。\n"
    )
    assert run("untranslated", version("zh-Hans", text, markdown=True)) == []


def test_untranslated_quoted_title_is_kept_but_bare_sentence_is_not():
    quoted = '参见 "How to make your open source project thrive with the community"。\n'
    bare = "参见 How to make your open source project thrive with the community。\n"
    assert run("untranslated", version("zh-Hans", quoted)) == []
    assert len(run("untranslated", version("zh-Hans", bare))) == 1


def test_untranslated_glossary_do_not_translate_term_is_ignored():
    from tcheck.workspace.glossary import Glossary, GlossaryEntry

    text = "请使用 Send to all of your devices at once 功能。\n"
    assert len(run("untranslated", version("zh-Hans", text))) == 1
    g = Glossary([GlossaryEntry(en="Send to all of your devices at once", dnt=True)])
    assert run("untranslated", version("zh-Hans", text), glossary=g) == []


def test_untranslated_chinese_left_in_english_version():
    text = "We collect data.\n\nPlease read the 隐私政策 before installing the app.\n"
    (f,) = run("untranslated", version("en", text))
    assert f.evidence["spans"][0]["text"] == "隐私政策"
    assert f.locations[0].start == (3, text.split("\n")[2].index("隐") + 1)
    assert run("untranslated", version("en", "We collect data about you.\n")) == []


def test_untranslated_seed001_english_paragraphs():
    found = run_file("untranslated", SEED001)
    lines = {f.locations[0].start[0] for f in found}
    assert line_of(SEED001, "Keeping your personal information secure") in lines
    assert line_of(SEED001, "We may share data with collaborative") in lines
    assert line_of(SEED001, "We may automatically collect logs") in lines
    assert line_of(SEED001, "If you have any questions regarding this") in lines
    # the translated Chinese items are not reported
    assert line_of(SEED001, "我们可能会利用您的个人信息来提供、理解并优化") not in lines


# ---------------------------------------------------------------- script-mix


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


# ---------------------------------------------------------------- duplicate-paragraph


def test_duplicate_paragraph_exact_and_near_copies():
    p = "我们会按照法律法规的规定，将在中国境内收集和产生的个人信息存储于中国境内。"
    text = f"第一段说明我们如何收集信息，以及为什么收集这些信息。\n\n{p}\n\n其他内容，与上文无关，说的是完全不同的事情。\n\n{p.replace('，', ' ，')}\n"
    (f,) = run("duplicate-paragraph", version("zh-Hans", text))
    assert f.locations[0].line == 7 and f.counterparts[0].line == 3
    assert f.evidence["exact"] is True


def test_duplicate_paragraph_short_and_different_texts_are_not_flagged():
    text = ("Definitions\n\nYes\n\nDefinitions\n\nYes\n\n"
            "The signing and performance of this privacy policy shall be governed by the laws of the country.\n\n"
            "The signing and performance of the children's rules shall be governed by the laws of the country.\n")
    assert run("duplicate-paragraph", version("en", text)) == []
    zh = "是\n\n否\n\n是\n\n否\n"
    assert run("duplicate-paragraph", version("zh-Hans", zh)) == []


def test_duplicate_paragraph_short_items_copied_as_a_block():
    items = ["遵守适用的法律法规。", "涉及商业秘密的。", "经过您的授权。"]
    text = "\n".join(f"- {t}" for t in items) + "\n\n其他内容，与上文无关，说的是完全不同的事情。\n\n" + \
        "\n".join(f"- {t}" for t in items[1:]) + "\n"
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


# ---------------------------------------------------------------- broken-spacing


def test_broken_spacing_inside_word_with_suggestion():
    text = "我们将通过密码加密等安全措施，防止信息泄 露、毁损、丢失。\n"
    (f,) = run("broken-spacing", version("zh-Hans", text))
    (span,) = f.evidence["spans"]
    assert span["word"] == "泄露" and span["text"] == "泄 露"
    assert span["column"] == text.index("泄") + 1
    assert "泄露" in f.suggestion


def test_broken_spacing_leaves_normal_spacing_alone():
    text = (
        "我们使用 Firefox 浏览器和 HTTP 协议，保存 30 天。\n\n"
        "第 一 章\n\n"
        "目 录\n\n"
        "请参阅 《用户协议》 的规定。\n\n"
        "我们要求 他们遵守保密义务。\n\n"
        "（例如 密码或者其他不能公开的信息）\n"
    )
    assert run("broken-spacing", version("zh-Hans", text)) == []
    assert run("broken-spacing", version("en", "Data is stored for 30 days.\n")) == []


def test_broken_spacing_between_words_in_a_document_that_does_not_space_words():
    body = "我们会按照法律法规的规定处理您的个人信息，并采取合理的安全措施保护这些信息。\n\n" * 6
    text = body + "我们会向负责执行的社群领导者 回报滥用行为。\n\n用户端请求 的标头与此类似。\n"
    (f, g) = run("broken-spacing", version("zh-Hans", text))
    assert f.evidence["spans"][0]["text"] == "者 回" and g.evidence["spans"][0]["text"] == "求 的"
    # Traditional text: the dictionary word is found after conversion (設 定 -> 设定)
    (h,) = run("broken-spacing", version("zh-Hant", "其它功能與服務可在應用程式偏好設 定中停用。\n"))
    assert h.evidence["spans"][0]["word"] == "設定"


def test_broken_spacing_run_in_heading_and_short_words_stay_quiet():
    body = "我们会按照法律法规的规定处理您的个人信息，并采取合理的安全措施保护这些信息。\n\n" * 6
    text = body + "2.1 信息存储的地点 我们会按照法律法规规定存储于中国境内。\n\n（例如 密码或者其他信息）\n\n侧信道攻击 或 XSS 攻击。\n"
    assert run("broken-spacing", version("zh-Hans", text)) == []


def test_broken_spacing_seed004():
    found = run_file("broken-spacing", SEED004)
    words = {s["word"]: s["line"] for f in found for s in f.evidence["spans"]}
    assert words.get("泄露") == line_of(SEED004, "泄 露")
    assert words.get("公司") == line_of(SEED004, "关联公 司")


# ---------------------------------------------------------------- regional-vocabulary


def test_regional_vocabulary_mainland_terms_in_taiwan_text():
    text = "我們會收集您的信息，並在軟件中顯示。\n"
    (f,) = run("regional-vocabulary", version("zh-Hant", text, region="TW"))
    terms = {t["text"]: t["suggestion"] for t in f.evidence["terms"]}
    assert terms == {"信息": "資訊", "軟件": "軟體"}
    assert f.severity == Severity.INFO
    col = {t["text"]: t["column"] for t in f.evidence["terms"]}
    assert col["信息"] == text.index("信息") + 1


def test_regional_vocabulary_quiet_on_taiwan_terms_hk_and_ambiguous_words():
    tw = "我們會收集您的資訊，並在軟體中顯示。請依法律程序提交文件。\n"
    assert run("regional-vocabulary", version("zh-Hant", tw, region="TW")) == []
    assert run("regional-vocabulary", version("zh-Hant", "我們會收集您的信息。\n", region="HK")) == []
    assert run("regional-vocabulary", version("zh-Hans", "我们会收集您的信息。\n")) == []


# ---------------------------------------------------------------- hans-hant-divergence


_SAME = [
    ("我们重视您的隐私，并会按照本政策处理您的个人信息。", "我們重視您的隱私，並會按照本政策處理您的個人資訊。"),
    ("如您对本政策有任何疑问，请与我们联系。", "如您對本政策有任何疑問，請與我們聯絡。"),
    ("我们会定期更新本政策，更新后的政策将在网站上公布。", "我們會定期更新本政策，更新後的政策將在網站上公佈。"),
]


def _pair(hans: str, hant: str, context: bool = True):
    """The pair under test as the last of a few rows converted from one another."""
    extra = _SAME if context else []
    hs = "\n\n".join([h for h, _ in extra] + [hans]) + "\n"
    ht = "\n\n".join([t for _, t in extra] + [hant]) + "\n"
    rows = [{"zh-Hans": [i], "zh-Hant": [i]} for i in range(1, len(extra) + 2)]
    return run("hans-hant-divergence", version("zh-Hans", hs), version("zh-Hant", ht, region="TW"), rows=rows)


def test_divergence_regional_wording_and_script_are_not_reported():
    assert _pair("我们会保护您的账户信息，并通过软件提供服务。", "我們會保護您的帳戶資訊，並透過軟體提供服務。") == []
    assert _pair("“本政策”适用于所有用户。", "「本政策」適用於所有用戶。") == []
    # the same number written in figures and in Chinese numerals is not an error
    assert all(f.severity != Severity.ERROR for f in _pair("我们会保存2年。", "我們會保存兩年。"))


def test_divergence_number_is_an_error_with_spans():
    (f,) = _pair("我们将保存您的信息30天。", "我們將保存您的資訊60天。")
    assert f.severity == Severity.ERROR
    d = f.evidence["differences"][0]
    assert d["kind"] == "number" and "30" in d["zh-Hans"] and "60" in d["zh-Hant"]
    assert d["zh-Hant_span"]["line"] == 7
    assert d["zh-Hant_span"]["column"] == "我們將保存您的資訊60天。".index("6") + 1


def _separate(hans: list[str], hant: list[str]):
    docs = (version("zh-Hans", "\n\n".join(hans) + "\n"), version("zh-Hant", "\n\n".join(hant) + "\n", region="TW"))
    rows = [{"zh-Hans": [i], "zh-Hant": [i]} for i in range(1, len(hans) + 1)]
    return run("hans-hant-divergence", *docs, rows=rows)


_SEP_HANS = ["本政策介绍我们如何处理您提供的个人数据和设备信息。", "您可以随时通过客服电话联系我们的团队。"]
_SEP_HANT = ["本聲明介紹我們怎樣處理您所提供的個人資料及裝置資訊。", "您可以隨時透過客服專線與我們團隊聯絡。"]


def test_divergence_separately_translated_wording_is_quiet():
    assert _separate(_SEP_HANS + ["我们会在法律允许的范围内保存您的个人信息三十天。"],
                     _SEP_HANT + ["我們僅會在法律允許的範圍內保留您的個人資料三十天。"]) == []


def test_divergence_number_and_negation_changed_inside_separately_worded_text():
    (f,) = _separate(_SEP_HANS + ["我们会在法律允许的范围内保存您的个人信息三十天。"],
                     _SEP_HANT + ["我們僅會在法律允許的範圍內保留您的個人資料六十天。"])
    assert f.severity == Severity.ERROR and f.evidence["differences"][0]["kind"] == "number"
    (g,) = _separate(_SEP_HANS + ["系统日志会在 24 小时内从服务中删除。"], _SEP_HANT + ["該服務在 26 小時內便會刪除系統記錄。"])
    assert g.evidence["differences"][0]["kind"] == "number" and "26" in g.evidence["differences"][0]["zh-Hant"]
    (h,) = _separate(_SEP_HANS + ["首次使用时，Firefox 会将有关下载的基本信息发送给服务。"],
                     _SEP_HANT + ["為了保護您，Firefox 會不將下載內容的基本資訊傳送給該服務。"])
    assert h.severity == Severity.ERROR and h.evidence["differences"][0]["kind"] == "negation"
    # the same negation count, worded differently (无法 / 不能): nothing
    assert _separate(_SEP_HANS + ["我们无法保证信息是全面的。"], _SEP_HANT + ["我們不能保證此資訊足夠完善。"]) == []


def test_divergence_negation_and_names_are_errors():
    (f,) = _pair("我们会向第三方提供您的信息。", "我們不會向第三方提供您的資訊。")
    assert f.severity == Severity.ERROR and f.evidence["differences"][0]["kind"] == "negation"
    (g,) = _pair("请联系 Talk123 客服。", "請聯絡 Paper Talk123 客服。")
    assert g.severity == Severity.ERROR and g.evidence["differences"][0]["kind"] == "name"


def test_divergence_added_clause_is_a_warning_and_synonym_is_not_reported():
    (f,) = _pair("我们会保护您的信息。", "我們會保護您的資訊，並定期審查我們的安全措施。")
    assert f.severity == Severity.WARNING and f.evidence["differences"][0]["kind"] == "added"
    (g,) = _pair("我们会保护您的信息，并定期审查我们的安全措施，以防止泄露。", "我們會保護您的資訊，以防止洩露。")
    assert g.severity == Severity.WARNING and g.evidence["differences"][0]["kind"] == "removed"
    assert _pair("设备唯一识别码", "設備唯一標識符") == []
    assert _pair("我们会使用唯一设备识别码来改进服务。", "我們會使用唯一設備標識符來改進服務。") == []
    # a rephrased sentence with the same facts is wording, not drift
    assert _pair("如果您对本政策有疑问，可以随时联系我们。", "若您對本政策有任何疑問，歡迎隨時與我們聯絡。") == []


def test_divergence_name_is_a_whole_latin_word():
    (f,) = _pair("请确认陈旧的 issue 是否已被关闭。", "請確認陳舊的 iuuse 是否已被關閉。")
    d = f.evidence["differences"][0]
    assert d["kind"] == "name" and d["zh-Hans"] == "issue" and d["zh-Hant"] == "iuuse"


def test_divergence_seed000_synonym_not_flagged(seed000_result):
    line = line_of(SEED000, "唯一設備標識符")
    div = [f for f in seed000_result.findings if f.rule == "hans-hant-divergence"]
    assert not any(loc.line <= line <= loc.end_line for f in div for loc in f.locations)
    assert all(f.severity != Severity.INFO for f in div)


# ---------------------------------------------------------------- whole documents


@pytest.mark.parametrize("pattern", ["zh-TW.md", "zh-CN.md"])
def test_script_mix_has_almost_no_hits_on_real_translations(pattern):
    files = sorted(glob.glob(str(FIXTURES / "corpus" / "*" / "*" / pattern)))
    assert len(files) >= 20
    hits = sum(len(run_file("script-mix", f)) for f in files)
    # the real texts hold a handful of genuine slips (升级, 一个, 贡献), nothing more
    assert hits <= 5


def test_broken_spacing_and_duplicates_quiet_on_real_chinese_translations():
    files = sorted(glob.glob(str(FIXTURES / "corpus" / "*" / "*" / "zh-*.md")))
    spacing = [f for p in files for f in run_file("broken-spacing", p)]
    # one genuine stray space in the corpus (你們能 公平公正地), nothing else
    assert len(spacing) <= 1, [f.message for f in spacing]
    dup = [f for p in files for f in run_file("duplicate-paragraph", p)]
    assert len(dup) <= 1, [f.message for f in dup]


# ---------------------------------------------------------------- hans-hant-divergence: Han names

_NAME_HANS = [
    "讯小通是北京讯众公司推出的一款通讯产品。",
    "您可以通过讯小通管理您的账户信息和通讯录。",
    "北京讯众会按照本政策保护讯小通用户的隐私。",
    "我们会通过微信通知您，您也可以在微信中查询，微信账号需要绑定手机号码。",
    "如您对讯小通有任何疑问，请联系北京讯众的客服团队。",
]


def _hant(hans: list[str]) -> list[str]:
    return [scripts.convert(h, "s2twp") for h in hans]


def _name_changed(hant: list[str], old: str, new: str, which: int = -1) -> list[str]:
    """``hant`` with the ``which``-th paragraph holding ``old`` changed to ``new`` there."""
    out = list(hant)
    k = [i for i, t in enumerate(out) if old in t][which]
    out[k] = out[k].replace(old, new, 1)
    return out


@pytest.mark.parametrize("old,new,changed_chars", [("訊小通", "訊大通", "大"), ("北京訊眾", "上海訊眾", "上海"),
                                                   ("在微信中", "在微博中", "博")])
def test_divergence_han_name_changed_in_one_zh_hant_paragraph(old, new, changed_chars):
    hant = _hant(_NAME_HANS)
    assert _separate(_NAME_HANS, hant) == []
    changed = _name_changed(hant, old, new)
    (f,) = _separate(_NAME_HANS, changed)
    assert f.severity == Severity.ERROR
    (d,) = f.evidence["differences"]
    assert d["kind"] == "name" and d["recurring"] == "zh-Hans"
    # the whole differing term is shown in both versions, with its columns
    assert changed_chars in d["zh-Hant"] and len(d["zh-Hant"]) > len(changed_chars)
    assert scripts.convert(d["zh-Hans"], "s2twp") in old
    para = next(t for t in changed if new in t)
    assert f.locations[0].line == 2 * changed.index(para) + 1
    assert d["zh-Hant_span"]["column"] == para.index(d["zh-Hant"]) + 1
    assert d["zh-Hant"] in f.message and d["zh-Hans"] in f.message


def test_divergence_han_name_changed_in_zh_hans_only():
    hant = _hant(_NAME_HANS)
    hans = list(_NAME_HANS)
    hans[2] = hans[2].replace("讯小通", "讯晓通")
    (f,) = _separate(hans, hant)
    (d,) = f.evidence["differences"]
    assert d["kind"] == "name" and d["recurring"] == "zh-Hant" and "晓" in d["zh-Hans"]


def test_divergence_han_name_negatives():
    hant = _hant(_NAME_HANS)
    # regional vocabulary in place of the mainland word (账户/帳戶, 信息/資訊, 软件/軟體)
    reg_hans = _NAME_HANS + ["讯小通软件会保存您的账户信息。", "讯小通软件的账户信息可以随时删除。"]
    assert _separate(reg_hans, _hant(reg_hans)) == []
    # a synonym used once (通讯录 / 联系人): no recurring term behind it
    (k,) = [i for i, h in enumerate(_NAME_HANS) if "通讯录" in h]
    syn = list(hant)
    syn[k] = syn[k].replace("通訊錄", "聯絡人")
    assert _separate(_NAME_HANS, syn) == []
    # a name the zh-Hant version writes differently throughout (訊曉通 everywhere): consistent
    assert _separate(_NAME_HANS, [t.replace("訊小通", "訊曉通") for t in hant]) == []
    # a recurring name that zh-Hant never writes the zh-Hans way (微訊 twice, 微博 once): no agreed term
    never = [t.replace("微信", "微訊") for t in hant]
    never = _name_changed(never, "微訊", "微博")
    assert _separate(_NAME_HANS, never) == []
    # function words swapped inside a recurring phrase (您的 / 您之) are wording
    fw_hans = ["我们会保护您的账户安全与隐私。", "请妥善保管您的密码。", "我们不会出售您的数据。", "您可以随时删除您的记录。"]
    fw = _name_changed(_hant(fw_hans), "您的", "您之", 0)
    assert _separate(fw_hans, fw) == []


def test_divergence_seed000_real_differences_are_not_names(seed000_result):
    div = [f for f in seed000_result.findings if f.rule == "hans-hant-divergence"]
    names = [d for f in div for d in f.evidence["differences"] if d["kind"] == "name"]
    assert not any("识别码" in d["zh-Hans"] or "标识符" in d["zh-Hans"] or "標識符" in d["zh-Hant"] for d in names)
    assert not any("资讯" in d["zh-Hans"] or "信息" in d["zh-Hant"] or "重要" in d["zh-Hans"] for d in names)
    for line_text in ("唯一設備標識符", "個人重要信息"):
        line = line_of(SEED000, line_text)
        assert not any(loc.line <= line <= loc.end_line for f in div for loc in f.locations
                       if any(d["kind"] == "name" for d in f.evidence["differences"]))


# --------------------------------------------------------------------------- duplicate-paragraph: cross-version evidence


def _aligned_ctx(texts: dict[str, list[str]], rows: list[dict[str, list[int]]]):
    from tcheck.load import segment
    from tcheck.model import Alignment, Document, Row, Version
    from tcheck.rules import RuleContext

    versions = [Version(lg, f"doc.{lg}.txt", segment("\n\n".join(ps) + "\n", False)) for lg, ps in texts.items()]
    return RuleContext(Document(versions), Alignment(list(texts), [Row(r) for r in rows]))


def _dups(ctx):
    from tcheck.rules import all_rules

    return list(all_rules()["duplicate-paragraph"]().check(ctx))


def test_short_item_repeated_only_in_one_version_is_a_copy_slip():
    en = ["a) Send you information notifications;", "b) Improve our services;", "c) Send you information notifications;"]
    zh = ["a) 向您发送通知；", "b) 改进我们的服务；"]
    ctx = _aligned_ctx({"zh-Hans": zh, "en": en},
                       [{"zh-Hans": [1], "en": [1]}, {"zh-Hans": [2], "en": [2]}, {"zh-Hans": [], "en": [3]}])
    (f,) = _dups(ctx)
    assert f.locations[0].lang == "en" and f.locations[0].paragraph == 3
    assert f.counterparts[0].paragraph == 1 and f.evidence["said_once_in"] == ["zh-Hans"]


def test_short_item_repeated_in_every_version_is_left_alone():
    en = ["a) Send you information notifications;", "b) Improve our services;", "c) Send you information notifications;"]
    zh = ["a) 向您发送通知；", "b) 改进我们的服务；", "c) 向您发送通知；"]
    ctx = _aligned_ctx({"zh-Hans": zh, "en": en},
                       [{"zh-Hans": [1], "en": [1]}, {"zh-Hans": [2], "en": [2]}, {"zh-Hans": [3], "en": [3]}])
    assert _dups(ctx) == []
