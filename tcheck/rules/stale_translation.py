"""stale-translation: a version translated from an older (or newer) text of the document."""

from __future__ import annotations

from ..load.kinds import PROSE_KINDS
from ..model import Severity
from .base import Rule, RuleContext


class StaleTranslation(Rule):
    """A Chinese version that was translated from another revision of the English text.

    ## What it catches
    A Chinese version of which a large share of the paragraphs (with the
    English version's) has no counterpart in English: at least 40 % of the
    prose segments of the two versions, and at least 6 of them, are
    unaligned or aligned far below the document's typical similarity. One
    finding per stale version, with the counts.

    ## Why
    When the English page was rewritten after the translation, the
    differences are not dozens of separate missing paragraphs but one
    outdated page: the translator needs to retranslate it. Missing-paragraph
    findings between the two versions are then not reported one by one.

    ## Example
    A privacy notice whose Chinese versions are the 2021 text (29 lines) of
    an English notice rewritten in 2025 (180 lines) → "zh-Hans looks
    translated from an older version of en: 61 of 75 en paragraphs have no
    counterpart in zh-Hans".

    A Chinese version of at most five segments and at most half the
    segments of English, most of whose paragraphs have no counterpart in it,
    is reported as a stub (an alias page such as "this command is an alias
    of `docker rm`", or a page not yet written), also when too few
    paragraphs differ to count as stale.

    ## Not reported
    Versions that share most of their paragraphs (single missing paragraphs
    are missing-paragraph findings), documents without an English version,
    versions that do not look like translations of each other at all
    (unrelated-versions).
    """

    id = "stale-translation"
    severity = Severity.WARNING

    def check(self, ctx: RuleContext):
        from ..align.stats import STALE_MIN, STALE_SHARE, document_coverages  # numpy: only when checking

        langs = ctx.document.langs
        if "en" not in langs:
            return
        covs = document_coverages(ctx)
        for lg in langs:
            if lg == "en":
                continue
            cov = covs[frozenset((lg, "en"))]
            if not cov.stale:
                continue
            mine, ref = (cov.unmatched_a, cov.unmatched_b) if cov.a == lg else (cov.unmatched_b, cov.unmatched_a)
            n_mine, n_ref = (cov.prose_a, cov.prose_b) if cov.a == lg else (cov.prose_b, cov.prose_a)
            v, en = ctx.version(lg), ctx.version("en")
            first = v[mine[0]] if mine else next((s for s in v.segments if s.kind in PROSE_KINDS), v[1])
            if cov.stub == lg:
                first = next((s for s in v.segments if s.kind in PROSE_KINDS and s.kind != "heading"), first)
                msg = (
                    f"{lg} is much shorter than en ({len(v.segments)} segments where en has {len(en.segments)}): "
                    f"{len(ref)} of {n_ref} en paragraphs have no counterpart in {lg} (translated from an older en, "
                    "a stub or an alias page)"
                )
            else:
                msg = f"{lg} looks translated from another revision of en: {len(ref)} of {n_ref} en paragraphs have no counterpart in {lg}"
                if mine:
                    msg += f", and {len(mine)} of its {n_mine} paragraphs none in en"
            yield ctx.finding(
                self,
                msg,
                ctx.loc(lg, first),
                counterparts=[ctx.loc("en", en[i]) for i in ref[:1]],
                evidence={
                    "reference": "en",
                    "unmatched": {lg: len(mine), "en": len(ref)},
                    "paragraphs": {lg: n_mine, "en": n_ref},
                    "share": round(cov.share, 3),
                    "thresholds": {"share": STALE_SHARE, "min": STALE_MIN},
                    "key": lg,
                },
                suggestion=f"translate what {lg} lacks of the en page"
                if cov.stub == lg
                else f"retranslate {lg} from the current en text",
                texts=[first.text],
            )
