"""Robust statistics on the alignment's row scores: which rows really correspond.

Every document has its own typical similarity between a paragraph and its
translation (it depends on the embedder, the language pair and the
translation style), so "too low" is judged against the document itself: the
median minus a multiple of the median absolute deviation (MAD, scaled to a
standard deviation), and never less than a fixed gap below the median.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Alignment, Document, Row

MAD_SCALE = 1.4826  # MAD -> standard deviation for normally distributed scores
#: rows whose score falls this many deviations (at least GAP) below the pair's
#: median do not correspond (a rewritten or misplaced paragraph)
DEVIATIONS = 4.0
GAP = 0.2
MIN_ROWS = 8  # fewer aligned rows than this: no statistic, every row corresponds
#: below this similarity a pair is no evidence of a translation, whatever the document's norm
#: (a stale page whose rows are mostly positional pairings has a low norm)
WEAK = 0.4
#: from this similarity a pair is a translation, whatever the document's norm (a norm raised by
#: identical texts: commands, or English left untranslated in a Chinese version)
STRONG = 0.6


def row_score(row: Row, a: str, b: str) -> float | None:
    """How well the row's ``a`` and ``b`` texts correspond: the pair score, and for zh-Hans/zh-Hant
    the better of characters and meaning (independent translations share few characters)."""
    s = row.pair_scores.get((a, b), row.pair_scores.get((b, a)))
    if s is None:
        return None
    m = row.meaning.get((a, b), row.meaning.get((b, a)))
    return max(s, m) if (m is not None and a.startswith("zh") and b.startswith("zh")) else s


def median_mad(scores: Sequence[float]) -> tuple[float, float]:
    """(median, scaled MAD) of ``scores``."""
    arr = np.asarray(scores, dtype=float)
    med = float(np.median(arr))
    return med, float(np.median(np.abs(arr - med))) * MAD_SCALE


def low_cut(scores: Sequence[float], deviations: float = DEVIATIONS, gap: float = GAP) -> float:
    """The score below which a row is an outlier: median - max(deviations x MAD, gap)."""
    med, mad = median_mad(scores)
    return med - max(deviations * mad, gap)


def pair_cuts(alignment: Alignment, langs: Sequence[str]) -> dict[tuple[str, str], float]:
    """Per language pair (in ``langs`` order), the correspondence cut on ``Row.pair_scores``."""
    cuts = {}
    for i, a in enumerate(langs):
        for b in langs[i + 1 :]:
            scores = [r.pair_scores[(a, b)] for r in alignment.pairs(a, b) if (a, b) in r.pair_scores]
            if len(scores) >= MIN_ROWS:
                cuts[(a, b)] = low_cut(scores)
    return cuts


# ---------------------------------------------------------------------------
# stale versions: one version translated from an older (or newer) text

#: a pair of versions is stale when this share of their prose segments has no corresponding
#: counterpart in the other (unaligned, or aligned far below the document's norm) ...
STALE_SHARE = 0.4
#: ... and at least this many segments are unmatched (a short page with two extra lines is not stale)
STALE_MIN = 6


@dataclass
class PairCoverage:
    """How much of versions ``a`` and ``b`` corresponds: their prose segments without a counterpart."""

    a: str
    b: str
    prose_a: int
    prose_b: int
    unmatched_a: list[int]  # 1-based indices of a's prose segments with no counterpart in b
    unmatched_b: list[int]

    @property
    def share(self) -> float:
        total = self.prose_a + self.prose_b
        return (len(self.unmatched_a) + len(self.unmatched_b)) / total if total else 0.0

    stub: str | None = None  # the version that is a stub of the other (see :func:`stub_of`)

    @property
    def stale(self) -> bool:
        if self.stub is not None:
            return True
        return len(self.unmatched_a) + len(self.unmatched_b) >= STALE_MIN and self.share >= STALE_SHARE


# A version with at most this share of the segments of another, whose paragraphs mostly have no
# counterpart in it, is a stub of it: an alias page, a page not yet written (one finding, not
# one missing paragraph after the other).
STUB_SHARE = 0.5
STUB_MIN_SEGMENTS = 6
STUB_UNMATCHED = 0.4
STUB_MAX_SEGMENTS = 5  # reported as a stub (not as a stale translation) up to this many segments


def is_stub(n_short: int, n_full: int) -> bool:
    """Whether a version of ``n_short`` segments is short enough to be a stub of one of ``n_full``."""
    return n_full >= STUB_MIN_SEGMENTS and n_short <= STUB_SHARE * n_full


def stub_of(doc: Document, cov: PairCoverage) -> str | None:
    """The version of the pair that is a stub of the other, or None."""
    n = {cov.a: len(doc.get(cov.a).segments), cov.b: len(doc.get(cov.b).segments)}
    for short, full, unmatched, prose in (
        (cov.a, cov.b, cov.unmatched_b, cov.prose_b),
        (cov.b, cov.a, cov.unmatched_a, cov.prose_a),
    ):
        if (
            n[short] <= STUB_MAX_SEGMENTS
            and is_stub(n[short], n[full])
            and prose
            and len(unmatched) >= STUB_UNMATCHED * prose
        ):
            return short
    return None


def pair_coverage(doc: Document, alignment: Alignment, a: str, b: str, cut: float | None) -> PairCoverage:
    """Which prose segments of ``a`` and ``b`` have a counterpart in the other (pair score >= ``cut``)."""
    from ..load.kinds import PROSE_KINDS

    va, vb = doc.get(a), doc.get(b)
    prose_a = {s.index for s in va.segments if s.kind in PROSE_KINDS}
    prose_b = {s.index for s in vb.segments if s.kind in PROSE_KINDS}
    matched_a: set[int] = set()
    matched_b: set[int] = set()
    for row in alignment.pairs(a, b):
        score = row_score(row, a, b)
        if score is None or score >= STRONG or (score >= WEAK and (cut is None or score >= cut)):
            matched_a.update(row.get(a))
            matched_b.update(row.get(b))
    return PairCoverage(a, b, len(prose_a), len(prose_b), sorted(prose_a - matched_a), sorted(prose_b - matched_b))


def coverages(doc: Document, alignment: Alignment) -> dict[frozenset[str], PairCoverage]:
    """:func:`pair_coverage` of every pair of versions, keyed by the pair's languages."""
    from ..load.kinds import PROSE_KINDS

    langs = doc.langs
    out = {}
    for i, a in enumerate(langs):
        for b in langs[i + 1 :]:
            # the norm of prose rows only: commands and code align almost exactly and would raise it
            va, vb = doc.get(a), doc.get(b)
            scores = [
                s
                for r in alignment.pairs(a, b)
                if any(va[k].kind in PROSE_KINDS for k in r.get(a)) and any(vb[k].kind in PROSE_KINDS for k in r.get(b))
                for s in [row_score(r, a, b)]
                if s is not None
            ]
            cut = low_cut(scores) if len(scores) >= MIN_ROWS else None
            cov = pair_coverage(doc, alignment, a, b, cut)
            cov.stub = stub_of(doc, cov)
            out[frozenset((a, b))] = cov
    return out


def document_coverages(ctx) -> dict[frozenset[str], PairCoverage]:
    """:func:`coverages` of a rule context's document, computed once per context."""
    memo = ctx._memo
    if "coverages" not in memo:
        memo["coverages"] = coverages(ctx.document, ctx.alignment)
    return memo["coverages"]
