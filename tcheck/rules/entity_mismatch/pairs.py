"""entity-mismatch, learned pairs: a Han term whose English name is replaced or dropped in one row."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...model import Segment, Severity
from ...text.name_match import _count_name, _find_zh, _has_word, _is_partial, _norm_seq
from ...text.names import contains_name, is_proper
from ..base import RuleContext
from .rows import _R, _col_span, _Pair, _Pos


def check_pairs(rule, ctx: RuleContext, rows: list[_R], pairs: list[_Pair], vocab):
    """Learned Han term / English name pairs: the English names something else, or nothing."""
    if not pairs:
        return
    drop_prec = float(ctx.option(rule, "drop_precision"))
    min_score = float(ctx.option(rule, "min_pair_score"))
    all_e_rows: dict[str, int] = Counter()
    for r in rows:
        for k in {p.span.key for p in r.en_names}:
            all_e_rows[k] += 1
    learned = {p.key: p for p in pairs}
    for i, r in enumerate(rows):
        zl = r.primary
        norm = r.zh_norm[zl]
        if not r.confident(zl, min_score):
            continue
        for pair in pairs:
            n_zh = norm.count(pair.term)
            if not n_zh:
                continue
            # "Paper Talk123": a word put in front of the name (a name followed by more words,
            # "JusTalk Family", is a longer name and counts as the name)
            inside_other = [
                p
                for p in r.en_names
                if p.span.key != pair.key
                and p.span.key.endswith(pair.key)
                and contains_name(p.span.text, pair.name)
                and _norm_seq(p.span.text) != _norm_seq(pair.name)
            ]
            n_en = _count_name(r.en_text, pair.name) - len(inside_other)
            if n_en >= n_zh:
                continue
            suspicious = _suspicious(r, pair, learned, inside_other, all_e_rows, vocab)
            if len({p.span.key for p in suspicious}) > n_zh - max(n_en, 0) + 1:
                continue  # more new names than missing ones: cannot tell which replaced it
            support = len(pair.rows - {i})
            zh_segs = r.zh[zl]
            zseg, zneedle = _find_zh(zh_segs, pair.term)
            counterparts = [ctx.loc(zl, zseg, zneedle)]
            for lg, segs in r.zh.items():
                if lg != zl:
                    s2, n2 = _find_zh(segs, pair.term)
                    counterparts.append(ctx.loc(lg, s2, n2))
            where = _Where(r, zl, pair, support, zseg, zneedle, counterparts)
            seen: set[str] = set()
            for p in suspicious:
                if p.span.key not in seen:
                    seen.add(p.span.key)
                    yield _finding(rule, ctx, where, p)
            if not suspicious and n_en <= 0 and pair.support / pair.term_rows >= drop_prec:
                yield _finding(rule, ctx, where, None)


@dataclass
class _Where:
    """The row and the learned pair a finding is about, with the Chinese term's place."""

    r: _R
    zl: str
    pair: _Pair
    support: int
    zseg: Segment
    zneedle: str
    counterparts: list


def _finding(rule, ctx: RuleContext, w: _Where, p: _Pos | None):
    """The English names ``p`` instead of the pair's name, or (``p`` None) no name at all."""
    pair, zl, zneedle = w.pair, w.zl, w.zneedle
    others = f"{w.support} other aligned paragraph{'s' if w.support != 1 else ''}"
    evidence = {
        "expected": pair.name,
        "found": p.span.text if p else None,
        "source_term": zneedle,
        "source_lang": zl,
        "support": w.support,
        "term_rows": pair.term_rows,
    }
    if p is not None:
        evidence["found_span"] = {"lang": "en", **_col_span(p.seg, p.span.text)}
    evidence["source_span"] = {"lang": zl, **_col_span(w.zseg, zneedle)}
    evidence["key"] = f"{pair.term}>{p.span.key if p else '-'}"
    if p is not None:
        return ctx.finding(
            rule,
            f"en names '{p.span.text}' where {zl} names {zneedle}, rendered '{pair.name}' in {others}",
            ctx.loc("en", p.seg, p.span.text),
            counterparts=w.counterparts,
            evidence=evidence,
            suggestion=f"write '{pair.name}' as elsewhere in the English, or correct the Chinese",
            texts=[p.span.text, pair.name],
        )
    en_seg = w.r.en[0]
    return ctx.finding(
        rule,
        f"en does not name '{pair.name}' where {zl} names {zneedle} (rendered '{pair.name}' in {others})",
        ctx.loc("en", en_seg),
        counterparts=w.counterparts,
        evidence=evidence,
        suggestion=f"check that the English names '{pair.name}'",
        severity=Severity.WARNING,
        texts=[en_seg.text, pair.name],
    )


def _suspicious(r: _R, pair: _Pair, learned: dict, inside_other: list, all_e_rows: Counter, vocab) -> list[_Pos]:
    """English names of row ``r`` that may have taken the place of ``pair``'s name."""
    zh_latin_keys = {p.span.key for ps in r.zh_latin.values() for p in ps}
    norm = r.zh_norm[r.primary]
    zh_cf = norm.casefold()
    suspicious: list[_Pos] = []
    for p in r.en_names:
        k = p.span.key
        if (
            k == pair.key
            or k in zh_latin_keys
            or p.span.text.casefold() in zh_cf
            or not is_proper(p.span.text, vocab)
            or _norm_seq(p.span.text) == _norm_seq(pair.name)
            or contains_name(p.span.text, pair.name)
            and p not in inside_other
        ):
            continue
        other = learned.get(k)
        if other is not None:
            if other.term not in norm:
                suspicious.append(p)
            continue
        if p in inside_other:
            suspicious.append(p)
        elif (
            p.span.strong and all_e_rows[k] <= 2 and _has_word(p.span.text) and not _is_partial(p.span.text, pair.name)
        ):
            suspicious.append(p)
    return suspicious
