import numpy as np
import pytest

from tcheck.align import EmbeddingScorer, FuzzyScorer, align_pair
from tcheck.evaluate import alignment_rows_as_lines, load_gold, score

from .conftest import FIXTURES


def _flat(beads):
    return [(tuple(b.a), tuple(b.b)) for b in beads]


def test_fuzzy_alignment_finds_deleted_paragraph():
    a = ["第一条 我们收集您的信息", "第二条 我们如何使用信息", "第三条 我们如何共享信息", "第四条 联系我们"]
    b = ["第一條 我們收集您的資訊", "第三條 我們如何共享資訊", "第四條 聯絡我們"]
    beads = _flat(align_pair(FuzzyScorer(a, b)))
    assert ((0,), (0,)) in beads
    assert ((1,), ()) in beads
    assert ((2,), (1,)) in beads
    assert ((3,), (2,)) in beads


def test_embedding_alignment_never_crashes_when_nothing_is_similar():
    rng = np.random.default_rng(0)
    ea = rng.normal(size=(5, 16)); ea /= np.linalg.norm(ea, axis=1, keepdims=True)
    eb = -ea[:3]  # anti-correlated: nothing similar
    beads = align_pair(EmbeddingScorer(ea, eb, np.ones(5) * 10, np.ones(3) * 10))
    seen_a = sorted(i for b in beads for i in b.a)
    seen_b = sorted(j for b in beads for j in b.b)
    assert seen_a == list(range(5)) and seen_b == list(range(3))


def test_empty_side():
    beads = align_pair(FuzzyScorer(["一", "二"], []))
    assert _flat(beads) == [((0,), ()), ((1,), ())]


def test_long_documents_use_a_band_and_stay_monotonic():
    # 600 x 600 would be a dense matrix; coarse-to-fine must still recover the diagonal
    rng = np.random.default_rng(1)
    ea = rng.normal(size=(600, 32)).astype(np.float32)
    ea /= np.linalg.norm(ea, axis=1, keepdims=True)
    noise = rng.normal(scale=0.3, size=ea.shape).astype(np.float32)
    eb = ea + noise
    eb /= np.linalg.norm(eb, axis=1, keepdims=True)
    eb = np.delete(eb, [100, 101, 400], axis=0)  # three paragraphs missing in B
    beads = align_pair(EmbeddingScorer(ea, eb, np.ones(600) * 20, np.ones(597) * 20))
    pairs = {(b.a[0], b.b[0]) for b in beads if len(b.a) == 1 and len(b.b) == 1}
    skipped_a = {b.a[0] for b in beads if b.a and not b.b}
    assert {100, 101, 400} <= skipped_a
    assert (0, 0) in pairs and (99, 99) in pairs and (102, 100) in pairs and (599, 596) in pairs


def test_seed000_alignment_against_gold(seed000_result):
    gold = load_gold(FIXTURES / "gold" / "000_58512f121bcc9f43.align.json")["rows"]
    pred = alignment_rows_as_lines(seed000_result.document, seed000_result.alignment)
    assert score(pred, gold, "zh-Hans", "zh-Hant")["f1"] >= 0.99
    assert score(pred, gold, "zh-Hans", "en")["f1"] >= 0.95
    assert score(pred, gold, "zh-Hant", "en")["f1"] >= 0.95
