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


_PROSE = frozenset({"paragraph", "item"})
#: rows searched on each side of a copy for an aligned neighbour
_REACH = 3


def _repeated_elsewhere(ctx: RuleContext, row, others: list[str]) -> bool:
    """Whether another version also says the row's text more than once (repetition by design)."""
    for lg in others:
        ov = ctx.version(lg)
        keys = [normalize(s.text) for s in ov.segments]
        for i in row.get(lg):
            key = normalize(ov[i].text)
            if key and keys.count(key) > 1:
                return True
    return False


def _isolated(k: int, state: list[str], rows, lang: str, copies: set[int]) -> bool:
    """Row ``k`` (a copy alone in its version) sits between aligned rows: walking out on each side,
    only other copies and rows ``lang`` lacks come before a fully aligned row (or the document's edge)."""
    for step in (-1, 1):
        j, n = k + step, 0
        while 0 <= j < len(rows) and state[j] != "full":
            if state[j] == "part" or (state[j] == "alone" and not set(rows[j].get(lang)) <= copies):
                return False
            j, n = j + step, n + 1
            if n > _REACH:
                return False
    return True


class DuplicateParagraph(Rule):
    """A paragraph or list item copied out of place in one version.

    ## What it catches
    With two or three versions: a paragraph or list item that repeats
    another one of its version, where the copy has no counterpart in the
    other versions while the rows around it are aligned (an isolated copy),
    and the other versions say the text only once. The copy without a
    counterpart is reported, the other one given as counterpart. With one
    version: a long paragraph repeated word for word (or nearly, similarity
    ``min_ratio``), and consecutive items copied again as a block.

    ## Why
    A copy-paste slip leaves a paragraph where it does not belong, often in
    place of the one that should be there.

    ## Example
    zh-Hans item 12 repeats item 4 "有充分证据表明您存在主观恶意的。" and has
    no counterpart in en and zh-Hant, which say it once.

    ## Not reported
    Repetition by design: the same text repeated in every version at
    aligned places (table rows shared by several sections, "below v7.0.0:"
    labels, repeated console output), copies inside a passage that another
    version lacks altogether (missing-paragraph reports that), table rows,
    headings, code and link lists, and short texts: a segment needs
    ``min_han`` Chinese characters or ``min_words`` English words (more with
    one version only: ``single_factor`` times). Quote attributions are
    never compared. Texts are compared without punctuation, spaces and case.
    """

    id = "duplicate-paragraph"
    severity = Severity.WARNING
    scope = "single"

    @dataclass(frozen=True)
    class Options(RuleOptions):
        min_ratio: float = opt(0.96, "similarity (0-1, rapidfuzz) from which a near copy counts as a duplicate")
        min_han: int = opt(8, "Chinese characters a segment needs to be compared")
        min_words: int = opt(6, "English words a segment needs to be compared")
        single_factor: int = opt(2, "with one version only, segments need this many times more")

    def check(self, ctx: RuleContext):
        min_han = int(ctx.option(self, "min_han"))
        min_words = int(ctx.option(self, "min_words"))
        for v in ctx.versions:
            if len(ctx.versions) > 1 and ctx.alignment.rows:
                yield from self._isolated_copies(ctx, v, min_han, min_words)
                continue
            k = int(ctx.option(self, "single_factor"))
            reported: set[int] = set()
            yield from self._blocks(ctx, v, reported)
            yield from self._repeats(ctx, v, reported, min_han * k, min_words * k)

    def _repeats(self, ctx: RuleContext, v, reported: set[int], min_han: int, min_words: int):
        """One version: long paragraphs repeated exactly or nearly (later copy reported)."""
        from rapidfuzz import fuzz

        min_ratio = float(ctx.option(self, "min_ratio")) * 100
        seen: list[tuple[str, object]] = []  # (key, segment) of earlier long segments
        exact: dict[str, object] = {}
        for seg in v.segments:
            if seg.index in reported or seg.kind not in _PROSE or seg.label in _ATTRIBUTION:
                continue
            if not long_enough(seg.text, min_han, min_words):
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

    def _isolated_copies(self, ctx: RuleContext, v, min_han: int, min_words: int):
        """Two or three versions: a copy with no counterpart, between aligned rows, of a segment that
        has its counterparts (which their versions say once). The other versions are the evidence
        that the text is said once where it belongs; the copy without a counterpart is reported."""
        others = [lg for lg in ctx.document.langs if lg != v.lang]
        rows = ctx.alignment.rows
        where: dict[int, int] = {}
        state: list[str] = []  # per row: "full", "alone" (only v), "none" (no v), "part"
        for k, row in enumerate(rows):
            idx = row.get(v.lang)
            where.update((i, k) for i in idx)
            n = sum(1 for lg in others if row.get(lg))
            state.append("none" if not idx else "full" if n == len(others) else "alone" if not n else "part")
        keys = {
            s.index: normalize(s.text)
            for s in v.segments
            if s.kind in _PROSE and s.label not in _ATTRIBUTION and long_enough(s.text, min_han, min_words)
        }
        by_key: dict[str, list[int]] = {}
        for i, key in keys.items():
            if key:
                by_key.setdefault(key, []).append(i)
        copies = {i for idxs in by_key.values() if len(idxs) > 1 for i in idxs}
        for idxs in by_key.values():
            placed = [i for i in idxs if i in where and state[where[i]] == "full"]
            strays = [i for i in idxs if i in where and state[where[i]] == "alone"]
            if not placed and len(strays) > 1 and strays[1] - strays[0] <= _REACH:
                # neither copy is aligned, but they sit a few paragraphs apart: a slip, not a design
                yield self._report(ctx, v, v[strays[1]], v[strays[0]], "repeats", " a few paragraphs later", 1.0)
                continue
            if not placed or not strays or _repeated_elsewhere(ctx, rows[where[placed[0]]], others):
                continue
            orig = v[placed[0]]
            for i in strays:
                if _isolated(where[i], state, rows, v.lang, copies):
                    why = f", and {' and '.join(others)} say it only once"
                    yield self._report(ctx, v, v[i], orig, "repeats", why, 1.0, said_once_in=others)

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
