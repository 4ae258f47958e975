"""Template, MDX and admonition markup is not prose (tcheck/load/templates.py).

Snippets marked with a site come from /work/shared/corpus (see its MANIFEST.tsv):
hexo-site = hexojs/site (CC-BY-4.0), astro-docs = withastro/docs (MIT),
nodejs-org = nodejs/nodejs.org (MIT), kaia-docs = kaiachain/kaia-docs (MIT),
tldr-pages = tldr-pages/tldr (CC-BY-4.0).
"""

from __future__ import annotations

import time

import pytest

from tcheck.load import segment
from tcheck.load.templates import blank_edge_templates, only_templates, prepare, strip_jsx

pytestmark = pytest.mark.timeout(30)


def md(text: str):
    return segment(text, markdown=True)


def texts(segs):
    return [s.text for s in segs]


def test_prepare_keeps_the_line_count():
    text = "import A from 'a';\n\n<Steps>\n\n1. One\n\n</Steps>\n{% raw %}\nx\n{% endraw %}\n"
    p = prepare(text)
    assert len(p.parse.split("\n")) == len(text.split("\n")) == len(p.source)


# hexo-site source/docs/tag-plugins.md (CC-BY-4.0): a block tag around a quote, a code tag around code
HEXO_TAGS = """\
Perfect for adding quotes to your post, with optional author, source and title information.

{% blockquote Seth Godin http://sethgodin.typepad.com/seths_blog/2009/07/welcome-to-island-marketing.html Welcome to Island Marketing %}
Every interaction is both precious and an opportunity to delight.
{% endblockquote %}

{% codeblock _.compact http://underscorejs.org/#compact Underscore.js %}
\\_.compact([0, 1, false, 2, '', 3]);
=> [1, 2, 3]
{% endcodeblock %}

{% youtube I07XMi7MHd4 %}

{% raw %}
&#96` [language] [title] [url] [link text]
code snippet
&#96;`
{% endraw %}

{% note warn %}
The tag was removed in Hexo 7.0.0.
{% endnote %}
"""


def test_hexo_tags_are_markup_and_code_tags_hold_code():
    segs = md(HEXO_TAGS)
    assert texts(segs) == [
        "Perfect for adding quotes to your post, with optional author, source and title information.",
        "Every interaction is both precious and an opportunity to delight.",
        "The tag was removed in Hexo 7.0.0.",
    ]
    # the quote starts on its own line, not on the tag's
    assert [s.line for s in segs] == [1, 4, 21]
    assert all("%}" not in s.raw for s in segs)


def test_a_hexo_note_title_is_a_heading():
    # hexo-site source/zh-cn/docs/configuration.md (CC-BY-4.0)
    text = "{% note info 网站存放在子目录 %}\n如果您的网站存放在子目录中，请设置 root。\n{% endnote %}\n"
    segs = md(text)
    assert [(s.kind, s.text) for s in segs] == [
        ("heading", "网站存放在子目录"),
        ("paragraph", "如果您的网站存放在子目录中，请设置 root。"),
    ]
    assert segs[0].lines[0].column == 14
    assert texts(md('{% note warn "Warning!" %}\nText.\n{% endnote %}\n')) == ["Warning!", "Text."]
    assert texts(md("{% note warn %}\nText.\n{% endnote %}\n")) == ["Text."]


def test_a_stray_closer_after_a_tag_is_markup():
    # hexo-site source/docs/helpers.md (CC-BY-4.0), a typo in the source
    text = '{% note warn "Warning!" %} %}\nFor using the option, the renderer must add CSS classes.\n{% endnote %}\n'
    assert texts(md(text)) == ["Warning!", "For using the option, the renderer must add CSS classes."]


def test_an_admonition_with_a_title_inside_a_list_item_keeps_what_follows():
    # astro-docs src/content/docs/zh-tw/guides/deploy/index.mdx (MIT)
    text = (
        "3. 建構網站並部署到服務主機\n\n    :::note[部署設定]\n    - **建構指令：** `astro build`\n"
        "    - **發布目錄：** `dist`\n    :::\n\n\n    其他服務主機則會要求你先在本地端建構你的網站。\n"
    )
    segs = md(text)
    assert [(s.kind, s.text) for s in segs] == [
        ("item", "建構網站並部署到服務主機"),
        ("heading", "部署設定"),
        ("item", "建構指令： astro build"),
        ("item", "發布目錄： dist"),
        ("paragraph", "其他服務主機則會要求你先在本地端建構你的網站。"),
    ]


def test_an_indented_admonition_inside_a_list_is_markup():
    # astro-docs src/content/docs/en/guides/deploy/github.mdx (MIT)
    text = "1. Step one.\n\n    :::caution\n    The official Astro action scans for a lockfile.\n    :::\n"
    assert texts(md(text)) == ["Step one.", "The official Astro action scans for a lockfile."]


def test_liquid_comment_blocks_are_not_text():
    text = "{% comment %}\nTODO: translate this section later.\n{% endcomment %}\n\nShown text.\n"
    assert texts(md(text)) == ["Shown text."]


def test_template_tags_inside_fenced_code_are_left_to_the_fence():
    text = "Intro text here.\n\n```\n{% codeblock %}\nalert('Hello World!');\n{% endcodeblock %}\n```\n\nAfter it.\n"
    assert texts(md(text)) == ["Intro text here.", "After it."]


def test_an_unclosed_code_tag_does_not_swallow_the_document():
    text = "{% codeblock %}\n\nA paragraph that follows.\n"
    assert texts(md(text)) == ["A paragraph that follows."]


def test_hugo_shortcodes():
    text = (
        '{{< notice tip >}}\nUse the CLI.\n{{< /notice >}}\n\n{{< highlight go >}}\nfmt.Println("x")\n'
        '{{< /highlight >}}\n\nSee {{< ref "x" >}} later.\n'
    )
    assert texts(md(text)) == ["Use the CLI.", "See x later."]


def test_edge_tags_are_blanked_in_place_and_inner_ones_kept():
    line = "{% note warn %} The tag was removed. {{ x }} done {% endnote %}"
    out = blank_edge_templates(line)
    assert len(out) == len(line)
    assert out.strip() == "The tag was removed. {{ x }} done"
    assert only_templates("{% if x %} {{ y }}") and not only_templates("{% if x %} text")


# astro-docs src/content/docs/zh-tw/basics/astro-pages.mdx (MIT)
ASTRO = """\
import ReadMore from '~/components/ReadMore.astro';
import Since from '~/components/Since.astro'

**頁面** 是 Astro 專案 `src/pages/` 子目錄下的檔案，用來處理路由、資料載入以及網站內所有頁面的版面。

<ReadMore>進一步了解 [Astro 的路由](/zh-tw/guides/routing/)。</ReadMore>

:::tip
對於包含結構相似且相關的 Markdown 檔（如部落格文章或商品項目）的資料夾，請考慮建立[內容合集](/zh-tw/guides/content-collections/)，而不是頁面。
:::
"""


def test_mdx_imports_components_and_admonitions():
    segs = md(ASTRO)
    assert texts(segs) == [
        "頁面 是 Astro 專案 src/pages/ 子目錄下的檔案，用來處理路由、資料載入以及網站內所有頁面的版面。",
        "進一步了解 Astro 的路由。",
        "對於包含結構相似且相關的 Markdown 檔（如部落格文章或商品項目）的資料夾，請考慮建立內容合集，而不是頁面。",
    ]
    assert [s.line for s in segs] == [4, 6, 9]


def test_multiline_import_and_export():
    text = "import {\n  Tabs,\n  TabItem,\n} from '@astrojs/starlight/components';\nexport const meta = {\n  a: 1,\n};\n\nProse.\n"
    assert texts(md(text)) == ["Prose."]


def test_prose_that_starts_with_import_is_prose():
    assert texts(md("Import the package before you start.\n")) == ["Import the package before you start."]
    assert texts(md("import this module first, then run it.\n")) == ["import this module first, then run it."]


# nodejs-org apps/site/pages/en/download/current.mdx (MIT)
NODE = """\
<section>

Get Node.js® <Release.VersionDropdown /> for <Release.OperatingSystemDropdown /> using <Release.InstallationMethodDropdown />

<Release.ReleaseCodeBox />

<Release.Provider>

Read the <Release.ChangelogLink>changelog</Release.ChangelogLink> or <Release.BlogPostLink>blog post</Release.BlogPostLink> for this version.

</Release.Provider>

<Card
  title="Learn"
  href="/learn"
/>

</section>
"""


def test_jsx_components_and_props_are_not_text_but_children_are():
    segs = md(NODE)
    assert texts(segs) == ["Get Node.js® for using", "Read the changelog or blog post for this version.", "Learn"]
    assert [s.line for s in segs] == [3, 9, 14]  # a component's title prop is shown text


def test_a_component_title_is_a_heading_and_its_children_are_prose():
    # astro-docs src/content/docs/en/getting-started.mdx (MIT): indented children are prose in MDX
    text = (
        '<CardGrid>\n  <Card title="Take a guided tour" icon="star">\n'
        "    Complete our introductory [Build a Blog Tutorial](/en/tutorial/) to learn the basics.\n"
        "  </Card>\n  <LinkCard\n    title='Deploy'\n    href=\"/deploy/\"\n  />\n</CardGrid>\n"
    )
    segs = md(text)
    assert [(s.kind, s.text, s.line) for s in segs] == [
        ("heading", "Take a guided tour", 2),
        ("paragraph", "Complete our introductory Build a Blog Tutorial to learn the basics.", 3),
        ("heading", "Deploy", 6),
    ]
    assert segs[0].lines[0].column == 16


def test_jsx_written_as_code_stays():
    assert strip_jsx("Use the `<Steps>` component <Aside>here</Aside>.") == "Use the `<Steps>` component here."


# kaia-docs i18n/zh-TW/.../deploy/foundry.md (MIT): an admonition with a title
def test_admonition_title_is_a_heading_and_fence_lines_are_markup():
    text = ":::warning[Always 維持足夠的存款餘額]\n請確保帳戶有足夠餘額。\n:::\n\n:::note\n內容。\n:::\n"
    segs = md(text)
    assert [(s.kind, s.text) for s in segs] == [
        ("heading", "Always 維持足夠的存款餘額"),
        ("paragraph", "請確保帳戶有足夠餘額。"),
        ("paragraph", "內容。"),
    ]
    assert segs[0].lines[0].column == 12  # points at the title, not at ":::"


# tldr-pages pages.zh/android/input.md (CC-BY-4.0)
def test_tldr_command_is_code_and_keeps_its_placeholders_in_the_source():
    segs = md('- 将文本发送到 Android 设备：\n\n`input text "{{text}}"`\n')
    assert [s.kind for s in segs] == ["item", "code"]
    assert "{{text}}" in segs[1].raw


def test_a_stub_that_only_imports_a_shared_page_has_no_segments():
    # kaia-docs i18n/zh-CN/.../cookbooks/configure-wallet-for-kaia-networks.mdx (MIT)
    text = (
        "---\nid: wallet-config-cookbook\ntitle: 如何为 Kaia Networks 配置钱包\n---\n\n"
        "import SharedContent from '../../_shared/configure-wallet-for-kaia-networks.mdx';\n\n<SharedContent />\n"
    )
    assert md(text) == []


# ---------------------------------------------------------------------------
# worst cases: every scanner is linear


def fast(fn, *args, limit: float = 1.0):
    """``fn(*args)``, asserting it used less than ``limit`` seconds of CPU (best of three runs,
    so a machine busy with other work does not fail the test; a quadratic scan takes minutes)."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        out = fn(*args)
        best = min(best, time.process_time() - t0)
        if best < limit:
            break
    assert best < limit, f"{fn.__name__} took {best:.2f} s of CPU"
    return out


@pytest.mark.parametrize(
    "evil",
    [
        "{{" * 30_000,
        "{%" * 30_000,
        "{{<" * 20_000,
        "{%- " * 20_000,
        "x" * 200_000,
        "`" * 100_000,
        "` `` ``` " * 10_000,
        "<A " * 30_000,
        "<A {" * 30_000,
        '<A "' * 30_000,
        "<A.b " * 30_000,
        ":::" * 50_000,
        "import " * 30_000,
        "import {" * 30_000,
        "export {" * 30_000,
        "{% raw %}" * 20_000,
        "a < b " * 30_000,
        '<Card title="' * 30_000,
        "{% note info " * 30_000,
        "{% note info " * 30_000 + "%}",
        '<Card title="x" ' * 30_000 + ">",
        "</A>" * 30_000,
        "<A>" * 30_000,
    ],
)
def test_worst_case_lines_are_fast(evil):
    fast(prepare, evil)
    fast(prepare, "Text " + evil + " end\n" + evil)
    fast(blank_edge_templates, evil)
    fast(strip_jsx, evil)


def test_many_lines_of_unclosed_code_tags_are_fast():
    fast(prepare, "{% codeblock %}\n" * 30_000)
    fast(prepare, "<Card\n" * 30_000)
    fast(prepare, "import {\n" * 30_000)
