"""hans-hant-divergence: zh-Hans and zh-Hant texts that differ beyond script and regional wording."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Severity
from ..text.zhdiff import OTHER, Side, Terms, changed_name, changed_negations, changed_numbers, diff_hunks, judge
from ..text.zhdiff.blame import blame, en_sentence, enumeration, shorter_enumeration
from ..text.zhdiff.hunks import _negations as negation_count
from ..text.zhdiff.opposites import opposite_words
from ..text.zhdiff.words import clause_negation_differs
from .base import Rule, RuleContext
from .options import RuleOptions, opt


class HansHantDivergence(Rule):
    """zh-Hans and zh-Hant paragraphs that differ in a number, a negation, a name or a clause.

    ## What it catches
    A list that one version gives with two or more items fewer than the other
    version and English (年龄、体型、…、性取向: 14 items, 11 in zh-Hant), a
    different number, a negation present in one version only (不, 没, 未,
    無, 非, 不得: one clause negated in one version and the same clause,
    otherwise parallel, not negated in the other) or a different name or
    term (a misspelt Latin word, a term the document uses throughout written
    differently once: error), a word put for its opposite (上一页 / 下一页,
    第一页 / 最后一页, 启用 / 禁用: error, only where the English says one of
    the two, which also decides the version that is wrong); a clause of six characters or more added or
    removed in an otherwise identical paragraph (info: measured 0 of 5 real).
    One finding per paragraph, put on the version that is probably wrong:
    with an English version, the Chinese version that disagrees with it
    (its number, its name, its negation); the message quotes the clause of
    each version, and the English sentence when it decides.

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
    软件/軟體), one dictionary word for another (智能合约/智慧契約,
    依赖项/相依性, 请参见/請參閱), a negation worded differently on both
    sides (不要…依赖 / 不依賴, 不相符 / 相悖) and words that only look negative
    (不过, 不同, 未来), an English gloss or name in one version only
    (布局 / 版面配置 (Layout)), code written in the prose, reordered or
    rephrased passages. A changed number that number-mismatch reports at the
    same spot is left to it.
    """

    id = "hans-hant-divergence"
    severity = Severity.ERROR
    severities = (Severity.ERROR, Severity.INFO)
    yields_to = ("number-mismatch",)  # a changed number: number-mismatch says which version is odd

    @dataclass(frozen=True)
    class Options(RuleOptions):
        min_context: int = opt(3, "equal characters required on each side of a difference")

    def check(self, ctx: RuleContext):
        if ctx.version("zh-Hans") is None or ctx.version("zh-Hant") is None:
            return
        need = int(ctx.option(self, "min_context"))
        terms = Terms(ctx.version("zh-Hans").segments, ctx.version("zh-Hant").segments)
        en = ctx.version("en")
        for hans_segs, hant_segs, row in ctx.aligned_pairs("zh-Hans", "zh-Hant"):
            a, b = Side(hans_segs, False), Side(hant_segs, True)
            if not a.key or not b.key or a.key == b.key:
                continue
            diffs = _differences(a, b, need, terms)
            en_text = " ".join(en[i].text for i in row.get("en")) if en is not None else None
            diffs += _items(hans_segs, hant_segs, en_text)
            # opposite words are reported only where English says one of them (or there is no English)
            diffs = [d for d in diffs if d["kind"] != "opposite" or not en_text or blame(d, en_text) is not None]
            if diffs:
                yield self._finding(ctx, hans_segs, hant_segs, diffs, en_text, row)

    def _finding(self, ctx: RuleContext, hans_segs, hant_segs, diffs: list[dict], en_text, row):
        sev = max(d["_sev"] for d in diffs)
        worst = [d for d in diffs if d["_sev"] == sev]
        for d in diffs:
            del d["_sev"]
        d0 = worst[0]
        odd = blame(d0, en_text, row)
        where = odd or "zh-Hant"
        segs = {"zh-Hans": hans_segs, "zh-Hant": hant_segs}
        seg, other = segs[where][0], segs[OTHER[where]]
        span = d0[f"{where}_span"]
        loc = ctx.loc_at(where, seg, span["line"], span["column"]) if span else ctx.loc(where, seg)
        said = f'zh-Hans says "{d0["zh-Hans_clause"]}"; zh-Hant says "{d0["zh-Hant_clause"]}"'
        en_said = en_sentence(d0, en_text) if en_text else ""
        if en_said:
            said += f'; en says "{en_said}"'
        if odd:
            verdict = f"{odd} is probably wrong" + (" (en agrees with the other)" if en_text else "")
        else:
            verdict = "which one is right cannot be told" + ("" if en_text else " without an English version")
        more = f" (and {len(diffs) - 1} more difference{'s' if len(diffs) > 2 else ''})" if len(diffs) > 1 else ""
        msg = f"zh-Hans and zh-Hant differ: {_WHAT[d0['kind']]}: {said} — {verdict}{more}"
        for d in diffs:
            d.pop("zh-Hans_clause", None), d.pop("zh-Hant_clause", None)
        ok = OTHER[odd] if odd else "zh-Hans"
        fix = "; ".join(
            f'"{d[where] or "(nothing)"}" → "{d[ok] or "(nothing)"}"' for d in worst[:3] if d[where] != d[ok]
        )
        return ctx.finding(
            self,
            msg,
            loc,
            counterparts=[ctx.loc(OTHER[where], s) for s in other],
            evidence={
                "differences": diffs,
                "key": ",".join(d["kind"] for d in diffs),
                "probably_wrong": odd,
                "en": en_said or None,
            },
            suggestion=f"make {where} say what {OTHER[where]} says" + (f": {fix}" if odd and fix else ""),
            severity=sev,
            texts=[s.text for s in hans_segs + hant_segs],
        )


_WHAT = {
    "number": "a different number",
    "negation": "a negation in one version only",
    "name": "a different name or term",
    "items": "a list with fewer items in one version",
    "opposite": "a word put for its opposite",
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
        "zh-Hans_clause": a.clause_text(a1, a2),
        "zh-Hant_clause": b.clause_text(b1, b2),
        **extra,
        "_sev": sev,
    }


def _items(hans_segs, hant_segs, en_text) -> list[dict]:
    """A list (年龄、体型、…) that one Chinese version gives with two or more items fewer
    than the other and English: items dropped in one version."""
    hans, hant = " ".join(s.text for s in hans_segs), " ".join(s.text for s in hant_segs)
    odd = shorter_enumeration(hans, hant, en_text)
    if odd is None:
        return []
    lists = {"zh-Hans": enumeration(hans), "zh-Hant": enumeration(hant)}
    out = {"kind": "items", "severity": Severity.ERROR.label, "odd": odd, "_sev": Severity.ERROR}
    for lang, text in lists.items():
        out.update({lang: text, f"{lang}_span": None, f"{lang}_clause": text, f"{lang}_items": text.count("、") + 1})
    return [out]


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
        if kind == "opposite":
            pair, pole = opposite_words(a.key, b.key, a1, a2, b1, b2)
            diffs.append(_diff(kind, sev, a, b, a1, a2, b1, b2, pair=pair, pole=pole))
            continue
        diffs.append(_diff(kind, sev, a, b, a1, a2, b1, b2))
    # separately worded versions: a number or a negation changed at a place
    # that otherwise matches, even when the sentence around it is reworded
    kinds = {d["kind"] for d in diffs}
    negations = [h for h in changed_negations(a, b) if clause_negation_differs(a, b, *h)]
    for kind, found in (("number", changed_numbers(a, b)), ("negation", negations)):
        if kind not in kinds:
            diffs += [_diff(kind, Severity.ERROR, a, b, *h) for h in found[:3]]
    for d in diffs:
        if d["kind"] == "negation":  # English decides by the negators of each whole row
            d["negations"] = {"zh-Hans": negation_count(a.key), "zh-Hant": negation_count(b.key)}
    return diffs
