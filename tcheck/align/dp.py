"""The monotonic dynamic program over beads, full or coarse-to-fine in a band.

Cost of the program: almost all of it is the scorers' ``costs``. A merged
bead is priced together with the beads without its first or last segment
(:func:`_bead_costs`), and those are the plain beads of this row and of the
row before, so the same request comes back several times per row;
:class:`_RowCosts` answers a repeated one from memory. A repeat is only the
very same request (the same ``js``): numpy's matrix-vector products round
the last bits of a row differently depending on how many rows are multiplied
at once, so an answer sliced out of a larger one could differ from the
scorer's own, and the alignment must not depend on this cache.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .scorers import Scorer

BEADS = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (1, 3), (3, 1), (1, 4), (4, 1))
FULL_DP_CELLS = 40_000  # above this many lattice cells, go coarse-to-fine
BAND = 8  # half-width (in segments) of the fine band around the coarse path
INF = float("inf")
# A merged bead must earn its extra segment: if dropping the first or last
# segment of the merged side gives a bead at least as good, the extra segment
# is really unmatched (a deleted paragraph next to its neighbour's translation)
# and the merge pays the difference plus this margin, times DOMINATED_WEIGHT.
DOMINATED_MARGIN = 0.05
DOMINATED_WEIGHT = 1.0
# where whole pair alignments are kept across runs (tcheck.cache.alignments.PairCache), if anywhere:
# a re-audit with one English paragraph edited re-aligns English, not the unchanged Chinese pair
_PAIRS = None


def use_pair_cache(pairs) -> None:
    """Keep top-level pair alignments in ``pairs`` (``get(key, n, m)``, ``put(key, beads)``; None: nowhere)."""
    global _PAIRS
    _PAIRS = pairs


@dataclass
class Bead:
    a: list[int]  # 0-based indices into A
    b: list[int]
    score: float  # similarity of the merged texts (0 for skips)


class _RowCosts:
    """``scorer.costs`` with the answers for the current and the previous row kept.

    Answers are shared, so they are read-only; only a request with the very
    same ``js`` is answered from memory (see the module docstring).
    """

    def __init__(self, scorer: Scorer):
        self.scorer = scorer
        self.rows: dict[int, dict[tuple[int, int, bytes], np.ndarray]] = {}

    def start_row(self, i: int) -> None:
        """Row ``i`` is next: forget the rows before ``i - 1`` (no bead reaches further back)."""
        self.rows = {r: v for r, v in self.rows.items() if r >= i - 1}

    def __call__(self, i: int, da: int, db: int, js: np.ndarray) -> np.ndarray:
        row = self.rows.setdefault(i, {})
        key = (da, db, js.tobytes())
        c = row.get(key)
        if c is None:
            c = row[key] = self.scorer.costs(i, da, db, js)
            c.flags.writeable = False
        return c


def _bead_costs(costs, i: int, da: int, db: int, js: np.ndarray) -> np.ndarray:
    """Bead costs, with a penalty on merges whose extra segment does not help.

    ``costs(i, da, db, js)``: the scorer's :meth:`Scorer.costs` (or a :class:`_RowCosts` over it).
    """
    c = costs(i, da, db, js)
    if da == 1 and db == 1:
        return c
    subs = []
    if da > 1:
        subs.append(costs(i, da - 1, db, js))  # without the first A segment
        subs.append(costs(i - 1, da - 1, db, js))  # without the last A segment
    if db > 1:
        subs.append(costs(i, da, db - 1, js))
        subs.append(costs(i, da, db - 1, js - 1))
    best_sub = np.minimum.reduce(subs)
    return c + DOMINATED_WEIGHT * np.maximum(c - best_sub + DOMINATED_MARGIN, 0.0)


def _full_band(n: int, m: int) -> tuple[list[int], list[int]]:
    return [0] * (n + 1), [m] * (n + 1)


def _dp(scorer: Scorer, lo: list[int], hi: list[int]) -> list[tuple[int, int, int, int]]:
    """Best monotonic path through the band; returns beads as (i0, i1, j0, j1).

    Row by row: every bead that consumes A segments reads rows already
    computed, so its candidates for the whole row are one numpy expression;
    the only in-row dependency (skipping a B segment) is a running minimum.
    Costs are computed only where the predecessor cell is reachable.
    """
    n, m = scorer.n, scorer.m
    skip = scorer.skip
    mp = scorer.merge_penalty
    D: list[np.ndarray] = []
    B: list[np.ndarray] = []
    k01 = BEADS.index((0, 1))
    costs = _RowCosts(scorer)
    for i in range(n + 1):
        costs.start_row(i)
        li, hi_i = lo[i], hi[i]
        w = hi_i - li + 1
        js = np.arange(li, hi_i + 1)
        C = np.full(w, INF)
        arg = np.full(w, -1, dtype=np.int8)
        if i == 0:
            if li == 0:
                C[0] = 0.0
        for k, (da, db) in enumerate(BEADS):
            if da == 0 or i < da:
                continue
            pi = i - da
            # the cells t of this row (j = li + t) whose predecessor j - db is in row pi's band: one run
            t0 = max(lo[pi] + db - li, 0)
            t1 = min(hi[pi] + db - li, w - 1)
            if t0 > t1:
                continue
            prev = D[pi][li + t0 - db - lo[pi] : li + t1 + 1 - db - lo[pi]]
            reach = prev < INF
            if reach.all():
                ts = slice(t0, t1 + 1)
            elif reach.any():
                ts = t0 + np.nonzero(reach)[0]
                prev = prev[reach]
            else:
                continue
            if db == 0:
                cand = prev + skip
            else:
                cand = prev + _bead_costs(costs, i, da, db, js[ts]) * (da + db) / 2 + mp * (da + db - 2)
            cur = C[ts]
            better = cand < cur
            C[ts] = np.where(better, cand, cur)
            arg[ts] = np.where(better, np.int8(k), arg[ts])
        # skipping B segments within the row: D[t] = min_s<=t C[s] + (t - s) * skip
        t = np.arange(w) * skip
        E = C - t
        M = np.minimum.accumulate(E)
        from_c = E <= M
        Di = np.where(from_c, C, M + t)
        Bi = np.where(from_c, arg, np.int8(k01)).astype(np.int8)
        if i == 0 and li == 0:
            Bi[0] = -1
        D.append(Di)
        B.append(Bi)
    # backtrack
    path = []
    i, j = n, m
    if not (lo[n] <= m <= hi[n]) or D[n][m - lo[n]] == INF:  # pragma: no cover - band always contains a path
        raise RuntimeError("alignment band is disconnected")
    while i > 0 or j > 0:
        da, db = BEADS[B[i][j - lo[i]]]
        path.append((i - da, i, j - db, j))
        i, j = i - da, j - db
    path.reverse()
    return path


def _band_from_coarse(path, n: int, m: int, width: int) -> tuple[list[int], list[int]]:
    """Project a coarse path (factor 2) to a band of fine cells."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    pts = [(0, 0)]
    for i0, i1, j0, j1 in path:
        pts.append((i1, j1))
    for (ci, cj), (ni, nj) in zip(pts, pts[1:]):
        fi0, fi1 = min(2 * ci, n), min(2 * ni, n)
        fj0, fj1 = min(2 * cj, m), min(2 * nj, m)
        for i in range(max(fi0 - width, 0), min(fi1 + width, n) + 1):
            lo[i] = min(lo[i], max(fj0 - width, 0))
            hi[i] = max(hi[i], min(fj1 + width, m))
    lo[0] = 0
    hi[n] = m
    # make the band monotone and connected
    for i in range(1, n + 1):
        lo[i] = max(lo[i], lo[i - 1]) if lo[i] >= lo[i - 1] else lo[i - 1]
    for i in range(n - 1, -1, -1):
        hi[i] = min(hi[i], hi[i + 1])
    for i in range(n + 1):
        if lo[i] > hi[i]:
            lo[i] = hi[i]
    return lo, hi


def align_pair(scorer: Scorer, _depth: int = 0) -> list[Bead]:
    """Align A and B; every index of each side appears in exactly one bead.

    Through the pair cache (:func:`use_pair_cache`) when there is one and the scorer can
    say what its result depends on (:meth:`Scorer.fingerprint`): the same inputs give
    the same beads, so a stored result is the dynamic program's own.
    """
    pairs = _PAIRS if _depth == 0 else None
    key = scorer.fingerprint() if pairs is not None and scorer.n and scorer.m else None
    if key is not None:
        found = pairs.get(key, scorer.n, scorer.m)
        if found is not None:
            return found
    beads = _align_pair(scorer, _depth)
    if key is not None:
        pairs.put(key, beads)
    return beads


def _align_pair(scorer: Scorer, _depth: int) -> list[Bead]:
    n, m = scorer.n, scorer.m
    if n == 0 or m == 0:
        return [Bead([i], [], 0.0) for i in range(n)] + [Bead([], [j], 0.0) for j in range(m)]
    if (n + 1) * (m + 1) <= FULL_DP_CELLS or n < 4 or m < 4 or _depth > 20:
        lo, hi = _full_band(n, m)
    else:
        coarse = scorer.coarsen()
        cbeads = align_pair(coarse, _depth + 1)
        cpath = []
        ci = cj = 0
        for b in cbeads:
            ni, nj = ci + len(b.a), cj + len(b.b)
            cpath.append((ci, ni, cj, nj))
            ci, cj = ni, nj
        lo, hi = _band_from_coarse(cpath, n, m, BAND)
    path = _dp(scorer, lo, hi)
    beads = []
    for i0, i1, j0, j1 in path:
        s = scorer.sim(i0, i1, j0, j1) if i1 > i0 and j1 > j0 else 0.0
        beads.append(Bead(list(range(i0, i1)), list(range(j0, j1)), s))
    return beads
