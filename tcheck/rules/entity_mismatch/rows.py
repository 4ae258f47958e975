"""The aligned rows entity-mismatch reads, and the zh/en name pairs it learns from them."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ...model import Segment
from ...text.han import FUNCTION_CHARS
from ...text.name_match import _english_looking, _has_word, _name_tokens, _norm_tok, _token_set
from ...text.names import (
    NameSpan,
    common_english_word,
    contains_name,
    english_clauses,
    english_names,
    english_word,
    han_ngrams,
    is_name,
    is_proper,
    latin_names,
    name_key,
    sentence_initial,
)
from ...text.scripts import to_simplified
from ..base import RuleContext


@dataclass
class _Pos:
    seg: Segment
    span: NameSpan


@dataclass
class _R:
    """One aligned row seen by this rule."""

    zh: dict[str, list[Segment]]  # lang -> segments (zh-Hans and/or zh-Hant)
    en: list[Segment]
    zh_norm: dict[str, str] = field(default_factory=dict)  # lang -> Simplified-normalised text
    en_text: str = ""
    en_names: list[_Pos] = field(default_factory=list)
    zh_latin: dict[str, list[_Pos]] = field(default_factory=dict)
    scores: dict = field(default_factory=dict)  # row.pair_scores

    def confident(self, zl: str, minimum: float) -> bool:
        """The alignment of this row is good enough to judge what is missing from it."""
        sc = self.scores.get((zl, "en"), self.scores.get(("en", zl)))
        return sc is None or sc >= minimum

    @property
    def primary(self) -> str:
        return "zh-Hans" if "zh-Hans" in self.zh else "zh-Hant"


@dataclass
class _Pair:
    term: str  # Simplified Han term
    name: str  # English display form
    key: str
    support: int  # rows where both occur
    term_rows: int  # rows where the term occurs
    rows: set[int]  # rows where both occur


def _col_span(seg: Segment, needle: str) -> dict:
    line, col = seg.locate(needle)
    return {"line": line, "start_col": col, "end_col": col + len(needle)}


def build_rows(ctx: RuleContext, vocab) -> list[_R]:
    out = []
    en_v = ctx.version("en")
    for row in ctx.alignment.rows:
        if not row.get("en"):
            continue
        zh = {
            lg: [ctx.version(lg)[i] for i in row.get(lg)]
            for lg in ("zh-Hans", "zh-Hant")
            if ctx.version(lg) is not None and row.get(lg)
        }
        if not zh:
            continue
        r = _R(zh, [en_v[i] for i in row.get("en")], scores=dict(row.pair_scores or {}))
        r.en_text = "\n".join(s.text for s in r.en)
        r.en_names = [_Pos(s, sp) for s in r.en for sp in english_names(s.text, vocab)]
        for lg, segs in zh.items():
            r.zh_norm[lg] = to_simplified("\n".join(s.text for s in segs))
            # names inside an untranslated English clause are prose, not kept names
            r.zh_latin[lg] = [
                _Pos(s, sp)
                for s in segs
                for sp in latin_names(s.text)
                if not any(a <= sp.start < b for a, b in english_clauses(s.text))
            ]
        out.append(r)
    return out


def learn(rule, ctx: RuleContext, rows: list[_R], vocab) -> list[_Pair]:
    min_support = int(ctx.option(rule, "min_support"))
    min_prec = float(ctx.option(rule, "min_precision"))
    rows_e: dict[str, set[int]] = defaultdict(set)
    forms: dict[str, Counter] = defaultdict(Counter)
    rows_t: Counter = Counter()  # term -> rows where it occurs
    grams: list[set[str]] = []
    for i, r in enumerate(rows):
        zh_latin_keys = {p.span.key for ps in r.zh_latin.values() for p in ps}
        zh_toks = _token_set(r.zh_norm[r.primary])
        # table rows repeat their column words ("Mobile", "Support" beside 没有, 支持): a
        # correspondence is learned from prose only, and only for a name by evidence
        tabular = all(s.kind == "table" for s in r.en)
        for p in r.en_names:
            # a name the Chinese keeps (even partly, "Pocket 技术") in Latin script is checked
            # directly, not learned
            if (
                tabular
                or p.span.key in zh_latin_keys
                or not is_name(p.span.text, vocab)
                or any(_norm_tok(t) in zh_toks for t in _name_tokens(p.span.text))
            ):
                continue
            rows_e[p.span.key].add(i)
            forms[p.span.key][p.span.text] += 1
        g = han_ngrams(r.zh_norm[r.primary], simplified=False)
        grams.append(g)
        rows_t.update(g)
    pairs: list[_Pair] = []
    # a term in fewer rows than min_support, or with a function character at an end, can
    # never be learned: each row's candidates, in the row's own order (ties go to the first)
    usable: dict[int, list[str]] = {}

    def candidates(i: int) -> list[str]:
        if i not in usable:
            usable[i] = [
                t
                for t in grams[i]
                if rows_t[t] >= min_support and t[0] not in FUNCTION_CHARS and t[-1] not in FUNCTION_CHARS
            ]
        return usable[i]

    for key, erows in rows_e.items():
        if len(erows) < min_support:
            continue
        co: Counter = Counter()
        for i in erows:
            co.update(candidates(i))
        best = None
        for t, c in co.items():
            if c < min_support:
                continue
            n_t = rows_t[t]
            if c / n_t < min_prec or c / len(erows) < 0.5:
                continue
            score = (round(c / (n_t + len(erows) - c), 3), len(t))
            if best is None or score > best[0]:
                best = (score, t, c, n_t)
        if best:
            _, t, c, n_t = best
            both = {i for i in erows if t in grams[i]}
            pairs.append(_Pair(t, forms[key].most_common(1)[0][0], key, c, n_t, both))
    # glossary pairs (zh -> en), when the glossary names both
    gl = getattr(ctx, "glossary", None)
    if gl is not None:
        have = {p.term for p in pairs}
        for entry in getattr(gl, "entries", []):
            zh = entry.zh_hans or (to_simplified(entry.zh_hant) if entry.zh_hant else "")
            # only names: a capital or a digit (common-noun terms are glossary-violation's job)
            if (
                zh
                and entry.en
                and zh not in have
                and not entry.dnt
                and any(c.isupper() or c.isdigit() for c in entry.en)
            ):
                both = {
                    i for i, r in enumerate(rows) if zh in r.zh_norm[r.primary] and contains_name(r.en_text, entry.en)
                }
                n_t = sum(1 for r in rows if zh in r.zh_norm[r.primary])
                pairs.append(_Pair(zh, entry.en, name_key(entry.en), len(both), n_t, both))
    # one English name per term: keep the best supported
    by_term: dict[str, _Pair] = {}
    for p in pairs:
        if p.term not in by_term or p.support > by_term[p.term].support:
            by_term[p.term] = p
    return list(by_term.values())


def _substitutes(r: _R, vocab, zh_toks: set[str], all_zh_keys: set[str], all_e_rows: Counter) -> list[_Pos]:
    """English names of row ``r`` that no Chinese version writes and the English rarely uses.

    Name candidates from the span finder, plus a capitalised word at a sentence start that the
    version never writes in lower case and that does not read like an English word ("Kestrelin
    sends data" where the Chinese keeps "Firefox").
    """
    out = []
    spans = list(r.en_names)
    have = {(id(p.seg), p.span.start) for p in spans}
    for seg in r.en:
        for m in re.finditer(r"(?<![A-Za-z0-9'’\-])[A-Z][a-z]{3,}(?![A-Za-z0-9'’\-])", seg.text):
            w = m.group()
            low = w.lower()
            if (
                (id(seg), m.start()) in have
                or low in vocab.lower
                or w in vocab.mid_caps
                or not sentence_initial(seg.text, m.start())
                or _english_looking(w)
                or english_word(w)  # "Navigate", "There": a sentence starts with a word
                or seg.text[m.end() : m.end() + 1] in ",:"
            ):
                continue
            spans.append(_Pos(seg, NameSpan(w, m.start(), m.end(), False)))
    for q in spans:
        toks = [_norm_tok(t) for t in _name_tokens(q.span.text)]
        new = [t for t in toks if t not in zh_toks]
        if (
            not new
            or not _has_word(q.span.text)
            or all_e_rows[q.span.key] > 2
            or "/" in q.span.text
            or any(t in all_zh_keys for t in new)
            or not is_proper(q.span.text, vocab)
            # "Asia" where the Chinese says 亚洲: a frequent English word is translated, not kept
            # (two capitalised words, "Safe Wallet", are a name of their own)
            or len(_name_tokens(q.span.text)) == 1
            and common_english_word(q.span.text)
        ):
            continue
        if (
            not q.span.strong
            and sentence_initial(q.seg.text, q.span.start)
            and q.span.text in r.en_text
            and (q.span.text.lower() in vocab.lower or _english_looking(q.span.text))
        ):
            continue
        out.append(q)
    return out


def _capitalised_mid(p: _Pos) -> bool:
    return bool(p.span.text[:1].isupper()) and " " in p.span.text
