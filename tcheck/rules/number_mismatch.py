"""number-mismatch: amounts, dates, durations, percentages that differ between versions."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace

from ..model import Segment, Severity
from ..text.numbers import Quantity, compare, describe, extract, written
from .base import Rule, RuleContext
from .options import RuleOptions, opt

_CODE_RE = re.compile(r"(`+)(.+?)\1")


def _code_spans(raw: str) -> list[str]:
    return [m.group(2).strip() for m in _CODE_RE.finditer(raw)]


_KIND_ORDER = {
    "duration": 0,
    "age": 0,
    "money": 1,
    "percent": 2,
    "fraction": 2,
    "multiplier": 3,
    "date": 4,
    "number": 5,
    "time": 6,
}


def _shown(q: Quantity) -> str:
    """Surface text plus the normalised value when they differ: '30天 (30 days)'."""
    d = describe(q)
    same = d.replace(" ", "") == q.text.replace(" ", "")
    if not same and q.kind in ("number", "version"):  # 8.10 = 8.1, 12.0 = 12, v7 = 7: the text says it
        same = q.text.strip().lstrip("vV") in (d, d + ".0") or _figure(q.text) == _figure(d)
    return q.text if same else f"{q.text} ({d})"


def _figure(text: str) -> float | None:
    try:
        return float(text.replace(",", "").strip().lstrip("vV"))
    except ValueError:
        return None


def _compatible(x: Quantity, y: Quantity) -> int:
    """How plausible it is that ``y`` is the translation of ``x`` (higher is better, 0 = no)."""
    if x.slot or y.slot:  # a version, a weekday, a month: only against the same kind
        return 3 if (x.kind, x.unit, x.slot) == (y.kind, y.unit, y.slot) else 0
    if x.kind == y.kind and x.unit == y.unit:
        return 3
    if x.kind == y.kind or {x.kind, y.kind} <= {"duration", "age", "number"}:
        return 2
    if "number" in (x.kind, y.kind) and "date" not in (x.kind, y.kind):
        return 1
    return 0


def _complement(q: Quantity) -> Quantity:
    """The rest of a percentage (20% for 80%)."""
    rest = _fmt_percent(100 - float(q.key))
    return replace(q, key=rest, alts=frozenset(), text=f"{rest}%")


def _fmt_percent(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


def _closeness(ctx: RuleContext):
    """``close(row, a, b)``: the row's a and b texts translate each other at least as closely
    as the document's typical row (its pair score is not below the pair's median less a margin)."""
    medians = {}
    for i, a in enumerate(ctx.document.langs):
        for b in ctx.document.langs[i + 1 :]:
            scores = [row.pair_scores[(a, b)] for row in ctx.alignment.pairs(a, b) if (a, b) in row.pair_scores]
            if len(scores) >= 4:
                medians[(a, b)] = statistics.median(scores)

    def close(row, a, b) -> bool:
        key = (a, b) if (a, b) in medians else (b, a)
        return key not in medians or row.pair_scores.get(key, 1.0) >= medians[key] - _CLOSE_MARGIN

    return close


_CLOSE_MARGIN = 0.05
_UNIT_KINDS = frozenset({"duration", "age", "money", "percent", "date"})


def _quantities(seg: Segment) -> list[Quantity]:
    """The quantities of a segment; numbers inside inline code are weak."""
    return extract(seg.text, tuple(c for c in _code_spans(seg.raw) if c))


class NumberMismatch(Rule):
    """Numbers, amounts, dates or durations that differ between aligned paragraphs.

    ## What it catches
    A quantity whose value differs between aligned paragraphs (15 days on one
    side, 30天 on the other; v6 vs v7; 星期三至星期五 vs Thursday to Saturday):
    an error; a value present in one version only: a warning. Compared
    between Chinese and English and between Simplified and Traditional; with
    three versions the odd one is blamed, except that English is the source:
    where it differs from both Chinese versions (or the only one), the Chinese
    versions are reported, one finding each (translations lag behind their
    source: an old date, an old figure).

    ## Why
    Numbers are the part of a legal or technical text a reader acts on. Every
    quantity is normalised to a language-independent value (1,000 = 一千 =
    １０００ = 86 400-style groups; 5M = 500 万; $3.3b = 33 亿美元; 30 days =
    三十天; 2024年6月12日 = June 12, 2024 = 06/12/2024; 22-23 March =
    3月22日至23日; 两倍 = twice), so only real changes differ. Versions,
    weekdays and months are compared only with their own kind.

    ## Example
    zh-Hant "我們將在60天內回覆" / zh-Hans "我们将在30天内回复" / en "within 30
    days" → zh-Hant says 60天 where zh-Hans and en say 30天.

    ## Not reported
    List labels, inline enumerators, ordinals, section cross-references, HTML
    entities, numerals inside words (十六进制 hexadecimal, 三元组), phone
    numbers and addresses; "one"/一 used as a determiner; a version, weekday
    or month named in one version only; a value the other version gives in
    a neighbouring row or in another format (a table cell, code, 86 400);
    a value one version lacks in a row that is not a close translation (a
    rewritten sentence); rows whose versions do not correspond (semantic-drift's
    business) or that differ in more than ``max_unmatched`` quantities.
    """

    id = "number-mismatch"
    severity = Severity.ERROR
    severities = (Severity.ERROR, Severity.WARNING)

    @dataclass(frozen=True)
    class Options(RuleOptions):
        max_unmatched: int = opt(6, "more unmatched quantities than this on one side: the paragraphs do not correspond")

    def check(self, ctx: RuleContext):
        langs = ctx.document.langs
        if len(langs) < 2:
            return
        limit = ctx.option(self, "max_unmatched")
        rows = ctx.alignment.rows
        close = _closeness(ctx)
        for r, row in enumerate(rows):
            present = [lg for lg in langs if row.get(lg)]
            if len(present) < 2:
                continue
            segs = {lg: [ctx.version(lg)[i] for i in row.get(lg)] for lg in present}
            qs = {lg: [(s, q) for s in segs[lg] for q in ctx.per_segment(_quantities, lg, s)] for lg in present}
            if not any(q for lg in present for _, q in qs[lg] if not q.weak or q.slot):
                continue

            def has_value(lang, q):
                return not compare([q], [x for _, x in qs[lang]])[0]

            # events: (culprit lang, culprit (seg, q) | None, reference lang, reference (seg, q) | None)
            changed: dict[tuple, list] = {}
            missing: dict[tuple, list] = {}
            for i, a in enumerate(present):
                for b in present[i + 1 :]:
                    if not ctx.corresponds(row, a, b):
                        continue  # the paragraphs do not correspond; semantic-drift reports that
                    only_a, only_b = compare([q for _, q in qs[a]], [q for _, q in qs[b]])
                    sa = self._unmatched(ctx, rows, r, a, qs[a], only_a, b)
                    sb = self._unmatched(ctx, rows, r, b, qs[b], only_b, a)
                    if len(sa) > limit or len(sb) > limit:
                        continue  # the paragraphs do not correspond; that is semantic-drift's business
                    pairs = self._pair(sa, sb)
                    for x, y in pairs:
                        # report at the version the third one disagrees with; else at the Chinese
                        # version of a pair with en (en is the source, updated first); else at the
                        # second version of the pair (document order: Chinese first)
                        third = [c for c in present if c not in (a, b)]
                        if (third and has_value(third[0], y[1]) and not has_value(third[0], x[1])) or b == "en":
                            changed.setdefault((a, x[1].key, y[1].key), []).append((a, x, b, y))
                        else:
                            changed.setdefault((b, y[1].key, x[1].key), []).append((b, y, a, x))
                    paired = {id(x[1]) for x, _ in pairs} | {id(y[1]) for _, y in pairs}
                    # a value one version lacks: only where the row is a close translation (a
                    # rewritten sentence drops and adds numbers; that is not a number mismatch),
                    # or a period, amount, percentage or date of the English source
                    for (s, q), lang, other in [(x, a, b) for x in sa] + [(y, b, a) for y in sb]:
                        if id(q) not in paired and not q.slot:
                            slot = (q.kind in _UNIT_KINDS and lang == "en") or close(row, a, b)
                            missing.setdefault((lang, q.key), []).append((lang, (s, q), other, slot))
            yield from self._changed(ctx, changed)
            yield from self._missing(ctx, missing, changed)

    @staticmethod
    def _unmatched(ctx: RuleContext, rows, r: int, lang: str, items, only, other: str):
        """The reportable (seg, q) of ``items`` whose value ``other`` does not give: not in its
        row in any format (a table cell, code, 86 400 for 86,400), and not moved to a
        neighbouring row (the neighbour of ``other`` has it, the same neighbour of ``lang`` not)."""

        def gives(lg, k, q) -> bool:
            segs = [ctx.version(lg)[i] for i in rows[k].get(lg)] if 0 <= k < len(rows) else []
            qs = [x for seg in segs for x in ctx.per_segment(_quantities, lg, seg)]
            return not compare([q], qs)[0] or any(written(q, seg.raw or seg.text) for seg in segs)

        out = []
        for s, q in items:
            if not any(q is x for x in only) or (q.weak and not q.slot):
                continue
            if gives(other, r, q) or any(gives(other, k, q) and not gives(lang, k, q) for k in (r - 1, r + 1)):
                continue
            if q.kind == "percent" and gives(other, r, _complement(q)) and gives(lang, r, _complement(q)):
                continue  # "the 80% use case ... the unicorns" = 80% ... 那 20%: the rest of a share both give
            out.append((s, q))
        return out

    @staticmethod
    def _pair(sa, sb):
        """Greedy pairing of leftover values that look like the same quantity changed."""
        pairs, used = [], set()
        for x in sa:
            best, score = None, 0
            for j, y in enumerate(sb):
                if j in used:
                    continue
                c = _compatible(x[1], y[1])
                if c > score:
                    best, score = j, c
            if best is not None and score >= 2:
                used.add(best)
                pairs.append((x, sb[best]))
        return pairs

    def _changed(self, ctx: RuleContext, changed: dict):
        for (lang, _found, _expected), events in changed.items():
            _, (seg, q), _, _ = events[0]
            refs = []
            for _, _, rl, (rs, rq) in events:
                if rl not in [r[0] for r in refs]:
                    refs.append((rl, rs, rq))
            ref_names = " and ".join(r[0] for r in refs)
            verb = "say" if len(refs) > 1 else "says"
            rq = refs[0][2]
            msg = (
                f"{lang} says {_shown(q)} where {ref_names} {verb} {_shown(rq)}"
                f" (paragraph {seg.index}, line {seg.line})"
            )
            yield ctx.finding(
                self,
                msg,
                self._loc(ctx, lang, seg, q),
                counterparts=[self._loc(ctx, rl, rs, rq_) for rl, rs, rq_ in refs],
                evidence=self._evidence(ctx, rq, q, None, [(lang, seg, q)] + refs, f"{q.key}|{rq.key}"),
                suggestion=f"check which value is right; if it is {describe(rq)}, write it in the {lang} text",
                texts=[seg.text] + [r[1].text for r in refs],
                severity=Severity.ERROR,
            )

    def _missing(self, ctx: RuleContext, missing: dict, changed: dict):
        changed_values = {(lang, k) for (lang, k, _e) in changed} | {
            (ev[2], ev[3][1].key) for evs in changed.values() for ev in evs
        }
        # a value two versions give and the third lacks: one finding, at the version that lacks it
        by_key: dict[str, list] = {}
        for (lang, key), events in missing.items():
            if (lang, key) not in changed_values:
                by_key.setdefault(key, []).append((lang, events))
        for key, groups in by_key.items():
            lacking = {ev[2] for _, events in groups for ev in events}
            having = [lang for lang, _ in groups]
            if len(having) >= 2 and len(lacking) == 1:
                # the source and the other Chinese version agree on it: a close row is not needed
                # (a Chinese version that dropped a whole sentence); else it is (zh versions
                # translated from one another share an addition the English never had)
                (lack,) = lacking
                if "en" in having or all(ev[3] for _, events in groups for ev in events):
                    yield self._lacks(ctx, lack, [(lang, events[0][1]) for lang, events in groups])
                continue
            for lang, events in groups:
                if not all(ev[3] for ev in events):
                    continue
                _, (seg, q), _, _ = events[0]
                others = []
                for _, _, ol, _ in events:
                    if ol not in others:
                        others.append(ol)
                row = ctx.alignment.row_of(lang, seg.index)
                counterparts = [ctx.loc(ol, ctx.version(ol)[i]) for ol in others for i in (row.get(ol) if row else [])]
                names = " and ".join(others)
                msg = (
                    f"{lang} says {_shown(q)} but the {names} counterpart has no such "
                    f"{'value' if q.kind == 'number' else q.kind} (paragraph {seg.index}, line {seg.line})"
                )
                yield ctx.finding(
                    self,
                    msg,
                    self._loc(ctx, lang, seg, q),
                    counterparts=counterparts,
                    evidence=self._evidence(ctx, None, q, others, [(lang, seg, q)], f"{q.key}|-"),
                    suggestion=f"add {describe(q)} to the {names} text, or remove it from the {lang} text",
                    texts=[seg.text],
                    severity=Severity.WARNING,
                )

    def _lacks(self, ctx: RuleContext, lack: str, refs: list):
        """Finding at version ``lack``, which omits a value the other versions agree on."""
        _, (rseg, rq) = refs[0]
        row = ctx.alignment.row_of(refs[0][0], rseg.index)
        lseg = ctx.version(lack)[row.get(lack)[0]]
        names = " and ".join(lang for lang, _ in refs)
        msg = (
            f"{lack} paragraph {lseg.index} has no {_shown(rq)}, which {names} give "
            f"({refs[0][0]} paragraph {rseg.index}, line {rseg.line})"
        )
        return ctx.finding(
            self,
            msg,
            ctx.loc(lack, lseg),
            counterparts=[self._loc(ctx, lang, s, q) for lang, (s, q) in refs],
            evidence=self._evidence(ctx, rq, None, [lack], [(lang, s, q) for lang, (s, q) in refs], f"-|{rq.key}"),
            suggestion=f"add {describe(rq)} to the {lack} text",
            texts=[lseg.text] + [s.text for _, (s, _) in refs],
            severity=Severity.WARNING,
        )

    @staticmethod
    def _needle(seg: Segment, q: Quantity) -> str:
        for cand in (q.text, q.text.split()[0] if q.text.split() else q.text):
            for ln in seg.lines:
                if cand and cand in ln.text:
                    return cand
        return ""

    def _loc(self, ctx, lang, seg, q):
        return ctx.loc(lang, seg, self._needle(seg, q) or None)

    def _evidence(self, ctx, expected: Quantity | None, found: Quantity | None, missing_in, items, key: str) -> dict:
        """The finding's evidence: values expected and found, their kind, where each version says it."""
        ev = {
            "expected": describe(expected) if expected else None,
            "found": describe(found) if found else None,
            "kind": (found or expected).kind,
        }
        if missing_in is not None:
            ev["missing_in"] = missing_in
        ev.update(spans=self._spans(ctx, items), key=key)
        return ev

    def _spans(self, ctx, items) -> dict:
        out: dict[str, list] = {}
        for lang, seg, q in items:
            line, col = seg.locate(self._needle(seg, q)) if self._needle(seg, q) else (seg.line, seg.column)
            out.setdefault(lang, []).append(
                {
                    "text": q.text,
                    "value": describe(q),
                    "paragraph": seg.index,
                    "line": line,
                    "column": col,
                    "end_column": col + len(q.text),
                    "start": q.start,
                    "end": q.end,
                }
            )
        return out
