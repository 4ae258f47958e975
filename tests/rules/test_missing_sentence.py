"""missing-sentence: real paragraphs (from the corpus sites) with a sentence or clause dropped, and
consistent real passages that must stay silent. Uses the real embedder (sentence alignment)."""

import pytest

from tcheck.pipeline import SegmentEmbedder

from .conftest import check, texts_context

pytestmark = pytest.mark.slow

# Context rows: real, consistent paragraphs (astro-docs), so the document has a typical length ratio.
CONTEXT = {
    "zh-Hans": [
        "Astro 页面使用 .astro 文件扩展名，并支持与 Astro 组件相同的功能。",
        "想要自定义 404 错误页面，你可以在 src/pages 中创建 404.astro 或 404.md 文件。",
        "在 Astro 中，可以使用标准的 HTML 注释或 JavaScript 风格的注释。",
    ],
    "zh-Hant": [
        "Astro 頁面使用 .astro 副檔名，支援的功能同 Astro 元件。",
        "如要自訂 404 錯誤頁面，可以在 src/pages 新增 404.astro 或 404.md。",
        "在 Astro 可以使用標準的 HTML 註解或 JavaScript 風格的註解。",
    ],
    "en": [
        "Astro pages use the .astro file extension and support the same features as Astro components.",
        "For a custom 404 error page, you can create a 404.astro or 404.md file in src/pages.",
        "In Astro, you can use standard HTML comments or JavaScript-style comments.",
    ],
}

# astro-docs concepts_islands: three sentences in every version
ISLANDS = {
    "zh-Hans": "受益于 Astro 服务器群岛的一个很好的例子是电子商务店面的网站。尽管产品页面的主要内容很少更改，"
    "但这些页面通常包含一些动态部分。为这些元素使用服务器群岛，访客将能够立即看到页面最重要的部分，即产品。",
    "zh-Hant": "受益於 Astro 伺服器群島的一個好例子是電子商務店面。雖然產品頁面的主要內容不常變動，"
    "但這些頁面通常包含一些動態部分。為這些元素使用伺服器群島，訪客就能立即看到頁面最重要的部分——你的產品。",
    "en": "An example of a site that benefits from Astro's server islands is an e-commerce storefront. Although the "
    "main content of product pages change infrequently, these pages typically have some dynamic pieces. Using "
    "server islands for these elements, your visitor will see the most important part of the page, your "
    "product, immediately.",
}


def _run(embedder, rows: dict[str, str]):
    texts = {lg: CONTEXT[lg] + [rows[lg]] for lg in rows}
    ctx = texts_context(texts)
    ctx.embed = SegmentEmbedder(embedder)
    return check("missing-sentence", ctx)


def test_a_sentence_dropped_from_one_chinese_version_is_reported_there(embedder):
    rows = dict(ISLANDS)
    rows["zh-Hant"] = (
        "受益於 Astro 伺服器群島的一個好例子是電子商務店面。為這些元素使用伺服器群島，訪客就能立即看到頁面最重要的部分——你的產品。"
    )
    (f,) = _run(embedder, rows)
    assert f.locations[0].lang == "zh-Hant"
    assert f.evidence["missing_in"] == ["zh-Hant"]
    assert "infrequently" in f.evidence["sentence"]["text"] or "很少更改" in f.evidence["sentence"]["text"]
    assert {c.lang for c in f.counterparts} == {"en", "zh-Hans"}
    assert f.severity.label == "warning"  # English and zh-Hans agree


def test_a_clause_after_a_semicolon_missing_in_both_chinese_versions(embedder):
    # hexo-site docs_index (real): the Chinese versions lack the root/sudo warning
    rows = {
        "zh-Hans": "如果在尝试安装 Hexo 的过程中出现 EACCES 权限错误，请遵循由 npmjs 发布的指导修复该问题。",
        "zh-Hant": "如果在嘗試安裝 Hexo 的過程中出現 EACCES 權限錯誤，請遵循由 npmjs 發布的指導修復該問題。",
        "en": "If you encounter EACCES permission error when trying to install Hexo, please follow the workaround "
        "provided by npmjs; overriding with root/sudo is highly discouraged.",
    }
    (f,) = _run(embedder, rows)
    assert f.evidence["sentence"]["text"] == "overriding with root/sudo is highly discouraged."
    assert f.evidence["missing_in"] == ["zh-Hans", "zh-Hant"]
    assert f.severity.label == "info"  # English alone against the two Chinese versions


def test_a_sentence_added_to_one_chinese_version_only(embedder):
    rows = dict(ISLANDS)
    rows["zh-Hans"] = ISLANDS["zh-Hans"] + "但是，如果你的网站没有任何动态内容，则必须先关闭服务器群岛功能才能部署。"
    found = _run(embedder, rows)
    assert [f.locations[0].lang for f in found] == ["zh-Hans"]
    assert "服务器群岛功能" in found[0].evidence["sentence"]["text"]


def test_a_parenthetical_clause_one_chinese_version_drops(embedder):
    rows = {
        "zh-Hans": "在终端中运行 ipython 即可启动交互式解释器，然后输入代码并立即看到结果。",
        "zh-Hant": "在終端機中執行 ipython（代表 Interactive Shell 的縮寫）即可啟動互動式直譯器，然後輸入程式碼並立即看到結果。",
        "en": "Run ipython (which stands for Interactive Shell) in a terminal to start the interactive interpreter, "
        "then type code and see the result at once.",
    }
    found = [f for f in _run(embedder, rows) if "clause" in f.evidence]
    assert [f.locations[0].lang for f in found] == ["zh-Hans"]
    assert "Interactive Shell" in found[0].message


def test_consistent_real_paragraphs_are_silent(embedder):
    assert _run(embedder, ISLANDS) == []


def test_two_sentences_merged_into_one_are_not_a_drop(embedder):
    # tldr-pages style: en says it in two sentences, Chinese in one
    rows = {
        "zh-Hans": "Astro 的旧版本文档不再维护，但可以作为静态快照访问。",
        "zh-Hant": "舊版 Astro 的文件不再維護，但仍以靜態快照的形式提供。",
        "en": "Documentation for older versions of Astro is not maintained. It is still available as a static snapshot.",
    }
    assert _run(embedder, rows) == []


def test_a_short_sentence_or_label_is_never_reported(embedder):
    rows = {
        "zh-Hans": "运行以下命令来升级 Astro 和所有官方集成。",
        "zh-Hant": "執行以下指令來升級 Astro 和所有官方整合。",
        "en": "Run the following command to upgrade Astro and all official integrations. For example:",
    }
    assert _run(embedder, rows) == []


def test_two_versions_need_a_clear_length_ratio(embedder):
    rows = {lg: ISLANDS[lg] for lg in ("zh-Hans", "en")}
    assert _run(embedder, rows) == []
