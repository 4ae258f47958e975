"""hans-hant-divergence: zh-Hans and zh-Hant texts that differ beyond script and regional wording."""

from __future__ import annotations

import difflib
import re
import unicodedata

from ..model import Severity
from ..scripts import convert, is_han
from . import Rule, RuleContext, register
from ._spans import RawText, text_positions

_NEGATION = set("不没未无非勿")
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
    """两 -> 2, 三十 -> 30 (cn2an); the numeral itself when it cannot be read."""
    try:
        import cn2an

        return str(int(cn2an.cn2an(numeral, "smart")))
    except Exception:  # noqa: BLE001 - cn2an raises ValueError and others on odd input
        return numeral


def _numbers(text: str) -> list[str]:
    # a lone 一 before a measure word (一个, 一项) is an article more than a number
    return sorted([str(int(n)) for n in re.findall(r"\d+", text)]
                  + [_cn_value(n) for n in _CN_NUMBER_RE.findall(text) if n != "一"])


def _negations(text: str) -> int:
    return sum(1 for c in _NOT_NEGATION_RE.sub("", text) if c in _NEGATION)


def classify(hans: str, hant_simplified: str, hans_ctx: str, hant_ctx: str) -> tuple[Severity, str]:
    """Severity and kind of one difference (texts in Simplified, punctuation dropped)."""
    if _numbers(hans_ctx) != _numbers(hant_ctx):
        return Severity.ERROR, "number"
    longer = max(len(hans), len(hant_simplified))
    # a negation added or dropped in a small edit (不, 没有, 未); inside a
    # rewritten passage the count says little, so that is left to the size checks
    if longer <= 4 and _negations(hans_ctx) != _negations(hant_ctx):
        return Severity.ERROR, "negation"
    la = {w.lower() for w in _LATIN_RE.findall(hans)}
    lb = {w.lower() for w in _LATIN_RE.findall(hant_simplified)}
    if la != lb and ((la and lb) or not any(is_han(c) for c in hans + hant_simplified)):
        return Severity.ERROR, "name"  # 谷歌 vs Google is a choice of script, Talk123 vs Paper Talk123 is not
    if (not hans or not hant_simplified) and longer >= 6:
        return Severity.WARNING, "added" if not hans else "removed"
    if longer >= 12 and difflib.SequenceMatcher(None, hans, hant_simplified, autojunk=False).ratio() < 0.3:
        return Severity.WARNING, "rewritten"
    return Severity.INFO, "wording"


def diff_hunks(a: _Side, b: _Side, merge_gap: int = 2) -> list[tuple[int, int, int, int]]:
    """Differing key ranges (a1, a2, b1, b2), nearby ones merged."""
    sm = difflib.SequenceMatcher(None, a.key, b.key, autojunk=False)
    out: list[list[int]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        # a number is one token: 30 vs 60 is reported as "30"/"60", not "3"/"6"
        while i1 > 0 and j1 > 0 and a.key[i1 - 1].isdigit() and b.key[j1 - 1].isdigit():
            i1, j1 = i1 - 1, j1 - 1
        while i2 < len(a.key) and j2 < len(b.key) and a.key[i2].isdigit() and b.key[j2].isdigit():
            i2, j2 = i2 + 1, j2 + 1
        if out and i1 - out[-1][1] <= merge_gap and j1 - out[-1][3] <= merge_gap:
            out[-1][1], out[-1][3] = i2, j2
        else:
            out.append([i1, i2, j1, j2])
    return [tuple(h) for h in out]


@register
class HansHantDivergence(Rule):
    """zh-Hans and zh-Hant paragraphs that say different things, beyond script and regional wording.

    The zh-Hant text is converted to Simplified with OpenCC and compared with
    its aligned zh-Hans paragraph character by character, ignoring
    punctuation. A difference that OpenCC's Taiwan phrase tables explain
    (信息/資訊, 账户/帳戶, 软件/軟體) is not reported. What remains is
    classified: a different number, a negation present in one version only,
    or a different Latin name is an error; a clause added or removed (six
    characters or more) or a rewritten passage is a warning; a small wording
    difference (a near-synonym) is info. One finding per paragraph, with the
    differing spans in both versions. Only for versions converted from one
    another: when the median paragraph pair differs by more than
    ``min_document_similarity``, the two were translated separately and the
    rule stays silent.
    """

    id = "hans-hant-divergence"
    severity = Severity.WARNING
    options = {"min_document_similarity": 0.85}

    def check(self, ctx: RuleContext):
        if ctx.version("zh-Hans") is None or ctx.version("zh-Hant") is None:
            return
        pairs = []
        for hans_segs, hant_segs, _row in ctx.aligned_pairs("zh-Hans", "zh-Hant"):
            a, b = _Side(hans_segs, False), _Side(hant_segs, True)
            if not a.key or not b.key:
                continue
            ratio = 1.0 if a.key == b.key else difflib.SequenceMatcher(None, a.key, b.key, autojunk=False).ratio()
            pairs.append((hans_segs, hant_segs, a, b, ratio))
        if not pairs:
            return
        ratios = sorted(p[4] for p in pairs)
        if ratios[len(ratios) // 2] < float(ctx.option(self, "min_document_similarity")):
            # the two versions were translated separately, not converted from
            # one another: their wording differs everywhere and a character
            # diff says nothing (number-mismatch and semantic-drift still apply)
            return
        for hans_segs, hant_segs, a, b, ratio in pairs:
            if a.key == b.key:
                continue
            sm = difflib.SequenceMatcher(None, a.key, b.key, autojunk=False)
            same = sum(m.size for m in sm.get_matching_blocks())
            if same < 0.6 * min(len(a.key), len(b.key)):
                continue  # not converted from one another: semantic-drift's business
            diffs = []
            hunks = diff_hunks(a, b)
            removed = {a.key[a1:a2] for a1, a2, b1, b2 in hunks if b1 == b2 and a2 - a1 >= 2}
            added = {b.key[b1:b2] for a1, a2, b1, b2 in hunks if a1 == a2 and b2 - b1 >= 2}
            moved = removed & added  # the same words at another place of the sentence
            for a1, a2, b1, b2 in hunks:
                if (a1 == a2 and b.key[b1:b2] in moved) or (b1 == b2 and a.key[a1:a2] in moved):
                    continue
                ca1, ca2 = max(0, a1 - _CONTEXT), min(len(a.key), a2 + _CONTEXT)
                cb1, cb2 = max(0, b1 - _CONTEXT), min(len(b.key), b2 + _CONTEXT)
                hans_ctx, hant_ctx = a.orig(ca1, ca2), b.orig(cb1, cb2)
                if _regional_equal(hans_ctx, hant_ctx) or _regional_equal(a.orig(a1, a2), b.orig(b1, b2)):
                    continue
                sev, kind = classify(a.key[a1:a2], b.key[b1:b2], a.key[ca1:ca2], b.key[cb1:cb2])
                if sev == Severity.INFO and max(a2 - a1, b2 - b1) <= 1:
                    continue  # one character: a variant (帳/账, 週/周) or a particle (的, 了)
                diffs.append({
                    "kind": kind, "severity": sev.label,
                    "zh-Hans": a.orig(a1, a2), "zh-Hant": b.orig(b1, b2),
                    "zh-Hans_span": a.span(a1, a2), "zh-Hant_span": b.span(b1, b2),
                    "_sev": sev,
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
                "name": "a different name", "added": "text that zh-Hans lacks", "removed": "text that zh-Hant lacks",
                "rewritten": "a differently worded passage", "wording": "different wording",
            }[d0["kind"]]
            shown = "; ".join(f"zh-Hans \"{d['zh-Hans'] or '∅'}\" vs zh-Hant \"{d['zh-Hant'] or '∅'}\"" for d in diffs[:4])
            more = f" (+{len(diffs) - 4} more)" if len(diffs) > 4 else ""
            seg = hant_segs[0]
            span = d0["zh-Hant_span"]
            loc = ctx.loc("zh-Hant", seg)
            if span:
                loc.at = (span["line"], span["column"])
                if span["line"] == seg.line:
                    loc.column = span["column"]
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
