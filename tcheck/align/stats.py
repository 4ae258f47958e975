"""Robust statistics on the alignment's row scores: which rows really correspond.

Every document has its own typical similarity between a paragraph and its
translation (it depends on the embedder, the language pair and the
translation style), so "too low" is judged against the document itself: the
median minus a multiple of the median absolute deviation (MAD, scaled to a
standard deviation), and never less than a fixed gap below the median.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..model import Alignment

MAD_SCALE = 1.4826  # MAD -> standard deviation for normally distributed scores
#: rows whose score falls this many deviations (at least GAP) below the pair's
#: median do not correspond (a rewritten or misplaced paragraph)
DEVIATIONS = 4.0
GAP = 0.2
MIN_ROWS = 8  # fewer aligned rows than this: no statistic, every row corresponds


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
