"""hans-hant-divergence: zh-Hans and zh-Hant paragraphs that say different things."""

from __future__ import annotations

import pytest

from tcheck.model import Severity
from tcheck.text import scripts

from .conftest import SEED000, line_of, run, run_texts, version

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


def _separate(hans: list[str], hant: list[str]):
    docs = (version("zh-Hans", "\n\n".join(hans) + "\n"), version("zh-Hant", "\n\n".join(hant) + "\n", region="TW"))
    rows = [{"zh-Hans": [i], "zh-Hant": [i]} for i in range(1, len(hans) + 1)]
    return run("hans-hant-divergence", *docs, rows=rows)


_SEP_HANS = ["本政策介绍我们如何处理您提供的个人数据和设备信息。", "您可以随时通过客服电话联系我们的团队。"]


_SEP_HANT = ["本聲明介紹我們怎樣處理您所提供的個人資料及裝置資訊。", "您可以隨時透過客服專線與我們團隊聯絡。"]


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


def test_divergence_separately_translated_wording_is_quiet():
    assert (
        _separate(
            _SEP_HANS + ["我们会在法律允许的范围内保存您的个人信息三十天。"],
            _SEP_HANT + ["我們僅會在法律允許的範圍內保留您的個人資料三十天。"],
        )
        == []
    )


def test_divergence_number_and_negation_changed_inside_separately_worded_text():
    (f,) = _separate(
        _SEP_HANS + ["我们会在法律允许的范围内保存您的个人信息三十天。"],
        _SEP_HANT + ["我們僅會在法律允許的範圍內保留您的個人資料六十天。"],
    )
    assert f.severity == Severity.ERROR and f.evidence["differences"][0]["kind"] == "number"
    (g,) = _separate(
        _SEP_HANS + ["系统日志会在 24 小时内从服务中删除。"], _SEP_HANT + ["該服務在 26 小時內便會刪除系統記錄。"]
    )
    assert g.evidence["differences"][0]["kind"] == "number" and "26" in g.evidence["differences"][0]["zh-Hant"]
    (h,) = _separate(
        _SEP_HANS + ["首次使用时，Firefox 会将有关下载的基本信息发送给服务。"],
        _SEP_HANT + ["為了保護您，Firefox 不會將下載內容的基本資訊傳送給該服務。"],
    )
    assert h.severity == Severity.ERROR and h.evidence["differences"][0]["kind"] == "negation"
    # the same negation count, worded differently (无法 / 不能): nothing
    assert _separate(_SEP_HANS + ["我们无法保证信息是全面的。"], _SEP_HANT + ["我們不能保證此資訊足夠完善。"]) == []


def test_divergence_negation_and_names_are_errors():
    (f,) = _pair("我们会向第三方提供您的信息。", "我們不會向第三方提供您的資訊。")
    assert f.severity == Severity.ERROR and f.evidence["differences"][0]["kind"] == "negation"
    (g,) = _pair("请联系 Talk123 客服。", "請聯絡 Paper Talk123 客服。")
    assert g.severity == Severity.ERROR and g.evidence["differences"][0]["kind"] == "name"


def test_divergence_added_clause_is_info_and_synonym_is_not_reported():
    # an added or dropped clause: measured 0 of 5 real on the corpus, so info
    (f,) = _pair("我们会保护您的信息。", "我們會保護您的資訊，並定期審查我們的安全措施。")
    assert f.severity == Severity.INFO and f.evidence["differences"][0]["kind"] == "added"
    (g,) = _pair("我们会保护您的信息，并定期审查我们的安全措施，以防止泄露。", "我們會保護您的資訊，以防止洩露。")
    assert g.severity == Severity.INFO and g.evidence["differences"][0]["kind"] == "removed"
    assert _pair("设备唯一识别码", "設備唯一標識符") == []
    assert _pair("我们会使用唯一设备识别码来改进服务。", "我們會使用唯一設備標識符來改進服務。") == []
    # a rephrased sentence with the same facts is wording, not drift
    assert _pair("如果您对本政策有疑问，可以随时联系我们。", "若您對本政策有任何疑問，歡迎隨時與我們聯絡。") == []


def test_divergence_name_is_a_whole_latin_word():
    (f,) = _pair("请确认陈旧的 issue 是否已被关闭。", "請確認陳舊的 iuuse 是否已被關閉。")
    d = f.evidence["differences"][0]
    assert d["kind"] == "name" and d["zh-Hans"] == "issue" and d["zh-Hant"] == "iuuse"


@pytest.mark.slow
def test_divergence_seed000_synonym_not_flagged(seed000_result):
    line = line_of(SEED000, "唯一設備標識符")
    div = [f for f in seed000_result.findings if f.rule == "hans-hant-divergence"]
    assert not any(loc.line <= line <= loc.end_line for f in div for loc in f.locations)
    assert all(f.severity != Severity.INFO for f in div)


@pytest.mark.parametrize(
    "old,new,changed_chars",
    [("訊小通", "訊大通", "大"), ("北京訊眾", "上海訊眾", "上海"), ("在微信中", "在微博中", "博")],
)
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
    fw_hans = [
        "我们会保护您的账户安全与隐私。",
        "请妥善保管您的密码。",
        "我们不会出售您的数据。",
        "您可以随时删除您的记录。",
    ]
    fw = _name_changed(_hant(fw_hans), "您的", "您之", 0)
    assert _separate(fw_hans, fw) == []


@pytest.mark.slow
def test_divergence_seed000_real_differences_are_not_names(seed000_result):
    div = [f for f in seed000_result.findings if f.rule == "hans-hant-divergence"]
    names = [d for f in div for d in f.evidence["differences"] if d["kind"] == "name"]
    assert not any("识别码" in d["zh-Hans"] or "标识符" in d["zh-Hans"] or "標識符" in d["zh-Hant"] for d in names)
    assert not any("资讯" in d["zh-Hans"] or "信息" in d["zh-Hant"] or "重要" in d["zh-Hans"] for d in names)
    for line_text in ("唯一設備標識符", "個人重要信息"):
        line = line_of(SEED000, line_text)
        assert not any(
            loc.line <= line <= loc.end_line
            for f in div
            for loc in f.locations
            if any(d["kind"] == "name" for d in f.evidence["differences"])
        )


# issue 8, item 2: one quantity written two ways is no different number (kaia-docs:
# kaiachain/kaia-docs, MIT; opensource-guide: github/opensource.guide, CC-BY-4.0)
@pytest.mark.parametrize(
    "hans,hant",
    [
        (
            "GC 的投票权与所投注的 KAIA 数量成正比（每 500 万 KAIA 1 票）。",
            "GC 的投票權與所投注的 KAIA 數量成正比（每 5M KAIA 1 票）。",
        ),
        ("所有 GC 成员至少持有 500 万 KAIA，操作 CN/PN 节点。", "所有 GC 成員至少持有 5M KAIA，操作 CN/PN 節點。"),
        ("每月最多 300 万次请求。", "每月最多 3 百萬次請求。"),
        (
            "所有 GC 成员至少持有 500 万 KAIA，操作 CN/PN 节点，并平等参与区块生产。 每位全球理事会成员可获得每个区块 0.96 KAIA。",
            "所有 GC 會員至少持有 5M KAIA，操作 CN/PN 節點，並平等參與區塊製作。 每位 GC 成員每建議一個區塊可獲得 0.96 KAIA。",
        ),
        ("我只在每两周的星期四的6-7点审查问题。", "我只在每兩週的星期四的 6 點到 7 點審查問題。"),
    ],
)
def test_equal_quantities_written_differently(hans, hant):
    fs = [f for f in _pair(hans, hant) if "number" in f.evidence["key"]]
    assert fs == [], [f.message for f in fs]


def test_changed_version_requirement_is_a_number():
    # hexo-site docs/index (hexojs/site, CC-BY-4.0): zh-Hant still says >= 8.10
    fs = _pair(
        "Node.js（版本需不低于 10.13，建议使用 Node.js 12.0 及以上版本）",
        "Node.js（版本需不低於 8.10，建議使用 Node.js 10.0 及以上版本）",
    )
    assert len(fs) == 1 and "number" in fs[0].evidence["key"]


# kaia-docs (kaiachain/kaia-docs, MIT): zh-Hant writes 智能合約 throughout but 智慧契約 once,
# 相依性 for 依赖项, 請參閱 for 请参见: one dictionary word for another, regional wording
_KAIA_HANS = [
    "在本节中，您将为智能合约创建一个模块。",
    "部署智能合约之前，请先编译智能合约。",
    "智能合约部署完成后，您可以与智能合约交互。",
    "注意：这将安装本项目所需的其他依赖项，包括 hardhat 等。",
    "详细执行流程请参见 ENTRYPOINT 指南。",
]


def test_divergence_dictionary_synonyms_are_regional_wording():
    hant = _hant(_KAIA_HANS)
    hant[0] = hant[0].replace("智慧合約", "智慧契約")
    hant[3] = "注意: 這會安裝本專案所需的其他相依性，包括 hardhat 等。"
    hant[4] = "詳細執行流程請參閱 ENTRYPOINT 指南。"
    assert _separate(_KAIA_HANS, hant) == []


def test_divergence_negation_worded_on_both_sides_or_a_filler_is_not_reported():
    # opensource-guide metrics (github/opensource.guide, CC-BY-4.0): 这不 ("you see") dropped
    hans = "数据只有在充满智慧的运用它，才能发挥出其应有的功效。这不，作为一名开源项目的维护者，可以利用数据来助自己一臂之力。"
    hant = (
        "數據只有在充滿智慧的運用它，才能發揮出其應有的功效。作爲一名開源專案的維護者，可以利用數據來助自己一臂之力。"
    )
    assert _pair(hans, hant) == []
    # 不相符 / 相悖: the same claim, negated in one wording only
    assert _pair("这些设置与文档中的说明不相符，请检查配置。", "這些設定與文件中的說明相悖，請檢查配置。") == []
    # 不过 (but) is no negation
    assert _pair("不过您可以随时更改这些设置。", "您可以隨時更改這些設定。") == []
    # "other than" worded as an exclusion (expressjs/expressjs.com, CC-BY-SA-3.0, behind-proxies)
    assert (
        _pair(
            "设置非 false trust proxy 值会导致三个重大变化。",
            "如果設定 false trust proxy 以外的值，會導致三項重大變更。",
        )
        == []
    )


def test_divergence_term_translated_in_one_version_and_kept_in_english_in_the_other():
    # bagder/http3-explained (CC BY 4.0), independent zh and zh-TW translations
    assert _pair("一个请求由一个HEADERS帧组成。", "一個請求由一個 HEADERS frame 組成。") == []
    assert (
        _pair(
            "现存的支持TLS 1.3的TLS库都没有提供此功能的API。",
            "現存的支持 TLS 1.3 的 TLS libraries 都沒有提供此功能的 API。",
        )
        == []
    )
    # an English gloss in parentheses is no clause: 優先次序 ( Prioritization ) / 优先度
    assert _pair("HTTP/3 优先度", "HTTP/3 優先次序 ( Prioritization )") == []
    # a package name is a name, however common its parts (expressjs/expressjs.com, CC-BY-SA-3.0)
    (f,) = _pair(
        "可使用应用程序生成器工具 (express-generator) 快速创建应用程序框架。",
        "使用應用程式產生器工具 express，快速建立應用程式架構。",
    )
    assert f.evidence["differences"][0]["kind"] == "name"
    # a different name stays one: HEADERS / SETTINGS
    (f,) = _pair("一个请求由一个HEADERS帧组成。", "一個請求由一個 SETTINGS frame 組成。")
    assert f.evidence["differences"][0]["kind"] == "name"


def test_divergence_latin_gloss_in_one_version_only_is_not_a_name():
    assert _pair("您可以在此选择文章的布局，默认为文章。", "您可以在此選擇文章的佈局 (Layout)，預設為文章。") == []


def _three(hans: str, hant: str, en: str):
    extra = _SAME
    vs = (
        version("zh-Hans", [h for h, _ in extra] + [hans]),
        version("zh-Hant", [t for _, t in extra] + [hant], region="TW"),
        version("en", ["We value your privacy.", "Contact us with questions.", "We update this policy."] + [en]),
    )
    rows = [{"zh-Hans": [i], "zh-Hant": [i], "en": [i]} for i in range(1, len(extra) + 2)]
    return run("hans-hant-divergence", *vs, rows=rows)


def test_divergence_english_decides_which_chinese_version_is_wrong():
    (f,) = _three(
        "我们将保存您的信息60天，然后删除。",
        "我們將保存您的資訊30天，然後刪除。",
        "We keep it for 30 days, then delete it.",
    )
    assert f.locations[0].lang == "zh-Hans" and f.evidence["probably_wrong"] == "zh-Hans"
    assert 'zh-Hans says "我们将保存您的信息60天"' in f.message and 'zh-Hant says "我們將保存您的資訊30天"' in f.message
    assert 'en says "We keep it for 30 days, then delete it."' in f.message and "zh-Hans is probably wrong" in f.message
    assert "∅" not in f.message and "∅" not in (f.suggestion or "")
    (g,) = _three("请确认 issue 是否已被关闭。", "請確認 iuuse 是否已被關閉。", "Check whether the issue was closed.")
    assert g.locations[0].lang == "zh-Hant" and "zh-Hant is probably wrong" in g.message
    # a negation English does not have: the negated version is the odd one
    (h,) = _three("我们会向第三方提供您的信息。", "我們不會向第三方提供您的資訊。", "We share your data with partners.")
    assert h.evidence["probably_wrong"] == "zh-Hant"


def test_divergence_the_version_keeping_the_english_source_is_the_odd_one():
    # hexo-site (hexojs/site, CC-BY-4.0 docs): zh-Hant keeps the English sentence after its translation
    en = "Hexo inherits from EventEmitter. Use the on method to listen for events emitted by Hexo."
    hans = "Hexo 继承了 EventEmitter，您可以用 on 方法监听 Hexo 所发布的事件，更详细的说明请参阅 Node.js 的 API。"
    hant = hans.replace("继承", "繼承").replace("监听", "監聽").replace("发布", "發佈").replace("详细", "詳細")
    hant = (
        hant.replace("说明", "說明").replace("请参阅", "請參閱")
        + " Use the on method to listen for events emitted by Hexo."
    )
    found = _three(hans, hant, en)
    assert found and all(f.evidence["probably_wrong"] == "zh-Hant" for f in found)


def test_divergence_a_list_with_items_dropped_in_one_version():
    # contributor-covenant v1.4 (EthicalSource/contributor_covenant, CC-BY-4.0): zh-Hant's list of
    # protected characteristics omits sex characteristics, education and socio-economic status
    hans = "我们承诺：不论年龄、体型、身体健全与否、民族、性征、性别认同与表征、经验水平、教育程度、社会地位、国籍、相貌、种族、信仰、性取向，参与者皆免于骚扰。"
    hant = "我們保證，無論年齡、種族、民族、性別認同和表達、體型、殘疾、經驗水平、國籍、個人表現、宗教或性別取向，參與者都有不被騷擾的體驗。"
    en = (
        "We pledge a harassment-free experience for everyone, regardless of age, body size, disability, ethnicity, "
        "sex characteristics, gender identity and expression, level of experience, education, socio-economic status, "
        "nationality, personal appearance, race, religion, or sexual identity and orientation."
    )
    (f,) = _three(hans, hant, en)
    d = f.evidence["differences"][-1]
    assert d["kind"] == "items" and f.evidence["probably_wrong"] == "zh-Hant" and f.locations[0].lang == "zh-Hant"
    assert "zh-Hant is probably wrong" in f.message and "sex characteristics" in f.message
    # without English nothing tells which list is complete
    assert not [f for f in _pair(hans, hant, context=False) if "items" in f.evidence["key"]]


def test_divergence_two_different_lists_of_a_row_are_not_compared():
    # astro-docs basics/layouts (withastro/docs, MIT): each version's longest list is another list
    hans = "BlogPostLayout.astro 布局组件可以对文章的标题、日期和作者进行样式化。然后，BaseLayout.astro 可以处理导航栏，页脚，SEO 元标签，全局样式和字体。"
    hant = "BlogPostLayout.astro 可以設定文章的標題，日期和作者。然後 BaseLayout.astro 可以處理頁面模板的其餘部分，像導覽列、頁尾、SEO meta 標籤、全域樣式、字型等。"
    en = (
        "A BlogPostLayout.astro could style a post's title, date and author. Then, a site-wide BaseLayout.astro could"
        " handle the rest of your page template, like navigation, footers, SEO meta tags, global styles, and fonts."
    )
    assert not [f for f in _three(hans, hant, en) if "items" in f.evidence["key"]]


# The rows of hexo's variables page (hexo-site, docs_variables, MIT licence): zh-Hant put
# 下一頁 (next page) and 最後一頁 (last page) where en and zh-Hans say previous / first.
_PREV_EN = "page.prev_link | The URL of previous page. `''` if the current page is the first. | string"
_PREV_HANS = "page.prev_link | 上一页的网址。 如果此页是第一页的话则为 `''`。 | string"
_PREV_HANT_WRONG = "page.prev_link | 下一頁的網址。 如果此頁是最後一頁的話則為 `''`。 | string"
_PREV_HANT_RIGHT = "page.prev_link | 上一頁的網址。 如果此頁是第一頁的話則為 `''`。 | string"


def _prev_row(hans: str, hant: str, en: str):
    return run_texts(
        "hans-hant-divergence",
        {
            "zh-Hans": [h for h, _ in _SAME] + [hans],
            "zh-Hant": [t for _, t in _SAME] + [hant],
            "en": ["We value your privacy.", "Contact us with questions.", "We update this policy."] + [en],
        },
    )


def test_a_word_put_for_its_opposite_is_blamed_on_the_version_english_contradicts():
    found = _prev_row(_PREV_HANS, _PREV_HANT_WRONG, _PREV_EN)
    assert len(found) == 1
    f = found[0]
    assert f.locations[0].lang == "zh-Hant" and f.severity == Severity.ERROR
    assert "opposite" in f.message and "zh-Hant is probably wrong" in f.message
    # the other way round: zh-Hans is the odd one
    found = _prev_row(scripts.to_simplified(_PREV_HANT_WRONG), _PREV_HANT_RIGHT, _PREV_EN)
    assert [f.locations[0].lang for f in found] == ["zh-Hans"]


def test_opposite_words_need_english_to_say_one_of_them():
    # English says both "previous" and "next" (and "first" and "last"): it cannot decide
    both = "page.prev_link | The URL of the previous or next page, empty on the first or last page. | string"
    assert _prev_row(_PREV_HANS, _PREV_HANT_WRONG, both) == []


def test_consistent_opposites_are_not_reported():
    # the three versions agree; and a word that merely contains 上 or 下 elsewhere is not a flip
    assert _prev_row(_PREV_HANS, _PREV_HANT_RIGHT, _PREV_EN) == []
    hans, hant = "点击上方的下载按钮即可获取安装包。", "點擊上方的下載按鈕即可取得安裝套件。"
    assert _prev_row(hans, hant, "Click the download button above to get the installer.") == []


def test_two_reserved_example_addresses_are_not_a_changed_name():
    # hexo-site docs/configuration (MIT): zh-CN example.com, zh-TW example.org in one illustration
    hans = "例如 http://example.com/blog，则请将您的 url 设为 http://example.com/blog 并把 root 设为 /blog/。"
    hant = "例如 http://example.org/blog，則請將您的 url 設為 http://example.org/blog 並把 root 設為 /blog/。"
    assert _pair(hans, hant) == []
    # a number changed next to an example address is still reported
    found = _pair("访问 example.com 后等待 30 秒再重试。", "訪問 example.com 後等待 60 秒再重試。")
    assert [d["kind"] for f in found for d in f.evidence["differences"]] == ["number"]
