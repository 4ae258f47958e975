"""Paragraph alignment of two or three versions.

Two versions are aligned by a monotonic dynamic program over "beads"
(1-1, 1-0, 0-1, 1-2, 2-1, 1-3, 3-1), in the spirit of vecalign and bertalign.
There is no 2-2 bead: at paragraph level it almost always hides two 1-1
pairs and cross-links them. A merged bead whose extra segment does not make
the match better than the bead without it is penalised (the segment is
really unmatched: a deleted paragraph next to its neighbour's translation).

* zh-Hans <-> zh-Hant: both sides are converted to Simplified with OpenCC,
  then compared with rapidfuzz (a character-level ratio).
* zh <-> en: multilingual sentence embeddings. A many-to-one bead uses the
  embedding of the merged segments (normalised sum). Costs are normalised
  per segment by its similarity to random segments of the other side
  (vecalign), so a segment that is similar to everything is not favoured;
  a length prior, calibrated on the document itself, penalises beads whose
  lengths disagree.
* The skip (deletion) cost is calibrated per document from the
  distribution of costs of random pairs (vecalign's percentile idea).
* Long documents are aligned coarse-to-fine: both sides are recursively
  halved (adjacent segments merged), the coarse path is computed, and the
  fine program only looks at a band around it. Time and memory grow
  linearly with length; no dense n x m matrix is built for long inputs.

Three versions: zh-Hans and zh-Hant are aligned first (near-identical
texts), their rows form a pivot, and the pivot is aligned to English.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .text import scripts
from .model import Alignment, Document, Row, Version

BEADS = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (1, 3), (3, 1))
FULL_DP_CELLS = 40_000  # above this many lattice cells, go coarse-to-fine
BAND = 8  # half-width (in segments) of the fine band around the coarse path
INF = float("inf")
EMB_WEIGHT = 0.8  # zh-Hans/zh-Hant: embedding cosine (across scripts ~0.7-0.95 for one text) counts at this weight
TINY = 6  # documents with fewer segments on a side get fixed cost normalisers
UNRELATED_COST = 0.92  # 1 - cosine of two unrelated segments, typical for the embedders used
MIX_PENALTY = 1.0  # added to a merged bead that joins a heading and body text
HEAD_BONUS = 0.25  # zh <-> zh: subtracted from the cost of a heading aligned to a heading
# A merged bead must earn its extra segment: if dropping the first or last
# segment of the merged side gives a bead at least as good, the extra segment
# is really unmatched (a deleted paragraph next to its neighbour's translation)
# and the merge pays the difference plus this margin, times DOMINATED_WEIGHT.
DOMINATED_MARGIN = 0.05
DOMINATED_WEIGHT = 1.0


# ---------------------------------------------------------------------------
# scorers


class Scorer:
    """Similarity and cost of merged ranges A[i0:i1] x B[j0:j1] (0-based, half-open)."""

    n: int
    m: int
    skip: float = 0.5
    merge_penalty: float = 0.25

    def sim(self, i0: int, i1: int, j0: int, j1: int) -> float:  # pragma: no cover
        raise NotImplementedError

    def cost(self, i0: int, i1: int, j0: int, j1: int) -> float:  # pragma: no cover
        raise NotImplementedError

    def coarsen(self) -> "Scorer":  # pragma: no cover
        raise NotImplementedError

    def costs(self, i: int, da: int, db: int, js: np.ndarray) -> np.ndarray:
        """Costs of the beads A[i-da:i] x B[j-db:j] for every j in ``js``."""
        return np.array([self.cost(i - da, i, int(j) - db, int(j)) for j in js], dtype=np.float64)


def _pairs(n: int) -> list[tuple[int, int]]:
    return [(k, min(k + 2, n)) for k in range(0, n, 2)]


class EmbeddingScorer(Scorer):
    def __init__(self, ea: np.ndarray, eb: np.ndarray, la: np.ndarray, lb: np.ndarray, ratio: float | None = None,
                 seed: int = 13, heads_a: np.ndarray | None = None, heads_b: np.ndarray | None = None):
        self.ea, self.eb = ea.astype(np.float32), eb.astype(np.float32)
        self.n, self.m = len(ea), len(eb)
        self.la, self.lb = la.astype(np.float64), lb.astype(np.float64)
        self.ca = np.vstack([np.zeros((1, ea.shape[1]), np.float32), np.cumsum(self.ea, axis=0)]) if self.n else None
        self.cb = np.vstack([np.zeros((1, eb.shape[1]), np.float32), np.cumsum(self.eb, axis=0)]) if self.m else None
        self.cla = np.concatenate([[0.0], np.cumsum(self.la)])
        self.clb = np.concatenate([[0.0], np.cumsum(self.lb)])
        self.ratio = ratio if ratio else max(self.clb[-1], 1.0) / max(self.cla[-1], 1.0)
        self.seed = seed
        rng = np.random.default_rng(seed)
        k = 24
        if self.n and self.m and min(self.n, self.m) < TINY:
            # too few segments to sample "random" pairs (they would be the true
            # pairs): use the typical cost of an unrelated pair instead
            self.na = np.full(self.n, UNRELATED_COST)
            self.nb = np.full(self.m, UNRELATED_COST)
            self.skip = 0.42
        elif self.n and self.m:
            sb = eb[rng.integers(0, self.m, size=min(k, self.m * 4))]
            sa = ea[rng.integers(0, self.n, size=min(k, self.n * 4))]
            self.na = np.maximum(1.0 - ea @ sb.T, 1e-3).mean(axis=1)  # per A segment: mean cost vs random B
            self.nb = np.maximum(1.0 - eb @ sa.T, 1e-3).mean(axis=1)
            rand = np.maximum(1.0 - sa @ sb.T, 0.0)
            norm = (self.na.mean() + self.nb.mean()) / 2
            self.skip = float(np.quantile(rand / norm, 0.5)) * 0.42
        else:
            self.na = np.ones(self.n)
            self.nb = np.ones(self.m)
        self.cna = np.concatenate([[0.0], np.cumsum(self.na)])
        self.cnb = np.concatenate([[0.0], np.cumsum(self.nb)])
        self._memo: dict[tuple[int, int, int, int], float] = {}
        self._mb: dict[int, np.ndarray] = {}
        # structure prior: a bead must not merge a heading with body text
        self.cha = np.concatenate([[0], np.cumsum(heads_a)]) if heads_a is not None else None
        self.chb = np.concatenate([[0], np.cumsum(heads_b)]) if heads_b is not None else None

    @staticmethod
    def _mixed(ch, i0, i1):
        if ch is None:
            return 0.0
        h = ch[i1] - ch[i0]
        return ((h > 0) & (h < (i1 - i0))).astype(np.float64) * MIX_PENALTY

    def _vec(self, c, i0, i1):
        v = c[i1] - c[i0]
        nrm = float(np.linalg.norm(v))
        return v / nrm if nrm else v

    def sim(self, i0, i1, j0, j1):
        if i1 - i0 == 1 and j1 - j0 == 1:
            return float(self.ea[i0] @ self.eb[j0])
        return float(self._vec(self.ca, i0, i1) @ self._vec(self.cb, j0, j1))

    def cost(self, i0, i1, j0, j1):
        key = (i0, i1, j0, j1)
        c = self._memo.get(key)
        if c is not None:
            return c
        s = self.sim(i0, i1, j0, j1)
        norm = ((self.cna[i1] - self.cna[i0]) / (i1 - i0) + (self.cnb[j1] - self.cnb[j0]) / (j1 - j0)) / 2
        c = max(1.0 - s, 0.0) / max(norm, 1e-3)
        la = self.cla[i1] - self.cla[i0]
        lb = self.clb[j1] - self.clb[j0]
        c += 0.12 * abs(math.log((lb + 8.0) / (la * self.ratio + 8.0)))
        c += float(self._mixed(self.cha, i0, i1)) + float(self._mixed(self.chb, j0, j1))
        self._memo[key] = c
        return c

    def _merged_b(self, db: int) -> np.ndarray:
        """Row j0: normalised sum of B[j0:j0+db] (same arithmetic as ``_vec``)."""
        if db == 1:
            return self.eb
        mb = self._mb.get(db)
        if mb is None:
            v = self.cb[db:] - self.cb[:-db]
            nrm = np.linalg.norm(v, axis=1, keepdims=True)
            nrm[nrm == 0] = 1.0
            mb = self._mb[db] = (v / nrm).astype(np.float32)
        return mb

    def costs(self, i, da, db, js):
        j0 = js - db
        va = self.ea[i - 1] if da == 1 else self._vec(self.ca, i - da, i)
        s = (self._merged_b(db)[j0] @ va).astype(np.float64)
        norm = ((self.cna[i] - self.cna[i - da]) / da + (self.cnb[js] - self.cnb[j0]) / db) / 2
        c = np.maximum(1.0 - s, 0.0) / np.maximum(norm, 1e-3)
        la = self.cla[i] - self.cla[i - da]
        lb = self.clb[js] - self.clb[j0]
        c = c + 0.12 * np.abs(np.log((lb + 8.0) / (la * self.ratio + 8.0)))
        if da > 1:
            c = c + self._mixed(self.cha, i - da, i)
        if db > 1:
            c = c + self._mixed(self.chb, j0, js)
        return c

    def coarsen(self):
        pa, pb = _pairs(self.n), _pairs(self.m)
        ea = np.array([self._vec(self.ca, a, b) for a, b in pa], dtype=np.float32)
        eb = np.array([self._vec(self.cb, a, b) for a, b in pb], dtype=np.float32)
        la = np.array([self.cla[b] - self.cla[a] for a, b in pa])
        lb = np.array([self.clb[b] - self.clb[a] for a, b in pb])
        return EmbeddingScorer(ea, eb, la, lb, ratio=self.ratio, seed=self.seed)


class FuzzyScorer(Scorer):
    """zh <-> zh: OpenCC to Simplified, then rapidfuzz similarity."""

    merge_penalty = 0.05

    def __init__(self, ta: list[str], tb: list[str], converted: bool = False,
                 heads_a: np.ndarray | None = None, heads_b: np.ndarray | None = None,
                 ea: np.ndarray | None = None, eb: np.ndarray | None = None):
        if not converted:
            ta = [scripts.to_simplified(t) for t in ta]
            tb = [scripts.to_simplified(t) for t in tb]
        self.ta, self.tb = ta, tb
        self.n, self.m = len(ta), len(tb)
        self._memo: dict[tuple[int, int, int, int], float] = {}
        self.cha = np.concatenate([[0], np.cumsum(heads_a)]) if heads_a is not None else None
        self.chb = np.concatenate([[0], np.cumsum(heads_b)]) if heads_b is not None else None
        # optional meaning signal: independently translated zh-Hans / zh-Hant
        # share few characters, but their embeddings still agree
        self.ea, self.eb = ea, eb
        self.cea = self.ceb = None
        if ea is not None and eb is not None and len(ea) == self.n and len(eb) == self.m and self.n and self.m:
            self.cea = np.vstack([np.zeros((1, ea.shape[1]), np.float32), np.cumsum(ea, axis=0, dtype=np.float32)])
            self.ceb = np.vstack([np.zeros((1, eb.shape[1]), np.float32), np.cumsum(eb, axis=0, dtype=np.float32)])
        # skip cost from random pairs: a pair must look much better than chance
        from rapidfuzz import fuzz

        rng = np.random.default_rng(7)
        if self.n and self.m:
            k = min(64, self.n * self.m)
            ia = rng.integers(0, self.n, size=k)
            ib = rng.integers(0, self.m, size=k)
            rand = np.array([1 - max(fuzz.ratio(ta[a], tb[b]) / 100, self._esim(a, a + 1, b, b + 1))
                             for a, b in zip(ia, ib)])
            self.skip = float(min(max(np.quantile(rand, 0.5) * 0.45, 0.2), 0.45))

    def _esim(self, i0, i1, j0, j1) -> float:
        """Embedding similarity of merged ranges, scaled to the fuzzy ratio's range."""
        if self.cea is None:
            return 0.0
        va = self.cea[i1] - self.cea[i0]
        vb = self.ceb[j1] - self.ceb[j0]
        d = float(np.linalg.norm(va) * np.linalg.norm(vb))
        return EMB_WEIGHT * float(va @ vb) / d if d else 0.0

    def _esims(self, i, da, db, js) -> np.ndarray:
        if self.cea is None:
            return np.zeros(len(js))
        va = self.cea[i] - self.cea[i - da]
        vb = self.ceb[js] - self.ceb[js - db]
        d = np.linalg.norm(vb, axis=1) * (np.linalg.norm(va) or 1.0)
        d[d == 0] = 1.0
        return EMB_WEIGHT * (vb @ va) / d

    def sim(self, i0, i1, j0, j1):
        from rapidfuzz import fuzz

        a = "".join(self.ta[i0:i1])
        b = "".join(self.tb[j0:j1])
        if not a or not b:
            return 0.0
        return max(fuzz.ratio(a, b) / 100.0, self._esim(i0, i1, j0, j1))

    def cost(self, i0, i1, j0, j1):
        key = (i0, i1, j0, j1)
        c = self._memo.get(key)
        if c is None:
            c = 1.0 - self.sim(i0, i1, j0, j1)
            c += float(EmbeddingScorer._mixed(self.cha, i0, i1)) + float(EmbeddingScorer._mixed(self.chb, j0, j1))
            if i1 - i0 == 1 and j1 - j0 == 1 and self.cha is not None and self.chb is not None:
                c -= HEAD_BONUS * float((self.cha[i1] - self.cha[i0]) * (self.chb[j1] - self.chb[j0]))
            self._memo[key] = c
        return c

    def costs(self, i, da, db, js):
        from rapidfuzz import fuzz

        a = "".join(self.ta[i - da:i])
        if not a:
            return np.ones(len(js))
        tb = self.tb
        out = np.empty(len(js))
        for k, j in enumerate(js.tolist()):
            b = tb[j - 1] if db == 1 else "".join(tb[j - db:j])
            out[k] = 1.0 - fuzz.ratio(a, b) / 100.0 if b else 1.0
        if self.cea is not None:
            out = np.minimum(out, 1.0 - self._esims(i, da, db, js))
        if da > 1:
            out = out + EmbeddingScorer._mixed(self.cha, i - da, i)
        if db > 1:
            out = out + EmbeddingScorer._mixed(self.chb, js - db, js)
        if da == 1 and db == 1 and self.cha is not None and self.chb is not None:
            # two headings at the same place: short, freely translated titles match
            # poorly character by character, their position is evidence too
            out = out - HEAD_BONUS * (self.cha[i] - self.cha[i - 1]) * (self.chb[js] - self.chb[js - 1])
        return out

    def coarsen(self):
        ta = ["".join(self.ta[a:b]) for a, b in _pairs(self.n)]
        tb = ["".join(self.tb[a:b]) for a, b in _pairs(self.m)]
        ea = eb = None
        if self.cea is not None:
            ea = np.array([self.cea[b] - self.cea[a] for a, b in _pairs(self.n)], dtype=np.float32)
            eb = np.array([self.ceb[b] - self.ceb[a] for a, b in _pairs(self.m)], dtype=np.float32)
        s = FuzzyScorer(ta, tb, converted=True, ea=ea, eb=eb)
        s.skip = self.skip
        return s


# ---------------------------------------------------------------------------
# dynamic program


@dataclass
class Bead:
    a: list[int]  # 0-based indices into A
    b: list[int]
    score: float  # similarity of the merged texts (0 for skips)


def _bead_costs(scorer: Scorer, i: int, da: int, db: int, js: np.ndarray) -> np.ndarray:
    """Bead costs, with a penalty on merges whose extra segment does not help."""
    c = scorer.costs(i, da, db, js)
    if da == 1 and db == 1:
        return c
    subs = []
    if da > 1:
        subs.append(scorer.costs(i, da - 1, db, js))  # without the first A segment
        subs.append(scorer.costs(i - 1, da - 1, db, js))  # without the last A segment
    if db > 1:
        subs.append(scorer.costs(i, da, db - 1, js))
        subs.append(scorer.costs(i, da, db - 1, js - 1))
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
    for i in range(n + 1):
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
            pj = js - db
            ok = (pj >= lo[pi]) & (pj <= hi[pi])
            if not ok.any():
                continue
            prev = np.full(w, INF)
            prev[ok] = D[pi][pj[ok] - lo[pi]]
            ok &= prev < INF
            if not ok.any():
                continue
            if db == 0:
                cand = prev[ok] + skip
            else:
                cand = prev[ok] + _bead_costs(scorer, i, da, db, js[ok]) * (da + db) / 2 + mp * (da + db - 2)
            cur = C[ok]
            better = cand < cur
            idx = np.nonzero(ok)[0][better]
            C[idx] = cand[better]
            arg[idx] = k
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
    """Align A and B; every index of each side appears in exactly one bead."""
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


# ---------------------------------------------------------------------------
# documents


def _lengths(v: Version) -> np.ndarray:
    # a Han character ~ 3 Latin characters of content; count "units" accordingly
    out = []
    for s in v.segments:
        han = scripts.han_count(s.text)
        out.append(float(han * 3 + (len(s.text) - han)))
    return np.array(out)


def _heads(v: Version) -> np.ndarray:
    return np.array([float(s.kind == "heading") for s in v.segments])


def _texts(v: Version) -> list[str]:
    return [s.text if not s.label else f"{s.label} {s.text}" for s in v.segments]


def align_document(doc: Document, embed) -> Alignment:
    """Align every version of ``doc``. ``embed(version) -> ndarray`` gives segment vectors."""
    vs = doc.versions
    langs = [v.lang for v in vs]
    if len(vs) == 1:
        v = vs[0]
        return Alignment(langs, [Row({v.lang: [s.index]}, 1.0) for s in v.segments])
    by = {v.lang: v for v in vs}
    zh = [v for v in vs if v.is_zh]
    en = by.get("en")
    rows: list[Row] = []
    if len(zh) == 2:
        hans, hant = by["zh-Hans"], by["zh-Hant"]
        zz = align_pair(FuzzyScorer(_texts(hans), _texts(hant), heads_a=_heads(hans), heads_b=_heads(hant),
                                    ea=embed(hans), eb=embed(hant)))
        pivot = [(b.a, b.b, b.score) for b in zz]
        if en is None:
            for a, b, s in pivot:
                r = Row({"zh-Hans": [i + 1 for i in a], "zh-Hant": [j + 1 for j in b]}, s)
                if a and b:
                    r.pair_scores[("zh-Hans", "zh-Hant")] = s
                rows.append(r)
            return Alignment(langs, rows)
        eh, et, ee = embed(hans), embed(hant), embed(en)
        lh, lt = _lengths(hans), _lengths(hant)
        dim = ee.shape[1]
        pe = np.zeros((len(pivot), dim), dtype=np.float32)
        pl = np.zeros(len(pivot))
        for k, (a, b, _) in enumerate(pivot):
            v = (eh[a].sum(axis=0) if a else 0) + (et[b].sum(axis=0) if b else 0)
            pe[k] = v / (np.linalg.norm(v) or 1.0)
            pl[k] = (lh[a].sum() if a else lt[b].sum())
        ph = np.array([float(all(hans[i + 1].kind == "heading" for i in a) if a else
                             all(hant[j + 1].kind == "heading" for j in b)) for a, b, _ in pivot])
        beads = align_pair(EmbeddingScorer(pe, ee, pl, _lengths(en), heads_a=ph, heads_b=_heads(en)))
        for bd in beads:
            cells = {"zh-Hans": [], "zh-Hant": [], "en": [j + 1 for j in bd.b]}
            for k in bd.a:
                a, b, _ = pivot[k]
                cells["zh-Hans"] += [i + 1 for i in a]
                cells["zh-Hant"] += [j + 1 for j in b]
            rows.append(_scored_row(cells, {"zh-Hans": eh, "zh-Hant": et, "en": ee}, by))
        return Alignment(langs, rows)
    # one Chinese version and English
    z = zh[0]
    ez, ee = embed(z), embed(en)
    beads = align_pair(EmbeddingScorer(ez, ee, _lengths(z), _lengths(en), heads_a=_heads(z), heads_b=_heads(en)))
    for bd in beads:
        cells = {z.lang: [i + 1 for i in bd.a], "en": [j + 1 for j in bd.b]}
        rows.append(_scored_row(cells, {z.lang: ez, "en": ee}, by))
    return Alignment(langs, rows)


def merged_vector(e: np.ndarray, idx: list[int]) -> np.ndarray:
    """Unit vector of the summed embeddings of 1-based segments ``idx`` (a merged bead)."""
    v = e[[i - 1 for i in idx]].sum(axis=0)
    return v / (np.linalg.norm(v) or 1.0)


def _scored_row(cells: dict[str, list[int]], emb: dict[str, np.ndarray], by: dict[str, Version]) -> Row:
    row = Row(cells)
    present = [lg for lg in cells if cells[lg]]
    scores = []
    for x in range(len(present)):
        for y in range(x + 1, len(present)):
            a, b = present[x], present[y]
            if a.startswith("zh") and b.startswith("zh"):
                from rapidfuzz import fuzz

                ta = scripts.to_simplified("".join(by[a][i].text for i in cells[a]))
                tb = scripts.to_simplified("".join(by[b][i].text for i in cells[b]))
                s = fuzz.ratio(ta, tb) / 100.0
            else:
                s = float(merged_vector(emb[a], cells[a]) @ merged_vector(emb[b], cells[b]))
            row.pair_scores[(a, b)] = round(s, 4)
            scores.append(s)
    row.score = round(float(np.mean(scores)), 4) if scores else 0.0
    return row
