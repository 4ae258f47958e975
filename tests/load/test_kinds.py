"""Every segment knows what it is (tcheck/load/kinds.py), and rules skip the kinds they do not read.

Snippets marked with a site come from /work/shared/corpus (see its MANIFEST.tsv):
tldr-pages = tldr-pages/tldr (CC-BY-4.0), astro-docs = withastro/docs (MIT),
kaia-docs = kaiachain/kaia-docs (MIT), hexo-site = hexojs/site (CC-BY-4.0).
Checksum and download lines follow the published formats of Node.js SHASUMS256.txt
and Ruby release announcements (file names and hashes made up).
"""

from __future__ import annotations

import time

import pytest

from tcheck.load import segment
from tcheck.load.kinds import CODE, LINKLIST, META, PROSE_KINDS, SKIPS, assign_kinds, classify, reads

pytestmark = pytest.mark.timeout(30)


def kinds(text: str, markdown: bool = True):
    return [(s.kind, s.text) for s in segment(text, markdown)]


def kind_of(text: str, markdown: bool = True) -> str:
    segs = segment(text, markdown)
    assert len(segs) == 1, [s.text for s in segs]
    return segs[0].kind


H64 = "9b8c3e1f" * 8
H40 = "0123456789abcdef0123456789abcdef01234567"


@pytest.mark.parametrize(
    "text",
    [
        f"{H64}  node-v20.10.0-linux-x64.tar.xz",
        f"SHA256: {H64}",
        f"      SIZE:   14185617 bytes\n      SHA1:   {H40}\n      SHA256: {H64}",
        "size: 12345",
        f"* ruby-3.3.0.tar.gz\n\n      SHA256: {H64}",
        "node-v20.10.0.tar.gz",
        "https://nodejs.org/dist/v20.10.0/node-v20.10.0-x64.msi",
        "[ruby-3.3.0.zip](https://cache.ruby-lang.org/pub/ruby/3.3/ruby-3.3.0.zip) 22068210",
        f"* [Ruby 3.3.0](https://cache.ruby-lang.org/pub/ruby/3.3/ruby-3.3.0.tar.gz)<br>\n  sha256: {H64}",
        f"| node-v20.10.0-x64.msi | 25.1 MB | {H64} |\n|---|---|---|\n",
        "| [node-v20.10.0.tar.gz](https://nodejs.org/dist/v20.10.0/node-v20.10.0.tar.gz) | 22 MB |\n|---|---|\n",
    ],
)
def test_checksums_hashes_and_file_listings_are_code(text):
    assert {k for k, _ in kinds(text)} <= {CODE, LINKLIST}, kinds(text)
    assert {k for k, _ in kinds(text, markdown=False)} <= {CODE, LINKLIST}, kinds(text, False)


@pytest.mark.parametrize(
    "text",
    [
        "Download the file node-v20.10.0.tar.gz and check its SHA256 sum.",
        "下载 node-v20.10.0.tar.gz 并核对 SHA256 校验和。",
        "1. your name;",
        "a) when you register;",
        "Use the following settings (see the config file);",
        "The size: about 12345 people attended.",
        "稳定版:",
        "Ruby 2.3.0 was released on 2015-12-25.",
        "| Windows Installer (.msi) | 64-bit |\n|---|---|\n",
        "Get the [Ruby 3.3.0 source](https://cache.ruby-lang.org/pub/ruby/3.3/ruby-3.3.0.tar.gz) here.",
    ],
)
def test_prose_around_file_names_stays_prose(text):
    assert kind_of(text) in PROSE_KINDS


def test_code_comments_and_statements_outside_a_fence_are_code():
    assert kind_of("// connect the wallet first\nconst provider = new ethers.JsonRpcProvider(url);") == CODE
    assert kind_of("// 连接钱包") == CODE
    assert kind_of("const x = require('y');") == CODE


# tldr-pages pages/common/cat.md (CC-BY-4.0)
def test_tldr_examples():
    segs = kinds(
        "# cat\n\n> Print and concatenate files.\n\n- Print the contents of a file:\n\n`cat {{path/to/file}}`\n"
    )
    assert [k for k, _ in segs] == ["heading", "paragraph", "item", CODE]
    assert segs[-1][1] == "cat"  # placeholders out of the comparison text: they are translated


# astro-docs src/content/docs/zh-tw/basics/astro-pages.mdx (MIT)
def test_items_that_are_only_links_are_link_lists():
    text = "- [`.astro`](#astro-頁面)\n- `.mdx`（在安裝 [MDX 整合](/zh-tw/guides/integrations-guide/mdx/)的情況下）\n"
    assert [k for k, _ in kinds(text)] == [LINKLIST, "item"]


def test_link_lists_and_language_switchers():
    assert kind_of("[English](README.md) | [简体中文](README.zh-CN.md) | [繁體中文](README.zh-TW.md)") == META
    assert [k for k, _ in kinds("- [English](/en/)\n- [简体中文](/zh-cn/)\n- [繁體中文](/zh-tw/)\n")] == [META] * 3
    assert kind_of("简体中文 | 繁體中文 | English", markdown=False) == META
    assert kind_of("English is the language of this page.") == "paragraph"
    assert kind_of("[Guide](/guide) | [API](/api)") == LINKLIST
    assert kind_of("Read the [guide](/guide) before you start.") == "paragraph"
    assert kind_of("<https://example.com/a>") == LINKLIST


def test_headings_and_tables_keep_their_kind():
    assert kind_of("## `npm install`") == "heading"
    assert kind_of("| a | b |\n|---|---|\n| x | y |".split("\n", 2)[0] + "\n|---|---|\n") == "table"


def test_classify_leaves_unknown_kinds_alone():
    seg = segment("Text.", False)[0]
    seg.kind = "meta"
    assert classify(seg) == "meta"


def test_reading_policy():
    assert not reads("untranslated", CODE) and reads("untranslated", LINKLIST)
    assert reads("link-mismatch", LINKLIST) and not reads("link-mismatch", CODE)
    assert not reads("duplicate-paragraph", "heading") and reads("duplicate-paragraph", "item")
    assert not reads("some-new-rule", CODE) and reads("some-new-rule", "paragraph")
    assert not reads("script-mix", META) and not reads("untranslated", META)
    for rule, skipped in SKIPS.items():
        assert CODE in skipped, rule
        assert "paragraph" not in skipped, rule


def test_the_pipeline_drops_findings_on_code():
    from tcheck.model import Document, Finding, Location, Severity, Version
    from tcheck.pipeline import _reads_kind

    segs = segment("Prose paragraph here.\n\n`cmd --flag {{x}}`\n", True)
    doc = Document([Version("en", "a.md", segs)])

    def finding(rule, para):
        return Finding(rule, Severity.WARNING, "m", [Location("en", "a.md", para, segs[para - 1].line, 1)])

    assert _reads_kind(doc, finding("untranslated", 1))
    assert not _reads_kind(doc, finding("untranslated", 2))
    assert not _reads_kind(doc, finding("number-mismatch", 2))


def test_classification_is_linear():
    # plain text: the segmenter adds nothing slow, so this times classify() itself (CPU seconds)
    for evil in (
        "`" * 200_000,
        "[" * 100_000 + "](" * 50_000,
        "a" * 200_000,
        ("x " * 100_000) + ";",
        "0" * 200_000,
        "// " + "(" * 100_000 + ";",
        "[a](b) " * 30_000,
        "<a " * 50_000,
        "http://" * 30_000,
        "- " + "[" * 100_000,
        "SHA256: " * 30_000,
        "English " * 30_000,
    ):
        (seg,) = segment(evil, False)
        t0 = time.process_time()
        assign_kinds([seg])
        assert time.process_time() - t0 < 1.0, evil[:20]
