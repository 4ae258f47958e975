"""glossary-violation: a glossary term whose required rendering is missing in the aligned segment."""

from __future__ import annotations

import re

from ..model import Segment, Severity
from ..text.han import has_han
from ..text.scripts import to_simplified
from .base import Rule, RuleContext


def _en_pattern(term: str) -> re.Pattern:
    # whole words, any case, an optional plural ending
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(term)}(?:s|es)?(?![A-Za-z0-9])", re.IGNORECASE)


def _find(lang: str, text: str, term: str, exact: bool = False) -> tuple[int, int] | None:
    """Offsets of ``term`` in ``text`` as it counts for ``lang``."""
    if not term:
        return None
    if exact:
        pos = text.find(term)
        return (pos, pos + len(term)) if pos >= 0 else None
    if lang == "en" or not has_han(term):
        m = _en_pattern(term).search(text)
        return (m.start(), m.end()) if m else None
    pos = text.find(term)
    if pos >= 0:
        return pos, pos + len(term)
    return None


def _zh_find(text: str, term_same: str, term_other: str) -> tuple[int, int] | None:
    """A Chinese term: exact in its own script, else via Simplified normalisation of both."""
    if term_same:
        return _find("zh", text, term_same)
    norm = to_simplified(text)
    pos = norm.find(to_simplified(term_other)) if term_other else -1
    if pos >= 0 and len(norm) == len(text):
        return pos, pos + len(term_other)
    return None


def _required(entry, lang: str) -> str:
    """The rendering a version must use, or '' when the glossary gives none for it."""
    if lang == "en":
        return entry.en
    if lang == "zh-Hans":
        return entry.zh_hans or entry.zh_hant and to_simplified(entry.zh_hant)
    return entry.zh_hant or entry.zh_hans  # a zh-Hans-only entry is checked in zh-Hant via normalisation


def _locate_in(lang: str, segs: list[Segment], entry) -> tuple[Segment, str] | None:
    for s in segs:
        if lang == "en":
            pos = _find("en", s.text, entry.en)
        elif lang == "zh-Hans":
            pos = _zh_find(s.text, entry.zh_hans, entry.zh_hant)
        else:
            pos = _zh_find(s.text, entry.zh_hant, entry.zh_hans)
        if pos:
            return s, s.text[pos[0] : pos[1]]
    return None


def _span(seg: Segment, needle: str) -> dict:
    line, col = seg.locate(needle)
    return {"line": line, "start_col": col, "end_col": col + len(needle)}


class GlossaryViolation(Rule):
    """A glossary term whose required rendering is missing in the aligned segment.

    ## What it catches
    In an aligned pair of segments, one version uses a glossary term and the
    other lacks the rendering the glossary gives for its language; a
    do-not-translate term (note "dnt") that is not written exactly as given
    in every version of the row.

    ## Why
    Terminology fixed by a glossary (product features, legal terms) must be
    rendered the same way everywhere.

    ## Example
    Glossary "personal data → 个人数据"; en "personal data" / zh-Hans "个人资料"
    → the required rendering is missing.

    ## Not reported
    Anything without a glossary (``--glossary FILE``, CSV/TSV or TBX). Case
    and an optional English plural ending do not matter; in Chinese the
    version's own script counts, or the other script's term normalised with
    OpenCC when the glossary gives only one.
    """

    id = "glossary-violation"
    severity = Severity.WARNING

    def check(self, ctx: RuleContext):
        gl = ctx.glossary
        if gl is None or not getattr(gl, "entries", None):
            return
        langs = ctx.document.langs
        if len(langs) < 2:
            return
        for row in ctx.alignment.rows:
            segs = {lg: [ctx.version(lg)[i] for i in row.get(lg)] for lg in langs if row.get(lg)}
            if len(segs) < 2:
                continue
            for entry in gl.entries:
                if entry.dnt:
                    yield from self._dnt(ctx, segs, entry)
                else:
                    yield from self._rendering(ctx, segs, entry)

    def _rendering(self, ctx: RuleContext, segs: dict[str, list[Segment]], entry):
        found = {lg: _locate_in(lg, ss, entry) for lg, ss in segs.items() if _required(entry, lg)}
        sources = [lg for lg, hit in found.items() if hit]
        if not sources:
            return
        src = sources[0]
        sseg, sterm = found[src]
        for lg, hit in found.items():
            if hit:
                continue
            want = _required(entry, lg)
            tseg = segs[lg][0]
            note = f" ({entry.note})" if entry.note else ""
            msg = f"{lg} lacks the glossary rendering '{want}' for {src} '{sterm}'{note}"
            yield self._finding(ctx, entry, (lg, tseg, None), (src, sseg, sterm), msg, want, None)

    def _dnt(self, ctx: RuleContext, segs: dict[str, list[Segment]], entry):
        term = entry.dnt_term
        hits = {lg: next((s for s in ss if _find(lg, s.text, term, exact=True)), None) for lg, ss in segs.items()}
        sources = [lg for lg, s in hits.items() if s is not None]
        if not sources:
            return
        src = sources[0]
        sseg = hits[src]
        for lg, s in hits.items():
            if s is not None:
                continue
            tseg = segs[lg][0]
            # a case variant ("justalk") is reported as such
            near = _find("en", tseg.text, term)
            what = f"writes '{tseg.text[near[0] : near[1]]}'" if near else "does not keep"
            msg = f"{lg} {what} where the do-not-translate term '{term}' must appear as is (it does in {src})"
            found = tseg.text[near[0] : near[1]] if near else None
            yield self._finding(ctx, entry, (lg, tseg, found), (src, sseg, term), msg, term, found, dnt=True)

    def _finding(self, ctx: RuleContext, entry, target, source, msg: str, want: str, found, dnt: bool = False):
        """A finding at ``target`` (lang, segment, text found or None), ``source`` (lang, segment, term) naming it."""
        lg, tseg, needle = target
        src, sseg, term = source
        evidence = {"term": term, "source_lang": src, "expected": want, "found": found}
        if dnt:
            evidence["dnt"] = True
        evidence.update(
            glossary_line=entry.line,
            note=entry.note,
            source_span={"lang": src, **_span(sseg, term)},
            key=f"{entry.line}:{lg}",
        )
        fixes = []
        if dnt and needle:  # a do-not-translate term in another case: restored as written
            at = _verbatim(tseg, needle)
            if at is not None:
                fixes.append(ctx.fix(lg, at, (at[0], at[1] + len(needle)), term, needle))
        return ctx.finding(
            self,
            msg,
            ctx.loc(lg, tseg, needle),
            counterparts=[ctx.loc(src, sseg, term)],
            evidence=evidence,
            suggestion=f"keep '{term}' untranslated" if dnt else f"use '{want}' as the glossary requires",
            texts=[tseg.text, want],
            fixes=fixes,
        )


def _verbatim(seg: Segment, needle: str) -> tuple[int, int] | None:
    """(line, column) where ``needle`` is written verbatim on one source line of ``seg``, else None."""
    for ln in seg.lines:
        pos = ln.text.find(needle)
        if pos >= 0:
            return ln.number, ln.column + pos
    return None
