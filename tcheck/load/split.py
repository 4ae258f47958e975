"""Splitting a file that holds several language versions in sequence.

Every segment votes for a language (short Latin-only lines are neutral);
the file is split into at most three contiguous blocks, one per language,
when that clearly beats reading it as one version. Block costs come from
prefix counts, so the two-block search and the boundary refinement are
vectorised over all boundaries; the three-block search tries at most
``_GRID`` boundaries per block (all of them in files of up to about 2,800
segments) and its boundaries are then refined exactly, so the split stays
linear in the number of segments.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..langs import LANGS
from ..model import Segment
from ..text.han import han_count
from ..text.scripts import detect, latin_words, simplified_only, traditional_only

_GRID = 2000  # boundaries tried per block in the three-block search


@dataclass
class Block:
    lang: str
    start: int  # index into segs
    end: int  # exclusive


def _classify(segs: list[Segment]) -> list[str | None]:
    """Language evidence per segment; short Latin-only segments (product
    names, "Firefox Sync", "Cloudflare") occur in every version: neutral."""
    out = []
    for s in segs:
        lang = detect(s.text)
        if lang == "en" and not han_count(s.text) and len(latin_words(s.text)) < 4:
            lang = None
        out.append(lang)
    return out


def _agrees(label: str | None, lang: str) -> bool:
    if label is None:
        return True
    if label == "zh":
        return lang in ("zh-Hans", "zh-Hant")
    return label == lang


def _pure(mistakes, size):
    return mistakes <= 0.12 * size


class _Costs:
    """Prefix counts of disagreements per language: the cost of any block in O(1)."""

    def __init__(self, labels: list[str | None]):
        import numpy as np  # here, not at import: a warm run answered by the run index never loads numpy

        self.n = len(labels)
        self.pre = {
            lg: np.concatenate([[0], np.cumsum([0 if _agrees(lab, lg) else 1 for lab in labels])]).astype(np.int64)
            for lg in LANGS
        }

    def cost(self, a: int, b: int, lang: str) -> int:
        return int(self.pre[lang][b] - self.pre[lang][a])

    def best_single(self, a: int, b: int, exclude=()) -> tuple[int, str]:
        return min((self.cost(a, b, lg), lg) for lg in LANGS if lg not in exclude)


def split_versions(segs: list[Segment]) -> list[Block]:
    """Find contiguous language blocks (at most one per language).

    A file is split only when every block is large and pure; a Chinese
    document with some untranslated English paragraphs stays one version.
    """
    labels = _classify(segs)
    costs = _Costs(labels)
    n = len(segs)
    c1, l1 = costs.best_single(0, n)
    best = (c1, [Block(l1, 0, n)])
    min_block = max(3, n // 10)
    if n >= 2 * min_block:
        best = min(best, _best_two(costs, min_block), key=lambda b: b[0])
    if n >= 3 * min_block:
        best = min(best, _best_three(costs, min_block), key=lambda b: b[0])
    blocks = best[1]
    # a split must clearly beat one version: at least 5 disagreements removed,
    # and 15% of the file, or 60% of the smallest block when the blocks are of
    # comparable size (a short version followed by a long one); a few
    # untranslated paragraphs at the end of a Chinese text are not a version
    if len(blocks) > 1:
        gain = c1 - best[0]
        sizes = [b.end - b.start for b in blocks]
        comparable = min(sizes) >= 0.2 * max(sizes) and gain >= 0.6 * min(sizes)
        if gain < 5 or (gain < 0.15 * n and not comparable):
            blocks = [Block(l1, 0, n)]
    for k in range(len(blocks) - 1):
        _refine_boundary(segs, costs, blocks[k], blocks[k + 1])
    return blocks


_NONE = (float("inf"), [])


def _best_two(costs: _Costs, min_block: int) -> tuple[float, list[Block]]:
    """The cheapest split into two pure blocks of different languages (the first on ties)."""
    import numpy as np

    n = costs.n
    cuts = np.arange(min_block, n - min_block + 1)
    if not len(cuts):
        return _NONE
    names = sorted(LANGS)  # best_single's min() breaks cost ties by name
    cols = np.arange(len(cuts))
    head = np.stack([costs.pre[lg][cuts] for lg in names])  # cost of [0, cut) per language
    tail = np.stack([costs.pre[lg][n] - costs.pre[lg][cuts] for lg in names])  # cost of [cut, n)
    a = np.argmin(head, axis=0)
    ca = head[a, cols]
    other = tail.copy()
    other[a, cols] = np.iinfo(np.int64).max  # the second block is in another language
    b = np.argmin(other, axis=0)
    cb = tail[b, cols]
    total = ca + cb
    ok = _pure(ca, cuts) & _pure(cb, n - cuts)
    if not ok.any():
        return _NONE
    k = int(np.argmin(np.where(ok, total, np.iinfo(np.int64).max)))
    cut = int(cuts[k])
    return int(total[k]), [Block(names[a[k]], 0, cut), Block(names[b[k]], cut, n)]


def _best_three(costs: _Costs, min_block: int) -> tuple[float, list[Block]]:
    """The cheapest split into three pure blocks, one per language, on a grid of boundaries."""
    import numpy as np

    n, pre, best = costs.n, costs.pre, _NONE
    step = max(1, (n - 3 * min_block) // _GRID + 1)
    for i in range(min_block, n - 2 * min_block + 1, step):
        ca, la = costs.best_single(0, i)
        if not _pure(ca, i):
            continue
        js = np.arange(i + min_block, n - min_block + 1, step)
        if not len(js):
            continue
        x, y = sorted(lg for lg in LANGS if lg != la)  # min() breaks cost ties by name
        cbx, cby = pre[x][js] - pre[x][i], pre[y][js] - pre[y][i]
        take_x = cbx <= cby
        cb = np.where(take_x, cbx, cby)
        cc = np.where(take_x, pre[y][n] - pre[y][js], pre[x][n] - pre[x][js])
        total = ca + cb + cc
        ok = _pure(cb, js - i) & _pure(cc, n - js)
        if not ok.any():
            continue
        k = int(np.argmin(np.where(ok, total, np.iinfo(np.int64).max)))  # first j with the row minimum
        if total[k] < best[0]:
            j = int(js[k])
            lb, lc = (x, y) if take_x[k] else (y, x)
            best = (int(total[k]), [Block(la, 0, i), Block(lb, i, j), Block(lc, j, n)])
    return best


def _refine_boundary(segs: list[Segment], costs: _Costs, a: Block, b: Block) -> None:
    """Move the boundary between two adjacent blocks to the most visible break.

    Neutral segments (names, dates, lines that read the same in Simplified
    and Traditional) make several boundaries equally cheap; among those,
    prefer the largest gap of blank lines, then a heading, then the earliest.
    """
    import numpy as np

    lo, hi = a.start + 1, b.end - 1
    if hi < lo:
        return
    cuts = np.arange(lo, hi + 1)
    pa, pb = costs.pre[a.lang], costs.pre[b.lang]
    cost = (pa[cuts] - pa[a.start]) + (pb[b.end] - pb[cuts])
    cheapest = cuts[cost == cost.min()].tolist()

    def score(p: int):
        gap = segs[p].line - segs[p - 1].end_line
        return (gap, segs[p].kind == "heading", -p)

    a.end = b.start = max(cheapest, key=score)


def decide_zh(segs: list[Segment], default: str = "zh-Hans") -> str:
    """zh-Hans or zh-Hant for a Chinese block, by its Simplified-only and Traditional-only characters."""
    text = "".join(s.text for s in segs)
    hans = len(simplified_only(text))
    hant = len(traditional_only(text))
    if hant > hans:
        return "zh-Hant"
    if hans > hant:
        return "zh-Hans"
    return default
