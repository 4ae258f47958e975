"""entity-mismatch: a name that differs between aligned zh and en segments."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import Segment, Severity
from ..text.han import FUNCTION_CHARS
from ..text.names import (
    NameSpan,
    common_english_word,
    contains_name,
    english_clauses,
    english_names,
    english_vocab,
    find_term,
    han_ngrams,
    is_proper,
    latin_names,
    name_key,
    sentence_initial,
)
from ..text.scripts import to_simplified
from .base import Rule, RuleContext
from .options import RuleOptions, opt


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


class EntityMismatch(Rule):
    """A name (product, company, person, place, law, standard) differs between aligned zh and en segments.

    Chinese names have no capitals, so the rule learns the document's own
    correspondence table from the alignment: Han terms of the Chinese text
    (normalised to Simplified with OpenCC) that co-occur with an English name
    candidate (capitalised span, CamelCase, letters with digits) in most of the
    aligned rows where the Chinese term occurs, and in at least
    ``min_support`` rows. A row where the Chinese has the term but the English
    names something else ("China Telecom" where every other paragraph says
    "Talk123") is an error; a row where the English drops the name is a
    warning. Latin-script names written in the Chinese text ("JusTalk") must
    appear in the aligned English (and in the other Chinese version) too.
    A glossary, when given, adds its pairs to the learned ones.
    """

    id = "entity-mismatch"
    severity = Severity.ERROR
    severities = (Severity.ERROR, Severity.WARNING)
    @dataclass(frozen=True)
    class Options(RuleOptions):
        min_support: int = opt(3, "rows in which a zh/en name pair must co-occur before it is learned")
        min_precision: float = opt(0.7, "share of a name's rows in which its learned counterpart must appear")
        drop_precision: float = opt(0.8, "a pair kept this consistently elsewhere is reported where it is dropped")
        fuzzy: int = opt(80, "rapidfuzz score (0-100) from which two spellings are the same name misspelled")
        min_pair_score: float = opt(0.5, "aligned rows scoring below this are not compared")

    # ------------------------------------------------------------------
    def check(self, ctx: RuleContext):
        langs = ctx.document.langs
        if "en" not in langs or not any(lg in langs for lg in ("zh-Hans", "zh-Hant")):
            yield from self._check_zh_pair(ctx)
            return
        en_v = ctx.version("en")
        vocab = english_vocab(s.text for s in en_v.segments)
        rows = self._rows(ctx, vocab)
        pairs = self._learn(ctx, rows, vocab)
        yield from self._check_pairs(ctx, rows, pairs, vocab)
        yield from self._check_latin(ctx, rows, vocab)
        yield from self._check_zh_pair(ctx)

    # ------------------------------------------------------------------
    def _rows(self, ctx: RuleContext, vocab) -> list[_R]:
        out = []
        en_v = ctx.version("en")
        for row in ctx.alignment.rows:
            if not row.get("en"):
                continue
            zh = {lg: [ctx.version(lg)[i] for i in row.get(lg)] for lg in ("zh-Hans", "zh-Hant")
                  if ctx.version(lg) is not None and row.get(lg)}
            if not zh:
                continue
            r = _R(zh, [en_v[i] for i in row.get("en")], scores=dict(row.pair_scores or {}))
            r.en_text = "\n".join(s.text for s in r.en)
            r.en_names = [_Pos(s, sp) for s in r.en for sp in english_names(s.text, vocab)]
            for lg, segs in zh.items():
                r.zh_norm[lg] = to_simplified("\n".join(s.text for s in segs))
                # names inside an untranslated English clause are prose, not kept names
                r.zh_latin[lg] = [_Pos(s, sp) for s in segs for sp in latin_names(s.text)
                                  if not any(a <= sp.start < b for a, b in english_clauses(s.text))]
            out.append(r)
        return out

    def _learn(self, ctx: RuleContext, rows: list[_R], vocab) -> list[_Pair]:
        min_support = int(ctx.option(self, "min_support"))
        min_prec = float(ctx.option(self, "min_precision"))
        rows_e: dict[str, set[int]] = defaultdict(set)
        forms: dict[str, Counter] = defaultdict(Counter)
        rows_t: dict[str, set[int]] = defaultdict(set)
        grams: list[set[str]] = []
        for i, r in enumerate(rows):
            zh_latin_keys = {p.span.key for ps in r.zh_latin.values() for p in ps}
            zh_toks = _token_set(r.zh_norm[r.primary])
            for p in r.en_names:
                # a name the Chinese keeps (even partly, "Pocket 技术") in Latin script is checked
                # directly, not learned
                if p.span.key in zh_latin_keys or not is_proper(p.span.text, vocab) \
                        or any(_norm_tok(t) in zh_toks for t in _name_tokens(p.span.text)):
                    continue
                rows_e[p.span.key].add(i)
                forms[p.span.key][p.span.text] += 1
            g = han_ngrams(r.zh_norm[r.primary], simplified=False)
            grams.append(g)
            for t in g:
                rows_t[t].add(i)
        pairs: list[_Pair] = []
        for key, erows in rows_e.items():
            if len(erows) < min_support:
                continue
            co: Counter = Counter()
            for i in erows:
                co.update(grams[i])
            best = None
            for t, c in co.items():
                if c < min_support or t[0] in FUNCTION_CHARS or t[-1] in FUNCTION_CHARS:
                    continue
                n_t = len(rows_t[t])
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
                if zh and entry.en and zh not in have and not entry.dnt \
                        and any(c.isupper() or c.isdigit() for c in entry.en):
                    both = {i for i, r in enumerate(rows) if zh in r.zh_norm[r.primary] and contains_name(r.en_text, entry.en)}
                    n_t = sum(1 for r in rows if zh in r.zh_norm[r.primary])
                    pairs.append(_Pair(zh, entry.en, name_key(entry.en), len(both), n_t, both))
        # one English name per term: keep the best supported
        by_term: dict[str, _Pair] = {}
        for p in pairs:
            if p.term not in by_term or p.support > by_term[p.term].support:
                by_term[p.term] = p
        return list(by_term.values())

    # ------------------------------------------------------------------
    def _check_pairs(self, ctx: RuleContext, rows: list[_R], pairs: list[_Pair], vocab):
        if not pairs:
            return
        drop_prec = float(ctx.option(self, "drop_precision"))
        min_score = float(ctx.option(self, "min_pair_score"))
        all_e_rows: dict[str, int] = Counter()
        for r in rows:
            for k in {p.span.key for p in r.en_names}:
                all_e_rows[k] += 1
        learned = {p.key: p for p in pairs}
        for i, r in enumerate(rows):
            zl = r.primary
            norm = r.zh_norm[zl]
            zh_latin_keys = {p.span.key for ps in r.zh_latin.values() for p in ps}
            zh_cf = norm.casefold()
            if not r.confident(zl, min_score):
                continue
            for pair in pairs:
                n_zh = norm.count(pair.term)
                if not n_zh:
                    continue
                # "Paper Talk123": a word put in front of the name (a name followed by more words,
                # "JusTalk Family", is a longer name and counts as the name)
                inside_other = [p for p in r.en_names if p.span.key != pair.key
                                and p.span.key.endswith(pair.key) and contains_name(p.span.text, pair.name)
                                and _norm_seq(p.span.text) != _norm_seq(pair.name)]
                n_en = _count_name(r.en_text, pair.name) - len(inside_other)
                if n_en >= n_zh:
                    continue
                suspicious: list[_Pos] = []
                for p in r.en_names:
                    k = p.span.key
                    if k == pair.key or k in zh_latin_keys or p.span.text.casefold() in zh_cf \
                            or not is_proper(p.span.text, vocab) or _norm_seq(p.span.text) == _norm_seq(pair.name) \
                            or contains_name(p.span.text, pair.name) and p not in inside_other:
                        continue
                    other = learned.get(k)
                    if other is not None:
                        if other.term not in norm:
                            suspicious.append(p)
                        continue
                    if p in inside_other:
                        suspicious.append(p)
                    elif p.span.strong and all_e_rows[k] <= 2 and _has_word(p.span.text) \
                            and not _is_partial(p.span.text, pair.name):
                        suspicious.append(p)
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
                seen: set[str] = set()
                for p in suspicious:
                    if p.span.key in seen:
                        continue
                    seen.add(p.span.key)
                    msg = (f"en names '{p.span.text}' where {zl} names {zneedle}, rendered "
                           f"'{pair.name}' in {support} other aligned paragraph{'s' if support != 1 else ''}")
                    yield ctx.finding(
                        self, msg, ctx.loc("en", p.seg, p.span.text),
                        counterparts=counterparts,
                        evidence={"expected": pair.name, "found": p.span.text, "source_term": zneedle,
                                  "source_lang": zl, "support": support, "term_rows": pair.term_rows,
                                  "found_span": {"lang": "en", **_col_span(p.seg, p.span.text)},
                                  "source_span": {"lang": zl, **_col_span(zseg, zneedle)},
                                  "key": f"{pair.term}>{p.span.key}"},
                        suggestion=f"write '{pair.name}' as elsewhere in the English, or correct the Chinese",
                        texts=[p.span.text, pair.name],
                    )
                if not suspicious and n_en <= 0 and pair.support / pair.term_rows >= drop_prec:
                    en_seg = r.en[0]
                    msg = (f"en does not name '{pair.name}' where {zl} names {zneedle} "
                           f"(rendered '{pair.name}' in {support} other aligned paragraph{'s' if support != 1 else ''})")
                    yield ctx.finding(
                        self, msg, ctx.loc("en", en_seg),
                        counterparts=counterparts,
                        evidence={"expected": pair.name, "found": None, "source_term": zneedle,
                                  "source_lang": zl, "support": support, "term_rows": pair.term_rows,
                                  "source_span": {"lang": zl, **_col_span(zseg, zneedle)},
                                  "key": f"{pair.term}>-"},
                        suggestion=f"check that the English names '{pair.name}'",
                        severity=Severity.WARNING,
                        texts=[en_seg.text, pair.name],
                    )

    # ------------------------------------------------------------------
    def _check_latin(self, ctx: RuleContext, rows: list[_R], vocab):
        """Latin-script names in the Chinese must appear in the aligned English."""
        fuzzy = float(ctx.option(self, "fuzzy"))
        # how consistently the document keeps each Latin name in the English
        n_zh: Counter = Counter()
        n_both: Counter = Counter()
        for r in rows:
            keys = {p.span.key for p in r.zh_latin[r.primary]}
            en_key = name_key(r.en_text)
            for k in keys:
                n_zh[k] += 1
                if k in en_key:
                    n_both[k] += 1
        min_score = float(ctx.option(self, "min_pair_score"))
        all_e_rows: Counter = Counter()
        for r in rows:
            for k in {p.span.key for p in r.en_names}:
                all_e_rows[k] += 1
        all_zh_keys: set[str] = set()
        for r in rows:
            for ps in r.zh_latin.values():
                for p in ps:
                    all_zh_keys.update(_norm_tok(t) for t in _name_tokens(p.span.text))
        en_v = ctx.version("en")
        en_doc_key = name_key("\n".join(s.text for s in en_v.segments)) if en_v is not None else ""
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
            lost = {q.span.key for q in r.zh_latin[zl] if _name_shaped(q.span) and q.span.key not in en_key
                    and _name_tokens(q.span.text)
                    and not any(_norm_tok(t) in en_toks for t in _name_tokens(q.span.text))}
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
                    n_z = min(_count_name("\n".join(x.text for x in segs), sp.text) for segs in r.zh.values()
                              if _count_name("\n".join(x.text for x in segs), sp.text))
                    deficit = n_z - _count_name(r.en_text, sp.text)
                    if deficit <= 0:
                        continue
                near = _near(missing, [q for q in r.en_names], fuzzy, zh_toks) if missing else None
                counterparts = [ctx.loc(zl, p.seg, sp.text)]
                for lg, ps in r.zh_latin.items():
                    if lg != zl:
                        counterparts += [ctx.loc(lg, q.seg, q.span.text) for q in ps if q.span.key == sp.key][:1]
                support = n_both[sp.key]
                if near is not None:
                    q, want, got = near
                    msg = f"en writes '{got}' where {zl} writes '{want}' (in '{sp.text}')" if want != sp.text \
                        else f"en writes '{got}' where {zl} writes '{want}'"
                    yield ctx.finding(
                        self, msg, ctx.loc("en", q.seg, got), counterparts=counterparts,
                        evidence={"expected": want, "found": got, "source_term": sp.text,
                                  "source_lang": zl, "support": support,
                                  "found_span": {"lang": "en", **_col_span(q.seg, got)},
                                  "source_span": {"lang": zl, **_col_span(p.seg, sp.text)},
                                  "key": f"{name_key(want)}>{name_key(got)}"},
                        suggestion=f"spell the name '{want}' the same way in every version",
                        texts=[got, want],
                    )
                else:
                    # a new name in the English in its place ("Chrome" where the Chinese keeps "Firefox"),
                    # even when the document names it rarely: the Chinese is right there in the row
                    # judged only for a real name ("Cookie" kept in Latin is the word "cookie") that the
                    # English knows: kept elsewhere, or partly kept here ("Vantrix Marketing Cloud")
                    # a one-off name (support 0) is judged too when the English never writes it anywhere:
                    # then the English cannot have kept it elsewhere in the paragraph either
                    judge = len(lost) <= 1 and not any(sp.text.lower() + x in vocab.lower for x in ("", "s", "es")) \
                        and (support >= 1 or len(missing) < len(toks) or sp.key not in en_doc_key)
                    subs = _substitutes(r, vocab, zh_toks, all_zh_keys, all_e_rows) if judge else []
                    subs = [q for q in subs if not _short_form(q.span.text, sp.text)]
                    if support == 0:
                        # a one-off name: only an unusual word can be its replacement ("Once",
                        # "Anonymous" open a sentence in their own right)
                        subs = [q for q in subs if not all(common_english_word(w) for w in _name_tokens(q.span.text))]
                    if deficit:
                        # the name is still there, said fewer times: only a one-off name in the middle
                        # of a sentence replaces one of its mentions (not a heading, link or new clause)
                        subs = [q for q in subs if all_e_rows[q.span.key] <= 1
                                and not sentence_initial(q.seg.text, q.span.start)
                                and not _english_looking(q.span.text)]
                    if len({q.span.key for q in subs}) == 1:
                        q = subs[0]
                        where = (f"kept as '{sp.text}' in {support} other aligned paragraph{'s' if support != 1 else ''}"
                                 if support else f"the {zl} keeps '{sp.text}' in Latin letters, so the English should too")
                        msg = f"en names '{q.span.text}' where {zl} names '{sp.text}'; {where}"
                        yield ctx.finding(
                            self, msg, ctx.loc("en", q.seg, q.span.text), counterparts=counterparts,
                            evidence={"expected": sp.text, "found": q.span.text, "source_term": sp.text,
                                      "source_lang": zl, "support": support,
                                      "found_span": {"lang": "en", **_col_span(q.seg, q.span.text)},
                                      "source_span": {"lang": zl, **_col_span(p.seg, sp.text)},
                                      "key": f"{sp.key}>{q.span.key}"},
                            suggestion=f"write '{sp.text}' as elsewhere in the English, or correct the Chinese",
                            texts=[q.span.text, sp.text],
                        )
                        continue
                    if deficit or len(missing) != len(toks) or support < 2 \
                            or support / max(1, n_zh[sp.key] - 1) < 0.6:
                        continue  # a repeated name said once, a partly kept name: paraphrase, not a drop
                    if not sp.strong and (support < 3 or support / max(1, n_zh[sp.key] - 1) < 0.8 or len(lost) > 1
                                          or sp.text.lower() in vocab.lower
                                          or any(sp.key not in name_key(to_simplified("\n".join(x.text for x in segs)))
                                                 for segs in r.zh.values())):
                        continue  # a single capitalised word ("Python") is often paraphrased away
                    en_seg = r.en[0]
                    msg = (f"en does not name '{sp.text}' where {zl} does "
                           f"(kept as '{sp.text}' in {support} other aligned paragraph{'s' if support != 1 else ''})")
                    yield ctx.finding(
                        self, msg, ctx.loc("en", en_seg), counterparts=counterparts,
                        evidence={"expected": sp.text, "found": None, "source_term": sp.text, "source_lang": zl,
                                  "support": support, "source_span": {"lang": zl, **_col_span(p.seg, sp.text)},
                                  "key": f"{sp.key}>-"},
                        suggestion=f"check that the English names '{sp.text}'",
                        severity=Severity.WARNING,
                        texts=[en_seg.text, sp.text],
                    )

    # ------------------------------------------------------------------
    def _check_zh_pair(self, ctx: RuleContext):
        """zh-Hans and zh-Hant must spell their Latin-script names the same way."""
        if ctx.version("zh-Hans") is None or ctx.version("zh-Hant") is None:
            return
        fuzzy = float(ctx.option(self, "fuzzy"))
        for a_segs, b_segs, _row in ctx.aligned_pairs("zh-Hans", "zh-Hant"):
            sides = {"zh-Hans": a_segs, "zh-Hant": b_segs}
            latin = {lg: [_Pos(s, sp) for s in segs for sp in latin_names(s.text)] for lg, segs in sides.items()}
            text_key = {lg: name_key("\n".join(s.text for s in segs)) for lg, segs in sides.items()}
            for lg, other in (("zh-Hans", "zh-Hant"),):  # fuzzy matching is symmetric: one pass
                seen: set[str] = set()
                for p in latin[lg]:
                    sp = p.span
                    if sp.key in seen or sp.key in text_key[other] or not _name_shaped(sp):
                        continue
                    seen.add(sp.key)
                    toks = _name_tokens(sp.text)
                    other_toks = _token_set("\n".join(x.text for x in sides[other]))
                    missing = [t for t in toks if _norm_tok(t) not in other_toks]
                    near = _near(missing, latin[other], fuzzy, _token_set("\n".join(x.text for x in sides[lg]))) \
                        if missing else None
                    if near is None:
                        continue  # a dropped or reordered Latin word is left to the other rules
                    q, want, got = near
                    if lg == "zh-Hant":
                        has, lacks = "zh-Hant", "zh-Hans"
                    else:
                        has, lacks = "zh-Hans", "zh-Hant"
                    yield ctx.finding(
                        self, f"{lacks} writes '{got}' where {has} writes '{want}'",
                        ctx.loc(lacks, q.seg, got), counterparts=[ctx.loc(has, p.seg, sp.text)],
                        evidence={"expected": want, "found": got, "source_term": sp.text,
                                  "source_lang": has, "support": 0,
                                  "found_span": {"lang": lacks, **_col_span(q.seg, got)},
                                  "source_span": {"lang": has, **_col_span(p.seg, sp.text)},
                                  "key": "|".join(sorted([name_key(want), name_key(got)]))},
                        suggestion="spell the name the same way in zh-Hans and zh-Hant",
                        texts=sorted([got, want]),
                    )


# ----------------------------------------------------------------------
def _count_name(text: str, name: str) -> int:
    import re

    return len(re.findall(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", text, re.IGNORECASE))


def _is_partial(found: str, expected: str) -> bool:
    """``found`` is a piece of the expected name (a short form), not another name."""
    return name_key(found) in name_key(expected)




_TOK_RE = re.compile(r"[A-Za-z0-9\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f'’\-./+&]*[A-Za-z0-9\u00c0-\u024f+])?")


def _norm_tok(tok: str) -> str:
    t = re.sub(r"['’]s?$", "", tok).casefold()
    if len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
        t = t[:-1]
    return t


def _token_set(text: str) -> set[str]:
    return {_norm_tok(t) for t in _TOK_RE.findall(text)}


def _name_tokens(name: str) -> list[str]:
    """The words of a name that carry it (no connectors, no bare numbers)."""
    out = []
    for t in name.split():
        t = re.sub(r"['’]s?$", "", t)
        if sum(c.isalpha() for c in t) >= 2:
            out.append(t)
    return out


def _norm_seq(name: str) -> tuple[str, ...]:
    return tuple(_norm_tok(t) for t in _name_tokens(name))


def _near(missing: list[str], cands: list, fuzzy: float, source_toks: set[str] = frozenset()):
    """(candidate, expected word, found word) for a word spelled differently, or None.

    A found word the source also contains ("Slack" when the Chinese lists Slack too) is not a
    misspelling of another word.
    """
    for want in missing:
        w = _norm_tok(want)
        for q in cands:
            for got in _name_tokens(q.span.text):
                g = _norm_tok(got)
                if g == w or g in source_toks or abs(len(g) - len(w)) > 2 or g.startswith(w) or w.startswith(g):
                    continue
                if fuzz.ratio(g, w) >= fuzzy:
                    return q, want, got
    return None


_ENGLISH_ENDINGS = ("ly", "tion", "sion", "ing", "ment", "ness", "ity", "ous", "ive", "able", "ible", "ed", "ful",
                    "less", "ance", "ence", "ship", "ward", "wise")


def _substitutes(r: "_R", vocab, zh_toks: set[str], all_zh_keys: set[str], all_e_rows: Counter) -> list["_Pos"]:
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
            if (id(seg), m.start()) in have or low in vocab.lower or w in vocab.mid_caps \
                    or not sentence_initial(seg.text, m.start()) or _english_looking(w) \
                    or seg.text[m.end():m.end() + 1] in ",:":
                continue
            spans.append(_Pos(seg, NameSpan(w, m.start(), m.end(), False)))
    for q in spans:
        toks = [_norm_tok(t) for t in _name_tokens(q.span.text)]
        new = [t for t in toks if t not in zh_toks]
        if not new or not _has_word(q.span.text) or all_e_rows[q.span.key] > 2 or "/" in q.span.text \
                or any(t in all_zh_keys for t in new) or not is_proper(q.span.text, vocab):
            continue
        if not q.span.strong and sentence_initial(q.seg.text, q.span.start) and q.span.text in r.en_text \
                and (q.span.text.lower() in vocab.lower or _english_looking(q.span.text)):
            continue
        out.append(q)
    return out


def _english_looking(name: str) -> bool:
    """Every word ends like an English word ("Implementations", "Virtual Private Network" is not)."""
    words = [w.lower() for w in name.split()]
    if not words or not all(w.isalpha() for w in words):
        return False
    stems = [w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w for w in words]
    return all(st.endswith(_ENGLISH_ENDINGS) for st in stems)


def _short_form(a: str, b: str) -> bool:
    """One name is a clipped form of the other ("Postgres" / "PostgreSQL")."""
    ka, kb = name_key(a), name_key(b)
    n = min(len(ka), len(kb), 5)
    return n >= 4 and ka[:n] == kb[:n]


def _has_word(text: str) -> bool:
    """At least one token with lower-case letters: a name, not "RMB 1" or "ISO 9001"."""
    return any(any(c.islower() for c in tok) for tok in text.split())


def _capitalised_mid(p: _Pos) -> bool:
    return bool(p.span.text[:1].isupper()) and " " in p.span.text


def _name_shaped(sp: NameSpan) -> bool:
    """Latin text inside Chinese that is a name, not an acronym like OS/GPS/APP."""
    letters = [c for c in sp.text if c.isalpha()]
    if len(letters) < 3:
        return False
    if sp.strong:
        return True
    return not all(c.isupper() for c in letters)


def _find_zh(segs: list[Segment], term: str) -> tuple[Segment, str]:
    """The segment holding a Simplified-normalised term, and the term as written there."""
    for s in segs:
        pos = find_term(s.text, term)
        if pos:
            return s, s.text[pos[0]:pos[1]]
    return segs[0], term
