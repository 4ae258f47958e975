"""unrelated-versions: the files given as versions of one document are not translations of each other."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from ..model import Severity
from .base import Rule, RuleContext
from .options import RuleOptions, opt

#: said-anywhere share above the close share in order that makes low coverage a reordering
REORDER_GAIN = 0.3
#: segment kinds that carry prose (code, link lists and markup align by accident or not at all)
PROSE = frozenset({"paragraph", "heading", "item", "table"})


class UnrelatedVersions(Rule):
    """Two versions that share almost no aligned content: not translations of the same document.

    ## What it catches
    Files audited together (given together, or paired by their names) whose
    paragraphs mostly find no counterpart: less than ``min_coverage`` of the
    prose segments of the two versions sit in aligned rows, and less than
    ``min_strong_share`` of the shorter version's segments sit in rows whose
    meanings are close (embedding similarity of at least ``strong_meaning``).
    One finding per document names the pair; the findings comparing versions
    (missing paragraphs, numbers, links, drift …) are then not reported for
    that document, since they would only list the differences between two
    different texts. Single-version findings (script mix, spacing …) stay.

    ## Why
    Pairing the wrong files (a renamed page, an article's English with another
    article's Chinese) otherwise gives a flood of findings and no word that
    the files do not belong together.

    Versions that do not align in order but say the same things in another
    order (at least ``min_reordered_share`` of the segments of each version
    have a segment of the other version at ``reordered_close`` similarity or
    more, wherever it is, ``REORDER_GAIN`` more than close in order: a
    glossary whose translation is sorted by the translated terms) get an info
    finding saying so instead, which also stands in for the
    paragraph-by-paragraph comparisons (they would pair unrelated paragraphs).

    ## Example
    opensource.guide "best-practices" in English with "building-community" in
    Chinese: 34% of the paragraphs align, 10% of them closely.

    ## Not reported
    Versions with fewer than ``min_segments`` prose segments each (too short to
    judge) and stale translations that still share part of their text: the
    defaults were calibrated on the 209 real trilingual documents of the
    corpus (none is reported; the lowest, a 2021 Chinese privacy notice
    against its rewritten 2025 English, aligns 18% with 36% of its segments
    close) against the 82 pairings of different documents of the same sites
    that ``tools/calibrate_unrelated.py`` builds (62 reported on 2026-11-30, every
    opensource.guide pairing among them; two editions of one code of
    conduct, sibling legal notices sharing boilerplate and tldr command pages
    written from one template are not).
    """

    id = "unrelated-versions"
    severity = Severity.ERROR
    severities = (Severity.ERROR, Severity.INFO)

    @dataclass(frozen=True)
    class Options(RuleOptions):
        min_coverage: float = opt(0.5, "share of the two versions' prose segments below which they may be unrelated")
        strong_meaning: float = opt(0.45, "embedding similarity at which an aligned row counts as close in meaning")
        min_strong_share: float = opt(
            0.3, "share of the shorter version's segments in close rows below which the versions are unrelated"
        )
        min_segments: int = opt(3, "versions with fewer prose segments than this are not judged")
        reordered_close: float = opt(
            0.5, "embedding similarity at which a segment counts as said somewhere in the other version, in any order"
        )
        min_reordered_share: float = opt(
            0.8,
            "share of each version's segments said somewhere in the other version, in any order, "
            "above which versions that do not align in order are the same text reordered",
        )

    def check(self, ctx: RuleContext):
        min_cov = float(ctx.option(self, "min_coverage"))
        strong_at = float(ctx.option(self, "strong_meaning"))
        min_strong = float(ctx.option(self, "min_strong_share"))
        min_segs = int(ctx.option(self, "min_segments"))
        for a, b in ctx.lang_pairs():
            va, vb = ctx.version(a), ctx.version(b)
            pa = {s.index for s in va.segments if s.kind in PROSE}
            pb = {s.index for s in vb.segments if s.kind in PROSE}
            if len(pa) < min_segs or len(pb) < min_segs:
                continue
            got_a = got_b = strong_a = strong_b = 0
            scores = []
            for row in ctx.alignment.rows:
                ca = [i for i in row.get(a) if i in pa]
                cb = [i for i in row.get(b) if i in pb]
                if ca and cb:
                    got_a += len(ca)
                    got_b += len(cb)
                    s = row.pair_scores.get((a, b), row.pair_scores.get((b, a)))
                    if s is not None:
                        scores.append(float(s))
                    m = row.meaning.get((a, b), row.meaning.get((b, a)))
                    if m is None or m >= strong_at:  # no meaning measured: counted as close (no alarm)
                        strong_a += len(ca)
                        strong_b += len(cb)
            coverage = (got_a + got_b) / (len(pa) + len(pb))
            strong = strong_a / len(pa) if len(pa) <= len(pb) else strong_b / len(pb)
            if coverage >= min_cov:
                continue
            anywhere = _said_anywhere(ctx, a, b, pa, pb, float(ctx.option(self, "reordered_close")))
            # the same content in another order (a glossary sorted by the translated terms): almost
            # everything is said somewhere, far more than the alignment in order finds
            reordered = (
                anywhere is not None
                and anywhere >= float(ctx.option(self, "min_reordered_share"))
                and anywhere - strong >= REORDER_GAIN
            )
            if not reordered and strong >= min_strong:
                continue
            first_b = vb[min(pb)]
            first_a = va[min(pa)]
            pct = round(100 * coverage)
            if reordered:
                msg = (
                    f"{vb.path} ({b}) and {va.path} ({a}) say the same things in a different order: "
                    f"{round(100 * anywhere)}% of the paragraphs of each have a close counterpart in the other, "
                    f"but only {pct}% align in order; findings comparing them paragraph by paragraph are not reported"
                )
            else:
                msg = (
                    f"{vb.path} ({b}) and {va.path} ({a}) do not look like versions of the same document: "
                    f"only {pct}% of their paragraphs align ({got_a} of {len(pa)} {a}, {got_b} of {len(pb)} {b}), "
                    f"{round(100 * strong)}% of the shorter one closely; "
                    "findings comparing them are not reported"
                )
            yield ctx.finding(
                self,
                msg,
                ctx.loc(b, first_b),
                counterparts=[ctx.loc(a, first_a)],
                evidence={
                    "pair": [a, b],
                    "coverage": round(coverage, 3),
                    "close_share": round(strong, 3),
                    "aligned": {a: got_a, b: got_b},
                    "segments": {a: len(pa), b: len(pb)},
                    "median_score": round(median(scores), 3) if scores else None,
                    "said_anywhere_share": None if anywhere is None else round(anywhere, 3),
                    "reordered": reordered,
                    "key": f"{a}|{b}",
                },
                severity=Severity.INFO if reordered else None,
                suggestion=None
                if reordered
                else "check that these files are translations of each other (file names, --lang, config groups)",
                texts=[va.path, vb.path],
            )
            return  # one finding per document


def _said_anywhere(ctx: RuleContext, a: str, b: str, pa: set[int], pb: set[int], close: float) -> float | None:
    """The smaller of the two versions' shares of prose segments that have a segment of the other
    version at ``close`` similarity or more, in any order (zh-Hant read in Simplified against
    zh-Hans); None without embeddings."""
    if ctx.embed is None:
        return None
    import numpy as np

    from ..align.document import simplified_view

    va, vb = ctx.version(a), ctx.version(b)
    if {a, b} == {"zh-Hans", "zh-Hant"}:
        va, vb = (simplified_view(v) if v.lang == "zh-Hant" else v for v in (va, vb))
    ea, eb = np.asarray(ctx.embed(va)), np.asarray(ctx.embed(vb))
    ia, ib = sorted(i - 1 for i in pa), sorted(i - 1 for i in pb)
    if not ia or not ib or max(ia) >= len(ea) or max(ib) >= len(eb):
        return None
    sims = ea[ia] @ eb[ib].T
    # both ways: a short old version contained in a longer rewritten one is no reordering
    return float(min(np.mean(sims.max(axis=1) >= close), np.mean(sims.max(axis=0) >= close)))
