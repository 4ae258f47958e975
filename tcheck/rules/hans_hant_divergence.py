"""hans-hant-divergence: zh-Hans and zh-Hant texts that differ beyond script and regional wording."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from ..model import Severity
from ..text.han import FUNCTION_CHARS, is_han
from ..text.numbers import chinese_numeral
from ..text.scripts import convert
from ..text.spans import RawText, text_positions
from .base import Rule, RuleContext
from .options import RuleOptions, opt

_NEGATION = set("不没未无非勿毋")
_NOT_NEGATION_RE = re.compile(r"非常|无论|不论|无线|不断")
_CN_NUMBER_RE = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+(?=[个年月日天周小时分钟秒次项条岁倍%％])")
_LATIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
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
        for k, seg in enumerate(segs):
            text = seg.text
            conv, src = _canonical(text, hant)
            for c, i in zip(conv, src):
                n = unicodedata.normalize("NFKC", c).lower()
                if not n or not (n[0].isalnum() or is_han(n[0])):
                    continue
                self.key_chars.append(n[0])
                self.orig_chars.append(text[i] if i < len(text) else c)
                self.where.append((k, i))
        self.key = "".join(self.key_chars)

    def orig(self, a: int, b: int) -> str:
        """Source text behind key characters a..b (b exclusive)."""
        if a >= b or not self.where:
            return ""
        k, i = self.where[a]
        k2, i2 = self.where[b - 1]
        if k == k2:
            return self.segs[k].text[i:i2 + 1]
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
        return {"text": seg.text[i:i2 + 1] if (k2 == k and b > a) else "", "line": start[0], "column": start[1],
                "end_line": end[0], "end_column": end[1] + (1 if b > a else 0), "paragraph": seg.index}


def _regional_equal(hans: str, hant: str) -> bool:
    """Whether two pieces say the same once script and regional vocabulary are normalised."""
    if not hans and not hant:
        return True
    a = convert(convert(hans, "s2twp"), "tw2sp")
    b = convert(hant, "tw2sp")
    if a == b or convert(hans, "s2twp") == hant or convert(hant, "tw2sp") == hans:
        return True
    return convert(b, "s2twp") == convert(hans, "s2twp")


def _cn_value(numeral: str) -> str:
    """两 -> 2, 三十 -> 30; the numeral itself when it cannot be read."""
    v = chinese_numeral(numeral)
    return str(int(v)) if v is not None else numeral


def _numbers(text: str) -> list[str]:
    # a lone 一 before a measure word (一个, 一项) is an article more than a number
    return sorted([str(int(n)) for n in re.findall(r"\d+", text)]
                  + [_cn_value(n) for n in _CN_NUMBER_RE.findall(text) if n != "一"])


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


# characters that make up common function words: a substitution among them is wording
_OTHER = {"zh-Hans": "zh-Hant", "zh-Hant": "zh-Hans"}
_NAME_MAX = 3  # Han characters on each side of a substitution judged as a changed name
_TERM_MAX = 6  # longest term (hunk plus neighbouring equal characters) looked up


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
            pre, post = a.key[a1 - left:a1], a.key[a2:a2 + right]
            if not all(is_han(c) for c in pre + post):
                continue
            ta, tb = pre + hs + post, pre + ht + post
            for common, rare, common_hant in ((ta, tb, False), (tb, ta, True)):
                n = terms.count(common, common_hant)
                if (n >= 3 and terms.count(common, not common_hant) >= 2
                        and terms.count(rare, not common_hant) == 1 and terms.count(rare, common_hant) == 0):
                    if best is None or left + right > best[2] + best[3]:  # the longest recurring term
                        best = ("zh-Hant" if common_hant else "zh-Hans", n, left, right)
    return best


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
    hs, ht = a.key[a1:a2], b.key[b1:b2]
    hans_ctx, hant_ctx = a.key[ca1:ca2], b.key[cb1:cb2]
    han_len = max(sum(1 for c in hs if not _ascii_alnum(c)), sum(1 for c in ht if not _ascii_alnum(c)))
    longer = max(len(hs), len(ht))
    nums_a, nums_b = _plain_numbers(hs), _plain_numbers(ht)
    if han_len <= 6 and (nums_a or nums_b) and (nums_a and nums_b or not hs or not ht) \
            and _numbers(hans_ctx) != _numbers(hant_ctx):
        return Severity.ERROR, "number"
    # a negation added or dropped (不, 没, 未, 不得), or put in place of one character
    # (必须 -> 无须); a reworded passage (临时 / 不固定的) is not judged on its negations
    small = (min(len(hs), len(ht)) == 0 and longer <= 2) or (len(hs) == 1 and len(ht) == 1)
    if small and _negations(hans_ctx) != _negations(hant_ctx):
        return Severity.ERROR, "negation"
    if terms is not None and changed_name(a, b, hunks, k, terms):
        return Severity.ERROR, "name"  # 讯小通 throughout, 讯大通 here only
    # Latin words from the original text: the key drops spaces and punctuation,
    # which would glue "Vagrant, and Middleman" into one word
    oa, ob = a.orig(a1, a2), b.orig(b1, b2)
    la = {_stem(w) for w in _LATIN_RE.findall(oa)} - _FUNCTION_WORDS
    lb = {_stem(w) for w in _LATIN_RE.findall(ob)} - _FUNCTION_WORDS
    words = max(len(_LATIN_RE.findall(oa)), len(_LATIN_RE.findall(ob)))
    if la != lb and (not la or not lb) and words >= 4:
        return None  # an English sentence in one version only: the untranslated rule reports it
    if la != lb and (not la or not lb) and not any(_name_like(w) for w in _LATIN_RE.findall(oa + " " + ob)):
        return None  # a common word (header, issue) kept in Latin letters in one version only
    if la != lb and han_len <= 1 and ((la and lb) or not any(is_han(c) for c in hs + ht)):
        return Severity.ERROR, "name"  # 谷歌 vs Google is a choice of script, Talk123 vs Paper Talk123 is not
    if min(len(hs), len(ht)) <= 1 and longer >= 6:
        if _whole_segment(a, a1, a2) or _whole_segment(b, b1, b2):
            return None  # a whole paragraph: missing-paragraph / duplicate-paragraph
        if (left is None or left >= 4) and (right is None or right >= 4):
            other = sum(max(x2 - x1, y2 - y1) for n, (x1, x2, y1, y2) in enumerate(hunks) if n != k)
            rest = max(len(a.key) - len(hs), len(b.key) - len(ht), 1)
            if other <= 0.1 * rest:
                return Severity.WARNING, "added" if len(hs) < len(ht) else "removed"
    return None


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


def changed_numbers(a: _Side, b: _Side) -> list[tuple[int, int, int, int]]:
    """Key ranges of numbers that differ between otherwise matching places of two
    separately worded texts: 24小时 vs 26小时 (same measure word after, or the same
    two characters before), the value of each found nowhere in the other text."""
    na, nb = _number_tokens(a.key), _number_tokens(b.key)
    va, vb = [t[0] for t in na], [t[0] for t in nb]
    only_a = [t for t in na if t[0] not in vb]
    only_b = [t for t in nb if t[0] not in va]
    out = []
    for v1, a1, a2 in only_a:
        for v2, b1, b2 in only_b:
            after = a.key[a2:a2 + 1] and a.key[a2:a2 + 1] == b.key[b2:b2 + 1]
            before = a1 >= 2 and b1 >= 2 and a.key[a1 - 2:a1] == b.key[b1 - 2:b1]
            if after or before:
                out.append((a1, a2, b1, b2))
                break
    return out


def changed_negations(a: _Side, b: _Side) -> list[tuple[int, int, int, int]]:
    """A negation added or dropped inside matching wording of two separately worded
    texts: 我们会删除 vs 我們不會刪除 (the characters around the negation, two on
    each side, or three in all, appear together in the other text without it),
    while the two texts hold different numbers of negations."""
    ka = _NOT_NEGATION_RE.sub(lambda m: "_" * len(m.group(0)), a.key)
    kb = _NOT_NEGATION_RE.sub(lambda m: "_" * len(m.group(0)), b.key)
    ca, cb = sum(c in _NEGATION for c in ka), sum(c in _NEGATION for c in kb)
    if ca == cb:
        return []
    more, less, flip = (ka, kb, False) if ca > cb else (kb, ka, True)
    out = []
    for p, c in enumerate(more):
        if c not in _NEGATION:
            continue
        windows = ((more[max(0, p - 2):p], more[p + 1:p + 3], "(.?)"),  # 必须 -> 无须 too
                   (more[max(0, p - 2):p], more[p + 1:p + 2], "()"), (more[max(0, p - 1):p], more[p + 1:p + 3], "()"))
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


class HansHantDivergence(Rule):
    """zh-Hans and zh-Hant paragraphs that differ in a number, a negation, a name or a clause.

    The zh-Hant text is converted to Simplified with OpenCC and compared with
    its aligned zh-Hans paragraph character by character, ignoring
    punctuation. Only local edits are judged: a difference must sit between
    matching text (``min_context`` equal characters on each side), so it
    works for versions converted from one another and for separately
    translated ones alike. A different number, a negation present in one
    version only (不, 没, 未, 無, 非, 不得) or a different Latin name is an
    error; a clause of six characters or more added or removed in an
    otherwise identical paragraph is a warning. Differences that OpenCC's
    Taiwan phrase tables explain (信息/資訊, 账户/帳戶, 软件/軟體) and plain
    wording differences (near-synonyms, reordered or rephrased passages) are
    not reported. One finding per paragraph, with the differing spans in
    both versions.
    """

    id = "hans-hant-divergence"
    severity = Severity.ERROR
    severities = (Severity.ERROR, Severity.WARNING)
    yields_to = ("number-mismatch",)  # a changed number: number-mismatch says which version is odd
    @dataclass(frozen=True)
    class Options(RuleOptions):
        min_context: int = opt(3, "equal characters required on each side of a difference")

    def check(self, ctx: RuleContext):
        if ctx.version("zh-Hans") is None or ctx.version("zh-Hant") is None:
            return
        need = int(ctx.option(self, "min_context"))
        terms = Terms(ctx.version("zh-Hans").segments, ctx.version("zh-Hant").segments)
        for hans_segs, hant_segs, _row in ctx.aligned_pairs("zh-Hans", "zh-Hant"):
            a, b = _Side(hans_segs, False), _Side(hant_segs, True)
            if not a.key or not b.key or a.key == b.key:
                continue
            diffs = []
            hunks = diff_hunks(a, b)
            removed = {a.key[a1:a2] for a1, a2, b1, b2 in hunks if b1 == b2 and a2 - a1 >= 2}
            added = {b.key[b1:b2] for a1, a2, b1, b2 in hunks if a1 == a2 and b2 - b1 >= 2}
            moved = removed & added  # the same words at another place of the sentence
            for k, (a1, a2, b1, b2) in enumerate(hunks):
                if (a1 == a2 and b.key[b1:b2] in moved) or (b1 == b2 and a.key[a1:a2] in moved):
                    continue
                verdict = judge(a, b, hunks, k, need, terms)
                if verdict is None:
                    continue
                sev, kind = verdict
                if kind == "name" and (named := changed_name(a, b, hunks, k, terms)):
                    # show the whole term (讯小通 / 訊大通), not the changed character alone
                    where, n, left, right = named
                    a1, a2, b1, b2 = a1 - left, a2 + right, b1 - left, b2 + right
                    diffs.append({
                        "kind": kind, "severity": sev.label,
                        "zh-Hans": a.orig(a1, a2), "zh-Hant": b.orig(b1, b2),
                        "zh-Hans_span": a.span(a1, a2), "zh-Hant_span": b.span(b1, b2),
                        "recurring": where, "occurrences": n, "_sev": sev,
                    })
                    continue
                diffs.append({
                    "kind": kind, "severity": sev.label,
                    "zh-Hans": a.orig(a1, a2), "zh-Hant": b.orig(b1, b2),
                    "zh-Hans_span": a.span(a1, a2), "zh-Hant_span": b.span(b1, b2),
                    "_sev": sev,
                })
            # separately worded versions: a number or a negation changed at a place
            # that otherwise matches, even when the sentence around it is reworded
            kinds = {d["kind"] for d in diffs}
            for kind, found in (("number", changed_numbers(a, b)), ("negation", changed_negations(a, b))):
                if kind in kinds:
                    continue
                for a1, a2, b1, b2 in found[:3]:
                    diffs.append({
                        "kind": kind, "severity": Severity.ERROR.label,
                        "zh-Hans": a.orig(a1, a2), "zh-Hant": b.orig(b1, b2),
                        "zh-Hans_span": a.span(a1, a2), "zh-Hant_span": b.span(b1, b2),
                        "_sev": Severity.ERROR,
                    })
            if not diffs:
                continue
            sev = max(d["_sev"] for d in diffs)
            worst = [d for d in diffs if d["_sev"] == sev]
            for d in diffs:
                del d["_sev"]
            d0 = worst[0]
            what = {
                "number": "a different number", "negation": "a negation in one version only",
                "name": "a different name", "added": "a clause that zh-Hans lacks",
                "removed": "a clause that zh-Hant lacks",
            }[d0["kind"]]
            shown = "; ".join(f"zh-Hans \"{d['zh-Hans'] or '∅'}\" vs zh-Hant \"{d['zh-Hant'] or '∅'}\"" + (
                f" (\"{d[d['recurring']]}\" occurs {d['occurrences']} times in {d['recurring']} and also in the other "
                f"version; \"{d[_OTHER[d['recurring']]]}\" occurs only here)" if "recurring" in d else "") for d in diffs[:4])
            more = f" (+{len(diffs) - 4} more)" if len(diffs) > 4 else ""
            seg = hant_segs[0]
            span = d0["zh-Hant_span"]
            loc = ctx.loc_at("zh-Hant", seg, span["line"], span["column"]) if span else ctx.loc("zh-Hant", seg)
            msg = (f"zh-Hant {seg.kind} {seg.index} differs from zh-Hans {hans_segs[0].kind} {hans_segs[0].index} "
                   f"(line {hans_segs[0].line}) beyond script conversion: {what}: {shown}{more}")
            yield ctx.finding(
                self, msg, loc,
                counterparts=[ctx.loc("zh-Hans", s) for s in hans_segs],
                evidence={"differences": diffs, "key": ",".join(d["kind"] for d in diffs)},
                suggestion=("make the two versions say the same: " + "; ".join(
                    f"\"{d['zh-Hant'] or '∅'}\" ↔ \"{d['zh-Hans'] or '∅'}\"" for d in worst[:3])),
                severity=sev,
                texts=[s.text for s in hans_segs + hant_segs],
            )
