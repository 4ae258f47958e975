"""Word-level views of a difference: negations counted per clause, synonyms by the dictionary."""

from __future__ import annotations

import difflib

from ..han import is_han
from .hunks import _negations
from .side import _NEGATION, _NOT_NEGATION_RE, _Side

_PARALLEL = 0.6  # similarity two clauses need, negators aside, to be one clause negated


def clause_negation_differs(a: _Side, b: _Side, a1: int, a2: int, b1: int, b2: int) -> bool:
    """Whether the clauses holding a difference differ in negation: one side has a
    negator the other lacks in the SAME clause (negators counted per clause on both
    sides, so 不要…依赖 vs 不依賴 or 不相符 vs 相悖 are the same claim) while the two
    clauses are otherwise parallel (a rewritten clause is wording)."""
    ca = a.clause_key(a1 if a1 < a2 else a1 - 1 if a1 >= len(a.key) else a1)
    cb = b.clause_key(b1 if b1 < b2 else b1 - 1 if b1 >= len(b.key) else b1)
    # one clause negated, the other not at all (概不负责 / 不對…負責 and 不準確 both negate)
    if min(_negations(ca), _negations(cb)) > 0 or _negations(ca) == _negations(cb):
        return False
    more, less = (ca, cb) if _negations(ca) > _negations(cb) else (cb, ca)
    if "零" in less and "零" not in more:
        return False  # 无 JS / 零 JS: "zero" negates as well
    masked = _NOT_NEGATION_RE.sub(lambda m: "_" * len(m.group(0)), more)
    # the negated word itself (相符 of 不相符) must stand in the other clause: 不相符 vs 相悖 is wording
    negated = [masked[p + 1 : p + 3] for p, c in enumerate(masked) if c in _NEGATION]
    if not any(len(w) == 2 and "_" not in w and w in less for w in negated):
        return False

    def bare(k: str) -> str:
        return "".join(c for c in _NOT_NEGATION_RE.sub("", k) if c not in _NEGATION and c not in "要会能可得")

    return difflib.SequenceMatcher(None, bare(ca), bare(cb), autojunk=False).ratio() >= _PARALLEL


def _jieba():
    from ..segmenter import jieba_module

    return jieba_module()


def _covering_words(key: str, x1: int, x2: int) -> list[str]:
    """The dictionary words of ``key`` (a Han window around x1..x2) that overlap x1..x2."""
    jb = _jieba()
    if jb is None:
        return []
    lo, hi = x1, x2
    while lo > 0 and x1 - lo < 6 and is_han(key[lo - 1]):
        lo -= 1
    while hi < len(key) and hi - x2 < 6 and is_han(key[hi]):
        hi += 1
    out, pos = [], lo
    for w in jb.cut(key[lo:hi], HMM=False):
        start, pos = pos, pos + len(w)
        if start < max(x2, x1 + 1) and pos > x1:
            out.append(w)
    return out


def synonym_words(a: _Side, b: _Side, a1: int, a2: int, b1: int, b2: int) -> bool:
    """Whether a substitution swaps one dictionary word for another (合约/契约,
    依赖项/相依性, 参见/参阅, 编号/号码): regional or stylistic wording, not a changed
    name. A one-character slip (花/话) or an unknown term (讯大通) is not."""
    wa, wb = _covering_words(a.key, a1, a2), _covering_words(b.key, b1, b2)
    if not wa or not wb or wa == wb or not any(len(w) >= 2 for w in wa) or not any(len(w) >= 2 for w in wb):
        return False
    return not (_proper(wa) and _proper(wb))  # 北京 / 上海: two places are two names


def _proper(words: list[str]) -> bool:
    """Whether jieba tags one of the words as a proper noun (place, person, organisation)."""
    if _jieba() is None:  # initialised by tcheck.text.segmenter, not from a cache file
        return False
    import jieba.posseg

    return any(p.flag in _PROPER for w in words for p in jieba.posseg.cut(w, HMM=False))


_PROPER = {"ns", "nr", "nt", "nz", "nrt", "nrfg"}
