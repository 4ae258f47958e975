"""odd-version: one Chinese version says something else where the other Chinese version and English agree."""

from __future__ import annotations

import pytest

from tcheck.model import Severity

from .conftest import FIXTURES, check, context, line_of, plain_version

_EN = [f"Step {n}: copy the files of folder {n} to the backup disk and check them." for n in range(1, 10)]
_HANS = [f"第{n}步：将文件夹 {n} 的文件复制到备份磁盘并检查。" for n in range(1, 10)]
_HANT = [f"第{n}步：將資料夾 {n} 的檔案複製到備份磁碟並檢查。" for n in range(1, 10)]


def _ctx(hans_zz: float, hans_en: float, hant_en: float, hant: list[str] | None = None):
    """Nine rows that agree (0.9 / 0.8 / 0.8); the last one gets the given similarities."""
    versions = [plain_version("zh-Hans", _HANS), plain_version("zh-Hant", hant or _HANT), plain_version("en", _EN)]
    rows = [{"zh-Hans": [i], "zh-Hant": [i], "en": [i]} for i in range(1, 10)]
    scores = {
        ("zh-Hans", "zh-Hant"): [0.9] * 8 + [hans_zz],
        ("zh-Hans", "en"): [0.8] * 8 + [hans_en],
        ("zh-Hant", "en"): [0.8] * 8 + [hant_en],
    }
    return context(versions, rows, scores=scores)


def test_the_chinese_version_that_leaves_the_other_two_is_reported():
    (f,) = check("odd-version", _ctx(0.4, 0.4, 0.8))
    assert f.locations[0].lang == "zh-Hans" and f.locations[0].paragraph == 9
    assert f.severity == Severity.WARNING and "says something else than zh-Hant and en" in f.message


def test_no_finding_when_english_does_not_side_with_the_other_chinese_version():
    assert check("odd-version", _ctx(0.4, 0.4, 0.45)) == []  # a passage rewritten in both: not this rule
    assert check("odd-version", _ctx(0.7, 0.6, 0.8)) == []  # a looser rendering, within the norm


def test_no_finding_when_the_other_chinese_version_is_english_left_untranslated():
    hant = _HANT[:8] + [_EN[8]]
    assert check("odd-version", _ctx(0.4, 0.4, 1.0, hant=hant)) == []


@pytest.mark.slow
def test_a_replaced_example_is_found_and_a_taiwan_worded_row_is_not(embedder):
    """tldr-pages common/cp (CC BY 4.0): zh-CN's last example is `cp -t`, where en and zh-TW
    give `cp --parents`; zh-TW's first example, worded the Taiwan way, translates en well."""
    from tcheck.pipeline import Settings, audit_files

    group = FIXTURES / "corpus" / "tldr-pages" / "common_cp"
    files = [str(p) for p in sorted(group.glob("*.md"))]
    found = [f for f in audit_files(files, settings=Settings(use_cache=False), embedder=embedder).findings]
    odd = [(f.locations[0].lang, f.locations[0].line) for f in found if f.rule == "odd-version"]
    assert odd == [("zh-Hans", line_of(group / "zh-CN.md", "使用第一个参数作为目标目录"))]
