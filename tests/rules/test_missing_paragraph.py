"""missing-paragraph: positive and negative cases on hand-built alignments."""

import pytest

from tcheck.model import Severity

from .conftest import FIXTURES, check, line_of
from .conftest import rows_context as _ctx

ZH = ["我们收集您的姓名和电子邮件地址。", "我们不会出售您的个人信息。", "如有疑问，请随时联系我们。"]
EN = [
    "We collect your name and e-mail address.",
    "We do not sell your personal information.",
    "Contact us at any time with questions.",
]


def test_fully_aligned_document_has_no_findings():
    ctx = _ctx({"zh-Hans": ZH, "en": EN}, [{"zh-Hans": [i], "en": [i]} for i in (1, 2, 3)])
    assert check("missing-paragraph", ctx) == []


def test_single_version_is_never_missing_anything():
    ctx = _ctx({"en": EN}, [{"en": [i]} for i in (1, 2, 3)])
    assert check("missing-paragraph", ctx) == []


def test_paragraph_without_counterpart_names_the_version_and_the_place():
    en = EN[:1] + EN[2:]
    ctx = _ctx(
        {"zh-Hans": ZH, "en": en},
        [{"zh-Hans": [1], "en": [1]}, {"zh-Hans": [2], "en": []}, {"zh-Hans": [3], "en": [2]}],
    )
    (f,) = check("missing-paragraph", ctx)
    assert f.severity == Severity.WARNING
    assert f.locations[0].lang == "zh-Hans" and f.locations[0].paragraph == 2
    assert f.evidence["missing_in"] == ["en"]
    assert f.evidence["insert_after"]["en"]["paragraph"] == 1
    assert "en" in f.message and "不会出售" in f.message


def test_three_versions_report_every_version_that_lacks_it_once():
    zt = ["我們收集您的姓名和電子郵件地址。", "如有疑問，請隨時聯絡我們。"]
    ctx = _ctx(
        {"zh-Hans": ZH, "zh-Hant": zt, "en": EN},
        [
            {"zh-Hans": [1], "zh-Hant": [1], "en": [1]},
            {"zh-Hans": [2], "zh-Hant": [], "en": [2]},
            {"zh-Hans": [3], "zh-Hant": [2], "en": [3]},
        ],
    )
    (f,) = check("missing-paragraph", ctx)
    assert f.evidence["missing_in"] == ["zh-Hant"] and f.evidence["present_in"] == ["zh-Hans", "en"]
    assert [c.lang for c in f.counterparts] == ["en"]


def test_a_heading_the_other_chinese_version_writes_on_its_neighbours_line_is_not_missing():
    # expressjs/expressjs.com (CC-BY-SA-3.0), guide/database-integration: zh-CN has
    # "模块：nano" and "### 安装"; zh-TW writes "**模組**：nano\n**安裝**", one paragraph
    hans = ["CouchDB", "模块：nano", "安装", "示例"]
    hant = ["CouchDB", "模組：nano 安裝", "範例"]
    rows = [
        {"zh-Hans": [1], "zh-Hant": [1]},
        {"zh-Hans": [2], "zh-Hant": [2]},
        {"zh-Hans": [3], "zh-Hant": []},
        {"zh-Hans": [4], "zh-Hant": [3]},
    ]
    assert check("missing-paragraph", _ctx({"zh-Hans": hans, "zh-Hant": hant}, rows)) == []
    # a heading the neighbour does not hold is still missing
    hant[1] = "模組：nano"
    (f,) = check("missing-paragraph", _ctx({"zh-Hans": hans, "zh-Hant": hant}, rows))
    assert f.locations[0].paragraph == 3


def test_a_bare_short_heading_is_only_info():
    ctx = _ctx(
        {"zh-Hans": ZH[:1], "en": ["Definitions", EN[0]]}, [{"zh-Hans": [], "en": [1]}, {"zh-Hans": [1], "en": [2]}]
    )
    (f,) = check("missing-paragraph", ctx)
    assert f.severity == Severity.INFO


def test_consecutive_missing_paragraphs_are_one_finding_with_the_line_range():
    en = EN + ["A fourth paragraph the translation lacks.", "And a fifth one, also missing in Chinese.", EN[0]]
    zh = ZH + ["我们收集您的姓名。"]
    rows = [{"zh-Hans": [i], "en": [i]} for i in (1, 2, 3)]
    rows += [{"zh-Hans": [], "en": [4]}, {"zh-Hans": [], "en": [5]}, {"zh-Hans": [4], "en": [6]}]
    (f,) = check("missing-paragraph", _ctx({"zh-Hans": zh, "en": en}, rows))
    v = f.locations[0]
    assert v.lang == "en" and v.paragraph == 4
    assert (v.line, v.end_line) == (7, 9) and f.evidence["segments"] == 2
    assert "lines 7-9" in f.message


def test_text_replaced_by_a_different_text_is_a_note_on_both_sides():
    # opensource-guide building-community (github/opensource.guide, CC-BY-4.0): a heading
    # translated too freely to align ("Focus on the journey" / 专注过程，而不是结果)
    zh = ZH[:2] + ["专注过程，而不是结果"]
    en = EN[:2] + ["Focus on the journey, not the destination"]
    rows = [{"zh-Hans": [1], "en": [1]}, {"zh-Hans": [2], "en": [2]}]
    rows += [{"zh-Hans": [3], "en": []}, {"zh-Hans": [], "en": [3]}]
    found = check("missing-paragraph", _ctx({"zh-Hans": zh, "en": en}, rows))
    assert len(found) == 2 and all(f.severity == Severity.INFO for f in found)
    assert all("loose translation" in f.message for f in found)


def test_a_run_of_missing_paragraphs_is_a_warning():
    en = EN[:1]
    ctx = _ctx(
        {"zh-Hans": ZH, "en": en},
        [{"zh-Hans": [1], "en": [1]}, {"zh-Hans": [2], "en": []}, {"zh-Hans": [3], "en": []}],
    )
    (f,) = check("missing-paragraph", ctx)
    assert f.severity == Severity.WARNING
    assert f.evidence["segments"] == 2


def test_a_lone_missing_heading_is_info():
    en = ["How we protect the personal data you give us", EN[0]]
    ctx = _ctx({"zh-Hans": ZH[:1], "en": en}, [{"zh-Hans": [], "en": [1]}, {"zh-Hans": [1], "en": [2]}])
    ctx.version("en").segments[0].kind = "heading"
    (f,) = check("missing-paragraph", ctx)
    assert f.severity == Severity.INFO


def _audit(embedder, files):
    from tcheck.pipeline import Settings, audit_files

    return audit_files([str(f) for f in files], settings=Settings(use_cache=False), embedder=embedder).findings


@pytest.mark.slow
def test_a_sentence_split_off_into_its_own_paragraph_is_only_info(embedder):
    """Contributor Covenant 1.4 (CC BY 4.0): zh-CN puts the Scope paragraph's last sentence
    ("Representation of a project may be further defined…") into a paragraph of its own."""
    group = FIXTURES / "corpus" / "contributor-covenant" / "v1.4"
    zh = group / "zh-CN.md"
    line = line_of(zh, "代表本项目的行为可由项目维护者进一步定义及解释")
    found = [
        f
        for f in _audit(embedder, sorted(group.glob("*.md")))
        if f.rule == "missing-paragraph" and f.locations[0].path.endswith("zh-CN.md") and f.locations[0].line == line
    ]
    assert len(found) == 1
    f = found[0]
    assert f.severity == Severity.INFO
    assert f.evidence["said_elsewhere"]["lang"] == "en" and f.evidence["said_elsewhere"]["part"]
    assert "says much the same" in f.message


# tldr-pages, common/tldr (CC BY 4.0): the last two examples differ between en and the Chinese
# versions (en: "display short options"; zh: "a random command"); look-alike items of one list
# ("Print the tldr page for …") are not one item moved.
@pytest.mark.slow
def test_a_different_item_of_a_look_alike_list_stays_a_warning(embedder):
    group = FIXTURES / "corpus" / "tldr-pages" / "common_tldr"
    found = [f for f in _audit(embedder, sorted(group.glob("*.md"))) if f.rule == "missing-paragraph"]
    en = [f for f in found if f.locations[0].lang == "en"]
    assert en and all(f.severity == Severity.WARNING for f in en)
    assert any("short options" in f.message for f in en)


@pytest.mark.slow
def test_a_section_moved_is_info_and_a_section_dropped_a_warning(embedder, tmp_path):
    """opensource.guide, legal (CC BY 4.0): zh-CN's section "GitHub上的公开项目都是开源的吗？" moved
    after the next section: said elsewhere, segment by segment (info); dropped: a warning."""
    group = FIXTURES / "corpus" / "opensource-guide" / "legal"
    lines = (group / "zh-CN.md").read_text(encoding="utf-8").split("\n")
    start = line_of(group / "zh-CN.md", "## GitHub上的公开项目都是开源的吗") - 1
    end = line_of(group / "zh-CN.md", "## 如何保护我们的项目") - 1
    after = line_of(group / "zh-CN.md", "## 我的项目适合什么样的开源许可") - 1
    section = lines[start:end]
    moved = lines[:start] + lines[end:after] + section + lines[after:]
    dropped = lines[:start] + lines[end:]
    (tmp_path / "en.md").write_text((group / "en.md").read_text(encoding="utf-8"), encoding="utf-8")
    for name, text in (("moved", moved), ("dropped", dropped)):
        (tmp_path / "zh-CN.md").write_text("\n".join(text), encoding="utf-8")
        found = [
            f
            for f in _audit(embedder, [tmp_path / "en.md", tmp_path / "zh-CN.md"])
            if f.rule == "missing-paragraph" and f.evidence["segments"] > 1 and "GitHub" in f.message
        ]
        assert found, name
        if name == "moved":  # reported on both sides, each pointing at the other
            assert sorted(f.locations[0].lang for f in found) == ["en", "zh-Hans"]
            assert all(f.severity == Severity.INFO and f.evidence["said_elsewhere"] for f in found)
            assert all("(moved?)" in f.message for f in found)
        else:
            assert [(f.locations[0].lang, f.severity) for f in found] == [("en", Severity.WARNING)]
