"""link-mismatch: URLs, e-mail addresses and phone numbers that differ."""

from __future__ import annotations

from tcheck.load import segment
from tcheck.model import Severity
from tcheck.text.links import extract_links, normalize_phone, normalize_url

from .conftest import run_texts as run


def test_url_normalisation():
    assert normalize_url("https://WWW.Example.com/privacy/")[0] == normalize_url("https://example.com/privacy")[0]
    assert (
        normalize_url("https://developer.mozilla.org/en-US/docs/Web/HTTP")[0]
        == normalize_url("https://developer.mozilla.org/zh-CN/docs/Web/HTTP")[0]
    )
    assert normalize_url("https://example.com/zh-TW/legal/")[0] == normalize_url("https://example.com/legal")[0]
    assert normalize_url("https://example.com/privacy")[0] != normalize_url("https://example.com/terms")[0]
    assert normalize_url("https://example.com/privacy")[0] != normalize_url("https://example.org/privacy")[0]


def test_phone_normalisation():
    assert normalize_phone("+86 10 1234 5678") == normalize_phone("010-12345678")
    assert normalize_phone("1-800-352-5267") == normalize_phone("+1 800 352 5267")
    assert normalize_phone("400-123-4567") != normalize_phone("400-123-4568")


def test_extracts_markdown_targets_and_ignores_dates():
    (seg,) = segment("请阅读[隐私政策](https://example.com/privacy)或发邮件至 a@example.com，日期 2024-06-12。\n", True)
    kinds = sorted((ln.kind, ln.key) for ln in extract_links(seg))
    assert kinds == [("email", "a@example.com"), ("url", "example.com/privacy")]


def test_different_email_is_an_error():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["请发送邮件至 privacy@example.com 联系我们。"],
            "en": ["Please write to support@example.com."],
        },
    )
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR
    assert "support@example.com" in fs[0].message and "privacy@example.com" in fs[0].message
    assert fs[0].evidence["spans"]["en"][0]["column"] == len("Please write to ") + 1


def test_different_phone_is_an_error():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["客服电话：400-123-4567。"],
            "zh-Hant": ["客服電話：400-123-4568。"],
        },
    )
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR and fs[0].evidence["kind"] == "phone"


def test_missing_email_is_a_warning():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["如有疑问，请联系 privacy@example.com。"],
            "en": ["If you have questions, please contact us."],
        },
    )
    assert [f.severity for f in fs] == [Severity.WARNING]
    assert fs[0].locations[0].lang == "zh-Hans"


def test_obfuscated_email_is_info():
    fs = run(
        "link-mismatch",
        {
            "zh-Hant": ["請發送郵件至 [email protected] 聯絡我們。"],
            "en": ["Please write to privacy@example.com."],
        },
    )
    assert [f.severity for f in fs] == [Severity.INFO]
    assert fs[0].locations[0].lang == "zh-Hant" and "obfuscated" in fs[0].message


def test_http_vs_https_is_the_same_page():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["详见 http://acme.dev/privacy。"],
            "en": ["See https://acme.dev/privacy."],
        },
    )
    assert fs == []


def test_placeholder_hosts_are_not_compared():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["例如 http://example.com/blog 或 http://localhost:4000/。"],
            "zh-Hant": ["例如 http://example.org/blog 或 http://127.0.0.1:4000/。"],
        },
    )
    assert fs == []


def test_equivalent_links_are_not_flagged():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": [
                "请阅读[文档](https://developer.mozilla.org/zh-CN/docs/Web/HTTP)。",
                "联系 Privacy@Example.com 或致电 +86 10 1234 5678。",
                "访问 https://www.example.com/legal/。",
                "详见[说明](https://example.com/help?lang=zh-CN)。",
            ],
            "zh-Hant": [
                "請閱讀[文件](https://developer.mozilla.org/zh-TW/docs/Web/HTTP)。",
                "聯絡 privacy@example.com 或致電 010-12345678。",
                "造訪 https://example.com/legal。",
                "詳見[說明](https://example.com/help?lang=zh-TW)。",
            ],
            "en": [
                "Read the [docs](https://developer.mozilla.org/en-US/docs/Web/HTTP).",
                "Contact privacy@example.com or call +86 10 1234 5678.",
                "Visit https://example.com/legal.",
                "See the [guide](https://example.com/help?lang=en).",
            ],
        },
        markdown=True,
    )
    assert fs == []


def test_localized_pages_of_the_same_site_are_not_flagged():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["参见[幽灵漏洞](https://zh.wikipedia.org/wiki/%E5%B9%BD%E7%81%B5%E6%BC%8F%E6%B4%9E)。"],
            "zh-Hant": ["參見[幽靈漏洞](https://zh.wikipedia.org/wiki/幽靈漏洞)。"],
            "en": ["See [Spectre](https://en.wikipedia.org/wiki/Spectre_(security_vulnerability))."],
        },
        markdown=True,
    )
    assert fs == []


def test_other_site_is_an_error_but_other_page_of_same_site_a_warning():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["见[指南](https://guide.acme.dev/readme)。", "见[条款](https://acme.dev/terms)。"],
            "en": ["See [the guide](https://www.other.org/readme).", "See [terms](https://acme.dev/tos)."],
        },
        markdown=True,
    )
    assert sorted(f.severity for f in fs) == [Severity.WARNING, Severity.ERROR]


def test_link_two_versions_give_is_reported_once_at_the_third():
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["详见[说明](https://acme.dev/help)和[条款](https://acme.dev/terms)。"],
            "zh-Hant": ["詳見[說明](https://acme.dev/help)和[條款](https://acme.dev/terms)。"],
            "en": ["See the help pages and the terms."],
        },
        markdown=True,
    )
    assert len(fs) == 1
    assert fs[0].locations[0].lang == "en" and fs[0].severity == Severity.WARNING
    assert "https://acme.dev/help" in fs[0].message and "https://acme.dev/terms" in fs[0].message


def test_bare_url_followed_by_parenthesis_in_chinese():
    (seg,) = segment("参见 https://fetch.spec.whatwg.org/#corb)(CORB 规范）\n", False)
    (ln,) = extract_links(seg)
    assert ln.text == "https://fetch.spec.whatwg.org/#corb"


def test_number_missing_from_one_of_three_versions_is_reported_once():
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": ["我们保存数据180天。"],
            "zh-Hant": ["我們保存資料180天。"],
            "en": ["We keep the data."],
        },
    )
    assert len(fs) == 1
    assert fs[0].locations[0].lang == "en" and fs[0].severity == Severity.WARNING
    assert {c.lang for c in fs[0].counterparts} == {"zh-Hans", "zh-Hant"}


# ---- links compared as targets (issue 8 item 6); passages from real documents


def test_broken_link_syntax_is_reported_where_another_version_has_a_working_link():
    # kaiachain/kaia-docs (MIT), minidapps/unity/quick-start: zh-CN breaks the faucet link
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["- 从 [Kaia 水龙头] 测试 Kaia(https://faucet.kaia.io/)"],
            "zh-Hant": ["- 從 [Kaia 水龍頭](https://faucet.kaia.io/) 取得測試用 KAIA"],
            "en": ["- Test KAIA from [Kaia Faucet](https://faucet.kaia.io/)"],
        },
        markdown=True,
    )
    (f,) = fs
    assert f.locations[0].lang == "zh-Hans" and f.severity == Severity.WARNING
    assert f.evidence["difference"] == "broken-syntax"
    assert f.locations[0].column == len("- 从 ") + 1
    assert "does not render as a link" in f.message and "en has a working link" in f.message


def test_zh_version_linking_the_english_page_where_the_other_links_its_own():
    # hexojs/site (CC-BY-4.0), docs/github-pages: zh-TW links /docs/… where zh-CN links /zh-cn/docs/…
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["使用 [一键部署](/zh-cn/docs/one-command-deployment) 部署。"],
            "zh-Hant": ["使用 [一鍵部署](/docs/one-command-deployment) 部署。"],
            "en": ["Use [one-command deployment](/docs/one-command-deployment)."],
        },
        markdown=True,
    )
    (f,) = fs
    assert f.locations[0].lang == "zh-Hant" and f.evidence["difference"] == "language-page"
    assert "/zh-cn/docs/one-command-deployment" in f.message


def test_english_pages_of_a_site_without_localised_links_are_not_reported():
    # nodejs/nodejs.org (MIT): every version links the same unlocalised pages
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["参见[贡献指南](/en/about/get-involved)。"],
            "zh-Hant": ["參見[貢獻指南](https://nodejs.org/en/about/get-involved)。"],
            "en": ["See the [contributing guide](/en/about/get-involved)."],
        },
        markdown=True,
    )
    assert fs == []


def test_dead_anchor_is_reported():
    # hexojs/site (CC-BY-4.0), docs/github-pages: zh-TW #一鍵部屬 matches no zh-TW heading
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["请参阅 [一键部署](#一键部署)。", "## 一键部署"],
            "zh-Hant": ["請參閱 [一鍵部屬](#一鍵部屬)。", "## One-command deployment"],
        },
        markdown=True,
    )
    (f,) = fs
    assert f.locations[0].lang == "zh-Hant" and f.evidence["difference"] == "dead-anchor"
    assert f.severity == Severity.WARNING


def test_same_page_written_relative_and_absolute_is_not_reported():
    # hexojs/site (CC-BY-4.0), docs/syntax-highlight
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["[反引号代码块标签插件](tag-plugins#反引号代码块)"],
            "en": ["[Tag Plugin - Backtick Code Block](https://hexo.io/docs/tag-plugins#Backtick-Code-Block)"],
        },
        markdown=True,
    )
    assert fs == []


def test_another_page_of_the_site_is_reported():
    # hexojs/site (CC-BY-4.0), docs/configuration: permalink linked to variables.html
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["改写 [`permalink`](variables.html) 的值来美化 URL"],
            "zh-Hant": ["改寫 [`permalink`](variables.html) 的值來美化 URL"],
            "en": ["Rewrite the [`permalink`](permalinks.html) variables to pretty URLs"],
        },
        markdown=True,
    )
    assert fs and all(f.severity == Severity.WARNING for f in fs)
    assert "permalinks.html" in fs[0].message and "variables.html" in fs[0].message


def test_third_party_mirror_instead_of_the_sites_page():
    # github/opensource.guide (CC-BY-4.0), legal: zh-TW links a fork's notices.md
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["参见[免责声明](/notices/)。"],
            "zh-Hant": ["參見[免責聲明](https://github.com/cnbo/open-source-guide/blob/gh-pages/notices.md)。"],
            "en": ["See the [disclaimer](/notices/)."],
        },
        markdown=True,
    )
    assert [f.locations[0].lang for f in fs] == ["zh-Hant"]


def test_mention_written_as_text_is_the_profile_link():
    # github/opensource.guide (CC-BY-4.0), best-practices: en writes @progrium, the site autolinks it
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["[@progrium](https://github.com/progrium) [发现](https://acme.dev/post)……"],
            "zh-Hant": ["[@progrium](https://github.com/progrium) [發現](https://acme.dev/post)……"],
            "en": ["@progrium [found that](https://acme.dev/post) …"],
        },
        markdown=True,
    )
    assert fs == []


def _link_findings_of_files(tmp_path, files: dict[str, str]):
    """link-mismatch over Markdown files written to ``tmp_path`` (one per language), aligned one to one."""
    from tcheck.load import load_versions

    from .conftest import check, context, diagonal

    versions = []
    for lang, text in files.items():
        p = tmp_path / f"doc.{lang}.md"
        p.write_text(text, encoding="utf-8")
        versions += load_versions(str(p), lang)
    return check("link-mismatch", context(versions, diagonal(versions)))


def test_reference_style_links_are_compared(tmp_path):
    # hexojs/site (CC-BY-4.0): [text][id] with the definition at the end of the page
    en = "Read [the API docs](/api/).\n"
    assert _link_findings_of_files(tmp_path, {"zh-Hans": "阅读 [API 文档][api]。\n\n[api]: /api/\n", "en": en}) == []
    fs = _link_findings_of_files(tmp_path, {"zh-Hans": "阅读 [API 文档][api]。\n\n[api]: /plugins/\n", "en": en})
    assert len(fs) == 1 and "/plugins/" in fs[0].message


def test_reference_label_with_full_width_parentheses_is_resolved(tmp_path):
    # pnpm/pnpm.io (MIT), cli/add: zh-CN [目录（catalog）][] with its definition at the end
    files = {
        "zh-Hans": "引用[目录（catalog）][]中的版本。\n\n[目录（catalog）]: catalogs.md\n",
        "en": "Use the version from the [catalog](catalogs.md).\n",
    }
    assert _link_findings_of_files(tmp_path, files) == []


def test_link_given_through_a_template_macro_is_not_missing():
    # mdn/translated-content (CC-BY-SA-2.5), cross-origin resource policy: zh-CN links through a macro
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ['- `same-origin`：只有来自同{{Glossary("Origin", "源")}}的请求才能获取到这个资源。'],
            "zh-Hant": ["- `same-origin`：只有來自相同[_來源_](/zh-TW/docs/Glossary/Origin)的請求可以讀取資源。"],
        },
        markdown=True,
    )
    assert fs == []


def test_regional_subdomain_is_the_same_page():
    # withastro/docs (MIT), install-and-setup: zh-CN links the Chinese mirror of the Vite guide
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["[浏览器兼容性](https://cn.vite.dev/guide/build#browser-compatibility)"],
            "zh-Hant": ["[瀏覽器相容性](https://vite.dev/guide/build.html#browser-compatibility)"],
        },
        markdown=True,
    )
    assert fs == []


def test_section_link_dropped_in_one_version():
    # hexojs/site (CC-BY-4.0), docs/index: zh-TW drops the link to the installation section
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["你可以直接前往 [安装 Hexo](#安装-Hexo) 步骤。", "## 安装 Hexo"],
            "zh-Hant": ["你可以直接前往安裝 Hexo 步驟。", "## 安裝 Hexo"],
            "en": ["You can skip to the [Hexo installation](#Install-Hexo) step.", "## Install Hexo"],
        },
        markdown=True,
    )
    (f,) = fs
    assert f.locations[0].lang == "zh-Hant" and "link to the section" in f.message
    assert f.severity == Severity.WARNING


def test_translator_credit_is_no_missing_link():
    # github/opensource.guide (CC-BY-4.0), maintaining-balance: zh-TW credits its translator
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["本指南是由[@abbycabs](https://github.com/abbycabs)编写的，由以下人员贡献："],
            "zh-Hant": [
                "本指南由[@abbycabs](https://github.com/abbycabs)撰寫，[@jianan1104](https://github.com/jianan1104)翻譯，"
                "並得到以下貢獻者的貢獻："
            ],
            "en": ["This guide was written by [@abbycabs](https://github.com/abbycabs) with contributions from:"],
        },
        markdown=True,
    )
    assert fs == []


def test_same_document_in_another_format_is_the_same_target():
    # github/opensource.guide (CC-BY-4.0), legal: the Apache ICLA as PDF in en, as text in zh
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["[个人贡献者许可协议](https://www.apache.org/licenses/icla.txt)"],
            "en": ["[Individual Contributor License Agreement](https://www.apache.org/licenses/icla.pdf)"],
        },
        markdown=True,
    )
    assert fs == []


def test_mirror_of_the_site_is_not_the_sites_page():
    # github/opensource.guide (CC-BY-4.0), building-community: the Chinese versions link a mirror
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["那么[立即采取行动](https://ocselected.github.io/open-source-guide/building-community/)。"],
            "zh-Hant": ["那麼請[立即採取行動](https://ocselected.github.io/open-source-guide/building-community/)。"],
            "en": ["[act immediately](../building-community/#dont-tolerate-bad-actors) to keep discussions civil."],
        },
        markdown=True,
    )
    # en is the source: both Chinese versions are the ones to change, one finding each
    assert sorted(f.locations[0].lang for f in fs) == ["zh-Hans", "zh-Hant"]
    assert all("ocselected.github.io" in f.message for f in fs)


def test_macro_link_is_not_paired_with_another_link():
    # mdn/content + translated-content (CC-BY-SA-2.5), cross-origin resource policy, first paragraph
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": [
                '通过 HTTP 标头 {{HTTPHeader("Cross-Origin-Resource-Policy")}} 设定，缓解诸如 '
                "[Spectre](<https://zh.wikipedia.org/wiki/%E5%B9%BD%E7%81%B5%E6%BC%8F%E6%B4%9E>) 之类的攻击。"
            ],
            "en": [
                "Set by the [`Cross-Origin-Resource-Policy` HTTP header](/en-US/docs/Web/HTTP/Reference/Headers/"
                "Cross-Origin-Resource-Policy), to mitigate attacks like "
                "[Spectre](<https://en.wikipedia.org/wiki/Spectre_(security_vulnerability)>)."
            ],
        },
        markdown=True,
    )
    assert fs == []


def test_section_linked_by_anchor_or_by_path_and_anchor():
    # withastro/docs (MIT), basics/astro-components: '#插槽' in zh-CN, the page's path and '#插槽' in zh-TW
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["HTML 组件内的 [`<slot />` 元素](#插槽)会像在 Astro 组件中那样工作。", "## 插槽"],
            "zh-Hant": [
                "HTML 元件裡的 [`<slot />` 元素](/zh-tw/basics/astro-components/#插槽)可以正常運作。",
                "## 插槽",
            ],
        },
        markdown=True,
    )
    assert fs == []


def test_template_placeholder_at_the_start_of_a_site_path_is_the_same_page():
    # expressjs/expressjs.com (CC-BY-SA-3.0), guide/writing-middleware: en writes
    # /{{ page.lang }}/4x/api.html#res (a Liquid placeholder), the Chinese ../4x/api.html#res
    fs = run(
        "link-mismatch",
        {
            "zh-Hans": ["回调函数的 HTTP [响应](../4x/api.html#res)自变量（按约定，称为 `res`）。"],
            "zh-Hant": ["回呼函數的 HTTP [回應](../4x/api.html#res) 引數（依慣例，稱為 `res`）。"],
            "en": ['HTTP <a href="/{{ page.lang }}/4x/api.html#res">response</a> argument to the callback.'],
        },
        markdown=True,
    )
    assert fs == []


def test_one_google_document_opened_for_editing_is_the_same_link():
    # bagder/http3-explained (CC BY 4.0), proc-status: zh-TW links the sheet's /edit#gid=... view
    sheet = "https://docs.google.com/spreadsheets/d/1D0tW89vOoaScs3IY9RGC0UesWGAwE6xyLk0l4JtvTVg"
    fs = run(
        "link-mismatch",
        {
            "zh-Hant": [f"可以在[這張表]({sheet}/edit#gid=1268516408)中找到互通性測試的結果。"],
            "en": [f"The results of the interop tests are in [this spreadsheet]({sheet})."],
        },
        markdown=True,
    )
    assert fs == []
    other = "https://docs.google.com/spreadsheets/d/1xYzOtherSheet0000000000000000000000000000/edit"
    fs = run(
        "link-mismatch",
        {
            "zh-Hant": [f"可以在[這張表]({other})中找到互通性測試的結果。"],
            "en": [f"The results of the interop tests are in [this spreadsheet]({sheet})."],
        },
        markdown=True,
    )
    assert len(fs) == 1
