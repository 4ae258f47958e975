"""meaning-flip: real sentences with a negation, modality, and/or or arithmetic word flipped in one
version, and consistent real passages (loose but correct translations) that must stay silent."""

import pytest

from tcheck.pipeline import SegmentEmbedder
from tcheck.text.markers import markers

from .conftest import check, texts_context


def _run(embedder, rows: dict[str, list[str]]):
    ctx = texts_context(rows)
    ctx.embed = SegmentEmbedder(embedder)
    return check("meaning-flip", ctx)


# -- the word lists ---------------------------------------------------------------------


def test_markers_tell_prohibition_from_possibility():
    assert "prohibit" in markers("You may not share your password with any other party.", "en")
    assert "prohibit" not in markers("You may not even want contributions.", "en")
    assert markers("您可能不會與任何其他方分享您的密碼。", "zh-Hant").keys() >= {"may", "negation"}
    assert "prohibit" in markers("您不得与任何其他方分享您的密码。", "zh-Hans")


def test_lexicalised_words_are_not_markers():
    assert markers("不同的用户可以加入未来的会议。", "zh-Hans") == {"may": 1}
    assert markers("This works not only for class, whether or not it is set.", "en") == {}


def test_arithmetic_words_count_only_between_numbers():
    assert markers("三减二等于一", "zh-Hans") == {"minus": 1}
    assert markers("three times two is six", "en") == {"times": 1}
    assert "minus" not in markers("减少内存使用", "zh-Hans")


# -- positives ------------------------------------------------------------------------------

pytestmark_slow = pytest.mark.slow

# mozilla-legal pocket_tos (en real; the Chinese sentences translate it)
PASSWORD = {
    "zh-Hans": ["您有责任维护您帐户和密码的机密性。", "您不得与任何其他方分享您的密码或其他帐户访问信息。"],
    "zh-Hant": ["您有責任維護您帳戶和密碼的機密性。", "您可能不會與任何其他方分享您的密碼或其他帳戶存取資訊。"],
    "en": [
        "You are responsible for maintaining the confidentiality of your account and password.",
        "You may not share your password or other account access information with any other party.",
    ],
}


@pytestmark_slow
def test_you_may_not_rendered_as_you_might_not(embedder):
    (f,) = _run(embedder, PASSWORD)
    assert f.locations[0].lang == "zh-Hant" and f.locations[0].paragraph == 2
    assert f.evidence["expected"] == "prohibit" and f.evidence["found"] == "may"


@pytestmark_slow
def test_you_may_not_rendered_as_you_might_not_with_two_versions(embedder):
    (f,) = _run(embedder, {"zh-Hant": PASSWORD["zh-Hant"], "en": PASSWORD["en"]})
    assert f.locations[0].lang == "zh-Hant"


@pytestmark_slow
def test_a_negation_dropped_from_one_of_two_converted_chinese_versions(embedder):
    rows = {
        "zh-Hans": [
            "Astro 页面使用 .astro 文件扩展名。",
            "HTML 属性将转换为字符串，因此不能将函数和对象传递给 HTML 元素。",
        ],
        "zh-Hant": ["Astro 頁面使用 .astro 副檔名。", "HTML 屬性將轉換為字串，因此能將函式和物件傳遞給 HTML 元素。"],
        "en": [
            "Astro pages use the .astro file extension.",
            "HTML attributes will be converted to strings, so it is not possible to pass functions and objects "
            "to HTML elements.",
        ],
    }
    (f,) = _run(embedder, rows)
    assert f.locations[0].lang == "zh-Hant" and f.evidence["expected"] == "negation"


@pytestmark_slow
def test_and_turned_into_or_in_one_converted_chinese_version(embedder):
    rows = {
        "zh-Hans": ["申请人必须同时满足年龄要求和居住要求。"],
        "zh-Hant": ["申請人必須同時滿足年齡要求或居住要求。"],
        "en": ["Applicants must meet both the age requirement and the residence requirement."],
    }
    (f,) = _run(embedder, rows)
    assert f.locations[0].lang == "zh-Hant" and (f.evidence["expected"], f.evidence["found"]) == ("and", "or")


@pytestmark_slow
def test_three_minus_two_where_english_says_three_times_two(embedder):
    rows = {"zh-Hans": ["例如，三减二的结果是六。"], "en": ["For example, three times two is six."]}
    (f,) = _run(embedder, rows)
    assert f.evidence["expected"] == "times" and f.evidence["found"] == "minus"


# -- negatives: real, consistent astro-docs / hexo passages -------------------------------


@pytestmark_slow
def test_loose_but_correct_translations_are_silent(embedder):
    rows = {
        "zh-Hans": [
            "命名插槽也可以传递给 UI 框架组件！",
            "尽管产品页面的主要内容很少更改，但这些页面通常包含一些动态部分：",
            "标题信息（即 h1 -> h6 元素）可通过 headings 数组访问，而不是 getHeadings() 函数。",
            "它们不支持 frontmatter、服务器端导入或动态表达式。",
            "独立的主题配置文件应放置于站点根目录下，支持 yml 或 json 格式。",
            "我们欢迎任何大小的贡献和任何技能水平的贡献者。",
        ],
        "zh-Hant": [
            "具名插槽也可傳遞到 UI 框架元件！",
            "雖然產品頁面的主要內容不常變動，但這些頁面通常包含一些動態部分：",
            "標題資訊（即 h1 -> h6 元素）透過 headings 陣列存取，而非 getHeadings() 函式。",
            "不支援 frontmatter，伺服器端匯入，以及動態表達式",
            "檔案應該要被放在 site 資料夾中，yml 和 json 兩種格式都支援。",
            "我們歡迎任何規模的貢獻，無論你是初學者或專家。",
        ],
        "en": [
            "Named slots can also be passed to UI framework components!",
            "Although the main content of product pages change infrequently, these pages typically have some "
            "dynamic pieces:",
            "Heading information (i.e. h1 -> h6 elements) is available via the headings array, rather than a "
            "getHeadings() function.",
            "They don't support frontmatter, server-side imports, or dynamic expressions.",
            "The file should be placed in your site folder, both yml and json are supported.",
            "We welcome contributions of any size and contributors of any skill level.",
        ],
    }
    assert _run(embedder, rows) == []


@pytestmark_slow
def test_may_not_as_a_possibility_is_not_a_prohibition(embedder):
    # opensource-guide starting-a-project (real)
    rows = {
        "zh-Hans": ["如果你唯一的目标是展示你的作品，你可能甚至不想要贡献。"],
        "en": ["If your only goal is to show off your work, you may not even want contributions."],
    }
    assert _run(embedder, rows) == []
