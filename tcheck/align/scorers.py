"""Scorers: similarity and cost of merged ranges A[i0:i1] x B[j0:j1].

* :class:`FuzzyScorer`, zh-Hans <-> zh-Hant: OpenCC to Simplified, rapidfuzz
  ratio, with the embedding cosine as a second signal.
* :class:`EmbeddingScorer`, zh <-> en: multilingual sentence embeddings with
  vecalign-style cost normalisation and a length prior.

``costs`` (a row of candidate beads at once) is where the dynamic program
spends its time, so the scorers keep what neighbouring requests share: the
merged texts, vectors, norms and length terms of B ranges, the merged A
range of the current rows, and (fuzzy) the character ratio of every pair
already compared. Every cost still comes out of the same operations on the
same operands as without these caches, bit for bit: rapidfuzz's batch call
gives ``fuzz.ratio``'s numbers; a row's norm does not depend on the other
rows of its array. A matrix-vector product does (numpy's BLAS rounds a row's
last bits according to its place among the rows multiplied), so products
are never kept, only their operands.
"""

from __future__ import annotations

import hashlib
import math

import numpy as np

from ..text import scripts

TINY = 6  # documents with fewer segments on a side get fixed cost normalisers
UNRELATED_COST = 0.92  # 1 - cosine of two unrelated segments, typical for the embedders used
MIX_PENALTY = 1.0  # added to a merged bead that joins a heading and body text
HEAD_BONUS = 0.25  # zh <-> zh: subtracted from the cost of a heading aligned to a heading
EMB_WEIGHT = 0.8  # zh-Hans/zh-Hant: embedding cosine (across scripts ~0.7-0.95 for one text) counts at this weight


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

    def coarsen(self) -> Scorer:  # pragma: no cover
        raise NotImplementedError

    def costs(self, i: int, da: int, db: int, js: np.ndarray) -> np.ndarray:
        """Costs of the beads A[i-da:i] x B[j-db:j] for every j in ``js``."""
        return np.array([self.cost(i - da, i, int(j) - db, int(j)) for j in js], dtype=np.float64)

    def fingerprint(self) -> str | None:
        """A hash of everything the alignment of A and B depends on besides the code (None: unknown),
        so a stored alignment of the same inputs can stand in for the dynamic program."""
        return None

    _rows: dict[int, dict]  # set by subclasses that use _row

    def _row(self, i: int) -> dict:
        """What ``costs`` keeps for row ``i`` (A ranges ending at ``i``) while the dynamic program is
        near it: it asks for rows ``i`` and ``i - 1`` only, so a new last row drops the older ones."""
        rows = self._rows
        row = rows.get(i)
        if row is None:
            if rows and i > max(rows):
                rows = self._rows = {r: v for r, v in rows.items() if r >= i - 1}
            row = rows[i] = {}
        return row


def _digest(kind: str, *parts) -> str:
    """SHA-256 over ``parts``: numbers, strings, lists of strings, arrays (dtype, shape, bytes), None."""
    h = hashlib.sha256(kind.encode())
    for p in parts:
        if p is None:
            h.update(b"\0N")
        elif isinstance(p, np.ndarray):
            a = np.ascontiguousarray(p)
            h.update(f"\0A{a.dtype.str}{a.shape}".encode())
            h.update(a.tobytes())
        elif isinstance(p, list):
            h.update(f"\0L{len(p)}".encode())
            for t in p:
                b = t.encode("utf-8", "surrogatepass")
                h.update(f"\0{len(b)}:".encode() + b)
        else:
            h.update(f"\0{type(p).__name__}:{p!r}".encode())
    return h.hexdigest()


def _pairs(n: int) -> list[tuple[int, int]]:
    return [(k, min(k + 2, n)) for k in range(0, n, 2)]


class EmbeddingScorer(Scorer):
    def __init__(
        self,
        ea: np.ndarray,
        eb: np.ndarray,
        la: np.ndarray,
        lb: np.ndarray,
        ratio: float | None = None,
        seed: int = 13,
        heads_a: np.ndarray | None = None,
        heads_b: np.ndarray | None = None,
    ):
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
        self._bt: dict[int, tuple] = {}  # db -> the terms of B ranges (see _b_terms)
        self._rows: dict[int, dict] = {}  # per row i, recent rows only (Scorer._row): da -> merged A vector
        # structure prior: a bead must not merge a heading with body text
        self.cha = np.concatenate([[0], np.cumsum(heads_a)]) if heads_a is not None else None
        self.chb = np.concatenate([[0], np.cumsum(heads_b)]) if heads_b is not None else None

    def fingerprint(self) -> str:
        return _digest(
            "embedding", self.ea, self.eb, self.la, self.lb, float(self.ratio), self.seed, self.cha, self.chb,
            np.asarray(self.na, dtype=np.float64), np.asarray(self.nb, dtype=np.float64), float(self.skip),
            float(self.merge_penalty),
        )  # fmt: skip

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

    def _b_terms(self, db: int) -> tuple:
        """Index j0, for B[j0:j0 + db]: the normaliser ``(cnb[j] - cnb[j0]) / db``, the length
        ``clb[j] - clb[j0]`` and the heading/body mix penalty (0.0 without headings, or db 1)."""
        t = self._bt.get(db)
        if t is None:
            j0 = np.arange(self.m - db + 1)
            js = j0 + db
            mixed = self._mixed(self.chb, j0, js) if db > 1 else 0.0
            t = self._bt[db] = ((self.cnb[js] - self.cnb[j0]) / db, self.clb[js] - self.clb[j0], mixed)
        return t

    def costs(self, i, da, db, js):
        j0 = js - db
        if da == 1:
            va = self.ea[i - 1]
        else:
            row = self._row(i)
            va = row.get(da)
            if va is None:
                va = row[da] = self._vec(self.ca, i - da, i)
        s = (self._merged_b(db)[j0] @ va).astype(np.float64)
        nb, lb, mixed = self._b_terms(db)
        norm = ((self.cna[i] - self.cna[i - da]) / da + nb[j0]) / 2
        c = np.maximum(1.0 - s, 0.0) / np.maximum(norm, 1e-3)
        la = self.cla[i] - self.cla[i - da]
        c = c + 0.12 * np.abs(np.log((lb[j0] + 8.0) / (la * self.ratio + 8.0)))
        if da > 1:
            c = c + self._mixed(self.cha, i - da, i)
        if db > 1:
            c = c + (mixed if self.chb is None else mixed[j0])
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

    def __init__(
        self,
        ta: list[str],
        tb: list[str],
        converted: bool = False,
        heads_a: np.ndarray | None = None,
        heads_b: np.ndarray | None = None,
        ea: np.ndarray | None = None,
        eb: np.ndarray | None = None,
    ):
        if not converted:
            ta = [scripts.to_simplified(t) for t in ta]
            tb = [scripts.to_simplified(t) for t in tb]
        self.ta, self.tb = ta, tb
        self.n, self.m = len(ta), len(tb)
        self._memo: dict[tuple[int, int, int, int], float] = {}
        self._mb: dict[int, list[str]] = {}  # db -> merged B texts (see _merged_b)
        self._meb: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # db -> merged B vectors, norms
        # per row i, recent rows only (Scorer._row): ("va", da) -> merged A vector and its
        # norm; (da, db) -> fuzzy cost per j (NaN: not compared yet)
        self._rows: dict[int, dict] = {}
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
            rand = np.array(
                [1 - max(fuzz.ratio(ta[a], tb[b]) / 100, self._esim(a, a + 1, b, b + 1)) for a, b in zip(ia, ib)]
            )
            self.skip = float(min(max(np.quantile(rand, 0.5) * 0.45, 0.2), 0.45))

    def fingerprint(self) -> str:
        return _digest(
            "fuzzy", self.ta, self.tb, self.cha, self.chb, self.cea, self.ceb, float(self.skip),
            float(self.merge_penalty),
        )  # fmt: skip

    def _esim(self, i0, i1, j0, j1) -> float:
        """Embedding similarity of merged ranges, scaled to the fuzzy ratio's range."""
        if self.cea is None:
            return 0.0
        va = self.cea[i1] - self.cea[i0]
        vb = self.ceb[j1] - self.ceb[j0]
        d = float(np.linalg.norm(va) * np.linalg.norm(vb))
        return EMB_WEIGHT * float(va @ vb) / d if d else 0.0

    def _merged_b(self, db: int) -> list[str]:
        """Index j0: ``"".join(tb[j0:j0 + db])``."""
        mb = self._mb.get(db)
        if mb is None:
            tb = self.tb
            mb = self._mb[db] = tb if db == 1 else ["".join(tb[j0 : j0 + db]) for j0 in range(self.m - db + 1)]
        return mb

    def _merged_eb(self, db: int) -> tuple[np.ndarray, np.ndarray]:
        """Index j0: the summed vector of B[j0:j0 + db] (as ``ceb[j] - ceb[j - db]``) and its norm."""
        meb = self._meb.get(db)
        if meb is None:
            v = self.ceb[db:] - self.ceb[:-db]
            meb = self._meb[db] = (v, np.linalg.norm(v, axis=1))
        return meb

    def _esims(self, i, da, db, js) -> np.ndarray:
        if self.cea is None:
            return np.zeros(len(js))
        row = self._row(i)
        a = row.get(("va", da))
        if a is None:
            va = self.cea[i] - self.cea[i - da]
            a = row["va", da] = (va, np.linalg.norm(va) or 1.0)
        va, na = a
        vb, nb = self._merged_eb(db)
        j0 = js - db
        d = nb[j0] * na
        d[d == 0] = 1.0
        return EMB_WEIGHT * (vb[j0] @ va) / d

    def _ratio_costs(self, i, da, db, js, a: str) -> np.ndarray:
        """``1 - fuzz.ratio(a, merged B) / 100`` per j in ``js``; pairs already compared are remembered."""
        from rapidfuzz import fuzz, process

        row = self._row(i)
        known = row.get((da, db))
        if known is None:
            known = row[da, db] = np.full(self.m + 1, np.nan)
        out = known[js]
        miss = np.isnan(out)
        if miss.any():
            jm = js[miss]
            mb = self._merged_b(db)
            bs = [mb[j0] for j0 in (jm - db).tolist()]
            r = process.cdist([a], bs, scorer=fuzz.ratio, dtype=np.float64, workers=1)[0]
            out[miss] = known[jm] = 1.0 - r / 100.0  # fuzz.ratio(a, "") is 0: cost 1, as for no text
        return out

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
        a = "".join(self.ta[i - da : i])
        if not a:
            return np.ones(len(js))
        out = self._ratio_costs(i, da, db, js, a)
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
