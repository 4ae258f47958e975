"""semantic-drift: aligned segments whose meaning differs far more than usual."""

from __future__ import annotations

import numpy as np

from ..model import Severity
from . import Rule, RuleContext, register


@register
class SemanticDrift(Rule):
    """Aligned segments whose similarity is far below the document's own norm.

    Every document has its own typical similarity between a paragraph and
    its translation (it depends on the model, the language pair and the
    translation style). This rule measures that norm on the document's
    one-to-one rows (median and median absolute deviation) and flags the rows
    that fall far below it: a paragraph that was rewritten in one version
    only, a wrong paragraph pasted in, a translation of something else.
    Segments too short to judge (headings, a few words) are skipped.
    """

    id = "semantic-drift"
    severity = Severity.WARNING
    options = {"min_deviations": 4.0, "min_gap": 0.18, "min_rows": 8}

    def check(self, ctx: RuleContext):
        for a, b in ctx.lang_pairs():
            rows = [r for r in ctx.alignment.pairs(a, b) if (a, b) in r.pair_scores]
            if len(rows) < ctx.option(self, "min_rows"):
                continue
            scores = np.array([r.pair_scores[(a, b)] for r in rows])
            med = float(np.median(scores))
            mad = float(np.median(np.abs(scores - med))) * 1.4826
            cut = med - max(ctx.option(self, "min_deviations") * mad, ctx.option(self, "min_gap"))
            va, vb = ctx.version(a), ctx.version(b)
            for r in rows:
                s = r.pair_scores[(a, b)]
                if s >= cut:
                    continue
                sa = [va[i] for i in r.get(a)]
                sb = [vb[i] for i in r.get(b)]
                if min(len(" ".join(x.text for x in sa)), len(" ".join(x.text for x in sb))) < 12:
                    continue
                seg = sb[0]
                msg = (f"{b} paragraph {seg.index} reads differently from its {a} counterpart "
                       f"(similarity {s:.2f}, typical for this document {med:.2f}); check that it translates "
                       f"{a} paragraph {sa[0].index} (line {sa[0].line})")
                yield ctx.finding(
                    self, msg, ctx.loc(b, seg),
                    counterparts=[ctx.loc(a, x) for x in sa],
                    evidence={"similarity": round(s, 4), "document_median": round(med, 4),
                              "threshold": round(cut, 4), "pair": [a, b], "key": f"{a}>{b}"},
                    texts=[x.text for x in sa + sb],
                )
