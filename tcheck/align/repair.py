"""Post-passes over aligned rows: absorb the structure the bead program gets wrong.

The dynamic program (:mod:`.dp`) is monotonic and scores beads locally, so three
kinds of real structure come out as spurious unmatched rows:

* **unrelated local additions paired** -- each version added its own paragraph at
  the same place and the program paired them 1-1 with a similarity far below the
  document's typical score: the row is split (1-0 + 0-1); :func:`split_weak`.
* **swapped or moved neighbours** -- two list items in another order, a paragraph
  moved a line or two: an unmatched segment and its translation sit within a few
  rows of each other; the rows between them are merged into one row (order is
  kept, so the row holds both, like a 2-2 bead); :func:`pair_nearby`.
* **a paragraph split in up to four** -- the pieces the program left unmatched next
  to a row are merged into it when that raises the row's similarity;
  :func:`absorb_pieces`.

Rows stay in document order for every version. ``rescore(cells) -> Row`` gives a
row with its pair scores (:func:`tcheck.align.document._scored_row`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..model import Row
from .stats import STRONG, WEAK
from .stats import row_score as _score

Rescore = Callable[[dict[str, list[int]]], Row]

#: a pair scoring below min(FAR_ABS, median - FAR_GAP) of its pair's scores is no translation
FAR_ABS = 0.3
FAR_GAP = 0.35
#: rows within this distance are searched for an unmatched segment's counterpart
WINDOW = 3
#: an unmatched segment and a nearby one pair when they score above median - max(2 MAD, 0.15)
PAIR_DEVIATIONS = 2.0
PAIR_GAP = 0.15
#: a merged row holds at most this many segments per version (a paragraph split in four)
MAX_CELL = 4
#: a piece is absorbed when the row's similarity to every version it lacked rises by this much
ABSORB_GAIN = 0.04
MIN_ROWS = 6  # fewer full rows: no typical score to judge by


def medians(rows: list[Row], langs: list[str]) -> dict[frozenset[str], float]:
    """Typical score of every pair of versions over the rows holding both."""
    out = {}
    for i, a in enumerate(langs):
        for b in langs[i + 1 :]:
            vals = [s for r in rows if r.get(a) and r.get(b) for s in [_score(r, a, b)] if s is not None]
            if len(vals) >= MIN_ROWS:
                out[frozenset((a, b))] = float(np.median(vals))
    return out


def _far(row: Row, a: str, b: str, med: dict) -> bool:
    key = frozenset((a, b))
    s = _score(row, a, b)
    return key in med and s is not None and s < min(FAR_ABS, med[key] - FAR_GAP)


def split_weak(rows: list[Row], langs: list[str], rescore: Rescore, substantial: Callable) -> list[Row]:
    """A version whose text in a row is far from every other version's there gets its own row."""
    med = medians(rows, langs)
    out: list[Row] = []
    for row in rows:
        present = [lg for lg in langs if row.get(lg)]
        odd = [
            x
            for x in present
            if len(present) > 1 and substantial(x, row.get(x)) and all(_far(row, x, y, med) for y in present if y != x)
        ]
        if not odd:
            out.append(row)
        elif len(odd) == len(present):  # nothing in the row translates anything else in it
            out += [rescore({lg: row.get(lg)}) for lg in present]
        else:
            out.append(rescore({lg: row.get(lg) for lg in present if lg not in odd}))
            out.append(rescore({lg: row.get(lg) for lg in odd}))
    return out


def score_cuts(rows: list[Row], langs: list[str]) -> Callable[[str, str], float]:
    """``cut(a, b)``: the score below which an ``a``/``b`` pair does not correspond (:func:`.stats.low_cut`)."""
    from .stats import MIN_ROWS as STATS_MIN
    from .stats import low_cut

    cuts = {}
    for i, a in enumerate(langs):
        for b in langs[i + 1 :]:
            vals = [s for r in rows if r.get(a) and r.get(b) for s in [_score(r, a, b)] if s is not None]
            rel = low_cut(vals, PAIR_DEVIATIONS, PAIR_GAP) if len(vals) >= STATS_MIN else STRONG
            cuts[frozenset((a, b))] = max(min(rel, STRONG), WEAK)  # STRONG is a translation whatever the norm
    return lambda a, b: cuts[frozenset((a, b))]


def repair(
    rows: list[Row], langs: list[str], rescore: Rescore, substantial: Callable, same_kind: Callable
) -> list[Row]:
    """The three passes, in order: split weak pairs, pair moved neighbours, absorb split pieces."""
    if len(langs) < 2:
        return rows
    rows = split_weak(rows, langs, rescore, substantial)
    rows = pair_nearby(rows, langs, rescore, score_cuts(rows, langs))
    return absorb_pieces(rows, langs, rescore, same_kind, substantial)


def pair_nearby(rows: list[Row], langs: list[str], rescore: Rescore, cut: Callable) -> list[Row]:
    """Merge the rows between an unmatched segment and its translation a few rows away."""
    out = list(rows)
    k = 0
    while k < len(out):
        end = _partner(out, k, langs, rescore, cut)
        if end is None:
            k += 1
            continue
        cells = {lg: [i for r in out[k : end + 1] for i in r.get(lg)] for lg in langs}
        if max(len(c) for c in cells.values()) > MAX_CELL:
            k += 1
            continue
        out[k : end + 1] = [rescore({lg: c for lg, c in cells.items() if c})]
    return out


def _partner(rows: list[Row], k: int, langs: list[str], rescore: Rescore, cut: Callable) -> int | None:
    """Index of the row (after ``k``, within :data:`WINDOW`) holding the translation of row ``k``'s
    unmatched text, when row ``k`` lacks a version and that row lacks row ``k``'s versions: together
    they score at least :data:`WEAK` for every pair and above the pair's cut for one."""
    row = rows[k]
    present = [lg for lg in langs if row.get(lg)]
    missing = [lg for lg in langs if not row.get(lg)]
    if not missing or not present:
        return None
    for j in range(k + 1, min(k + 1 + WINDOW, len(rows))):
        other = rows[j]
        if any(other.get(lg) for lg in present) and not all(other.get(lg) for lg in langs):
            continue
        if not all(other.get(lg) for lg in missing) or all(other.get(lg) for lg in langs):
            continue
        probe = rescore({**{lg: row.get(lg) for lg in present}, **{lg: other.get(lg) for lg in missing}})
        scores = [(_score(probe, a, b), cut(a, b)) for a in present for b in missing]
        if all(s is not None and s >= WEAK for s, _ in scores) and any(s >= c for s, c in scores):
            return j
    return None


def absorb_pieces(
    rows: list[Row], langs: list[str], rescore: Rescore, same_kind: Callable, substantial: Callable
) -> list[Row]:
    """Merge an unmatched row into a fully aligned neighbour when that raises the similarity.

    Only pieces of some length (``substantial``): the embedding of a two-word link or label
    moves by chance when merged."""
    out = list(rows)
    k = 0
    while k < len(out):
        row = out[k]
        present = [lg for lg in langs if row.get(lg)]
        missing = [lg for lg in langs if not row.get(lg)]
        best = None
        if present and missing and all(substantial(lg, row.get(lg)) for lg in present):
            for q in (k - 1, k + 1):
                if not 0 <= q < len(out) or not all(out[q].get(lg) for lg in langs):
                    continue
                merged = _merged(out[q], row, q < k, langs)
                if any(len(merged[lg]) > MAX_CELL or not same_kind(lg, merged[lg]) for lg in present):
                    continue
                new = rescore(merged)
                if any((_score(new, p, m) or 0.0) < WEAK for p in present for m in missing):
                    continue  # the merged row must still be a translation
                gains = [(_score(new, p, m) or 0.0) - (_score(out[q], p, m) or 0.0) for p in present for m in missing]
                if min(gains) >= ABSORB_GAIN:
                    if best is None or sum(gains) > best[0]:
                        best = (sum(gains), q, new)
        if best is None:
            k += 1
            continue
        _, q, new = best
        lo = min(q, k)
        out[lo : lo + 2] = [new]
        k = max(lo - 1, 0)
    return out


def _merged(full: Row, piece: Row, piece_after: bool, langs: list[str]) -> dict[str, list[int]]:
    cells = {}
    for lg in langs:
        a, b = (full.get(lg), piece.get(lg)) if piece_after else (piece.get(lg), full.get(lg))
        cells[lg] = list(a) + list(b)
    return {lg: c for lg, c in cells.items() if c}
