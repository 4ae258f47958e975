"""entity-mismatch, Latin-script names kept in the Chinese: the English must have them too."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...model import Severity
from ...text.name_match import (
    _count_name,
    _english_looking,
    _name_shaped,
    _name_tokens,
    _near,
    _norm_tok,
    _short_form,
    _token_set,
)
from ...text.names import _TOKEN_RE, common_english_word, name_key, sentence_initial
from ...text.scripts import to_simplified
from ..base import RuleContext
from .rows import _R, _col_span, _Pos, _substitutes


@dataclass
class _Stats:
    """How the document treats its Latin names, over all rows."""

    n_zh: Counter = field(default_factory=Counter)  # rows whose Chinese has the name
    n_both: Counter = field(default_factory=Counter)  # ... and whose English has it too
    all_e_rows: Counter = field(default_factory=Counter)  # rows per English name
    all_zh_keys: set[str] = field(default_factory=set)  # every word of a Latin name in the Chinese
    en_doc_key: str = ""


def _stats(ctx: RuleContext, rows: list[_R]) -> _Stats:
    st = _Stats()
    for r in rows:
        en_key = name_key(r.en_text)
        for k in {p.span.key for p in r.zh_latin[r.primary]}:
            st.n_zh[k] += 1
            if k in en_key:
                st.n_both[k] += 1
        for k in {p.span.key for p in r.en_names}:
            st.all_e_rows[k] += 1
        for ps in r.zh_latin.values():
            for p in ps:
                st.all_zh_keys.update(_norm_tok(t) for t in _name_tokens(p.span.text))
    en_v = ctx.version("en")
    st.en_doc_key = name_key("\n".join(s.text for s in en_v.segments)) if en_v is not None else ""
    return st


def check_latin(rule, ctx: RuleContext, rows: list[_R], vocab):
    """Latin-script names in the Chinese must appear in the aligned English."""
    fuzzy = float(ctx.option(rule, "fuzzy"))
    min_score = float(ctx.option(rule, "min_pair_score"))
    st = _stats(ctx, rows)
    for r in rows:
        zl = r.primary
        if not r.confident(zl, min_score):
            continue
        en_key = name_key(r.en_text)
        en_toks = _token_set(r.en_text)
        zh_toks = _token_set("\n".join(s.text for s in r.zh[zl]))
        seen: set[str] = set()
        # names of the Chinese row whose every word is absent from the English: with two or more,
        # the English paraphrases or the row is misaligned, and a new English name replaces none
        lost = {
            q.span.key
            for q in r.zh_latin[zl]
            if _name_shaped(q.span)
            and q.span.key not in en_key
            and _name_tokens(q.span.text)
            and not any(_norm_tok(t) in en_toks for t in _name_tokens(q.span.text))
        }
        for p in r.zh_latin[zl]:
            sp = p.span
            if sp.key in seen or not _name_shaped(sp):
                continue
            seen.add(sp.key)
            toks = _name_tokens(sp.text)
            missing = [t for t in toks if _norm_tok(t) not in en_toks]
            if missing and sp.key in en_key:
                continue
            deficit = 0
            if not missing:
                # every word is there (word order, plural, possessive); but a name the Chinese
                # versions write more often than the English may have been replaced once
                n_z = min(
                    _count_name("\n".join(x.text for x in segs), sp.text)
                    for segs in r.zh.values()
                    if _count_name("\n".join(x.text for x in segs), sp.text)
                )
                deficit = n_z - _count_name(r.en_text, sp.text)
                if deficit <= 0:
                    continue
            near = _near(missing, list(r.en_names), fuzzy, zh_toks) if missing else None
            counterparts = [ctx.loc(zl, p.seg, sp.text)]
            for lg, ps in r.zh_latin.items():
                if lg != zl:
                    counterparts += [ctx.loc(lg, q.seg, q.span.text) for q in ps if q.span.key == sp.key][:1]
            if near is not None:
                yield _misspelled(rule, ctx, zl, p, near, counterparts, st.n_both[sp.key])
                continue
            case = _Case(r, p, toks, missing, deficit, lost, counterparts)
            yield from _replaced_or_dropped(rule, ctx, case, st, vocab, zh_toks)


@dataclass
class _Case:
    """One Latin name of a Chinese row that the aligned English does not write as such."""

    r: _R
    p: _Pos
    toks: list[str]
    missing: list[str]
    deficit: int
    lost: set[str]
    counterparts: list


def _misspelled(rule, ctx: RuleContext, zl: str, p: _Pos, near, counterparts, support: int):
    sp = p.span
    q, want, got = near
    if want != sp.text:
        msg = f"en writes '{got}' where {zl} writes '{want}' (in '{sp.text}')"
    else:
        msg = f"en writes '{got}' where {zl} writes '{want}'"
    return ctx.finding(
        rule,
        msg,
        ctx.loc("en", q.seg, got),
        counterparts=counterparts,
        evidence={
            "expected": want,
            "found": got,
            "source_term": sp.text,
            "source_lang": zl,
            "support": support,
            "found_span": {"lang": "en", **_col_span(q.seg, got)},
            "source_span": {"lang": zl, **_col_span(p.seg, sp.text)},
            "key": f"{name_key(want)}>{name_key(got)}",
        },
        suggestion=f"spell the name '{want}' the same way in every version",
        texts=[got, want],
    )


def _candidates(c: _Case, st: _Stats, vocab, zh_toks) -> list[_Pos]:
    """English names that may have taken the place of the kept Latin name."""
    sp, r = c.p.span, c.r
    support = st.n_both[sp.key]
    # a new name in the English in its place ("Chrome" where the Chinese keeps "Firefox"),
    # even when the document names it rarely: the Chinese is right there in the row
    # judged only for a real name ("Cookie" kept in Latin is the word "cookie") that the
    # English knows: kept elsewhere, or partly kept here ("Vantrix Marketing Cloud")
    # a one-off name (support 0) is judged too when the English never writes it anywhere:
    # then the English cannot have kept it elsewhere in the paragraph either
    judge = (
        len(c.lost) <= 1
        and not any(sp.text.lower() + x in vocab.lower for x in ("", "s", "es"))
        and (support >= 1 or len(c.missing) < len(c.toks) or sp.key not in st.en_doc_key)
    )
    subs = _substitutes(r, vocab, zh_toks, st.all_zh_keys, st.all_e_rows) if judge else []
    subs = [q for q in subs if not _short_form(q.span.text, sp.text)]
    if support == 0:
        # a one-off name: only an unusual word can be its replacement ("Once",
        # "Anonymous" open a sentence in their own right)
        subs = [q for q in subs if not all(common_english_word(w) for w in _name_tokens(q.span.text))]
    if c.deficit:
        # the name is still there, said fewer times: only a one-off name in the middle
        # of a sentence replaces one of its mentions (not a heading, link or new clause)
        subs = [
            q
            for q in subs
            if st.all_e_rows[q.span.key] <= 1
            # a sentence may open with the replacing name, when it is no English word at all
            and (not sentence_initial(q.seg.text, q.span.start) or not common_english_word(q.span.text, 1.0))
            and not _english_looking(q.span.text)
        ]
    return subs


def _replaced_or_dropped(rule, ctx: RuleContext, c: _Case, st: _Stats, vocab, zh_toks):
    sp, r, zl = c.p.span, c.r, c.r.primary
    support = st.n_both[sp.key]
    plural = "s" if support != 1 else ""
    subs = _candidates(c, st, vocab, zh_toks)
    if len({q.span.key for q in subs}) == 1:
        q = subs[0]
        if support:
            where = f"kept as '{sp.text}' in {support} other aligned paragraph{plural}"
        else:
            where = f"the {zl} keeps '{sp.text}' in Latin letters, so the English should too"
        yield ctx.finding(
            rule,
            f"en names '{q.span.text}' where {zl} names '{sp.text}'; {where}",
            ctx.loc("en", q.seg, q.span.text),
            counterparts=c.counterparts,
            evidence={
                "expected": sp.text,
                "found": q.span.text,
                "source_term": sp.text,
                "source_lang": zl,
                "support": support,
                "found_span": {"lang": "en", **_col_span(q.seg, q.span.text)},
                "source_span": {"lang": zl, **_col_span(c.p.seg, sp.text)},
                "key": f"{sp.key}>{q.span.key}",
            },
            suggestion=f"write '{sp.text}' as elsewhere in the English, or correct the Chinese",
            texts=[q.span.text, sp.text],
        )
        return
    share = support / max(1, st.n_zh[sp.key] - 1)
    if c.deficit or len(c.missing) != len(c.toks) or support < 2 or share < 0.6:
        return  # a repeated name said once, a partly kept name: paraphrase, not a drop
    if any(_short_form(t, sp.text) for t in _TOKEN_RE.findall(r.en_text)):
        return  # "prism plugins" where the Chinese says "PrismJS 插件": the short form is there
    if not sp.strong and (
        support < 3
        or share < 0.8
        or len(c.lost) > 1
        or sp.text.lower() in vocab.lower
        or any(sp.key not in name_key(to_simplified("\n".join(x.text for x in segs))) for segs in r.zh.values())
    ):
        return  # a single capitalised word ("Python") is often paraphrased away
    en_seg = r.en[0]
    yield ctx.finding(
        rule,
        f"en does not name '{sp.text}' where {zl} does (kept as '{sp.text}' in {support} other aligned paragraph{plural})",
        ctx.loc("en", en_seg),
        counterparts=c.counterparts,
        evidence={
            "expected": sp.text,
            "found": None,
            "source_term": sp.text,
            "source_lang": zl,
            "support": support,
            "source_span": {"lang": zl, **_col_span(c.p.seg, sp.text)},
            "key": f"{sp.key}>-",
        },
        suggestion=f"check that the English names '{sp.text}'",
        severity=Severity.WARNING,
        texts=[en_seg.text, sp.text],
    )
