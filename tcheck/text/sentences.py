"""Sentences and parenthetical clauses of one segment's text.

A segment (paragraph, list item) is split into sentences so that the
sentences of aligned rows can be aligned in turn (:mod:`tcheck.align.sentences`).

* Chinese: a sentence ends at 。！？； (full or half width ! ? ;) and at a
  line break; closing quotes and brackets stay with their sentence.
* English: a sentence ends at ``.``, ``!``, ``?`` or ``;`` followed by
  white space (or the end), and at a line break. A period does not end a
  sentence inside a number (``3.5``), a version, a URL or a file name
  (``package.json``), inline code, after a known abbreviation (``e.g.``,
  ``Mr.``, ``vs.``) or an initial (``J. R. R.``).

Offsets are into the text given, so a rule can map a sentence back to its
source. Parenthetical clauses (``( … )``, ``（…）``) are listed separately by
:func:`parentheticals`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .han import HAN_RE, han_count

#: abbreviations after which a period does not end an English sentence
ABBREVIATIONS = frozenset(
    """e.g i.e etc vs cf al approx esp fig figs no nos vol vols p pp ed eds ch sec art para
    mr mrs ms dr prof sr jr st inc ltd co corp dept est jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n a.m p.m ph.d""".split()
)

_PROTECT_RES = [
    re.compile(r"`+[^`\n]*`+"),  # inline code
    re.compile(r"(?:https?|ftp)://\S+|www\.\S+", re.I),  # URLs (a trailing period is trimmed below)
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}"),  # template macros
    re.compile(r"\b\w+(?:\.\w+)+\b"),  # 3.5, v2.3.0, package.json, node.js, e.g, U.S
]

_ZH_END = "。！？；!?;"
_CLOSERS = "”’\"'」』）)】》］]"
_EN_END = ".!?;"


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text`` is ``source[start:end]`` stripped."""

    text: str
    start: int
    end: int


def _protected(text: str) -> list[bool]:
    mask = [False] * len(text)
    for rx in _PROTECT_RES:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in ".,;:!?)）":  # sentence punctuation after a URL or name
                e -= 1
            mask[s:e] = [True] * (e - s)
    return mask


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial."""
    k = dot
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    return len(word) == 1 and text[k].isupper()  # an initial: "J. Smith"


def _next_starts_sentence(text: str, i: int) -> bool:
    """English: does a new sentence plausibly start after the break at ``i``?"""
    j = i
    while j < len(text) and text[j] in " \t":
        j += 1
    if j >= len(text) or text[j] == "\n":
        return True
    if j == i:
        return False  # "a.b": no white space after the period
    c = text[j]
    return not c.islower()


def split(text: str, lang: str) -> list[Sentence]:
    """The sentences of ``text`` (``lang``: ``en``, ``zh-Hans`` or ``zh-Hant``)."""
    zh = lang.startswith("zh")
    mask = _protected(text)
    out: list[Sentence] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        cut = None
        if c == "\n":
            cut = i
        elif not mask[i]:
            if zh and c in _ZH_END:
                if c in "!?;" and not _zh_context(text, i):
                    cut = None
                else:
                    cut = i + 1
            elif not zh and c in _EN_END:
                if c == "." and (_is_abbreviation(text, i) or (i + 1 < n and text[i + 1] == ".")):
                    cut = None  # abbreviation or ellipsis "..."
                elif i + 1 < n and text[i + 1] in _CLOSERS:
                    cut = None  # handled when the closer is reached
                elif _next_starts_sentence(text, i + 1) or c == ";":
                    cut = i + 1
            elif not zh and c in _CLOSERS and i > 0 and text[i - 1] in ".!?" and _next_starts_sentence(text, i + 1):
                cut = i + 1
            elif zh and c in _CLOSERS and i > 0 and text[i - 1] in "。！？":
                cut = i + 1
        if zh and cut is not None and c in "。！？" and i + 1 < n and text[i + 1] in _CLOSERS:
            cut = None  # 。」 : the closer belongs to the sentence
        if cut is not None:
            _emit(out, text, start, cut)
            start = cut + (1 if c == "\n" else 0)
        i += 1
    _emit(out, text, start, n)
    return out


def _zh_context(text: str, i: int) -> bool:
    """A half-width ! ? ; ends a Chinese sentence only next to Chinese text."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return bool(HAN_RE.match(before)) or after in ("", " ", "\n") and bool(before) and not before.isascii()


def _emit(out: list[Sentence], text: str, s: int, e: int) -> None:
    seg = text[s:e]
    stripped = seg.strip()
    if not stripped:
        return
    lead = len(seg) - len(seg.lstrip())
    out.append(Sentence(stripped, s + lead, s + lead + len(stripped)))


# ---------------------------------------------------------------------------
# parenthetical clauses

_PAREN_RE = re.compile(r"\(([^()\n]{1,400})\)|（([^（）\n]{1,400})）")


@dataclass(frozen=True)
class Clause:
    """A parenthetical clause: ``inner`` is the text between the brackets."""

    inner: str
    start: int  # offset of the opening bracket
    end: int  # offset after the closing bracket


def parentheticals(text: str) -> list[Clause]:
    """Parenthetical clauses of ``text``; code spans, link targets and enumerators ``(1)`` are not clauses."""
    mask = _protected(text)
    out = []
    for m in _PAREN_RE.finditer(text):
        if mask[m.start()] or (m.start() > 0 and text[m.start() - 1] == "]"):
            continue  # inside code, or a Markdown link target
        inner = (m.group(1) if m.group(1) is not None else m.group(2)).strip()
        if not inner or re.fullmatch(r"[\divxIVX一二三四五六七八九十a-zA-Z]{1,3}", inner):
            continue
        out.append(Clause(inner, m.start(), m.end()))
    return out


# ---------------------------------------------------------------------------
# how much a piece of text says

_EN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CODE_LIKE_RE = re.compile(r"`[^`]*`|\{\{.*?\}\}|\{%.*?%\}|<[^<>]+>|\S*[/\\_=$#{}\[\]]\S*")
_URL_RE = re.compile(r"(?:https?|ftp)://\S+|www\.\S+", re.I)


def content_size(text: str, lang: str) -> int:
    """Words (English) or Han characters (Chinese) of prose.

    URLs count for nothing; a code span or code-like token (``root/sudo``,
    ``a_b``) counts as one English word and no Han character.
    """
    prose = _URL_RE.sub(" ", text)
    if lang.startswith("zh"):
        return han_count(_CODE_LIKE_RE.sub(" ", prose))
    codes = len(_CODE_LIKE_RE.findall(prose))
    return len(_EN_WORD_RE.findall(_CODE_LIKE_RE.sub(" ", prose))) + codes


def is_label(text: str) -> bool:
    """A short lead-in such as "Example:" / "例如：" (a label, not a statement)."""
    t = text.strip()
    return t.endswith((":", "：")) and (len(t) <= 40 or han_count(t) <= 12)
