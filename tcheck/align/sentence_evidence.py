"""Evidence on one row's sentence alignment: which sentence has no counterpart, and why not.

Functions over a :class:`~tcheck.align.sentences.SentenceAlignment` that rules
use to tell a dropped sentence from one the other version merely split,
merged or reworded:

* :func:`lacks`: unmatched, or dead weight inside a merged bead;
* :func:`replaced`: unmatched next to an unmatched sentence of the other
  version (a substitution, not a drop);
* :func:`length_gain`: how much closer to the document's typical length
  ratio the row gets without the sentence;
* :func:`merge_gain`: how much the sentence (with the unmatched run around
  it) improves the match of the neighbouring bead;
* :func:`row_similarity`: the mean similarity of the row's matched beads.
"""

from __future__ import annotations

import math

import numpy as np

from .sentences import Bead, SentenceAligner, SentenceAlignment, _cos, _length

DEAD_WEIGHT = 0.03  # a merged bead this much better without a sentence does not need it


def sentences_of(al: SentenceAlignment, side: str):
    return al.a if side == "a" else al.b


def _both(bd: Bead) -> bool:
    return bool(bd.a) and bool(bd.b)


def row_similarity(al: SentenceAlignment) -> float | None:
    sims = [bd.sim for bd in al.beads if bd.a and bd.b and bd.sim is not None]
    return sum(sims) / len(sims) if sims else None


def length_gain(al: SentenceAlignment, side: str, index: int) -> float:
    """How much closer to typical the row's length ratio gets without sentence ``index`` of ``side``."""
    la = sum(_length(s.text) for s in al.a)
    lb = sum(_length(s.text) for s in al.b)
    n = _length(sentences_of(al, side)[index].text)
    la2, lb2 = (la - n, lb) if side == "a" else (la, lb - n)
    if min(la, lb, la2, lb2) <= 0:
        return 0.0
    r = al.ratio
    return abs(math.log((lb / la) / r)) - abs(math.log((lb2 / la2) / r))


def replaced(al: SentenceAlignment, side: str, i: int) -> bool:
    """Sentence ``i`` is unmatched next to an unmatched sentence of the other version (a substitution)."""
    pos = next((k for k, bd in enumerate(al.beads) if i in (bd.a if side == "a" else bd.b)), None)
    if pos is None:
        return False
    for k in (pos - 1, pos + 1):
        if 0 <= k < len(al.beads):
            bd = al.beads[k]
            mine, other = (bd.a, bd.b) if side == "a" else (bd.b, bd.a)
            if other and not mine:
                return True
    return False


def lacks(al: SentenceAlignment | None, side: str, i: int) -> bool:
    """Sentence ``i`` of ``side`` has no counterpart: unmatched, or dead weight in a merged bead.

    A merged bead (two sentences against one) whose similarity is higher without the
    sentence shows that the other version does not say it either.
    """
    if al is None or not al.aligned:
        return False
    if i in al.unmatched(side):
        return True
    for bd in al.beads:
        mine, other = (bd.a, bd.b) if side == "a" else (bd.b, bd.a)
        if i in mine and len(mine) > 1 and len(other) == 1 and bd.sim is not None:
            rest = [j for j in mine if j != i]
            alone = max(float(al.sims[j, other[0]] if side == "a" else al.sims[other[0], j]) for j in rest)
            return alone >= bd.sim + DEAD_WEIGHT
    return False


def merge_gain(aligner: SentenceAligner, al: SentenceAlignment, side: str, index: int) -> float | None:
    """How much sentence ``index`` of ``side`` adds to the match of a neighbouring bead.

    An unmatched sentence that, joined to the bead before or after it, makes that bead
    match *better* is part of that bead's translation (split or merged differently),
    not a sentence the other version lacks. Returns the best gain in similarity (None
    without vectors).
    """
    mine_all, other_all = (al.a, al.b) if side == "a" else (al.b, al.a)
    lang_m, lang_o = (al.la, al.lb) if side == "a" else (al.lb, al.la)
    pos = next((k for k, bd in enumerate(al.beads) if index in (bd.a if side == "a" else bd.b)), None)
    if pos is None:
        return None
    v_s = aligner.vector(lang_m, mine_all[index].text)
    if v_s is None:
        return None
    best = None
    own = al.beads[pos]
    if own.a and own.b:  # dead weight inside a merged bead: the bead with it against without it
        mine, other = (own.a, own.b) if side == "a" else (own.b, own.a)
        vm = [aligner.vector(lang_m, mine_all[j].text) for j in mine if j != index]
        vo = [aligner.vector(lang_o, other_all[j].text) for j in other]
        if not vm or any(v is None for v in vm + vo):
            return None
        x, y = np.sum(vm, axis=0), np.sum(vo, axis=0)
        return _cos(x + v_s, y) - _cos(x, y)
    # the run of unmatched sentences around it, joined to the nearest matched bead on either side
    lo = hi = pos
    while lo > 0 and not _both(al.beads[lo - 1]):
        lo -= 1
    while hi < len(al.beads) - 1 and not _both(al.beads[hi + 1]):
        hi += 1
    run = [j for bd in al.beads[lo : hi + 1] for j in (bd.a if side == "a" else bd.b)]
    vr = [aligner.vector(lang_m, mine_all[j].text) for j in run]
    if any(v is None for v in vr):
        return None
    v_run = np.sum(vr, axis=0)
    for k in (lo - 1, hi + 1):
        if not 0 <= k < len(al.beads):
            continue
        bd = al.beads[k]
        mine, other = (bd.a, bd.b) if side == "a" else (bd.b, bd.a)
        vm = [aligner.vector(lang_m, mine_all[j].text) for j in mine]
        vo = [aligner.vector(lang_o, other_all[j].text) for j in other]
        if any(v is None for v in vm + vo):
            return None
        x, y = np.sum(vm, axis=0), np.sum(vo, axis=0)
        gain = _cos(x + v_run, y) - _cos(x, y)
        best = gain if best is None else max(best, gain)
    return best
