"""A word put for its opposite in one Chinese version (上一页 / 下一页, 第一页 / 最后一页)."""

from __future__ import annotations

import re

from ..marker_words import OPPOSITE_WORDS

_EN_WORD_RE = re.compile(r"[a-z]+")


def _occurrences(key: str, word: str, x1: int, x2: int) -> bool:
    """Whether ``word`` occurs in ``key`` overlapping (or, for an empty span, touching) [x1, x2)."""
    start = max(0, x1 - len(word))
    while (p := key.find(word, start, x2 + len(word))) >= 0:
        if p < max(x2, x1 + 1) and p + len(word) > x1 - (x1 == x2):
            return True
        start = p + 1
    return False


def opposite_words(a_key: str, b_key: str, a1: int, a2: int, b1: int, b2: int) -> tuple[int, int] | None:
    """(pair index, pole of version a) when a difference puts one word of an opposite pair in
    version a and its opposite in version b at the same place, each side lacking the other's word
    there; ``None`` otherwise. Keys are Simplified (the zh-Hant key is converted)."""
    if a1 == a2 or b1 == b2:
        return None  # an insertion is not a word put for another
    wa, wb = a_key[max(0, a1 - 3) : a2 + 3], b_key[max(0, b1 - 3) : b2 + 3]
    for k, (x, y, _ex, _ey) in enumerate(OPPOSITE_WORDS):
        for pole, (mine, theirs) in enumerate(((x, y), (y, x))):
            if (
                _occurrences(a_key, mine, a1, a2)
                and _occurrences(b_key, theirs, b1, b2)
                and theirs not in wa
                and mine not in wb
            ):
                return k, pole
    return None


def english_pole(k: int, en_text: str) -> int | None:
    """The pole of pair ``k`` the English text says (0 or 1), or None when it says neither or both."""
    words = set(_EN_WORD_RE.findall(en_text.lower()))
    _x, _y, ex, ey = OPPOSITE_WORDS[k]
    has_x, has_y = bool(words & set(ex)), bool(words & set(ey))
    if has_x == has_y:
        return None
    return 0 if has_x else 1
