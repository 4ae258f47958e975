"""What a difference is: a number, a negation, a name, an added or removed clause, or wording."""

from __future__ import annotations

import re

from ...model import Severity
from ..han import FUNCTION_CHARS, is_han
from .changes import same_quantities
from .hunks import (
    _FUNCTION_WORDS,
    _anchored,
    _anchors,
    _ascii_alnum,
    _name_like,
    _negations,
    _numbers,
    _plain_numbers,
    _stem,
    _whole_segment,
)
from .opposites import opposite_words
from .side import _CONTEXT, _LATIN_RE, _regional_equal, _Side
from .words import clause_negation_differs, synonym_words

_CODE_CHARS = set("`$&|<>={}[]\\")

# characters that make up common function words: a substitution among them is wording
_OTHER = {"zh-Hans": "zh-Hant", "zh-Hant": "zh-Hans"}
_NAME_MAX = 3  # Han characters on each side of a substitution judged as a changed name
_TERM_MAX = 6
_OPPOSITE_MAX = 3  # longest difference (characters of each side) judged as a word put for its opposite  # longest term (hunk plus neighbouring equal characters) looked up


class Terms:
    """How often a term (key form: Simplified, regional wording normalised) occurs
    in each Chinese version of the whole document."""

    def __init__(self, hans_segs, hant_segs):
        self.hans = "\x00".join(_Side([s], False).key for s in hans_segs)
        self.hant = "\x00".join(_Side([s], True).key for s in hant_segs)
        self._memo: dict[tuple[str, bool], int] = {}

    def count(self, term: str, hant: bool) -> int:
        got = self._memo.get((term, hant))
        if got is None:
            got = self._memo[(term, hant)] = (self.hant if hant else self.hans).count(term)
        return got


def _equal_run(a: str, i: int, b: str, j: int, step: int, limit: int) -> int:
    """Equal characters of a (from i) and b (from j), going left (step -1) or right (+1)."""
    n = 0
    while n < limit:
        x, y = (i - 1 - n, j - 1 - n) if step < 0 else (i + n, j + n)
        if x < 0 or y < 0 or x >= len(a) or y >= len(b) or a[x] != b[y]:
            break
        n += 1
    return n


def changed_name(a: _Side, b: _Side, hunks, k: int, terms: Terms) -> tuple[str, int, int, int] | None:
    """(version whose term recurs, its occurrences, equal characters taken left and right) when substitution ``hunk`` turns a
    term that recurs in the document into a variant found nowhere else.

    The term is the substituted Han characters plus up to three equal neighbours on
    each side (讯小通 for 小 -> 大). It is a changed name when one version's term
    occurs at least three times in that version and at least twice in the other
    version too (the versions agree on it elsewhere), while the other side's term
    occurs only here: 讯小通 five times, 讯大通 once. A term the versions word
    differently throughout (识别码 / 标识符) is never used by the other version,
    and regional vocabulary is normalised in the key, so neither is reported.
    """
    a1, a2, b1, b2 = hunks[k]
    hs, ht = a.key[a1:a2], b.key[b1:b2]
    # only in a paragraph pair that otherwise matches (converted from one another): in
    # separately worded texts a one-off word next to a recurring one is mere wording
    other = sum(max(x2 - x1, y2 - y1) for n, (x1, x2, y1, y2) in enumerate(hunks) if n != k)
    if other > 0.05 * max(len(a.key), len(b.key)):
        return None
    if not hs or not ht or len(hs) > _NAME_MAX or len(ht) > _NAME_MAX:
        return None
    # a name keeps its length (讯小通 / 讯大通); rewording usually does not
    if len(hs) != len(ht) or not all(is_han(c) for c in hs + ht) or any(c in FUNCTION_CHARS for c in hs + ht):
        return None
    room = _TERM_MAX - max(len(hs), len(ht))
    left_max = _equal_run(a.key, a1, b.key, b1, -1, min(3, room))
    right_max = _equal_run(a.key, a2, b.key, b2, 1, min(3, room))
    best = None
    for left in range(left_max + 1):
        for right in range(right_max + 1):
            if left + right > room or left + right == 0:
                continue
            pre, post = a.key[a1 - left : a1], a.key[a2 : a2 + right]
            if not all(is_han(c) for c in pre + post):
                continue
            ta, tb = pre + hs + post, pre + ht + post
            for common, rare, common_hant in ((ta, tb, False), (tb, ta, True)):
                n = terms.count(common, common_hant)
                if (
                    n >= 3
                    and terms.count(common, not common_hant) >= 2
                    and terms.count(rare, not common_hant) == 1
                    and terms.count(rare, common_hant) == 0
                ):
                    if best is None or left + right > best[2] + best[3]:  # the longest recurring term
                        best = ("zh-Hant" if common_hant else "zh-Hans", n, left, right)
    return best


_FIGURE_CHARS_RE = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿点到至kmb.-]")


def _figures_only(hs: str, ht: str) -> bool:
    """Whether two differing pieces differ in figures, numerals and scales only (500万kaia / 5mkaia)."""
    rest_s, rest_t = _FIGURE_CHARS_RE.sub("", hs), _FIGURE_CHARS_RE.sub("", ht)
    return rest_s == rest_t or max(len(rest_s), len(rest_t)) <= 2


_HOST_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,}")


def _placeholder_hosts(side: _Side, x1: int, x2: int) -> bool:
    """Whether a difference is part of a reserved example address (example.com, localhost, *.test)."""
    from ..links import is_placeholder_host

    text = side.orig(max(0, x1 - 12), min(len(side.key), x2 + 12))
    piece = side.orig(x1, x2).strip()
    return bool(piece) and any(
        (piece in h or h in piece) and is_placeholder_host(h.lower()) for h in _HOST_RE.findall(text)
    )


def judge(a: _Side, b: _Side, hunks, k: int, need: int, terms: Terms | None = None) -> tuple[Severity, str] | None:
    """Severity and kind of hunk k, or None when it is only wording.

    Only local edits are judged: a difference must sit between matching text
    (``need`` equal characters on each side), so a paragraph that the two
    versions word differently throughout says nothing here, while a number,
    a negation or a name changed inside an otherwise matching sentence does,
    whether the versions were converted from one another or translated
    separately. A clause added or removed is judged only when the rest of
    the paragraph pair matches almost exactly.
    """
    a1, a2, b1, b2 = hunks[k]
    left, right = _anchors(hunks, k, len(a.key), len(b.key))
    latin = any(c.isascii() and c.isalpha() for c in a.key[a1:a2] + b.key[b1:b2])
    if not _anchored(left, right, need - 1 if latin else need):  # a Latin word is its own anchor
        return None
    ca1, ca2 = max(0, a1 - _CONTEXT), min(len(a.key), a2 + _CONTEXT)
    cb1, cb2 = max(0, b1 - _CONTEXT), min(len(b.key), b2 + _CONTEXT)
    if _regional_equal(a.orig(ca1, ca2), b.orig(cb1, cb2)) or _regional_equal(a.orig(a1, a2), b.orig(b1, b2)):
        return None
    if (
        max(a2 - a1, b2 - b1) <= _OPPOSITE_MAX
        and opposite_words(a.key, b.key, a1, a2, b1, b2) is not None
        and not (terms is not None and changed_name(a, b, hunks, k, terms))  # 讯小通 / 讯大通: a name
    ):
        return Severity.ERROR, "opposite"  # 上一页 / 下一页: English decides which one is wrong
    if any(c in _CODE_CHARS for c in a.orig(ca1, ca2) + b.orig(cb1, cb2)):
        return None  # code written in the prose (`$10 >= 2 && $10`): not wording to compare
    if _placeholder_hosts(a, a1, a2) and _placeholder_hosts(b, b1, b2):
        return None  # example.com / example.org: both reserved example addresses
    hs, ht = a.key[a1:a2], b.key[b1:b2]
    hans_ctx, hant_ctx = a.key[ca1:ca2], b.key[cb1:cb2]
    han_len = max(sum(1 for c in hs if not _ascii_alnum(c)), sum(1 for c in ht if not _ascii_alnum(c)))
    longer = max(len(hs), len(ht))
    nums_a, nums_b = _plain_numbers(hs), _plain_numbers(ht)
    if nums_a and nums_b and _figures_only(hs, ht) and same_quantities(a, b):
        return None  # 500 万 vs 5M, 6-7点 vs 6 點到 7 點: one quantity written two ways
    if (
        han_len <= 6
        and (nums_a or nums_b)
        and sorted(_numbers(a.key)) != sorted(_numbers(b.key))  # the same figures, reordered: wording
        and (nums_a and nums_b or not hs or not ht)
        and _numbers(hans_ctx) != _numbers(hant_ctx)
        and not (hs and ht and same_quantities(a, b))  # 500 万 vs 5M: the same quantity
    ):
        return Severity.ERROR, "number"
    # a negation added or dropped (不, 没, 未, 不得), or put in place of one character
    # (必须 -> 无须); a reworded passage (临时 / 不固定的) is not judged on its negations
    small = (min(len(hs), len(ht)) == 0 and longer <= 2) or (len(hs) == 1 and len(ht) == 1)
    if small and _negations(hans_ctx) != _negations(hant_ctx) and clause_negation_differs(a, b, a1, a2, b1, b2):
        return Severity.ERROR, "negation"
    if terms is not None and changed_name(a, b, hunks, k, terms) and not synonym_words(a, b, a1, a2, b1, b2):
        return Severity.ERROR, "name"  # 讯小通 throughout, 讯大通 here only
    # Latin words from the original text: the key drops spaces and punctuation,
    # which would glue "Vagrant, and Middleman" into one word
    oa, ob = a.orig(a1, a2), b.orig(b1, b2)
    la = {_stem(w) for w in _LATIN_RE.findall(oa)} - _FUNCTION_WORDS
    lb = {_stem(w) for w in _LATIN_RE.findall(ob)} - _FUNCTION_WORDS
    words = max(len(_LATIN_RE.findall(oa)), len(_LATIN_RE.findall(ob)))
    if (a1 == a2 and b.in_parens(b1, b2)) or (b1 == b2 and a.in_parens(a1, a2)):
        return None  # a gloss in parentheses in one version only: 佈局 (Layout)
    if la != lb and (not la or not lb) and words >= 4:
        return None  # an English sentence in one version only: the untranslated rule reports it
    if la != lb and (not la or not lb) and not any(_name_like(w) for w in _LATIN_RE.findall(oa + " " + ob)):
        return None  # a common word (header, issue) kept in Latin letters in one version only
    if la != lb and _term_kept_in_english(oa + " " + ob, la, lb):
        return None  # DATA 帧 / DATA frame, TLS 库 / TLS libraries
    if la != lb and han_len <= 1 and la and lb:
        return (
            Severity.ERROR,
            "name",
        )  # a Latin word in one version only is a gloss (布局 (Layout)) or an omission  # 谷歌 vs Google is a choice of script, Talk123 vs Paper Talk123 is not
    if min(len(hs), len(ht)) <= 1 and longer >= 6 and _beyond_gloss(a, a1, a2, b, b1, b2) >= 6:
        if _whole_segment(a, a1, a2) or _whole_segment(b, b1, b2):
            return None  # a whole paragraph: missing-paragraph / duplicate-paragraph
        if (left is None or left >= 4) and (right is None or right >= 4):
            other = sum(max(x2 - x1, y2 - y1) for n, (x1, x2, y1, y2) in enumerate(hunks) if n != k)
            rest = max(len(a.key) - len(hs), len(b.key) - len(ht), 1)
            if other <= 0.1 * rest:  # measured 0 of 5 real on the corpus: info
                return Severity.INFO, "added" if len(hs) < len(ht) else "removed"
    return None


def _beyond_gloss(a: _Side, a1: int, a2: int, b: _Side, b1: int, b2: int) -> int:
    """The longer side's differing key characters, less those of a Latin gloss in parentheses
    (優先次序 ( Prioritization ) against 优先度: one character of wording, not a clause)."""
    side, lo, hi = (a, a1, a2) if a2 - a1 >= b2 - b1 else (b, b1, b2)
    gloss = 0
    k = lo
    while k < hi:
        j = k
        while j < hi and _ascii_alnum(side.key[j]):
            j += 1
        if j > k and side.in_parens(k, j):
            gloss += j - k
        k = max(j, k + 1)
    return hi - lo - gloss


_COMPOUND_RE = re.compile(r"[A-Za-z0-9]+(?:[-_./@][A-Za-z0-9]+)+")


def _term_kept_in_english(orig: str, la: set[str], lb: set[str]) -> bool:
    """Whether the Latin words only one side has (``la`` / ``lb``: stems) are a term that side keeps
    in English where the other translates it: a word or two, on one side only, no name, no function
    word ("for", "the": a phrase left in English), and no part of an identifier (express-generator,
    node_modules, x.y: a name, however common its parts). ``orig``: both sides' original text."""
    if (la - lb and lb - la) or len(la ^ lb) > 2:
        return False
    compound = {w for m in _COMPOUND_RE.finditer(orig) for w in _LATIN_RE.findall(m.group(0))}
    extra = [w for w in _LATIN_RE.findall(orig) if _stem(w) not in la & lb]
    return not any(_name_like(w) or _stem(w) in _FUNCTION_WORDS or w in compound for w in extra)
