"""The character diff of two sides, and the anchors that make a difference local."""

from __future__ import annotations

import difflib
import re

from ..numbers import chinese_numeral
from .side import _CN_NUMBER_RE, _NEGATION, _NOT_NEGATION_RE, _Side


def _cn_value(numeral: str) -> str:
    """两 -> 2, 三十 -> 30; the numeral itself when it cannot be read."""
    v = chinese_numeral(numeral)
    return str(int(v)) if v is not None else numeral


def _numbers(text: str) -> list[str]:
    # a lone 一 before a measure word (一个, 一项) is an article more than a number
    return sorted(
        [str(int(n)) for n in re.findall(r"\d+", text)]
        + [_cn_value(n) for n in _CN_NUMBER_RE.findall(text) if n != "一"]
    )


def _negations(text: str) -> int:
    return sum(1 for c in _NOT_NEGATION_RE.sub("", text) if c in _NEGATION)


_FUNCTION_WORDS = {"and", "or", "of", "the", "a", "an", "to", "in", "for", "with"}


def _stem(word: str) -> str:
    """issues -> issue, PRs -> pr: a plural is no different name."""
    w = word.lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") else w


def _plain_numbers(key: str) -> list[str]:
    """Numbers of a key that stand alone (not the 0 of CC0 or the 3 of mp3)."""
    return [n for n in re.findall(r"(?<![a-z])\d+", key)] + [n for n in _CN_NUMBER_RE.findall(key) if n != "一"]


def _name_like(word: str) -> bool:
    """Talk123, GitHub, Firefox, API: capitals or digits; "header" is not a name."""
    return any(c.isdigit() for c in word) or (word[:1].isupper() and len(word) > 1)


def _ascii_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


def diff_hunks(a: _Side, b: _Side, merge_gap: int = 2) -> list[tuple[int, int, int, int]]:
    """Differing key ranges (a1, a2, b1, b2), nearby ones merged.

    A number or a Latin word is one token: 30 vs 60 is reported as "30"/"60"
    (not "3"/"6"), issue vs iuuse as the whole words.
    """
    sm = difflib.SequenceMatcher(None, a.key, b.key, autojunk=False)
    out: list[list[int]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        for kind in (str.isdigit, _ascii_alnum):
            inside = any(kind(c) for c in a.key[i1:i2] + b.key[j1:j2])
            if kind is str.isdigit or inside:
                while i1 > 0 and j1 > 0 and kind(a.key[i1 - 1]) and kind(b.key[j1 - 1]):
                    i1, j1 = i1 - 1, j1 - 1
                while i2 < len(a.key) and j2 < len(b.key) and kind(a.key[i2]) and kind(b.key[j2]):
                    i2, j2 = i2 + 1, j2 + 1
        if out and i1 - out[-1][1] <= merge_gap and j1 - out[-1][3] <= merge_gap:
            out[-1][1], out[-1][3] = max(out[-1][1], i2), max(out[-1][3], j2)
        else:
            out.append([i1, i2, j1, j2])
    return [tuple(h) for h in out]


def _anchors(hunks, k: int, la: int, lb: int) -> tuple[int | None, int | None]:
    """Equal key characters before and after hunk k (None: the hunk touches the text's start/end)."""
    a1, a2, b1, b2 = hunks[k]
    if a1 == 0 and b1 == 0:
        left = None
    else:
        pa, pb = (hunks[k - 1][1], hunks[k - 1][3]) if k else (0, 0)
        left = min(a1 - pa, b1 - pb)
    if a2 == la and b2 == lb:
        right = None
    else:
        na, nb = (hunks[k + 1][0], hunks[k + 1][2]) if k + 1 < len(hunks) else (la, lb)
        right = min(na - a2, nb - b2)
    return left, right


def _anchored(left: int | None, right: int | None, need: int) -> bool:
    """Whether matching text surrounds a difference: ``need`` equal characters on each
    side (at the start or end of the paragraph, twice as many on the other side)."""
    if left is None and right is None:
        return False
    if left is None:
        return right >= 2 * need
    if right is None:
        return left >= 2 * need
    return left >= need and right >= need


def _whole_segment(side: _Side, x1: int, x2: int) -> bool:
    """Whether key range x1..x2 is one or more whole segments of a row with several."""
    if len(side.segs) < 2 or x1 >= x2:
        return False
    first, last = side.where[x1][0], side.where[x2 - 1][0]
    before = x1 == 0 or side.where[x1 - 1][0] != first
    after = x2 == len(side.where) or side.where[x2][0] != last
    return before and after
