"""entity-mismatch, licences: a Creative Commons licence with other elements in one version."""

from __future__ import annotations

from ...model import Severity
from ...text.licences import NAMES, cc_elements
from ...text.scripts import to_simplified
from ..base import RuleContext


def _named(elements) -> str:
    return "-".join(["BY", *sorted(elements)]) if elements else "BY"


def check_licences(rule, ctx: RuleContext):
    """A row whose versions name a Creative Commons licence with different elements (ShareAlike
    in one, NoDerivatives in the others): the version that disagrees with the others is reported;
    with two versions, the Chinese one (English is the source)."""
    for _k, row, present in ctx.corresponding_rows():
        segs = {lg: [ctx.version(lg)[i] for i in row.get(lg)] for lg in present}
        found = {}
        for lg in present:
            text = " ".join(s.text for s in segs[lg])
            zh = lg.startswith("zh")
            els = cc_elements(to_simplified(text) if lg == "zh-Hant" else text, zh)
            if els is not None:
                found[lg] = els
        if len(found) < 2 or len(set(found.values())) == 1:
            continue
        counts: dict[frozenset, int] = {}
        for els in found.values():
            counts[els] = counts.get(els, 0) + 1
        top = max(counts.values())
        majority = [els for els, n in counts.items() if n == top]
        if len(majority) == 1 and top > 1:
            right = majority[0]
        elif "en" in found:
            right = found["en"]
        else:
            continue
        for lg, els in found.items():
            if els == right:
                continue
            others = [o for o in found if found[o] == right]
            seg = segs[lg][0]
            extra, lacks = sorted(els - right), sorted(right - els)
            parts = []
            if extra:
                parts.append("names " + ", ".join(NAMES[e] for e in extra))
            if lacks:
                parts.append("lacks " + ", ".join(NAMES[e] for e in lacks))
            what = "; ".join(parts)
            yield ctx.finding(
                rule,
                f"{lg} names another Creative Commons licence (CC {_named(els)}) than {' and '.join(others)} "
                f"(CC {_named(right)}): it {what}",
                ctx.loc(lg, seg),
                counterparts=[ctx.loc(o, segs[o][0]) for o in others],
                evidence={"expected": f"CC {_named(right)}", "found": f"CC {_named(els)}", "key": f"cc:{_named(els)}"},
                suggestion=f"name the licence CC {_named(right)} as {others[0]} does",
                severity=Severity.ERROR,
                texts=[s.text for s in segs[lg]],
            )
