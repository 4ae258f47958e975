"""hans-hant-divergence: zh-Hans and zh-Hant texts that differ beyond script and regional wording."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Severity
from ..text.zhdiff import OTHER, Side, Terms, changed_name, changed_negations, changed_numbers, diff_hunks, judge
from .base import Rule, RuleContext
from .options import RuleOptions, opt


class HansHantDivergence(Rule):
    """zh-Hans and zh-Hant paragraphs that differ in a number, a negation, a name or a clause.

    ## What it catches
    A different number, a negation present in one version only (不, 没, 未,
    無, 非, 不得) or a different name (error); a clause of six characters or
    more added or removed in an otherwise identical paragraph (warning). One
    finding per paragraph, with the differing spans in both versions.

    ## Why
    The two Chinese versions are usually one text in two scripts; a
    difference beyond script and regional wording is an edit made to one
    version only. The zh-Hant text is converted to Simplified with OpenCC and
    compared character by character; a difference must sit between matching
    text (``min_context`` equal characters on each side), so converted and
    separately translated versions are judged alike.

    ## Example
    zh-Hans "您可以随时撤回同意" / zh-Hant "您不可以隨時撤回同意" → a negation
    in one version only.

    ## Not reported
    Differences OpenCC's Taiwan phrase tables explain (信息/資訊, 账户/帳戶,
    软件/軟體), near-synonyms, reordered or rephrased passages. A changed
    number that number-mismatch reports at the same spot is left to it.
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
            a, b = Side(hans_segs, False), Side(hant_segs, True)
            if not a.key or not b.key or a.key == b.key:
                continue
            diffs = _differences(a, b, need, terms)
            if diffs:
                yield self._finding(ctx, hans_segs, hant_segs, diffs)

    def _finding(self, ctx: RuleContext, hans_segs, hant_segs, diffs: list[dict]):
        sev = max(d["_sev"] for d in diffs)
        worst = [d for d in diffs if d["_sev"] == sev]
        for d in diffs:
            del d["_sev"]
        d0 = worst[0]
        shown = "; ".join(_shown(d) for d in diffs[:4])
        more = f" (+{len(diffs) - 4} more)" if len(diffs) > 4 else ""
        seg = hant_segs[0]
        span = d0["zh-Hant_span"]
        loc = ctx.loc_at("zh-Hant", seg, span["line"], span["column"]) if span else ctx.loc("zh-Hant", seg)
        msg = (
            f"zh-Hant {seg.kind} {seg.index} differs from zh-Hans {hans_segs[0].kind} {hans_segs[0].index} "
            f"(line {hans_segs[0].line}) beyond script conversion: {_WHAT[d0['kind']]}: {shown}{more}"
        )
        return ctx.finding(
            self,
            msg,
            loc,
            counterparts=[ctx.loc("zh-Hans", s) for s in hans_segs],
            evidence={"differences": diffs, "key": ",".join(d["kind"] for d in diffs)},
            suggestion=(
                "make the two versions say the same: "
                + "; ".join(f'"{d["zh-Hant"] or "∅"}" ↔ "{d["zh-Hans"] or "∅"}"' for d in worst[:3])
            ),
            severity=sev,
            texts=[s.text for s in hans_segs + hant_segs],
        )


_WHAT = {
    "number": "a different number",
    "negation": "a negation in one version only",
    "name": "a different name",
    "added": "a clause that zh-Hans lacks",
    "removed": "a clause that zh-Hant lacks",
}


def _diff(kind: str, sev: Severity, a: Side, b: Side, a1: int, a2: int, b1: int, b2: int, **extra) -> dict:
    return {
        "kind": kind,
        "severity": sev.label,
        "zh-Hans": a.orig(a1, a2),
        "zh-Hant": b.orig(b1, b2),
        "zh-Hans_span": a.span(a1, a2),
        "zh-Hant_span": b.span(b1, b2),
        **extra,
        "_sev": sev,
    }


def _differences(a: Side, b: Side, need: int, terms: Terms) -> list[dict]:
    """The judged differences of one row, most local first."""
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
            diffs.append(_diff(kind, sev, a, b, a1, a2, b1, b2, recurring=where, occurrences=n))
            continue
        diffs.append(_diff(kind, sev, a, b, a1, a2, b1, b2))
    # separately worded versions: a number or a negation changed at a place
    # that otherwise matches, even when the sentence around it is reworded
    kinds = {d["kind"] for d in diffs}
    for kind, found in (("number", changed_numbers(a, b)), ("negation", changed_negations(a, b))):
        if kind not in kinds:
            diffs += [_diff(kind, Severity.ERROR, a, b, *h) for h in found[:3]]
    return diffs


def _shown(d: dict) -> str:
    out = f'zh-Hans "{d["zh-Hans"] or "∅"}" vs zh-Hant "{d["zh-Hant"] or "∅"}"'
    if "recurring" in d:
        r = d["recurring"]
        out += (
            f' ("{d[r]}" occurs {d["occurrences"]} times in {r} and also in the other '
            f'version; "{d[OTHER[r]]}" occurs only here)'
        )
    return out
