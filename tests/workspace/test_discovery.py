"""Sibling discovery: every naming convention, directory walks, grouping of explicit files."""

import os
from pathlib import Path

import pytest

from tcheck.workspace.config import Config
from tcheck.workspace.config import Group as ConfigGroup
from tcheck.workspace.discovery import mark, siblings, tag_lang
from tcheck.workspace.files import walk
from tcheck.workspace.grouping import plan, split_group

from ..conftest import FIXTURES

CORPUS = FIXTURES / "corpus"


def touch(root: Path, *rels: str) -> list[Path]:
    out = []
    for rel in rels:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x\n", encoding="utf-8")
        out.append(p.resolve())
    return out


def sib(root: Path, rel: str) -> set[str]:
    return {p.relative_to(root.resolve()).as_posix() for p in siblings(root / rel)}


def group_sets(groups, root: Path) -> set[frozenset[str]]:
    return {frozenset(Path(os.path.abspath(f)).relative_to(root.resolve()).as_posix() for f in g.files) for g in groups}


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_tag_lang():
    assert tag_lang("zh-CN") == tag_lang("zh_CN") == tag_lang("zh-Hans") == "zh-Hans"
    assert tag_lang("zh-TW") == tag_lang("zh_tw") == tag_lang("zh-Hant") == tag_lang("zh-HK") == "zh-Hant"
    assert tag_lang("en") == tag_lang("en-US") == "en"
    assert tag_lang("zh") == "zh"
    for word in ("docs", "english", "eng", "guide", "cn", "i18n", "zhong"):
        assert tag_lang(word) is None


# ---------------------------------------------------------------------------
# conventions


@pytest.mark.parametrize(
    "names",
    [
        ["policy.md", "policy.zh-CN.md", "policy.zh-TW.md"],
        ["policy.en.md", "policy.zh-Hans.md", "policy.zh-Hant.md"],
        ["policy_en.md", "policy_zh-CN.md", "policy_zh_TW.md"],
        ["policy.md", "policy-zh-CN.md", "policy-zh-HK.md"],
        ["policy.md", "policy.zh.md"],  # MkDocs i18n suffix
        ["terms.txt", "terms.zh_CN.txt", "terms.zh-Hant.txt"],
    ],
)
def test_suffix_convention(tree, names):
    touch(tree, *[f"docs/{n}" for n in names], "docs/other.md", "docs/policy-old.md", "docs/policy.zh-CN.txt")
    for n in names:
        assert sib(tree, f"docs/{n}") == {f"docs/{m}" for m in names if m != n}


def test_files_named_by_language(tree):
    touch(tree, "doc/en.md", "doc/zh-CN.md", "doc/zh-TW.md", "doc/README.md", "other/en.md")
    assert sib(tree, "doc/zh-TW.md") == {"doc/en.md", "doc/zh-CN.md"}
    assert sib(tree, "doc/README.md") == set()


@pytest.mark.parametrize("langs", [("en", "zh-CN", "zh-TW"), ("en", "zh-Hans", "zh-Hant"), ("en-US", "zh_CN", "zh_TW")])
def test_language_folders(tree, langs):
    rels = [f"site/{lg}/guide/intro.md" for lg in langs]
    touch(tree, *rels, f"site/{langs[0]}/guide/other.md", f"site/{langs[1]}/guide/other2.md")
    for r in rels:
        assert sib(tree, r) == set(rels) - {r}


def test_vitepress_default_tree_and_language_folder(tree):
    touch(tree, "docs/guide/intro.md", "docs/zh/guide/intro.md", "docs/zh/guide/extra.md", "docs/guide/setup.md")
    assert sib(tree, "docs/guide/intro.md") == {"docs/zh/guide/intro.md"}
    assert sib(tree, "docs/zh/guide/intro.md") == {"docs/guide/intro.md"}
    assert sib(tree, "docs/guide/setup.md") == set()


def test_docusaurus_i18n(tree):
    touch(
        tree,
        "docs/intro.md",
        "i18n/zh-CN/docusaurus-plugin-content-docs/current/intro.md",
        "i18n/zh-TW/docusaurus-plugin-content-docs/current/intro.md",
        "blog/2024-post.md",
        "i18n/zh-CN/docusaurus-plugin-content-blog/2024-post.md",
        "i18n/zh-CN/docusaurus-plugin-content-docs/current/only-here.md",
    )
    assert sib(tree, "docs/intro.md") == {
        "i18n/zh-CN/docusaurus-plugin-content-docs/current/intro.md",
        "i18n/zh-TW/docusaurus-plugin-content-docs/current/intro.md",
    }
    assert sib(tree, "i18n/zh-TW/docusaurus-plugin-content-docs/current/intro.md") == {
        "docs/intro.md",
        "i18n/zh-CN/docusaurus-plugin-content-docs/current/intro.md",
    }
    assert sib(tree, "blog/2024-post.md") == {"i18n/zh-CN/docusaurus-plugin-content-blog/2024-post.md"}
    assert sib(tree, "i18n/zh-CN/docusaurus-plugin-content-blog/2024-post.md") == {"blog/2024-post.md"}
    assert sib(tree, "i18n/zh-CN/docusaurus-plugin-content-docs/current/only-here.md") == set()


def test_docusaurus_versioned_docs_and_pages(tree):
    touch(
        tree,
        "versioned_docs/version-2.0/setup.md",
        "i18n/zh-TW/docusaurus-plugin-content-docs/version-2.0/setup.md",
        "src/pages/about.md",
        "i18n/zh-CN/docusaurus-plugin-content-pages/about.md",
        "docs/setup.md",
    )  # the current docs are another document
    assert sib(tree, "versioned_docs/version-2.0/setup.md") == {
        "i18n/zh-TW/docusaurus-plugin-content-docs/version-2.0/setup.md"
    }
    assert sib(tree, "i18n/zh-TW/docusaurus-plugin-content-docs/version-2.0/setup.md") == {
        "versioned_docs/version-2.0/setup.md"
    }
    assert sib(tree, "src/pages/about.md") == {"i18n/zh-CN/docusaurus-plugin-content-pages/about.md"}
    assert sib(tree, "docs/setup.md") == set()


def test_generic_i18n_tree(tree):
    touch(tree, "help/faq.md", "i18n/zh-CN/help/faq.md", "i18n/zh-TW/help/faq.md", "i18n/zh-TW/help/other.md")
    assert sib(tree, "help/faq.md") == {"i18n/zh-CN/help/faq.md", "i18n/zh-TW/help/faq.md"}
    assert sib(tree, "i18n/zh-CN/help/faq.md") == {"help/faq.md", "i18n/zh-TW/help/faq.md"}


def test_corpus_layout_is_recognised():
    doc = CORPUS / "mdn" / "web_http_guides_session"
    assert {p.name for p in siblings(doc / "zh-CN.md")} == {"en.md", "zh-TW.md"}
    assert {p.name for p in siblings(doc / "en.md")} == {"zh-CN.md", "zh-TW.md"}
    assert mark(doc / "en.md").key == mark(doc / "zh-TW.md").key
    assert mark(doc / "en.md").key != mark(CORPUS / "mdn" / "web_http_guides_protocol_upgrade_mechanism" / "en.md").key


def test_unrelated_files_are_not_siblings(tree):
    touch(tree, "a.md", "b.md", "notes/a.md", "a.markdown.bak", "zh-CN/b.md")
    assert sib(tree, "a.md") == set()
    assert sib(tree, "notes/a.md") == set()


# ---------------------------------------------------------------------------
# splitting key groups


def test_split_group_keeps_one_file_per_language(tree):
    fs = touch(tree, "p.md", "p.zh-CN.md", "p.zh-TW.md", "p.zh-HK.md")
    groups = split_group(fs)
    names = [sorted(f.name for f in g) for g in groups]
    assert names[0] == ["p.md", "p.zh-CN.md", "p.zh-TW.md"]  # zh-TW preferred over the regional zh-HK
    assert names[1:] == [["p.zh-HK.md"]]


def test_unmarked_file_joins_and_is_flagged_for_verification(tree):
    touch(tree, "README.md", "en/README.md", "zh-CN/README.md", "doc/en.md", "doc/zh-CN.md")
    (g,) = plan(["README.md"])
    # the unmarked README may be a fourth version or the English one again: the caller decides from the text
    assert len(g.files) == 3 and g.verify
    assert [Path(f).as_posix() for f in g.unmarked()] == ["README.md"]
    (marked_only,) = plan(["doc/en.md"])
    assert not marked_only.verify and marked_only.unmarked() == []
    # three marked versions fill the group: the unmarked file is audited on its own
    touch(tree, "zh-TW/README.md")
    assert sorted(len(g.files) for g in plan(["README.md", "en/README.md"])) == [1, 3]


# ---------------------------------------------------------------------------
# plans


def test_walk_skips_vendor_folders_and_non_text(tree):
    touch(
        tree,
        "d/a.md",
        "d/b.txt",
        "d/c.markdown",
        "d/img.png",
        "d/.git/x.md",
        "d/node_modules/y.md",
        "d/.venv/z.md",
        "d/sub/e.md",
    )
    found = {p.relative_to(tree.resolve() / "d").as_posix() for p in walk(tree / "d")}
    assert found == {"a.md", "b.txt", "c.markdown", "sub/e.md"}


def test_directory_plan_audits_each_document_once(tree):
    touch(
        tree,
        "docs/a.md",
        "docs/a.zh-CN.md",
        "docs/a.zh-TW.md",
        "docs/b/en.md",
        "docs/b/zh-CN.md",
        "docs/en/c.md",
        "docs/zh-TW/c.md",
        "docs/lonely.md",
    )
    got = group_sets(plan(["docs"]), tree)
    assert got == {
        frozenset({"docs/a.md", "docs/a.zh-CN.md", "docs/a.zh-TW.md"}),
        frozenset({"docs/b/en.md", "docs/b/zh-CN.md"}),
        frozenset({"docs/en/c.md", "docs/zh-TW/c.md"}),
        frozenset({"docs/lonely.md"}),
    }


def test_directory_plan_finds_versions_outside_the_directory(tree):
    touch(tree, "docs/intro.md", "i18n/zh-CN/docusaurus-plugin-content-docs/current/intro.md")
    assert group_sets(plan(["docs"]), tree) == {
        frozenset({"docs/intro.md", "i18n/zh-CN/docusaurus-plugin-content-docs/current/intro.md"})
    }


def test_directory_plan_applies_exclude(tree):
    touch(tree, "docs/a.md", "docs/a.zh-CN.md", "docs/drafts/x.md", "docs/b.tmp.md")
    cfg = Config(path=tree / "tcheck.toml", exclude=["docs/drafts/**", "*.tmp.md", "a.zh-CN.md"])
    assert group_sets(plan(["docs"], cfg, cfg.is_excluded), tree) == {frozenset({"docs/a.md"})}


def test_changed_files_are_grouped_once(tree):
    touch(tree, "p.md", "p.zh-CN.md", "p.zh-TW.md", "q.md", "q.zh-TW.md")
    groups = plan(["p.zh-CN.md", "p.md", "q.zh-TW.md"])
    assert group_sets(groups, tree) == {
        frozenset({"p.md", "p.zh-CN.md", "p.zh-TW.md"}),
        frozenset({"q.md", "q.zh-TW.md"}),
    }
    assert not any(g.tentative for g in groups)


def test_more_than_three_files_forming_several_groups(tree):
    names = ["a.md", "a.zh-CN.md", "a.zh-TW.md", "b.md", "b.zh-CN.md"]
    touch(tree, *names)
    assert len(plan(names)) == 2


def test_explicit_files_without_siblings_are_one_tentative_group(tree):
    touch(tree, "x.txt", "y.txt")
    groups = plan(["x.txt", "y.txt"])
    assert len(groups) == 1 and groups[0].tentative and groups[0].files == ["x.txt", "y.txt"]
    single = plan(["x.txt"])
    assert len(single) == 1 and single[0].files == ["x.txt"]


def test_explicit_file_names_are_kept_as_given(tree):
    touch(tree, "p.md", "p.zh-CN.md")
    (g,) = plan(["./p.md"])
    assert "./p.md" in g.files and "p.zh-CN.md" in g.files


def test_config_groups_take_precedence(tree):
    a, b, c = touch(tree, "legal/terms-cn.txt", "legal/terms-hk.txt", "legal/terms.txt")
    cfg = Config(path=tree / "tcheck.toml", groups=[ConfigGroup([a, b, c], {a: "zh-CN"})])
    groups = plan(["legal/terms-hk.txt"], cfg)
    assert group_sets(groups, tree) == {frozenset({"legal/terms-cn.txt", "legal/terms-hk.txt", "legal/terms.txt"})}
    assert list(groups[0].langs.values()) == ["zh-CN"]
    assert group_sets(plan(["legal"], cfg), tree) == group_sets(groups, tree)


def test_corpus_directory_plan():
    groups = plan([str(CORPUS / "mdn")])
    assert len(groups) == 3
    for g in groups:
        assert sorted(Path(f).name for f in g.files) == ["en.md", "zh-CN.md", "zh-TW.md"]
        assert len({Path(f).parent for f in g.files}) == 1
    # every corpus document, each once (the corpus README is a document of its own)
    docs = {p.parent for p in CORPUS.rglob("en.md")}
    all_groups = plan([str(CORPUS)])
    assert len(all_groups) == len(docs) + 1
    assert sum(len(g.files) for g in all_groups) == len({*map(str, CORPUS.rglob("*.md"))})
