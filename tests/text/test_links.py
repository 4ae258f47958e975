"""text/links.py and text/md_links.py: link targets compared as targets, Markdown link syntax."""

from __future__ import annotations

from tcheck.text.links import is_placeholder_host, url_link
from tcheck.text.md_links import anchor_key, broken_links, markdown_links, ref_definitions


def key(url: str) -> str:
    ln = url_link(url)
    assert ln is not None, url
    return ln.key


def test_localized_paths_of_one_page_share_a_key():
    keys = {
        key(u)
        for u in ("/en/guides/x/", "/zh_cn/guides/x/", "/zh-cn/guides/x", "/zh-TW/guides/x/", "/zh-hant/guides/x")
    }
    assert keys == {"~/guides/x"}
    assert url_link("/zh-tw/docs/setup").page_lang == "zh-Hant"
    assert url_link("/zh-cn/docs/setup").page_lang == "zh-Hans"
    assert url_link("/docs/setup").page_lang == ""


def test_scheme_trailing_slash_index_and_extension_are_not_part_of_the_page():
    assert key("http://acme.dev/docs/") == key("https://www.acme.dev/docs/index.html") == key("https://acme.dev/docs")
    assert key("permalinks.html") == key("permalinks") == "~/permalinks"
    assert key("./supraoracles.md") == "~/supraoracles"
    ln = url_link("tag-plugins#Code-Block")
    assert ln.key == "~/tag-plugins" and ln.fragment == "Code-Block"


def test_in_page_anchors_are_their_own_kind():
    for target in ("#一鍵部屬", "./#提出問題"):
        ln = url_link(target)
        assert ln.kind == "anchor" and ln.fragment == target.split("#")[1]


def test_targets_that_are_no_address():
    for target in (
        "mailto:a@b.dev",
        "javascript:void(0)",
        "不在所有者用户组",
        "common.Address,[]common.Hash",
        "(https://x.dev)",
    ):
        assert url_link(target) is None, target


def test_placeholder_hosts():
    for host in ("example.com", "example.org", "docs.example.net", "localhost", "my.test", "x.invalid", "127.0.0.1"):
        assert is_placeholder_host(host), host
    for host in ("examples.com", "hexo.io", "username.gitlab.io"):
        assert not is_placeholder_host(host), host


def test_reference_style_links_are_resolved():
    # hexojs/site, CC-BY-4.0: reference-style links with definitions at the end of the page
    source = "Read [the API][api] and [Warehouse][].\n\n[api]: /api/index.html\n[warehouse]: https://github.com/hexojs/warehouse\n"
    refs = ref_definitions(source)
    got = [ln.key for ln, _ in markdown_links(source.splitlines()[0], refs)]
    assert got == ["~/api", "github.com/hexojs/warehouse"]


def test_link_props_of_components_and_images():
    # nodejs/nodejs.org, MIT: <Link href> and <LinkWithArrow href> components
    src = '<LinkWithArrow href="https://nodejs.org/download/release/">先前版本</LinkWithArrow> ![logo](/img/logo.png)'
    links = [(ln.key, ln.image) for ln, _ in markdown_links(src)]
    assert ("~/img/logo.png", True) in links
    assert ("nodejs.org/download/release", False) in links


def test_broken_link_syntax():
    # kaiachain/kaia-docs, MIT: link syntax broken in the Chinese versions
    cases = {
        "- 从 [Kaia 水龙头] 测试 Kaia(https://faucet.kaia.io/)": "gap",
        "访问 [Subgraph Studio] (https://thegraph.com/studio/)": "space",
        "本机[账户抽象]（https://docs.kaia.io/learn/accounts/）": "fullwidth",
        "请参阅 [奖励](#reward）部分。": "fullwidth",
        "[端点提供商]之一获取（https://docs.kaia.io/references/public-en/)": "gap",
        "见 [文档]((https://docs.kaia.io/))": "double",
    }
    for src, what in cases.items():
        (b,) = broken_links(src)
        assert b.what == what, src
        assert src[b.start] == "[" or b.what == "double"


def test_working_links_are_not_broken():
    for src in (
        "[Kaia 水龍頭](https://faucet.kaia.io/)",
        "- [x] done (https://acme.dev/)",
        "the [optional] argument (default: none)",
        "[id]: https://acme.dev/x",
    ):
        assert broken_links(src) == [], src


def test_anchor_key_ignores_slug_rules():
    assert anchor_key("#Install-Hexo") == anchor_key("Install Hexo")
    assert anchor_key("一键部署") == anchor_key("%E4%B8%80%E9%94%AE%E9%83%A8%E7%BD%B2")
    assert anchor_key("一鍵部屬") != anchor_key("One-command deployment")
