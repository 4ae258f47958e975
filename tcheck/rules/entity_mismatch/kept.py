"""entity-mismatch, names the Chinese keeps in Latin script: a row where it translates one instead.

A document whose Chinese versions write "Hardhat" or "Kaia" in Latin letters wherever the
English names it, except in one row (硬头盔, 凯亚基金会): a machine translation rendered the
name literally or phonetically there.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ...model import Severity
from ...text.name_match import _near, _norm_tok
from ...text.names import NameSpan, common_english_word, english_clauses, latin_names, token_kind
from ...text.patterns import compiled
from ..base import RuleContext
from .rows import _R, _Pos

_URL_RE = re.compile(r"\S+://\S+")
_WORD_RE = re.compile(r"[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f'’]*")
_MIN_KEPT = 4  # rows in which the Chinese keeps the name in Latin letters
_MIN_SHARE = 0.75  # share of the English name's rows in which it is kept


def _doc_names(rows: list[_R], vocab) -> set[str]:
    """Words the English uses as names: capitalised in the middle of its sentences (or with
    inner capitals or digits), and not frequent English words. Their lower-case uses count too
    ("npx hardhat", "a hardhat project")."""
    out: set[str] = set()
    for r in rows:
        for p in r.en_names:
            for tok in p.span.text.split():
                tok = re.sub(r"['’]s?$", "", tok)
                kind = token_kind(tok)
                if (
                    kind in ("cap", "camel", "alnum")
                    and len(tok) >= 3
                    and not common_english_word(tok)
                    and (kind != "cap" or vocab.mid_caps[tok] >= 2)
                ):
                    out.add(_norm_tok(tok))
    # a word the English also puts in the plural ("dApps") is a common noun, not a name
    seen = {w.casefold() for r in rows for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", r.en_text)}
    plural = {w[:-1] for w in seen if w.endswith("s") and w[:-1] in seen}
    return out - plural


def _split_words(text: str) -> tuple[set[str], set[str]]:
    """The Latin words of ``text`` outside URLs, compounds split ("Kaia-Kairos" has "kaia",
    "firefox.com" has "firefox"), and the subset written with a capital."""
    toks = _WORD_RE.findall(_URL_RE.sub(" ", text))
    return {_norm_tok(t) for t in toks}, {_norm_tok(t) for t in toks if t[0].isupper()}


def _where(r: _R, word: str) -> _Pos:
    for seg in r.en:
        m = compiled(rf"(?<![A-Za-z0-9]){re.escape(word)}", re.IGNORECASE).search(seg.text)
        if m:
            return _Pos(seg, NameSpan(m.group(), m.start(), m.end(), False))
    return _Pos(r.en[0], NameSpan(word, 0, 0, False))


def check_kept(rule, ctx: RuleContext, rows: list[_R], vocab):
    """A name every Chinese version keeps in Latin elsewhere, missing from all of them in one row."""
    min_score = float(ctx.option(rule, "min_pair_score"))
    fuzzy = float(ctx.option(rule, "fuzzy"))
    names = _doc_names(rows, vocab)
    en_words = [_split_words(r.en_text) for r in rows]
    zh_words = [{lg: _split_words("\n".join(s.text for s in segs)) for lg, segs in r.zh.items()} for r in rows]

    def keeps(i: int, lg: str, w: str) -> bool:
        # a name the English capitalises here must be written with its capital too
        (z_all, z_caps), e_caps = zh_words[i][lg], en_words[i][1]
        return w in z_all and (w not in e_caps or w in z_caps)

    en_rows: dict[str, list[int]] = defaultdict(list)
    for i, (ws, _) in enumerate(en_words):
        for w in ws & names:
            en_rows[w].append(i)
    for w, idx in en_rows.items():
        kept = [i for i in idx if all(keeps(i, lg, w) for lg in zh_words[i])]
        lost = [i for i in idx if not any(keeps(i, lg, w) for lg in zh_words[i])]

        if len(kept) < _MIN_KEPT or not lost or len(kept) < _MIN_SHARE * len(idx):
            continue
        for i in lost:
            r = rows[i]
            p = _where(r, w)
            if not all(r.confident(lg, min_score) for lg in r.zh) or r.en_text.count(p.span.text) > 1:
                continue
            if any(english_clauses("\n".join(s.text for s in segs)) for segs in r.zh.values()):
                continue  # a partly untranslated row is rewritten around the name, not a rendering of it
            # a Latin word spelled near the name is a misspelling, reported by the Latin check
            cands = [_Pos(s, sp) for s in r.zh[r.primary] for sp in latin_names(s.text)]
            if not _near([p.span.text], cands, fuzzy):
                yield _finding(rule, ctx, r, p, len(kept))


def _finding(rule, ctx: RuleContext, r: _R, p: _Pos, support: int):
    name = p.span.text
    langs = list(r.zh)
    who = " and ".join(langs)
    verb = "do" if len(langs) > 1 else "does"
    counterparts = [ctx.loc("en", p.seg, name)] + [ctx.loc(lg, r.zh[lg][0]) for lg in langs[1:]]
    return ctx.finding(
        rule,
        f"{who} {verb} not write '{name}' where en names it, although the Chinese keeps '{name}' in "
        f"Latin letters in {support} other aligned paragraphs: probably translated or transliterated here",
        ctx.loc(langs[0], r.zh[langs[0]][0]),
        counterparts=counterparts,
        evidence={
            "expected": name,
            "found": None,
            "source_term": name,
            "source_lang": "en",
            "support": support,
            "key": f"{name.casefold()}>translated",
        },
        suggestion=f"keep the name '{name}' as elsewhere in the Chinese",
        severity=Severity.WARNING,
        texts=[r.zh[langs[0]][0].text, name],
    )
