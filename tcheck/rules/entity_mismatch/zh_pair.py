"""entity-mismatch between zh-Hans and zh-Hant: a Latin-script name spelled two ways."""

from __future__ import annotations

from ...text.name_match import _name_shaped, _name_tokens, _near, _norm_tok, _token_set
from ...text.names import latin_names, name_key
from ..base import RuleContext
from .rows import _col_span, _Pos


def check_zh_pair(rule, ctx: RuleContext):
    """zh-Hans and zh-Hant must spell their Latin-script names the same way."""
    if ctx.version("zh-Hans") is None or ctx.version("zh-Hant") is None:
        return
    fuzzy = float(ctx.option(rule, "fuzzy"))
    for a_segs, b_segs, _row in ctx.aligned_pairs("zh-Hans", "zh-Hant"):
        sides = {"zh-Hans": a_segs, "zh-Hant": b_segs}
        latin = {lg: [_Pos(s, sp) for s in segs for sp in latin_names(s.text)] for lg, segs in sides.items()}
        text_key = {lg: name_key("\n".join(s.text for s in segs)) for lg, segs in sides.items()}
        for lg, other in (("zh-Hans", "zh-Hant"),):  # fuzzy matching is symmetric: one pass
            seen: set[str] = set()
            for p in latin[lg]:
                sp = p.span
                if sp.key in seen or sp.key in text_key[other] or not _name_shaped(sp):
                    continue
                seen.add(sp.key)
                toks = _name_tokens(sp.text)
                other_toks = _token_set("\n".join(x.text for x in sides[other]))
                missing = [t for t in toks if _norm_tok(t) not in other_toks]
                near = (
                    _near(missing, latin[other], fuzzy, _token_set("\n".join(x.text for x in sides[lg])))
                    if missing
                    else None
                )
                if near is None:
                    continue  # a dropped or reordered Latin word is left to the other rules
                q, want, got = near
                if lg == "zh-Hant":
                    has, lacks = "zh-Hant", "zh-Hans"
                else:
                    has, lacks = "zh-Hans", "zh-Hant"
                yield ctx.finding(
                    rule,
                    f"{lacks} writes '{got}' where {has} writes '{want}'",
                    ctx.loc(lacks, q.seg, got),
                    counterparts=[ctx.loc(has, p.seg, sp.text)],
                    evidence={
                        "expected": want,
                        "found": got,
                        "source_term": sp.text,
                        "source_lang": has,
                        "support": 0,
                        "found_span": {"lang": lacks, **_col_span(q.seg, got)},
                        "source_span": {"lang": has, **_col_span(p.seg, sp.text)},
                        "key": "|".join(sorted([name_key(want), name_key(got)])),
                    },
                    suggestion="spell the name the same way in zh-Hans and zh-Hant",
                    texts=sorted([got, want]),
                )
