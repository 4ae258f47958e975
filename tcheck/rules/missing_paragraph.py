"""missing-paragraph: a segment with no counterpart in another version."""

from __future__ import annotations

from ..model import Severity
from ..text.han import han_count
from ..text.snippets import snippet as _snippet
from .base import Rule, RuleContext


def _is_minor(text: str) -> bool:
    """Very short segments (a bare heading, a date line) matter less."""
    han = han_count(text)
    return (han and han <= 4 and len(text) <= 8) or (not han and len(text.split()) <= 2)


class MissingParagraph(Rule):
    """A paragraph, list item or heading that has no counterpart in another version.

    ## What it catches
    A row of the alignment where one version has a segment and another
    version has none: a paragraph left untranslated, or a stray one added to
    one version.

    ## Why
    A reader of the short version never learns what the others say. The
    message names the versions that lack the text and where it would go
    (after which paragraph), so the translator can add it or delete the
    stray one.

    ## Example
    en "Cookies help us remember your settings." with no zh-Hans paragraph
    between its neighbours → "zh-Hans has no counterpart; it would go after
    paragraph 6 (line 14)".

    ## Not reported
    A repeat that another version says once (duplicate-paragraph reports
    that, and this rule yields to it). Very short segments (a two-word
    heading, a date line) are info, not warnings.
    """

    id = "missing-paragraph"
    yields_to = ("duplicate-paragraph",)  # a copy with no counterpart: the duplicate says it better
    severity = Severity.WARNING
    severities = (Severity.WARNING, Severity.INFO)

    def check(self, ctx: RuleContext):
        langs = ctx.document.langs
        if len(langs) < 2:
            return
        last_seen = {lg: 0 for lg in langs}  # last segment index of each version before this row
        for row in ctx.alignment.rows:
            present = [lg for lg in langs if row.get(lg)]
            missing = [lg for lg in langs if not row.get(lg)]
            if present and missing:
                lead = present[0]
                v = ctx.version(lead)
                segs = [v[i] for i in row.get(lead)]
                seg = segs[0]
                counterparts = [ctx.loc(lg, ctx.version(lg)[i]) for lg in present[1:] for i in row.get(lg)]
                insert_after = {}
                for lg in missing:
                    k = last_seen[lg]
                    if k:
                        s = ctx.version(lg)[k]
                        insert_after[lg] = {"paragraph": k, "line": s.end_line}
                    else:
                        insert_after[lg] = {"paragraph": 0, "line": 0}
                where = "; ".join(
                    f"{lg} after paragraph {p['paragraph']} (line {p['line']})"
                    if p["paragraph"]
                    else f"{lg} at the start"
                    for lg, p in insert_after.items()
                )
                text = " ".join(s.text for s in segs)
                miss = " and ".join(missing)
                msg = f'{lead} {seg.kind} has no counterpart in {miss}: "{_snippet(text)}" (expected in {where})'
                yield ctx.finding(
                    self,
                    msg,
                    ctx.loc(lead, seg),
                    counterparts=counterparts,
                    evidence={
                        "missing_in": missing,
                        "present_in": present,
                        "insert_after": insert_after,
                        "text": text,
                        "key": ",".join(missing),
                    },
                    severity=Severity.INFO if _is_minor(text) else None,
                    texts=[text],
                )
            for lg in present:
                last_seen[lg] = max(row.get(lg))
