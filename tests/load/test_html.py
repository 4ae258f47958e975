"""HTML pages are read by their visible text (tcheck/load/htmlpage.py), in directory mode too."""

from __future__ import annotations

import time

import pytest

from tcheck.load import load_versions, segment
from tcheck.load.htmlpage import segment_html

pytestmark = pytest.mark.timeout(60)

PAGE = """\
<!DOCTYPE html>
<html lang="zh-TW">
<head>
  <meta charset="utf-8">
  <title>隱私權政策</title>
  <style>body { font-family: sans-serif; } .x { color: red; }</style>
  <script>var a = "English text here that is code";</script>
</head>
<body>
<header class="site-header"><nav><a href="/">首頁</a> <a href="/about">關於</a></nav></header>
<div class="language-switcher"><a href="/zh-cn/">简体中文</a> | <a href="/zh-tw/">繁體中文</a> | <a href="/en/">English</a></div>
<select id="lang"><option>简体中文</option><option>English</option></select>
<main>
<h1>隱私權政策</h1>
<p>本政策說明我們如何收集、使用
及保護您的個人資料。生效日期：2024 年 3 月 1 日。</p>
<ul>
  <li>帳戶資訊&#65292;例如電子郵件地址&amp;姓名。</li>
  <li>使用資料。</li>
</ul>
<table><tr><th>Cookie</th><th>用途</th></tr>
<tr><td>_ga</td><td>分析 &#124; 統計</td></tr></table>
<pre><code>curl https://example.com/api</code></pre>
<!-- tcheck: ignore untranslated -->
<p>This paragraph is English.</p>
<ul class="langs"><li><a href="/en/">English</a></li><li><a href="/zh-cn/">简体中文</a></li></ul>
</main>
<footer><p>© 2024 Example Inc. 版權所有</p></footer>
</body>
</html>
"""


def test_visible_text_by_block_with_kinds_and_lines():
    segs = segment(PAGE, markdown=False, html=True)
    got = [(s.line, s.end_line, s.kind, s.text) for s in segs]
    assert got == [
        (5, 5, "meta", "隱私權政策"),
        (14, 14, "heading", "隱私權政策"),
        (15, 16, "paragraph", "本政策說明我們如何收集、使用及保護您的個人資料。生效日期：2024 年 3 月 1 日。"),
        (18, 18, "item", "帳戶資訊，例如電子郵件地址&姓名。"),
        (19, 19, "item", "使用資料。"),
        (21, 21, "table", "Cookie | 用途"),
        (22, 22, "table", "_ga | 分析 | 統計"),  # &#124; is a pipe, not the number 124
        (23, 23, "code", "curl https://example.com/api"),
        (25, 25, "paragraph", "This paragraph is English."),
    ]
    assert segs[-1].ignores == frozenset({"untranslated"})


def test_lines_point_at_the_text_not_at_the_tags():
    segs = segment(PAGE, markdown=False, html=True)
    para = segs[2]
    assert [(ln.number, ln.column) for ln in para.lines] == [(15, 4), (16, 1)]
    assert para.lines[0].text == "本政策說明我們如何收集、使用"
    assert para.locate("生效日期") == (16, 11)


def test_scripts_styles_navigation_and_switchers_are_left_out():
    text = " ".join(s.text for s in segment(PAGE, markdown=False, html=True))
    for gone in ("English text here", "font-family", "首頁", "简体中文", "版權所有"):
        assert gone not in text


def test_header_inside_an_article_is_content():
    page = "<article><header><h1>Title here</h1></header><p>Body text.</p></article><footer>Site footer</footer>"
    assert [s.text for s in segment_html(page)] == ["Title here", "Body text."]


def test_hidden_and_role_navigation():
    page = (
        '<div role="navigation">Menu</div><p hidden>Secret</p><div aria-hidden="true">X</div>'
        '<p style="display: none">Y</p><p>Shown.</p>'
    )
    assert [s.text for s in segment_html(page)] == ["Shown."]


def test_br_and_inline_markup():
    page = "<p>One <b>bold</b> word<br>next line<br><br>New block</p>"
    assert [s.text for s in segment_html(page)] == ["One bold word next line", "New block"]


def test_nested_blocks():
    page = (
        "<ul><li><p>First item text.</p><ul><li>Nested item.</li></ul></li></ul>"
        "<table><tr><td><div>Cell one</div></td><td>Cell two</td></tr></table>"
        "<body>Loose body text.<noscript>Enable JS</noscript><template><p>T</p></template></body>"
    )
    got = [(s.kind, s.text) for s in segment_html(page)]
    assert got == [
        ("item", "First item text."),
        ("item", "Nested item."),
        ("table", "Cell one | Cell two"),
        ("paragraph", "Loose body text."),
    ]


def test_unclosed_tags_and_broken_html_never_fail():
    for page in (
        "<p>a<p>b<li>c",
        "<div><p>x</div></p>",
        "<<<>>>",
        "<p>text",
        "</p></div>",
        "<script>no end",
        "&#999999999; &bogus; text",
        "<p>" * 10_000,
    ):
        segment_html(page)
    assert [s.text for s in segment_html("<p>a<p>b<li>c")] == ["a", "b", "c"]


def test_html_file_is_a_version(tmp_path):
    f = tmp_path / "policy.zh-TW.html"
    f.write_text(PAGE, encoding="utf-8")
    (v,) = load_versions(str(f), "zh-Hant", "TW")
    assert v.segments[1].text == "隱私權政策" and v.segments[1].index == 2


def test_directory_mode_finds_html_and_mdx(tmp_path):
    from tcheck.workspace.grouping import plan

    for name in ("a.en.html", "a.zh-CN.html", "b/en.mdx", "b/zh-TW.mdx", "c.htm"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("<p>x</p>", encoding="utf-8")
    groups = plan([str(tmp_path)])
    files = sorted(f.rsplit("/", 2)[-1] if "/b/" in f else f.rsplit("/", 1)[-1] for g in groups for f in g.files)
    assert files == ["a.en.html", "a.zh-CN.html", "c.htm", "en.mdx", "zh-TW.mdx"]
    assert sorted(len(g.files) for g in groups) == [1, 2, 2]


def test_big_page_is_linear():
    page = "<html><body>" + "<p>Paragraph <b>number</b> one.</p>\n" * 20_000 + "</body></html>"
    t0 = time.process_time()
    segs = segment_html(page)
    assert len(segs) == 20_000
    assert time.process_time() - t0 < 10


def test_a_stub_version_is_left_out_with_one_warning_and_its_siblings_are_audited(tmp_path, monkeypatch):
    """A page that only includes a shared page (Jekyll include, MDX import + component) never drops
    the other versions from a directory audit; the stub gets one warning line naming it a stub."""
    from tcheck.pipeline import prepare
    from tcheck.workspace.grouping import plan

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "install.md").write_text("# Install\n\nDownload the installer and run it.\n", encoding="utf-8")
    (docs / "install.zh-TW.md").write_text("# 安裝\n\n下載安裝程式並執行。\n", encoding="utf-8")
    (docs / "install.zh-CN.md").write_text("---\ntitle: 安装\n---\n\n{% include_relative install.md %}\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    jobs, warnings = prepare(plan([str(docs)]), {}, tolerant=True)
    assert len(jobs) == 1 and sorted(v.lang for v in jobs[0].document.versions) == ["en", "zh-Hant"]
    assert len(warnings) == 1 and "install.zh-CN.md" in warnings[0] and "stub" in warnings[0]
