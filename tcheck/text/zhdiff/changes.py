"""Numbers and negations changed inside otherwise reworded text."""

from __future__ import annotations

import re

from ..numbers import compare, extract
from .hunks import _cn_value
from .side import _CN_NUMBER_RE, _NEGATION, _NOT_NEGATION_RE, _Side

_NUM_TOKEN_RE = re.compile(r"\d+|" + _CN_NUMBER_RE.pattern)


def _number_tokens(key: str) -> list[tuple[str, int, int]]:
    """(value, start, end) of the numbers in a key string (figures, and numerals before a measure word)."""
    out = []
    for m in _NUM_TOKEN_RE.finditer(key):
        n = m.group(0)
        if n == "一":
            continue
        out.append((str(int(n)) if n.isdigit() else _cn_value(n), m.start(), m.end()))
    return out


def _row_quantities(side: _Side) -> list:
    got = getattr(side, "_quantities", None)
    if got is None:
        got = side._quantities = [q for seg in side.segs for q in extract(seg.text)]
    return got


def same_quantities(a: _Side, b: _Side) -> bool:
    """Whether the two sides give the same quantities once each is read in context
    (500 万 = 5M, 300 万 = 3 百萬, 6-7点 = 6 點到 7 點, `$10` in code on both sides):
    a difference of digits between them is then wording, not a changed number."""
    only_a, only_b = compare(_row_quantities(a), _row_quantities(b))
    return not any(not q.weak or q.slot for q in only_a + only_b)


def changed_numbers(a: _Side, b: _Side) -> list[tuple[int, int, int, int]]:
    """Key ranges of numbers that differ between otherwise matching places of two
    separately worded texts: 24小时 vs 26小时 (same measure word after, or the same
    two characters before), the value of each found nowhere in the other text."""
    if same_quantities(a, b):
        return []
    na, nb = _number_tokens(a.key), _number_tokens(b.key)
    va, vb = [t[0] for t in na], [t[0] for t in nb]
    only_a = [t for t in na if t[0] not in vb]
    only_b = [t for t in nb if t[0] not in va]
    out = []
    for v1, a1, a2 in only_a:
        for v2, b1, b2 in only_b:
            after = a.key[a2 : a2 + 1] and a.key[a2 : a2 + 1] == b.key[b2 : b2 + 1]
            before = a1 >= 2 and b1 >= 2 and a.key[a1 - 2 : a1] == b.key[b1 - 2 : b1]
            if after or before:
                out.append((a1, a2, b1, b2))
                break
    return out


_EXCLUSION_RE = re.compile("以外|之外|除了|除去|除外")


def changed_negations(a: _Side, b: _Side) -> list[tuple[int, int, int, int]]:
    """A negation added or dropped inside matching wording of two separately worded
    texts: 我们会删除 vs 我們不會刪除 (the characters around the negation, two on
    each side, or three in all, appear together in the other text without it),
    while the two texts hold different numbers of negations."""
    ka = _NOT_NEGATION_RE.sub(lambda m: "_" * len(m.group(0)), a.key)
    kb = _NOT_NEGATION_RE.sub(lambda m: "_" * len(m.group(0)), b.key)
    ca, cb = sum(c in _NEGATION for c in ka), sum(c in _NEGATION for c in kb)
    # "other than" says what a negation says: 非 false 值 / false 以外的值, 除了管理员 / 非管理员
    ca, cb = ca + len(_EXCLUSION_RE.findall(ka)), cb + len(_EXCLUSION_RE.findall(kb))
    if ca == cb:
        return []
    more, less, flip = (ka, kb, False) if ca > cb else (kb, ka, True)
    out = []
    for p, c in enumerate(more):
        if c not in _NEGATION:
            continue
        windows = (
            (more[max(0, p - 2) : p], more[p + 1 : p + 3], "(.?)"),  # 必须 -> 无须 too
            (more[max(0, p - 2) : p], more[p + 1 : p + 2], "()"),
            (more[max(0, p - 1) : p], more[p + 1 : p + 3], "()"),
        )
        for left, right, mid in windows:
            if len(left + right) < 3 or any(ch in _NEGATION or ch == "_" for ch in left + right):
                continue
            m = re.search(re.escape(left) + mid + re.escape(right), less)
            if m and not any(ch in _NEGATION for ch in m.group(1)):
                break
        else:
            continue
        if m:
            q1, q2 = m.start(1), m.end(1)
            out.append((q1, q2, p, p + 1) if flip else (p, p + 1, q1, q2))
    return out
