"""script-mix: Simplified characters in a zh-Hant version, Traditional ones in zh-Hans."""

from __future__ import annotations

from ..model import Severity
from ..text.scripts import mask_autonyms, simplified_only, traditional_only
from ..text.snippets import snippet
from ..text.spans import RawText, mask_markup
from .base import Rule, RuleContext


def _clusters(offsets: list[int], gap: int = 2) -> list[tuple[int, int]]:
    """Group nearby offsets into [start, end) runs."""
    out: list[list[int]] = []
    for o in offsets:
        if out and o - out[-1][1] <= gap:
            out[-1][1] = o + 1
        else:
            out.append([o, o + 1])
    return [(a, b) for a, b in out]


class ScriptMix(Rule):
    """Simplified characters inside a zh-Hant version, or Traditional ones inside zh-Hans.

    ## What it catches
    Characters that are never correct in the version's script: 踪 in
    zh-Hant, 資 in zh-Hans. All hits of one paragraph form one finding; the
    suggestion is the text as OpenCC converts it.

    ## Why
    A text converted by hand or pasted from the other version keeps stray
    characters of the other script, which readers notice at once.

    ## Example
    zh-Hant "我們會追踪您的訂單" → 踪 (蹤).

    ## Not reported
    Characters correct in some words of both scripts (台, 后, 干, 於) unless
    next to a certain hit, Traditional variants (爲, 着), and Taiwan usage.
    Names of languages written in their own script (简体中文 / 繁體中文 /
    日本語 in a language switcher or a list of translations; the table is
    ``tcheck.langs.AUTONYMS``).
    Judged with OpenCC's regional standards (Taiwan ``s2tw``, Hong Kong
    ``s2hk``; both must agree when the region is unknown).
    """

    id = "script-mix"
    severity = Severity.WARNING
    scope = "single"

    def check(self, ctx: RuleContext):
        for v in ctx.versions:
            if v.lang not in ("zh-Hans", "zh-Hant"):
                continue
            for seg in v.segments:
                raw = RawText(seg)
                masked = mask_autonyms(mask_markup(raw.text))  # 繁體中文 in a zh-Hans language menu
                if v.lang == "zh-Hant":
                    hits = simplified_only(masked, v.region)
                    found, expected = "Simplified", "Traditional"
                    std = {"TW": "Taiwan", "HK": "Hong Kong"}.get(v.region, "")
                else:
                    hits = traditional_only(masked)
                    found, expected, std = "Traditional", "Simplified", ""
                if not hits:
                    continue
                sub = {h.offset: h.suggestion for h in hits}
                chars = []
                edits = []
                for h in hits:
                    line, col = raw.pos(h.offset)
                    chars.append({"char": h.char, "suggestion": h.suggestion, "line": line, "column": col})
                    if h.suggestion and h.suggestion != h.char:
                        edits.append(ctx.fix(v.lang, (line, col), (line, col + len(h.char)), h.suggestion, h.char))
                fixes = []
                for a, b in _clusters(sorted(sub)):
                    a0, b0 = max(0, a - 2), min(len(raw.text), b + 2)
                    before = raw.text[a0:b0].replace("\n", "")
                    after = "".join(sub.get(i, raw.text[i]) for i in range(a0, b0)).replace("\n", "")
                    fix = f"{before.strip()} → {after.strip()}"
                    if fix not in fixes:
                        fixes.append(fix)
                pairs: dict[str, int] = {}
                for h in hits:
                    pairs[f"{h.char}→{h.suggestion}"] = pairs.get(f"{h.char}→{h.suggestion}", 0) + 1
                listing = ", ".join(p + (f" (×{n})" if n > 1 else "") for p, n in pairs.items())
                corrected = "".join(sub.get(i, c) for i, c in enumerate(raw.text))
                where = f" ({std} standard)" if std else ""
                msg = (
                    f"{v.lang} {seg.kind} contains {len(hits)} {found} character{'s' if len(hits) > 1 else ''} "
                    f'where {expected} is expected{where}: {listing} in "{snippet(seg.text, 40)}"'
                )
                first = chars[0]
                end = (first["line"], first["column"] + len(hits[0].char))
                loc = ctx.loc_at(v.lang, seg, first["line"], first["column"], end)
                yield ctx.finding(
                    self,
                    msg,
                    loc,
                    evidence={
                        "found_script": found,
                        "expected_script": expected,
                        "region": v.region,
                        "chars": chars,
                        "corrected": corrected,
                        "key": "".join(h.char for h in hits),
                    },
                    suggestion="; ".join(fixes),
                    texts=[seg.text],
                    fixes=edits,
                )
