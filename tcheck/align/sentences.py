"""Sentence alignment inside one aligned row.

The paragraph alignment (:mod:`.document`) says which segments of two
versions correspond; this module aligns the *sentences* of such a row, so
rules can see a sentence one version adds or drops, or compare a sentence
with its own translation.

* Sentences come from :func:`tcheck.text.sentences.split`; a row's side is
  the sentences of all its segments, in order.
* A tiny monotonic dynamic program over the beads 1-1, 1-0, 0-1, 1-2 and
  2-1: the cost of a bead is ``1 - similarity`` of the (merged) sentences
  plus a length prior (how far the bead's length ratio is from the
  document's typical ratio for this language pair); a sentence left
  unmatched costs :data:`SKIP`.
* Similarity: zh <-> en by the pipeline's sentence embedder (through the
  same vector cache the paragraphs use, so a re-audit stays warm); zh-Hans
  <-> zh-Hant by the character ratio after OpenCC conversion, or the
  embedding of the converted texts when that is higher.
* Only rows that need it are embedded: both sides have several sentences
  but not as many, or the row's length ratio is off the document's typical
  ratio. Other rows get the trivial alignment without any embedding:
  sentences paired in order when both sides have as many, else one bead.

:class:`SentenceAligner` is created lazily once per rule context
(:func:`aligner_for`); ``RuleContext.sentence_pairs(row, a, b)`` is its one
entry point for rules.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from ..model import Row
from ..text.sentences import Sentence, split

SKIP = 0.33  # cost of leaving one sentence unmatched
LENGTH_WEIGHT = 0.15  # weight of |log(length ratio / typical ratio)|
MERGE_PENALTY = 0.08  # extra cost of a 1-2 / 2-1 bead
MERGE_MIN_SIM = 0.3  # a merged sentence less similar than this to the other side on its own ...
MERGE_WEAK = 3.0  # ... costs this much per unit of shortfall
RATIO_OFF = 0.3  # |log(row ratio / typical)| above which a row is aligned even with one sentence on a side
BEADS = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1))


@dataclass(frozen=True)
class RowSentence:
    """One sentence of one side of a row: which segment it is in, and where."""

    lang: str
    segment: int  # 1-based segment index in its version
    sentence: Sentence

    @property
    def text(self) -> str:
        return self.sentence.text


@dataclass
class Bead:
    a: tuple[int, ...]  # indices into SentenceAlignment.a
    b: tuple[int, ...]
    sim: float | None = None  # similarity of the merged sentences (None for 1-0 / 0-1 or not computed)


@dataclass
class SentenceAlignment:
    """The aligned sentences of one row between versions ``la`` and ``lb``."""

    la: str
    lb: str
    a: list[RowSentence]
    b: list[RowSentence]
    beads: list[Bead]
    aligned: bool  # False: the trivial alignment, nothing embedded (1-1 in order when the counts agree)
    ratio: float  # the document's typical length ratio len(b) / len(a)
    row_ratio: float  # this row's ratio
    sims: np.ndarray | None = field(default=None, repr=False)  # a x b sentence similarities

    def unmatched(self, side: str) -> list[int]:
        """Indices of the sentences of side ``"a"`` or ``"b"`` that are in a 1-0 / 0-1 bead."""
        if side == "a":
            return [bd.a[0] for bd in self.beads if bd.a and not bd.b]
        return [bd.b[0] for bd in self.beads if bd.b and not bd.a]

    def partner(self, side: str, index: int) -> list[int]:
        """The sentences of the other side aligned with sentence ``index`` of ``side``."""
        for bd in self.beads:
            mine, other = (bd.a, bd.b) if side == "a" else (bd.b, bd.a)
            if index in mine:
                return list(other)
        return []


def aligner_for(ctx) -> SentenceAligner:
    """The context's sentence aligner, created on first use."""
    al = ctx.__dict__.get("_sentence_aligner")
    if al is None:
        al = SentenceAligner(ctx.document, ctx.alignment, getattr(ctx, "embed", None))
        ctx.__dict__["_sentence_aligner"] = al
    return al


_URL_RE = re.compile(r"<?(?:https?|ftp)://\S+|www\.\S+", re.I)


def _length(text: str) -> float:
    """Characters of a text, URLs left out (a link is not translated, it only inflates the length)."""
    return float(len(_URL_RE.sub("", text)))


class SentenceAligner:
    """Sentence alignment of rows, lazily, with one batched embedding call per document."""

    def __init__(self, document, alignment, seg_embed=None):
        self.document = document
        self.alignment = alignment
        self.seg_embed = seg_embed
        self._rows: dict[tuple[str, tuple[int, ...]], list[RowSentence]] = {}
        self._ratios: dict[tuple[str, str], float] = {}
        self._vecs: dict[str, np.ndarray] = {}
        self._done: dict[tuple[int, str, str], SentenceAlignment] = {}
        self._prepared: set[tuple[str, str]] = set()
        self._simplified: dict[str, str] = {}

    # -- sentences ----------------------------------------------------------

    def sentences(self, lang: str, indices) -> list[RowSentence]:
        """The sentences of segments ``indices`` of version ``lang``, in order (memoised)."""
        key = (lang, tuple(indices))
        out = self._rows.get(key)
        if out is None:
            v = self.document.get(lang)
            out = self._rows[key] = [RowSentence(lang, i, s) for i in indices for s in split(v[i].text, lang)]
        return out

    def side_text(self, lang: str, row: Row) -> str:
        v = self.document.get(lang)
        return " ".join(v[i].text for i in row.get(lang))

    def typical_ratio(self, a: str, b: str) -> float:
        """Median length ratio len(b)/len(a) over the document's aligned rows."""
        key = (a, b)
        if key not in self._ratios:
            ratios = []
            for row in self.alignment.pairs(a, b):
                la, lb = _length(self.side_text(a, row)), _length(self.side_text(b, row))
                if la >= 20 and lb >= 20:
                    ratios.append(lb / la)
            default = 1.0 if a[:2] == b[:2] else (3.0 if b == "en" else 1 / 3.0)
            self._ratios[key] = float(np.median(ratios)) if len(ratios) >= 3 else default
        return self._ratios[key]

    # -- embeddings ---------------------------------------------------------

    def _embed_text(self, lang: str, text: str) -> str:
        """The text embedded for a sentence: zh-Hant in Simplified (memoised: OpenCC is not free)."""
        if lang != "zh-Hant":
            return text
        out = self._simplified.get(text)
        if out is None:
            from ..text.scripts import to_simplified

            out = self._simplified[text] = to_simplified(text)
        return out

    def encode(self, items: list[tuple[str, str]]) -> None:
        """Embed (lang, text) items not embedded yet, in one call, through the vector cache."""
        if self.seg_embed is None:
            return
        todo = list(dict.fromkeys(self._embed_text(lg, t) for lg, t in items))
        todo = [t for t in todo if t not in self._vecs]
        if not todo:
            return
        embedder = getattr(self.seg_embed, "embedder", None)
        cache = getattr(self.seg_embed, "cache", None)
        if embedder is None:
            return
        vecs = cache.encode(embedder, todo) if cache is not None else embedder.encode(todo)
        for t, v in zip(todo, np.asarray(vecs, dtype=np.float32)):
            self._vecs[t] = v

    def vector(self, lang: str, text: str) -> np.ndarray | None:
        return self._vecs.get(self._embed_text(lang, text))

    def similarity(self, la: str, ta: str, lb: str, tb: str) -> float | None:
        """Embedding cosine of two texts (embedding them if needed); None without an embedder."""
        self.encode([(la, ta), (lb, tb)])
        va, vb = self.vector(la, ta), self.vector(lb, tb)
        if va is None or vb is None:
            return None
        return float(va @ vb)

    # -- which rows need aligning ---------------------------------------------

    def _needs(self, row: Row, a: str, b: str) -> bool:
        sa, sb = self.sentences(a, row.get(a)), self.sentences(b, row.get(b))
        if max(len(sa), len(sb)) < 2:
            return False
        if min(len(sa), len(sb)) >= 2 and len(sa) != len(sb):
            return True
        # one sentence against several, or as many on both sides: only when the length
        # ratio says something is missing (else a merge, or sentences in order)
        la, lb = _length(self.side_text(a, row)), _length(self.side_text(b, row))
        if la == 0 or lb == 0:
            return False
        return abs(math.log((lb / la) / self.typical_ratio(a, b))) > RATIO_OFF

    def _prepare(self, a: str, b: str) -> None:
        """Embed, in one batch, the sentences of every row that needs aligning (all language pairs)."""
        if (a, b) in self._prepared:
            return
        langs = self.document.langs
        todo = [(x, y) for i, x in enumerate(langs) for y in langs[i + 1 :] if (x, y) not in self._prepared]
        items = []
        for x, y in todo:
            self._prepared.add((x, y))
            for row in self.alignment.pairs(x, y):
                if self._needs(row, x, y):
                    items += [(x, s.text) for s in self.sentences(x, row.get(x))]
                    items += [(y, s.text) for s in self.sentences(y, row.get(y))]
        self.encode(items)

    # -- alignment ------------------------------------------------------------

    def pairs(self, row: Row, a: str, b: str) -> SentenceAlignment | None:
        """The sentence alignment of ``row`` between ``a`` and ``b`` (None unless both have text)."""
        if not row.get(a) or not row.get(b):
            return None
        key = (id(row), a, b)
        if key in self._done:
            return self._done[key]
        sa, sb = self.sentences(a, row.get(a)), self.sentences(b, row.get(b))
        ratio = self.typical_ratio(a, b)
        la, lb = sum(_length(s.text) for s in sa), sum(_length(s.text) for s in sb)
        row_ratio = lb / la if la else 0.0
        if len(sa) == len(sb):  # as many sentences on both sides: in order, one to one
            trivial = [Bead((i,), (i,)) for i in range(len(sa))]
        else:
            trivial = [Bead(tuple(range(len(sa))), tuple(range(len(sb))))]
        result = SentenceAlignment(a, b, sa, sb, trivial, False, ratio, row_ratio)
        if sa and sb and self._needs(row, a, b):
            self._prepare(a, b)
            sims = self._sim_matrix(a, sa, b, sb)
            if sims is not None:
                result.sims = sims
                result.beads = _dp(
                    sims,
                    np.array([_length(s.text) for s in sa]),
                    np.array([_length(s.text) for s in sb]),
                    ratio,
                    self._merged_sim(a, sa, b, sb, sims),
                )
                result.aligned = True
        self._done[key] = result
        return result

    def _sim_matrix(self, a, sa, b, sb) -> np.ndarray | None:
        zhzh = a.startswith("zh") and b.startswith("zh")
        ea = [self.vector(a, s.text) for s in sa]
        eb = [self.vector(b, s.text) for s in sb]
        have_vecs = all(v is not None for v in ea + eb)
        if not have_vecs and not zhzh:
            return None
        sims = np.zeros((len(sa), len(sb)))
        if have_vecs:
            sims = np.array(ea) @ np.array(eb).T
        if zhzh:
            from rapidfuzz import fuzz

            from ..text.scripts import to_simplified

            ta = [to_simplified(s.text) for s in sa]
            tb = [to_simplified(s.text) for s in sb]
            fz = np.array([[fuzz.ratio(x, y) / 100.0 for y in tb] for x in ta])
            sims = np.maximum(fz, 0.8 * sims) if have_vecs else fz
        return sims

    def _merged_sim(self, a, sa, b, sb, sims):
        """sim(A[i0:i1], B[j0:j1]) for the beads of the DP, computed up front as tables.

        A merged side is the normalised sum of its sentence vectors; between the two
        Chinese versions the fuzzy ratio of the joined texts counts too.
        """
        zhzh = a.startswith("zh") and b.startswith("zh")
        n, m = sims.shape
        tables = {(1, 1): sims}
        ea = [self.vector(a, s.text) for s in sa]
        eb = [self.vector(b, s.text) for s in sb]
        have = all(v is not None for v in ea + eb)
        ea = np.array(ea, dtype=np.float32) if have else None
        eb = np.array(eb, dtype=np.float32) if have else None
        ta = tb = None
        if zhzh:
            from ..text.scripts import to_simplified

            ta = [to_simplified(s.text) for s in sa]
            tb = [to_simplified(s.text) for s in sb]
        for da, db in ((2, 1), (1, 2)):
            if n < da or m < db:
                continue
            t = np.zeros((n - da + 1, m - db + 1))
            if have:
                xa = _unit(ea[:-1] + ea[1:]) if da == 2 else ea
                xb = _unit(eb[:-1] + eb[1:]) if db == 2 else eb
                t = (xa @ xb.T).astype(np.float64) * (0.8 if zhzh else 1.0)
            if zhzh:
                from rapidfuzz import fuzz

                ja = ["".join(ta[i : i + da]) for i in range(n - da + 1)]
                jb = ["".join(tb[j : j + db]) for j in range(m - db + 1)]
                fz = np.array([[fuzz.ratio(x, y) / 100.0 for y in jb] for x in ja])
                t = np.maximum(t, fz)
            tables[(da, db)] = t

        def merged(i0, i1, j0, j1) -> float:
            return float(tables[(i1 - i0, j1 - j0)][i0, j0])

        return merged


def _unit(x: np.ndarray) -> np.ndarray:
    nrm = np.linalg.norm(x, axis=1, keepdims=True)
    nrm[nrm == 0] = 1.0
    return x / nrm


def _cos(x: np.ndarray, y: np.ndarray) -> float:
    d = float(np.linalg.norm(x) * np.linalg.norm(y))
    return float(x @ y) / d if d else 0.0


def _dp(sims: np.ndarray, la: np.ndarray, lb: np.ndarray, ratio: float, merged) -> list[Bead]:
    """Minimum-cost monotonic path over the beads 1-1, 1-0, 0-1, 1-2, 2-1."""
    n, m = sims.shape
    inf = float("inf")
    cost = np.full((n + 1, m + 1), inf)
    back: dict[tuple[int, int], tuple[int, int, float | None]] = {}
    cost[0, 0] = 0.0
    cla = np.concatenate([[0.0], np.cumsum(la)])
    clb = np.concatenate([[0.0], np.cumsum(lb)])
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, None
            for da, db in BEADS:
                if i < da or j < db or cost[i - da, j - db] == inf:
                    continue
                if da == 0 or db == 0:
                    c, s = SKIP * (da + db), None
                else:
                    s = merged(i - da, i, j - db, j)
                    x, y = cla[i] - cla[i - da], clb[j] - clb[j - db]
                    c = max(1.0 - s, 0.0) + LENGTH_WEIGHT * abs(math.log((y + 8.0) / (x * ratio + 8.0)))
                    if da + db > 2:
                        # every merged sentence must relate to the other side on its own: a
                        # sentence glued to a good pair is a drop, not a merge
                        weakest = float(sims[i - da : i, j - db : j].min())
                        c += MERGE_PENALTY + MERGE_WEAK * max(0.0, MERGE_MIN_SIM - weakest)
                total = cost[i - da, j - db] + c
                if total < best:
                    best, arg = total, (da, db, s)
            cost[i, j] = best
            back[(i, j)] = arg
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        da, db, s = back[(i, j)]
        beads.append(Bead(tuple(range(i - da, i)), tuple(range(j - db, j)), s))
        i, j = i - da, j - db
    return beads[::-1]
