"""missing-paragraph: a segment (or a run of them) with no counterpart in another version."""

from __future__ import annotations

from dataclasses import dataclass

from ..load.kinds import reads
from ..model import Row, Segment, Severity
from ..text.han import han_count
from ..text.snippets import snippet as _snippet
from .base import Rule, RuleContext


def _is_minor(text: str) -> bool:
    """Very short segments (a bare heading, a date line) matter less."""
    han = han_count(text)
    return (han and han <= 4 and len(text) <= 8) or (not han and len(text.split()) <= 2)


# a single missing row of these kinds is info: often a free translation the aligner could not pair
_LONE_KINDS = frozenset({"heading"})


@dataclass
class _Gap:
    """Consecutive rows where ``lead`` has text and the versions ``missing`` have none."""

    lead: str
    missing: tuple[str, ...]
    present: tuple[str, ...]
    rows: list[Row]
    segs: list[Segment]
    insert_after: dict[str, dict]
    tail: Segment | None = None  # code or markup after the last segment, missing with it
    first_row: int = 0  # positions of the first and last row in the alignment
    last_row: int = 0
    other: _Gap | None = None  # an adjacent gap the other way round: the text was rewritten


class MissingParagraph(Rule):
    """A paragraph, list item or heading (or a run of them) that has no counterpart in another version.

    ## What it catches
    Rows of the alignment where one version has a segment and another
    version has none: a paragraph left untranslated, or a stray one added to
    one version. Consecutive such rows (a whole section missing) are one
    finding with the line range.

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
    that, and this rule yields to it). Differences between a version and a
    version it is stale against (stale-translation says that once). Code and
    markup. Info, not warnings: very short segments (a two-word heading, a
    date line) alone, a gap right next to a gap the other way round (one
    version has text the other lacks, and the other way round: a rewritten
    passage, or a translation too loose to align; measured on the corpus
    sites these were half false alarms), and a lone heading (judged on the
    real corpus sites: 0 of 3 right, all freely translated headings).

    ## Precision
    Judged on the real corpus sites (bench/realworld): runs, list items,
    table rows and link lists 19 of 20 right; lone paragraphs 9 of 17 (the
    false ones were paragraphs freely translated, moved or merged into a
    neighbour). Lone paragraphs stay warnings: a dropped paragraph is the
    drift this tool exists for, and the info level would hide it.
    """

    id = "missing-paragraph"
    yields_to = ("duplicate-paragraph",)  # a copy with no counterpart: the duplicate says it better
    severity = Severity.WARNING
    severities = (Severity.WARNING, Severity.INFO)

    def check(self, ctx: RuleContext):
        if len(ctx.document.langs) < 2:
            return
        gaps = list(_gaps(ctx, self.id))
        _pair_rewrites(gaps)
        for gap in gaps:
            yield self._finding(ctx, gap)

    def _finding(self, ctx: RuleContext, gap: _Gap):
        seg, last = gap.segs[0], gap.segs[-1]
        end_line = max(last.end_line, gap.tail.end_line if gap.tail else 0)
        counterparts = [
            ctx.loc(lg, ctx.version(lg)[i]) for row in gap.rows for lg in gap.present[1:] for i in row.get(lg)
        ]
        where = "; ".join(
            f"{lg} after paragraph {p['paragraph']} (line {p['line']})" if p["paragraph"] else f"{lg} at the start"
            for lg, p in gap.insert_after.items()
        )
        text = " ".join(s.text for s in gap.segs)
        miss = " and ".join(gap.missing)
        n = len(gap.segs)
        if len(gap.rows) > 1:
            what = f"{n} segments (lines {seg.line}-{end_line})"
        else:
            what = seg.kind
        msg = f"{gap.lead} {what} {'have' if len(gap.rows) > 1 else 'has'} no counterpart in {miss}: "
        msg += f'"{_snippet(text)}" (expected in {where})'
        if gap.other:
            o = gap.other.segs[0]
            msg += (
                f"; {gap.other.lead} has a different text next to it (line {o.line}): rewritten, or a loose translation"
            )
        loc = ctx.loc(gap.lead, seg)
        loc.end_line = max(loc.end_line, end_line)
        minor = all(_is_minor(s.text) for s in gap.segs)
        lone = len(gap.rows) == 1 and seg.kind in _LONE_KINDS
        return ctx.finding(
            self,
            msg,
            loc,
            counterparts=counterparts,
            evidence={
                "missing_in": list(gap.missing),
                "present_in": list(gap.present),
                "insert_after": gap.insert_after,
                "segments": n,
                "lines": [seg.line, end_line],
                "rewritten_next_to": gap.other.lead if gap.other else None,
                "text": text,
                "key": ",".join(gap.missing),
            },
            severity=Severity.INFO if minor or lone or gap.other else None,
            texts=[text],
        )


def _gaps(ctx: RuleContext, rule_id: str):
    """The runs of rows where some versions lack text (:class:`_Gap`), in document order.

    A version is not reported missing against a version it is stale against
    (stale-translation reports that); rows holding only code or markup do
    not break a run.
    """
    from ..align.stats import document_coverages  # numpy: loaded when a document is checked

    langs = ctx.document.langs
    covs = document_coverages(ctx)
    last_seen = {lg: 0 for lg in langs}  # last segment index of each version before this row
    cur: _Gap | None = None
    for pos, row in enumerate(ctx.alignment.rows):
        present = tuple(lg for lg in langs if row.get(lg))
        missing = tuple(
            m for m in langs if not row.get(m) and present and not all(covs[frozenset((p, m))].stale for p in present)
        )
        segs = [s for s in (ctx.version(present[0])[i] for i in row.get(present[0]))] if present else []
        segs = [s for s in segs if reads(rule_id, s.kind)]
        if missing and segs:
            if cur and cur.lead == present[0] and cur.missing == missing:
                cur.rows.append(row)
                cur.segs += segs
                cur.last_row = pos
            else:
                if cur:
                    yield cur
                after = {lg: _after(ctx, lg, last_seen[lg]) for lg in missing}
                cur = _Gap(present[0], missing, present, [row], segs, after, first_row=pos, last_row=pos)
        elif present and any(reads(rule_id, ctx.version(lg)[i].kind) for lg in present for i in row.get(lg)):
            if cur:
                yield cur
            cur = None
        elif cur and missing and cur.lead == present[0] and cur.missing == missing:
            cur.tail = ctx.version(present[0])[row.get(present[0])[-1]]  # its code goes with it
        for lg in present:
            last_seen[lg] = max(row.get(lg))
    if cur:
        yield cur


def _pair_rewrites(gaps: list[_Gap]) -> None:
    """Link neighbouring gaps the other way round (a version lacks what the other has, right next to
    text the other lacks): a rewritten passage or a translation too loose to align, not a plain
    omission; both become notes."""
    for g, h in zip(gaps, gaps[1:]):
        if h.first_row - g.last_row <= 2 and g.lead in h.missing and h.lead in g.missing:
            g.other, h.other = h, g


def _after(ctx: RuleContext, lg: str, k: int) -> dict:
    """Where a missing text would go in ``lg``: after its segment ``k`` (0: at the start)."""
    if not k:
        return {"paragraph": 0, "line": 0}
    return {"paragraph": k, "line": ctx.version(lg)[k].end_line}
