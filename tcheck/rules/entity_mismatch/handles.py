"""entity-mismatch, @handles: a user handle spelt differently in one version (@progruim / @progrium)."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from ...model import Severity
from ...text.links import HANDLE_RE
from ...text.patterns import compiled
from ..base import RuleContext

MAX_EDITS = 2  # letters swapped, dropped or added: a misspelling, not another user
MIN_LENGTH = 4  # shorter handles are too easily one another
MARGIN = 2  # uses by which the document must prefer a spelling over English's to overrule it


def _handles(texts) -> dict[str, str]:
    """Handles of some texts: lowercased -> as written."""
    out: dict[str, str] = {}
    for t in texts:
        for m in HANDLE_RE.finditer(t):
            out.setdefault(m.group(1).lower(), m.group(1))
    return out


def _uses(raw: str, name: str) -> int:
    """How often the document writes ``name`` as a word: in handles, link targets (github.com/name)
    and text alike."""
    return len(compiled(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", re.IGNORECASE).findall(raw))


def check_handles(rule, ctx: RuleContext):
    """A row whose versions write one handle two ways, one of them near the other: English's spelling
    is right unless the document uses the other one at least ``MARGIN`` times more (counting link
    targets such as github.com/name); without English, the spelling the document uses more."""
    langs = ctx.document.langs
    raw = None
    for _k, row, present in ctx.corresponding_rows():
        segs = {lg: [ctx.version(lg)[i] for i in row.get(lg)] for lg in present}
        hs = {lg: _handles(s.text for s in segs[lg]) for lg in present}
        keys = sorted({k for h in hs.values() for k in h})
        for x, a in enumerate(keys):
            for b in keys[x + 1 :]:
                if min(len(a), len(b)) < MIN_LENGTH or Levenshtein.distance(a, b) > MAX_EDITS:
                    continue
                if any(a in hs[lg] and b in hs[lg] for lg in present):
                    continue  # two users named in one text
                if raw is None:
                    raw = "\n".join(s.raw for lg in langs for s in ctx.version(lg).segments)
                ua, ub = _uses(raw, a), _uses(raw, b)
                right = a if ua > ub else b
                en = hs.get("en", {})
                if (a in en) != (b in en):  # the source's spelling, unless the document clearly uses the other
                    mine, theirs = (a, b) if a in en else (b, a)
                    if _uses(raw, theirs) - _uses(raw, mine) < MARGIN:
                        right = mine
                wrong = b if right == a else a
                bad = [lg for lg in present if wrong in hs[lg]]
                good = [lg for lg in present if right in hs[lg]]
                if not bad or not good:
                    continue
                yield _finding(rule, ctx, segs, hs, bad, good, wrong, right, max(ua, ub))


def _finding(rule, ctx: RuleContext, segs, hs, bad, good, wrong, right, uses):
    lg = bad[0]
    w, r = hs[lg][wrong], hs[good[0]][right]
    seg = next(s for s in segs[lg] if f"@{w}" in s.text)
    also = f" (so does {' and '.join(bad[1:])})" if len(bad) > 1 else ""
    msg = (
        f"{lg} writes the handle '@{w}'{also} where {' and '.join(good)} write{'s' if len(good) == 1 else ''} '@{r}', "
        f"which the document uses {uses} time{'s' if uses != 1 else ''} (link targets included): a misspelt user name"
    )
    counterparts = [ctx.loc(x, s, f"@{hs[x][wrong]}") for x in bad[1:] for s in segs[x] if f"@{hs[x][wrong]}" in s.text]
    counterparts += [ctx.loc(x, s, f"@{hs[x][right]}") for x in good for s in segs[x] if f"@{hs[x][right]}" in s.text]
    return ctx.finding(
        rule,
        msg,
        ctx.loc(lg, seg, f"@{w}"),
        counterparts=counterparts,
        evidence={"expected": f"@{r}", "found": f"@{w}", "versions": bad, "key": f"@{right}>@{wrong}"},
        suggestion=f"write '@{r}'",
        severity=Severity.WARNING,
        texts=[w, r],
    )
