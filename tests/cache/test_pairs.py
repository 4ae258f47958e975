"""Pair alignments: after one English paragraph is edited, the unchanged Chinese pair is read
from the cache instead of aligned again, and the report is the one a fresh audit gives."""

import json

import pytest

from tcheck.align import dp
from tcheck.align.dp import Bead
from tcheck.cache import Cache
from tcheck.cache.alignments import check_beads
from tcheck.cache.codec import Mismatch

HANS = "# 隐私政策\n\n我们收集您的姓名与电话号码。\n\n我们不会出售您的数据。\n\n如有疑问请联系我们。\n"
HANT = "# 隱私政策\n\n我們收集您的姓名與電話號碼。\n\n我們不會出售您的資料。\n\n如有疑問請聯絡我們。\n"
EN = "# Privacy policy\n\nWe collect your name and phone number.\n\nWe do not sell your data.\n\nContact us with questions.\n"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TCHECK_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def aligned(monkeypatch):
    """The scorer classes of the pair alignments the dynamic program really computes."""
    real = dp._align_pair
    out = []
    monkeypatch.setattr(dp, "_align_pair", lambda s, d: out.append(type(s).__name__) or real(s, d))
    return out


def _doc(tmp_path, en=EN):
    (tmp_path / "doc").mkdir(exist_ok=True)
    for name, text in (("zh-CN.md", HANS), ("zh-TW.md", HANT), ("en.md", en)):
        (tmp_path / "doc" / name).write_text(text, encoding="utf-8")


def test_an_edited_english_paragraph_realigns_english_only(audit_cli, tmp_path, aligned):
    _doc(tmp_path)
    assert audit_cli("doc", "--format", "json", "--fail-on", "never").exit_code == 0
    assert aligned == ["FuzzyScorer", "EmbeddingScorer"]
    assert len(Cache.default().dir.files("pairs")) == 2
    _doc(tmp_path, EN.replace("questions", "any questions"))
    aligned.clear()
    warm = audit_cli("doc", "--format", "json", "--fail-on", "never")
    assert aligned == ["EmbeddingScorer"]
    aligned.clear()
    fresh = audit_cli("doc", "--format", "json", "--fail-on", "never", "--no-cache")
    assert aligned == ["FuzzyScorer", "EmbeddingScorer"]
    assert warm.output == fresh.output


def test_a_damaged_pair_entry_is_computed_again(audit_cli, tmp_path, aligned):
    _doc(tmp_path)
    audit_cli("doc", "--format", "json", "--fail-on", "never")
    for p in Cache.default().dir.files("pairs"):
        entry = json.loads(p.read_text(encoding="utf-8"))
        entry["data"] = entry["data"][1:]  # a bead lost: the sides are no longer covered
        p.write_text(json.dumps(entry), encoding="utf-8")
    _doc(tmp_path, EN.replace("questions", "any questions"))
    aligned.clear()
    warm = audit_cli("doc", "--format", "json", "--fail-on", "never")
    assert aligned == ["FuzzyScorer", "EmbeddingScorer"]
    fresh = audit_cli("doc", "--format", "json", "--fail-on", "never", "--no-cache")
    assert warm.output == fresh.output


@pytest.mark.parametrize(
    "beads",
    [
        [Bead([0], [0], 0.9)],  # B not covered
        [Bead([0], [1], 0.9), Bead([1], [0], 0.9)],  # out of order
        [Bead([], [], 0.0), Bead([0, 1], [0, 1], 0.9)],  # an empty bead
        [Bead([0, 1], [0, 1], float("nan"))],
        [Bead([0, 1, 2, 3, 4], [0, 1], 0.9)],  # more than four on a side
    ],
)
def test_beads_that_do_not_align_both_sides_are_rejected(beads):
    n = max((i for b in beads for i in b.a), default=-1) + 1
    with pytest.raises(Mismatch):
        check_beads(beads, max(n, 2), 2)


def test_good_beads_pass():
    check_beads([Bead([0], [0], 0.9), Bead([1, 2], [], 0.0), Bead([], [1], 0.0), Bead([3], [2, 3], 0.5)], 4, 4)
