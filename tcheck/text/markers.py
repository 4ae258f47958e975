"""Meaning markers: negation, modality, and/or, arithmetic and quantifier words.

One function that lists the markers of a sentence by class; the words are
in :mod:`.marker_words`.
Used by the meaning-flip rule to compare aligned sentences: a class that two
versions express and the third does not (or expresses with an opposite
class) is a candidate flip.

Chinese words are listed in Simplified; zh-Hant text is converted with
OpenCC before matching. Lexicalised words that contain a marker character
but do not carry its meaning (不同 "different", 未来 "future", 无论
"whatever", 加入 "join", 除了 "except") are listed as exceptions and masked
before counting.
"""

from __future__ import annotations

import re

from .marker_words import (
    ALL,
    AND,
    ARITHMETIC,
    DIVIDED,
    EN_EXCEPTIONS,
    EN_WORDS,
    MAY,
    MINUS,
    MUST,
    NEGATION,
    OPPOSITE,
    OR,
    PLUS,
    PROHIBIT,
    SOME,
    TIMES,
    WILL,
    ZH_EXCEPTIONS,
    ZH_WORDS,
)

__all__ = [
    "ALL",
    "AND",
    "ARITHMETIC",
    "DIVIDED",
    "MAY",
    "MINUS",
    "MUST",
    "NEGATION",
    "OPPOSITE",
    "OR",
    "PLUS",
    "PROHIBIT",
    "SOME",
    "TIMES",
    "WILL",
    "markers",
]

_ZH_NUM = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)"
_EN_NUM = r"(?:\d+(?:\.\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred)"


def _en_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:%s)\b" % "|".join(words), re.I)


_EN_RES = {cls: _en_pattern(ws) for cls, ws in EN_WORDS.items()}
_EN_EXC_RE = re.compile(r"\b(?:%s)\b" % "|".join(EN_EXCEPTIONS), re.I)
_EN_ARITH_RE = {
    cls: re.compile(rf"\b{_EN_NUM}\s+(?:{'|'.join(EN_WORDS[cls])})\s+{_EN_NUM}\b", re.I) for cls in ARITHMETIC
}
_ZH_EXC_RE = re.compile("|".join(sorted(map(re.escape, ZH_EXCEPTIONS), key=len, reverse=True)))
_ZH_RES = {cls: re.compile("|".join(sorted(map(re.escape, ws), key=len, reverse=True))) for cls, ws in ZH_WORDS.items()}
_ZH_ARITH_RE = {
    cls: re.compile(rf"{_ZH_NUM}\s*(?:{'|'.join(map(re.escape, ZH_WORDS[cls]))})(?:以)?\s*{_ZH_NUM}")
    for cls in ARITHMETIC
}
_CODE_RE = re.compile(r"`[^`]*`|(?:https?|ftp)://\S+|\{\{.*?\}\}|\{%.*?%\}|<[^<>]+>")


def _blank(text: str, rx: re.Pattern) -> str:
    return rx.sub(lambda m: " " * len(m.group(0)), text)


def _count(
    text: str, arith: dict[str, re.Pattern], exceptions: re.Pattern, words: dict[str, re.Pattern]
) -> dict[str, int]:
    """Count the markers of ``text`` with one language's patterns.

    Arithmetic is counted first; exceptions are blanked; prohibitions are
    counted and blanked so that their parts are not counted again, and each
    one counts as a negation as well."""
    out: dict[str, int] = {}
    for cls in ARITHMETIC:
        n = len(arith[cls].findall(text))
        if n:
            out[cls] = n
    text = _blank(text, exceptions)
    prohibit = words[PROHIBIT].findall(text)
    if prohibit:
        out[PROHIBIT] = len(prohibit)
    plain = _blank(text, words[PROHIBIT])
    for cls, rx in words.items():
        if cls in ARITHMETIC or cls == PROHIBIT:
            continue
        n = len(rx.findall(plain))
        if n:
            out[cls] = n
    if prohibit:
        out[NEGATION] = out.get(NEGATION, 0) + len(prohibit)
    return out


def markers(text: str, lang: str) -> dict[str, int]:
    """{class: count} of the meaning markers of ``text`` (``en``, ``zh-Hans`` or ``zh-Hant``)."""
    text = _blank(text, _CODE_RE)
    if lang.startswith("zh"):
        if lang == "zh-Hant":
            from .scripts import to_simplified

            text = to_simplified(text)
        return _count(text, _ZH_ARITH_RE, _ZH_EXC_RE, _ZH_RES)
    return _count(text, _EN_ARITH_RE, _EN_EXC_RE, _EN_RES)
