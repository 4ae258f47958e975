"""duplicate-paragraph: a paragraph repeated (exactly or nearly) within one version."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import Severity
from ..text.han import han_count
from ..text.snippets import snippet
from .base import Rule, RuleContext
from .options import RuleOptions, opt

_ATTRIBUTION = {"—", "–", "--", "——"}
_DROP_RE = re.compile(r"[\W_]+", re.UNICODE)


def normalize(text: str) -> str:
    """Comparison key: NFKC, lowercase, no punctuation or spaces (a stray space is no difference)."""
    return _DROP_RE.sub("", unicodedata.normalize("NFKC", text).lower())


def long_enough(text: str, min_han: int, min_words: int) -> bool:
    """Headings and list labels ("Definitions", "是", "Yes") legitimately repeat; paragraphs do not."""
    han = han_count(text)
    if han:
        return han >= min_han
    return len(re.findall(r"[A-Za-z0-9]+", text)) >= min_words


class DuplicateParagraph(Rule):
    """A paragraph or list item that appears twice in the same version.

    ## What it catches
    The same paragraph, or a near copy of it (similarity ``min_ratio``), in
    two places of one version; also a block of consecutive short items copied
    again, and a short item repeated in one version that the others say once.
    The later copy is reported, the first one given as counterpart.

    ## Why
    A copy-paste slip leaves a paragraph where it does not belong, often in
    place of the one that should be there.

    ## Example
    zh-Hans paragraph 12 repeats paragraph 4 "我们会保护您的个人信息安全。"
    word for word.

    ## Not reported
    Short texts that legitimately repeat (headings, "Definitions", table
    cells): a segment needs ``min_han`` Chinese characters or ``min_words``
    English words, list items ``item_extra`` more. Quote attributions are
    never compared. Texts are compared without punctuation, spaces and case.
    """

    id = "duplicate-paragraph"
    severity = Severity.WARNING
    scope = "single"

    @dataclass(frozen=True)
    class Options(RuleOptions):
        min_ratio: float = opt(0.96, "similarity (0-1, rapidfuzz) from which a near copy counts as a duplicate")
        min_han: int = opt(15, "Chinese characters a segment needs to be compared")
        min_words: int = opt(10, "English words a segment needs to be compared")
        item_extra: int = opt(5, "list items need this many more characters or words")

    def check(self, ctx: RuleContext):
        from rapidfuzz import fuzz

        min_ratio = float(ctx.option(self, "min_ratio")) * 100
        min_han = int(ctx.option(self, "min_han"))
        min_words = int(ctx.option(self, "min_words"))
        extra = int(ctx.option(self, "item_extra"))
        for v in ctx.versions:
            seen: list[tuple[str, object]] = []  # (key, segment) of earlier long segments
            exact: dict[str, object] = {}
            reported: set[int] = set()
            yield from self._blocks(ctx, v, reported)
            yield from self._unmatched_copies(ctx, v, reported)
            for seg in v.segments:
                if seg.index in reported:
                    continue
                if seg.kind == "heading" or seg.label in _ATTRIBUTION:
                    continue
                more = extra if seg.kind in ("item", "table") else 0
                if not long_enough(seg.text, min_han + more, min_words + (more + 1) // 2):
                    continue
                key = normalize(seg.text)
                if not key:
                    continue
                first, ratio = exact.get(key), 100.0
                if first is None:
                    best = None
                    for k, s in seen:
                        if abs(len(k) - len(key)) > (1 - min_ratio / 100) * max(len(k), len(key)) + 1:
                            continue
                        r = fuzz.ratio(key, k, score_cutoff=min_ratio)
                        if r and (best is None or r > best[0]):
                            best = (r, s)
                    if best:
                        ratio, first = best
                if first is None:
                    exact[key] = seg
                    seen.append((key, seg))
                    continue
                what = "repeats" if ratio >= 100 else f"nearly repeats ({ratio:.0f}% similar)"
                reported.add(seg.index)
                yield self._report(ctx, v, seg, first, what, "", ratio / 100)

    def _blocks(self, ctx: RuleContext, v, reported: set[int]):
        """Short items copied as a block: two or more consecutive segments that repeat,
        in the same order, consecutive segments further up (a list pasted twice). One
        short item alone ("是", "Definitions", a table cell) is never reported this way."""
        segs = [s for s in v.segments if s.kind != "heading" and s.label not in _ATTRIBUTION]
        keys = [normalize(s.text) if long_enough(s.text, 4, 3) else "" for s in segs]
        first: dict[str, int] = {}
        prev: list[int | None] = []
        for i, k in enumerate(keys):
            prev.append(first.get(k) if k else None)
            if k and k not in first:
                first[k] = i
        for i, j in enumerate(prev):
            if j is None or segs[i].kind == "table":
                continue
            linked = (i > 0 and prev[i - 1] is not None and prev[i - 1] == j - 1) or (
                i + 1 < len(prev) and prev[i + 1] is not None and prev[i + 1] == j + 1
            )
            if not linked:
                continue
            seg, orig = segs[i], segs[j]
            reported.add(seg.index)
            yield self._report(
                ctx,
                v,
                seg,
                orig,
                "repeats",
                " as part of a block of consecutive paragraphs copied again",
                1.0,
                block=True,
            )

    def _unmatched_copies(self, ctx: RuleContext, v, reported: set[int]):
        """A repeat that the other versions do not have: with two or three versions,
        a shorter segment (a list item, a sentence) that repeats an earlier one is a
        copy slip when the first has a counterpart in every other version and the
        repeat has none. The other versions are the evidence that the text is said
        once, which a single version cannot give for short items."""
        others = [lg for lg in ctx.document.langs if lg != v.lang]
        if not others:
            return
        matched: set[int] = set()
        unmatched: set[int] = set()
        for row in ctx.alignment.rows:
            idx = row.get(v.lang)
            if not idx:
                continue
            if all(row.get(lg) for lg in others):
                matched.update(idx)
            elif not any(row.get(lg) for lg in others):
                unmatched.update(idx)
        first: dict[str, object] = {}
        for seg in v.segments:
            if seg.kind == "heading" or seg.label in _ATTRIBUTION:
                continue
            if not long_enough(seg.text, 6, 4):
                continue
            key = normalize(seg.text)
            orig = first.get(key)
            if orig is None:
                if seg.index in matched:
                    first[key] = seg
                continue
            if seg.index in reported or seg.index not in unmatched:
                continue
            reported.add(seg.index)
            yield self._report(
                ctx, v, seg, orig, "repeats", f", and {' and '.join(others)} say it only once", 1.0, said_once_in=others
            )

    def _report(self, ctx: RuleContext, v, seg, orig, what: str, why: str, similarity: float, **extra):
        """The finding on the later copy ``seg``, with the first one as counterpart."""
        msg = (
            f"{v.lang} {seg.kind} {seg.index} {what} {orig.kind} {orig.index} (line {orig.line}){why}: "
            f'"{snippet(seg.text)}"; remove the copy that is out of place'
        )
        return ctx.finding(
            self,
            msg,
            ctx.loc(v.lang, seg),
            counterparts=[ctx.loc(v.lang, orig)],
            evidence={
                "first_paragraph": orig.index,
                "first_line": orig.line,
                "similarity": round(similarity, 4),
                "exact": similarity >= 1.0,
                **extra,
                "text": seg.text,
                "first_text": orig.text,
                "key": "dup",
            },
            texts=[seg.text],
        )
