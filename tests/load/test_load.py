"""Input side: decoding, segmentation (plain and Markdown), version split, language hints."""

from __future__ import annotations

import json
import re

import pytest

from tcheck.load import decode, load_versions, read_text, segment, split_label
from tcheck.load.documents import load_file
from tcheck.model import InputError
from tcheck.workspace.discovery import lang_hint

from ..conftest import FIXTURES, SEED000, SEEDS

SEED001 = SEEDS / "001_91cf93f34edddc8f.txt"
SEED004 = SEEDS / "004_63c1bd7f49da9fe5.txt"
ALL_SEEDS = sorted(SEEDS.glob("*.txt"))
CORPUS = FIXTURES / "corpus"
CORPUS_MD = sorted(CORPUS.glob("*/*/*.md"))
GOLD000 = FIXTURES / "gold" / "000_58512f121bcc9f43.align.json"
# a legal text with all three versions (Markdown, no front matter)
WEBSITES = CORPUS / "mozilla-legal" / "websites_privacy_notice_2022-05-17"
ABOUT_RIGHTS = CORPUS / "mozilla-legal" / "firefox_about_rights"


def seg_plain(text: str):
    return segment(text, markdown=False)


def seg_md(text: str):
    return segment(text, markdown=True)


def spans(segs):
    return [(s.line, s.end_line) for s in segs]


# ---------------------------------------------------------------------------
# labels


@pytest.mark.parametrize(
    "text, label",
    [
        ("1. First", "1."),
        ("12) twelfth", "12)"),
        ("3、第三项", "3、"),
        ("a) item", "a)"),
        ("(b) item", "(b)"),
        ("• bullet", "•"),
        ("- dash item", "-"),
        ("一、总则", "一、"),
        ("（一）定义", "（一）"),
        ("1.1 Scope", "1.1"),
        ("2.3.4 Details", "2.3.4"),
        ("2.1 信息存储的地点", "2.1"),
        ("第三条 个人信息", "第三条"),
    ],
)
def test_split_label_finds_labels(text, label):
    got, rest = split_label(text)
    assert got == label
    assert rest.strip() and label not in rest[:1]


@pytest.mark.parametrize(
    "text",
    [
        "2024. Something happened this year",
        "1999) was a year",
        "1.5 million users were affected",
        "3.14 is close to pi",
        "0.5% of the users",
        "3.5 MB of data",
        "1.5万用户",
        "1.5x faster",
        "—— 这是破折号",
        "-- not a bullet",
        "-1 degrees",
        "e.g. this one",
        "U.S. law applies",
        "2024.",
        "12:30 meeting",
    ],
)
def test_split_label_leaves_numbers_and_prose_alone(text):
    assert split_label(text) == ("", text)


# ---------------------------------------------------------------------------
# plain text segmentation


def test_plain_paragraphs_keep_line_spans():
    text = "Title\n\nFirst paragraph line one\ncontinues on line four.\n\n\nSecond paragraph.\n"
    segs = seg_plain(text)
    assert [s.text for s in segs] == ["Title", "First paragraph line one continues on line four.", "Second paragraph."]
    assert spans(segs) == [(1, 1), (3, 4), (7, 7)]
    assert [s.index for s in segs] == [1, 2, 3]


def test_plain_list_items_without_blank_lines_are_segments():
    lines = [
        "We collect:",
        "1. your name;",
        "2. your e-mail address;",
        "a) when you register;",
        "• device data;",
        "- log data;",
        "一、我们收集的信息",
        "（一）账户信息",
        "1.1 注册信息",
    ]
    segs = seg_plain("\n".join(lines) + "\n")
    assert spans(segs) == [(n, n) for n in range(1, len(lines) + 1)]
    assert [s.label for s in segs] == ["", "1.", "2.", "a)", "•", "-", "一、", "（一）", "1.1"]
    assert all(s.kind == "item" for s in segs[1:])
    assert segs[1].text == "your name;"


def test_plain_heading_without_blank_line_is_its_own_segment():
    text = "Privacy Policy\nThis policy explains what we collect and why we collect it.\nIt applies to all services.\n"
    segs = seg_plain(text)
    assert spans(segs) == [(1, 1), (2, 3)]
    assert segs[0].kind == "heading"


def test_plain_numbers_at_line_start_do_not_split_a_paragraph():
    text = (
        "The service was used by many people in\n"
        "2024. Some of them were children and\n"
        "1.5 million of them lived abroad.\n"
    )
    segs = seg_plain(text)
    assert spans(segs) == [(1, 3)]
    assert segs[0].label == ""
    assert "2024." in segs[0].text and "1.5 million" in segs[0].text


def test_plain_wrapped_chinese_lines_join_without_space():
    segs = seg_plain("我们会收集您的\n个人信息。\n")
    assert segs[0].text == "我们会收集您的个人信息。"


def test_plain_dedented_line_after_finished_item_starts_a_paragraph():
    text = "\u00a0 • 涉及商业秘密的。\n如我们因上述原因而披露您的信息，我们将及时告知您。\n"
    segs = seg_plain(text)
    assert spans(segs) == [(1, 1), (2, 2)]
    assert segs[0].label == "•" and segs[1].label == ""
    # an indented continuation stays with its item
    text2 = "  • 我们会收集您的姓名、\n    电话号码和地址。\n"
    assert spans(seg_plain(text2)) == [(1, 2)]


def test_seed004_nbsp_indented_bullets():
    raw_lines = SEED004.read_text(encoding="utf-8").split("\n")
    segs = load_versions(str(SEED004))[0].segments
    by_line = {s.line: s for s in segs}
    bullet_lines = [n for n, ln in enumerate(raw_lines, 1) if ln.strip(" \u00a0\t").startswith("•")]
    assert len(bullet_lines) >= 10
    assert any("\u00a0" in raw_lines[n - 1] for n in bullet_lines)  # the fixture really has NBSP indentation
    for n in bullet_lines:
        seg = by_line.get(n)
        assert seg is not None, f"no segment starts at bullet line {n}"
        assert seg.label == "•" and seg.kind == "item"
        assert "\u00a0" not in seg.text and not seg.text.startswith((" ", "•"))
        indent = len(raw_lines[n - 1]) - len(raw_lines[n - 1].lstrip(" \u00a0\t"))
        assert seg.column == indent + 1  # columns point at the bullet in the file
    # numbered sub-sections 1.1, 2.1 ... are their own segments too
    numbered = [n for n, ln in enumerate(raw_lines, 1) if re.match(r"\d+\.\d+ ", ln)]
    assert numbered and all(by_line[n].label == raw_lines[n - 1].split()[0] for n in numbered)


def test_seed001_nested_numbered_items():
    raw_lines = SEED001.read_text(encoding="utf-8").split("\n")
    segs = load_versions(str(SEED001))[0].segments
    by_line = {s.line: s for s in segs}
    items = [(n, m.group(1)) for n, ln in enumerate(raw_lines, 1) if (m := re.match(r"\s*(\d+\.)\s", ln))]
    assert len(items) >= 10
    nested = [n for n, ln in enumerate(raw_lines, 1) if re.match(r"\s{4,}\d+\.\s", ln)]
    assert nested  # the fixture has nested items
    for n, label in items:
        assert by_line[n].label == label
        assert by_line[n].end_line == n  # items written one per line stay one line each


@pytest.mark.parametrize("path", ALL_SEEDS, ids=lambda p: p.name[:3])
def test_plain_segments_are_ordered_and_point_at_their_text(path):
    raw_lines = read_text(str(path)).split("\n")
    segs = segment("\n".join(raw_lines), markdown=False)
    prev_end = 0
    for s in segs:
        assert prev_end < s.line <= s.end_line <= len(raw_lines)
        prev_end = s.end_line
        first = raw_lines[s.line - 1]
        assert first.strip(), "a segment must start on a non-blank line"
        head = s.text.replace("\u00a0", " ").split()[0][:4]
        assert head in first.replace("\u00a0", " "), (s.line, head, first)
        for ln in s.lines:
            assert raw_lines[ln.number - 1][ln.column - 1 :].startswith(ln.text[:5])


# ---------------------------------------------------------------------------
# Markdown segmentation


MD_SAMPLE = """---
title: "Front matter title"
slug: privacy
---

# Heading **one** {#heading-one}

Some *emphasis*, a [link text](https://example.com/secret-url) and `code` here.
Second line with <span>inline html</span>.

<div class="note">
  <p>An HTML block paragraph.</p>
</div>

- item one
- item two
  - nested item
1. numbered

| Name | Value |
|------|-------|
| cell one | cell two |

```python
x = "fenced code"
```

    indented code block

> quoted text

**安全浏览：**不推荐您禁用此功能。

## Search {: #search }

2024. A year at the start of a paragraph.
"""


def test_markdown_segments():
    segs = seg_md(MD_SAMPLE)
    got = [(s.line, s.end_line, s.kind, s.label, s.text) for s in segs]
    assert got == [
        (2, 2, "heading", "", "Front matter title"),  # the title the page renders; the slug is no text
        (6, 6, "heading", "", "Heading one"),
        (8, 9, "paragraph", "", "Some emphasis, a link text and code here. Second line with inline html."),
        (12, 12, "paragraph", "", "An HTML block paragraph."),
        (15, 15, "item", "-", "item one"),
        (16, 16, "item", "-", "item two"),
        (17, 17, "item", "-", "nested item"),
        (18, 18, "item", "1.", "numbered"),
        (20, 20, "table", "", "Name | Value"),
        (22, 22, "table", "", "cell one | cell two"),
        (30, 30, "paragraph", "", "quoted text"),
        (32, 32, "paragraph", "", "安全浏览：不推荐您禁用此功能。"),
        (34, 34, "heading", "", "Search"),
        (36, 36, "paragraph", "", "2024. A year at the start of a paragraph."),
    ]
    nested = next(s for s in segs if s.text == "nested item")
    assert nested.column == 3  # the nested item is indented in the file


def test_markdown_drops_front_matter_keys_and_code():
    text = " ".join(s.text for s in seg_md(MD_SAMPLE))
    for hidden in ("title:", "slug", "privacy", "fenced code", "indented code block", "secret-url", "<span>"):
        assert hidden not in text


def test_markdown_html_block_text_keeps_its_line():
    text = "Intro.\n\n<aside>\n  <p>First quote line.</p>\n  <p>Second <b>quote</b>.</p>\n</aside>\n"
    segs = seg_md(text)
    assert [(s.line, s.text) for s in segs] == [(1, "Intro."), (4, "First quote line."), (5, "Second quote.")]


def test_markdown_html_pre_is_code_and_html_headings_are_headings():
    # Jekyll sites (expressjs.com) write code as <pre><code class="language-js" translate="no">,
    # blank lines included, and section titles as <h2 id="...">
    text = (
        'Intro.\n\n<pre>\n<code class="language-javascript" translate="no">\n'
        "app.get('/user/:id', function (req, res, next) {\n  next()\n})\n\n"
        "// handler for the /user/:id path\napp.listen(3000)\n</code>\n</pre>\n\n"
        "<h2 id='router'>Router-level middleware</h2>\n\nAfter.\n"
    )
    segs = seg_md(text)
    assert [(s.line, s.kind, s.text) for s in segs] == [
        (1, "paragraph", "Intro."),
        (14, "heading", "Router-level middleware"),
        (16, "paragraph", "After."),
    ]


@pytest.mark.parametrize("path", CORPUS_MD, ids=lambda p: "/".join(p.parts[-3:]))
def test_markdown_corpus_files(path):
    text = read_text(str(path))
    raw_lines = text.split("\n")
    segs = seg_md(text)
    assert segs
    fm_end = 0
    if raw_lines[0].strip() in ("---", "+++"):
        fm_end = next(i for i in range(1, len(raw_lines)) if raw_lines[i].strip() in (raw_lines[0].strip(), "...")) + 1
    prev_end = 0
    for s in segs:
        if s.line <= fm_end:  # a front-matter field the page renders (title, description), never a key
            assert re.match(
                r"\s*(title|description|summary|subtitle|excerpt|tagline|content)\s*[:=]", raw_lines[s.line - 1]
            )
            prev_end = s.end_line
            continue
        assert prev_end < s.line <= s.end_line <= len(raw_lines)
        prev_end = s.end_line
        assert raw_lines[s.line - 1].strip()
        # inline markup is stripped from the comparison text
        assert not re.search(r"\]\(|\*\*|\{:|^#{1,6} |</?(?:a|span|p|div|br|strong|em)\b", s.text), s.text[:80]
        for ln in s.lines:
            assert raw_lines[ln.number - 1][ln.column - 1 :].startswith(ln.text[:5])


def test_markdown_nested_list_in_corpus():
    text = read_text(str(CORPUS / "mozilla-legal" / "firefox_privacy_notice_2022-05-23" / "en.md"))
    raw_lines = text.split("\n")
    segs = seg_md(text)
    items = [s for s in segs if s.kind == "item"]
    assert len(items) >= 10
    for s in items:
        assert re.match(r"\s*(?:[*+-]|\d+[.)])\s", raw_lines[s.line - 1])


# ---------------------------------------------------------------------------
# decoding


def _corpus_text(lang_file: str, doc=WEBSITES, n_chars: int | None = None) -> str:
    text = read_text(str(doc / lang_file))
    return text if n_chars is None else text[:n_chars]


def _lines_of(path):
    vs = load_versions(str(path))
    return [(s.line, s.end_line, s.text) for v in vs for s in v.segments]


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # BOM, native order
        lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
        lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "crlf", "cr"],
)
def test_encodings_and_line_endings_give_the_same_segments(tmp_path, encode):
    text = _corpus_text("zh-CN.md")
    ref = tmp_path / "ref.zh-CN.md"
    ref.write_bytes(text.encode("utf-8"))
    other = tmp_path / "other.zh-CN.md"
    other.write_bytes(encode(text))
    assert read_text(str(other)) == text.replace("\r\n", "\n").replace("\r", "\n")
    assert _lines_of(other) == _lines_of(ref)


def test_gbk_zh_hans_text_decodes(tmp_path):
    text = _corpus_text("zh-CN.md")
    data = text.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    p = tmp_path / "policy.txt"
    p.write_bytes(data)
    assert read_text(str(p)) == text
    assert [v.lang for v in load_versions(str(p))] == ["zh-Hans"]


def test_big5_zh_hant_text_decodes(tmp_path):
    text = _corpus_text("zh-TW.md")
    data = text.encode("big5")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    p = tmp_path / "policy.txt"
    p.write_bytes(data)
    assert read_text(str(p)) == text
    assert [v.lang for v in load_versions(str(p))] == ["zh-Hant"]


@pytest.mark.parametrize("enc, name", [("gbk", "zh-CN.md"), ("gb18030", "zh-CN.md"), ("big5", "zh-TW.md")])
def test_short_gbk_and_big5_paragraphs_decode(enc, name):
    """Paragraph-sized texts are ambiguous between GB and Big5; each must still decode right."""
    text = read_text(str(ABOUT_RIGHTS / name))
    paras = [p for p in text.split("\n\n") if len(re.findall(r"[\u4e00-\u9fff]", p)) >= 12]
    assert len(paras) >= 5
    for p in paras:
        try:
            data = p.encode(enc)
        except UnicodeEncodeError:
            continue
        assert decode(data, "x") == p


def test_seed_big5_and_gbk_whole_files():
    for path, enc in ((SEEDS / "003_c3910e3e82d1352d.txt", "big5"), (SEED004, "gbk")):
        text = path.read_text(encoding="utf-8")
        data = text.encode(enc, errors="ignore")
        assert decode(data, "x") == data.decode(enc)


def test_english_with_curly_quotes_in_gbk_is_not_read_as_big5():
    text = SEEDS.joinpath("002_7cb7c457ab058759.txt").read_text(encoding="utf-8")
    assert "“" in text
    assert decode(text.encode("gbk"), "x") == text


def test_utf8_cyrillic_is_kept_and_short_gbk_is_not_mojibake():
    assert decode("Привет мир".encode(), "x") == "Привет мир"
    assert decode("协议".encode("gbk"), "x") == "协议"  # D0AD... is also valid UTF-8


def test_nbsp_is_normalised_in_text_but_columns_kept():
    segs = seg_plain("\u00a0\u00a0Hello\u00a0world, this is a test.\n")
    assert segs[0].text == "Hello world, this is a test."
    assert segs[0].column == 3


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"  \n\t\n  ", "empty"),
        ("\u3000\u00a0\n\u200b\n".encode("utf-8"), "empty"),
        (b"\xff\xfe" + " \n\u3000\n".encode("utf-16-le"), "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 \xff\xfe\xfd abc \x81", "cannot decode"),
        (b"\xef\xbb\xbf\xff\xfe bad utf-8 after a BOM", "invalid UTF-8"),
    ],
)
def test_bad_bytes_raise_input_error(tmp_path, data, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as exc:
        load_versions(str(p))
    assert message in str(exc.value)
    assert str(p) in str(exc.value)


def test_missing_file_and_directory_raise_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="directory"):
        read_text(str(tmp_path))


def test_markup_only_markdown_has_no_text(tmp_path):
    p = tmp_path / "only-code.md"
    p.write_text("```\ncode only\n```\n", encoding="utf-8")
    with pytest.raises(InputError, match="no text"):
        load_versions(str(p))


# ---------------------------------------------------------------------------
# version split


def test_seed000_splits_at_gold_boundaries():
    gold = json.loads(GOLD000.read_text(encoding="utf-8"))["versions"]
    vs = load_versions(str(SEED000))
    assert [v.lang for v in vs] == ["zh-Hans", "zh-Hant", "en"]
    assert {v.lang: [v.first_line, v.last_line] for v in vs} == gold
    for v in vs:
        assert [s.index for s in v.segments] == list(range(1, len(v) + 1))


@pytest.mark.parametrize(
    "path, lang",
    [
        (SEEDS / "001_91cf93f34edddc8f.txt", "zh-Hans"),
        (SEEDS / "002_7cb7c457ab058759.txt", "en"),
        (SEEDS / "003_c3910e3e82d1352d.txt", "zh-Hant"),
        (SEEDS / "004_63c1bd7f49da9fe5.txt", "zh-Hans"),
    ],
    ids=lambda x: getattr(x, "name", x)[:3],
)
def test_single_version_seeds_stay_one_version(path, lang):
    vs = load_versions(str(path))
    assert [v.lang for v in vs] == [lang]
    raw = read_text(str(path)).split("\n")
    nonblank = [n for n, ln in enumerate(raw, 1) if ln.strip(" \u00a0\t")]
    assert vs[0].first_line == nonblank[0] and vs[0].last_line == nonblank[-1]


def test_seed001_english_paragraphs_do_not_make_a_version():
    v = load_versions(str(SEED001))
    assert len(v) == 1 and v[0].lang == "zh-Hans"
    from tcheck.text import scripts

    assert sum(scripts.detect(s.text) == "en" for s in v[0].segments) >= 3  # there really is English inside


def _concat(tmp_path, parts: list[str], name="all.md"):
    p = tmp_path / name
    p.write_text("\n\n\n".join(parts), encoding="utf-8")
    starts, line = [], 1
    for part in parts:
        starts.append(line)
        line += part.count("\n") + 3
    return p, starts


@pytest.mark.parametrize("doc", [WEBSITES, ABOUT_RIGHTS], ids=lambda d: d.name[:20])
@pytest.mark.parametrize(
    "files, langs",
    [(("zh-TW.md", "en.md"), ["zh-Hant", "en"]), (("en.md", "zh-CN.md"), ["en", "zh-Hans"])],
    ids=["hant-en", "en-hans"],
)
def test_synthetic_two_version_files_split_at_the_boundary(tmp_path, doc, files, langs):
    parts = [read_text(str(doc / f)) for f in files]
    path, starts = _concat(tmp_path, parts)
    vs = load_versions(str(path))
    assert [v.lang for v in vs] == langs
    for v, part, start in zip(vs, parts, starts):
        alone = seg_md(part)
        assert v.first_line == alone[0].line + start - 1
        assert v.last_line == alone[-1].end_line + start - 1
        assert len(v) == len(alone)


def test_synthetic_three_version_plain_file(tmp_path):
    parts = [read_text(str(WEBSITES / f)) for f in ("zh-CN.md", "zh-TW.md", "en.md")]
    path, starts = _concat(tmp_path, parts, name="all.txt")
    vs = load_versions(str(path))
    assert [v.lang for v in vs] == ["zh-Hans", "zh-Hant", "en"]
    assert [v.first_line for v in vs] == [s + seg_plain(p)[0].line - 1 for s, p in zip(starts, parts)]


def test_chinese_text_ending_with_a_few_english_paragraphs_stays_one_version(tmp_path):
    zh = read_text(str(WEBSITES / "zh-CN.md"))
    en_paras = [p for p in read_text(str(WEBSITES / "en.md")).split("\n\n") if len(p.split()) > 12][:4]
    path, _ = _concat(tmp_path, [zh, "\n\n".join(en_paras)])
    vs = load_versions(str(path))
    assert [v.lang for v in vs] == ["zh-Hans"]


def test_lang_forces_one_version():
    vs = load_versions(str(SEED000), "zh-Hans")
    assert len(vs) == 1 and vs[0].lang == "zh-Hans"


# ---------------------------------------------------------------------------
# language hints


@pytest.mark.parametrize(
    "path, hint",
    [
        ("policy.zh-TW.md", ("zh-Hant", "TW")),
        ("policy.zh-HK.md", ("zh-Hant", "HK")),
        ("policy.zh-MO.txt", ("zh-Hant", "HK")),
        ("policy_zh-CN.md", ("zh-Hans", "")),
        ("policy.zh_TW.md", ("zh-Hant", "TW")),
        ("policy.zh-Hant.md", ("zh-Hant", "")),
        ("policy.zh-Hans.md", ("zh-Hans", "")),
        ("policy.zh-SG.md", ("zh-Hans", "")),
        ("policy.zh-Hant-TW.md", ("zh-Hant", "TW")),
        ("policy-zh-cn.txt", ("zh-Hans", "")),
        ("zh-CN.md", ("zh-Hans", "")),
        ("zh-TW.md", ("zh-Hant", "TW")),
        ("en.md", ("en", "")),
        ("policy.en.md", ("en", "")),
        ("policy_en.md", ("en", "")),
        ("policy.EN.md", ("en", "")),
        ("zh-CN/policy.md", ("zh-Hans", "")),
        ("docs/zh_TW/policy.md", ("zh-Hant", "TW")),
        ("en/policy.md", ("en", "")),
        ("content/en-US/policy.md", ("en", "")),
        ("i18n/zh-TW/docs/policy.md", ("zh-Hant", "TW")),
        ("locales/zh-Hant/policy.md", ("zh-Hant", "")),
        ("zh-TW/en/policy.md", ("en", "")),  # nearest folder wins
        ("en/policy.zh-CN.md", ("zh-Hans", "")),  # the file name beats folders
    ],
)
def test_lang_hint(path, hint):
    assert lang_hint(path) == hint


@pytest.mark.parametrize(
    "path",
    [
        "open.md",
        "token.md",
        "screen.md",
        "golden.txt",
        "policy.md",
        "policy.txt",
        "zh/policy.md",
        "policy.zh.md",
        "eng/policy.md",
        "frozen/policy.md",
        "the-end/policy.md",
        "pt-BR/policy.md",
        "a/enable/policy.md",
        "open-source.md",
        "tmp-zh-CN-build/policy.md",
    ],
)
def test_lang_hint_none(path):
    assert lang_hint(path) is None


def test_hint_is_used_and_lang_overrides(tmp_path):
    d = tmp_path / "zh-TW"
    d.mkdir()
    p = d / "policy.md"
    p.write_text(read_text(str(WEBSITES / "zh-TW.md")), encoding="utf-8")
    (v,) = load_file(str(p))
    assert (v.lang, v.region) == ("zh-Hant", "TW")
    # a hint beats content: an English file named as zh-CN is taken as zh-Hans
    q = tmp_path / "policy.zh-CN.md"
    q.write_text(read_text(str(WEBSITES / "en.md")), encoding="utf-8")
    assert [v.lang for v in load_file(str(q))] == ["zh-Hans"]
    # --lang (passed as the tag) beats the hint
    assert [v.lang for v in load_file(str(q), "en")] == ["en"]


def test_markdown_template_macros_show_their_visible_text():
    from tcheck.load import segment

    md = 'The {{HTTPHeader("Upgrade")}} header, see {{Glossary("CORS", "cross-origin sharing")}}.{% raw %}\n'
    (seg,) = segment(md, True)
    assert seg.text == "The Upgrade header, see cross-origin sharing."
    assert "{{" not in seg.text and "{%" not in seg.text
    assert seg.raw.startswith("The {{HTTPHeader")  # the source, for columns, is untouched


def test_plain_text_braces_are_left_alone():
    from tcheck.load import segment

    (seg,) = segment("Use {{name}} as a placeholder.\n", False)
    assert "{{name}}" in seg.text


def test_front_matter_fields_a_page_renders_are_segments():
    """astro-docs getting-started (MIT): the banner announces v7 in en and v6 in zh-CN; title,
    description and the banner's block scalar are text, flags, paths and dates are not."""
    text = (
        "---\n"
        "title: Getting started\n"
        'description: "Guides & resources to help you build with Astro."\n'
        "i18nReady: true\n"
        "editUrl: /en/edit/\n"
        "pubDate: 2024-05-01\n"
        "banner:\n"
        "  content: |\n"
        '    Astro v7 is here! <a href="/en/guides/upgrade-to/v7/">Learn how to upgrade</a>\n'
        "---\n"
        "\n"
        "Astro is a web framework.\n"
    )
    segs = segment(text, markdown=True)
    got = [(s.line, s.kind, s.text) for s in segs]
    assert got == [
        (2, "heading", "Getting started"),
        (3, "paragraph", "Guides & resources to help you build with Astro."),
        (9, "paragraph", "Astro v7 is here! Learn how to upgrade"),
        (12, "paragraph", "Astro is a web framework."),
    ]


def test_toml_front_matter_and_a_page_of_front_matter_only():
    toml = '+++\ntitle = "安装"\ndraft = false\n+++\n\n下载安装程序并运行。\n'
    assert [(s.line, s.kind, s.text) for s in segment(toml, markdown=True)] == [
        (2, "heading", "安装"),
        (6, "paragraph", "下载安装程序并运行。"),
    ]
    # front matter and an include only: no text (a stub), not a page with a title
    assert segment("---\ntitle: 安装\n---\n\n{% include_relative install.md %}\n", markdown=True) == []


def test_mdx_has_no_indented_code_so_indented_lines_stay_text(tmp_path):
    """astro-docs guides/deploy (MIT): zh-CN indents a list by four spaces inside a note; MDX
    renders it as text, Markdown would read it as an indented code block (no segments)."""
    text = ":::note\n在使用按需渲染部署你的站点前，请确保：\n\n    - 在项目依赖中安装合适的适配器。\n    - 在配置文件中加上适配器。\n:::\n"
    for suffix, has_items in ((".mdx", True), (".md", False)):
        path = tmp_path / f"zh-CN{suffix}"
        path.write_text(text, encoding="utf-8")
        (v,) = load_versions(str(path), lang="zh-Hans")
        joined = " ".join(s.text for s in v.segments)
        assert ("安装合适的适配器" in joined) is has_items, suffix
