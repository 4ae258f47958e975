"""One version's side of a zh-Hans/zh-Hant comparison: a key string in mainland Simplified form."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

from ..han import is_han
from ..scripts import convert
from ..spans import RawText, text_positions

_NEGATION = set("不没未无非勿毋")
# words that hold a negator character without negating anything (不过 "but", 不同
# "different", 未来 "future", 无论 "whatever")
_NOT_NEGATION_RE = re.compile(
    r"非常|无论|不论|无线|不断|不过|不仅|不但|不同|不久|不少|不管|不止|未来|无关|并非|除非|莫非|是非"
)
_CN_NUMBER_RE = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+(?=[个年月日天周小时分钟秒次项条岁倍%％])")
_LATIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_CLAUSE_ENDS = set("，。；：！？,;:!?\n")
_CLAUSE_STOPS = "，。；：！？;!?\n"
_CONTEXT = 3  # characters of equal text added around a difference for the regional check


def _canonical(text: str, hant: bool) -> tuple[str, list[int]]:
    """Mainland Simplified form of ``text`` (regional vocabulary normalised) and, for
    each of its characters, the offset of the source character it came from."""
    # both sides take the same round trip (OpenCC's reverse table alone is lossy:
    # tw2sp turns 程序 into 进程), so equal wording gives equal keys
    conv = convert(convert(convert(text, "t2s") if hant else text, "s2twp"), "tw2sp")
    if len(conv) == len(text):
        return conv, list(range(len(text)))
    where: list[int] = []
    sm = difflib.SequenceMatcher(None, text, conv, autojunk=False)
    for _tag, i1, i2, j1, j2 in sm.get_opcodes():
        for j in range(j1, j2):
            where.append(min(i1 + (j - j1) * max(1, i2 - i1) // max(1, j2 - j1), max(i1, i2 - 1)))
    return conv, where


@lru_cache(maxsize=4096)
def _fold(c: str) -> tuple[str, bool]:
    """The key character of one converted character ("" for punctuation and spaces), and
    whether it ends a clause."""
    n = unicodedata.normalize("NFKC", c).lower()
    if not n or not (n[0].isalnum() or is_han(n[0])):
        return "", n[:1] in _CLAUSE_ENDS
    return n[0], False


@lru_cache(maxsize=8192)
def _key_parts(text: str, hant: bool) -> tuple[str, tuple[str, ...], tuple[int, ...], tuple[int, ...], int]:
    """One segment's share of a :class:`_Side`: its key characters, the source character and
    offset of each, each one's clause number counted from the segment's first clause (0), and
    the clauses the segment closes. Memoised: a segment is keyed for its row and again for the
    document's term counts (:class:`~.judge.Terms`)."""
    conv, src = _canonical(text, hant)
    keys: list[str] = []
    orig: list[str] = []
    offsets: list[int] = []
    clauses: list[int] = []
    n_clause = 0
    for c, i in zip(conv, src):
        key, ends = _fold(c)
        if not key:
            n_clause += ends
            continue
        keys.append(key)
        orig.append(text[i] if i < len(text) else c)
        offsets.append(i)
        clauses.append(n_clause)
    return "".join(keys), tuple(orig), tuple(offsets), tuple(clauses), n_clause


class _Side:
    """One version's texts of a row, with a key string for the diff.

    The key is the text in mainland Simplified form (OpenCC ``t2s`` for
    zh-Hant, then for both sides ``s2twp`` and back with ``tw2sp``, so both
    go through the same regional phrase tables), lowercased, without punctuation or
    spaces (「」 vs “”, full-width vs ASCII commas are not differences). For
    every key character it keeps its segment and offset in ``seg.text``.
    """

    def __init__(self, segs, hant: bool):
        self.segs = segs
        self.key_chars: list[str] = []
        self.orig_chars: list[str] = []  # the source characters, as written
        self.where: list[tuple[int, int]] = []  # (segment number in row, offset in seg.text)
        self.clause: list[int] = []  # clause number of every key character
        n_clause = 0
        for k, seg in enumerate(segs):
            keys, orig, offsets, clauses, closed = _key_parts(seg.text, hant)
            n_clause += 1
            self.key_chars += keys
            self.orig_chars += orig
            self.where += [(k, i) for i in offsets]
            self.clause += [n_clause + c for c in clauses]
            n_clause += closed
        self.key = "".join(self.key_chars)

    def clause_key(self, pos: int) -> str:
        """The key characters of the clause holding key position ``pos`` (the one before, at the end)."""
        if not self.key:
            return ""
        pos = min(max(pos, 0), len(self.key) - 1)
        c = self.clause[pos]
        lo, hi = pos, pos + 1
        while lo > 0 and self.clause[lo - 1] == c:
            lo -= 1
        while hi < len(self.key) and self.clause[hi] == c:
            hi += 1
        return self.key[lo:hi]

    def in_parens(self, a: int, b: int) -> bool:
        """Whether key characters a..b sit inside one pair of parentheses (a gloss: 佈局 (Layout))."""
        if a >= b or not self.where:
            return False
        k, i = self.where[a]
        k2, i2 = self.where[b - 1]
        if k != k2:
            return False
        text = self.segs[k].text
        before, after = text[:i], text[i2 + 1 :]
        op = max(before.rfind("("), before.rfind("（"))
        cl = max(before.rfind(")"), before.rfind("）"))
        if op < 0 or cl > op:
            return False
        ends = [x for x in (after.find(")"), after.find("）")) if x >= 0]
        opens = [x for x in (after.find("("), after.find("（")) if x >= 0]
        return bool(ends) and (not opens or min(ends) < min(opens))

    def clause_text(self, a: int, b: int, limit: int = 70) -> str:
        """The source clause(s) around key characters a..b, whole (cut at a word boundary past ``limit``)."""
        if not self.where:
            return ""
        a = min(max(a, 0), len(self.where) - 1)
        last = min(max(a, b - 1), len(self.where) - 1)
        k, i = self.where[a]
        k2, i2 = self.where[last]
        text = self.segs[k].text
        if k2 != k:
            i2 = len(text) - 1
        lo, hi = i, i2 + 1
        while lo > 0 and text[lo - 1] not in _CLAUSE_STOPS and i - lo < limit:
            lo -= 1
        while hi < len(text) and text[hi] not in _CLAUSE_STOPS and hi - i2 < limit:
            hi += 1
        if lo > 0 and text[lo - 1] not in _CLAUSE_STOPS:  # cut inside a long clause: at a space
            sp = text.find(" ", lo, i)
            lo = sp + 1 if sp >= 0 else lo
        if hi < len(text) and text[hi] not in _CLAUSE_STOPS:
            sp = text.rfind(" ", i2 + 1, hi)
            hi = sp if sp >= 0 else hi
        out = text[lo:hi].strip()
        return (
            ("…" if lo > 0 and text[lo - 1] not in _CLAUSE_STOPS else "")
            + out
            + ("…" if hi < len(text) and text[hi] not in _CLAUSE_STOPS else "")
        )

    def orig(self, a: int, b: int) -> str:
        """Source text behind key characters a..b (b exclusive)."""
        if a >= b or not self.where:
            return ""
        k, i = self.where[a]
        k2, i2 = self.where[b - 1]
        if k == k2:
            return self.segs[k].text[i : i2 + 1]
        return "".join(self.orig_chars[a:b])

    def span(self, a: int, b: int) -> dict | None:
        """Evidence (line/columns) for key characters a..b (b exclusive); a point when a == b."""
        if not self.where:
            return None
        a = min(a, len(self.where) - 1)
        last = min(max(a, b - 1), len(self.where) - 1)
        k, i = self.where[a]
        k2, i2 = self.where[last]
        seg = self.segs[k]
        raw = RawText(seg)
        pos = text_positions(seg)
        start = raw.pos(pos[i]) if i < len(pos) else (seg.line, seg.column)
        if k2 == k:
            end = raw.pos(pos[i2]) if i2 < len(pos) else start
        else:
            end = start
        return {
            "text": seg.text[i : i2 + 1] if (k2 == k and b > a) else "",
            "line": start[0],
            "column": start[1],
            "end_line": end[0],
            "end_column": end[1] + (1 if b > a else 0),
            "paragraph": seg.index,
        }


def _regional_equal(hans: str, hant: str) -> bool:
    """Whether two pieces say the same once script and regional vocabulary are normalised."""
    if not hans and not hant:
        return True
    a = convert(convert(hans, "s2twp"), "tw2sp")
    b = convert(hant, "tw2sp")
    if a == b or convert(hans, "s2twp") == hant or convert(hant, "tw2sp") == hans:
        return True
    return convert(b, "s2twp") == convert(hans, "s2twp")
