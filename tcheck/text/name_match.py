"""Matching names across versions: tokens, near spellings, likely substitutes.

Used by entity-mismatch to compare the names of aligned zh and en texts (and
of zh-Hans against zh-Hant): a name's words, a misspelling within ``fuzzy``
of a missing word, an English name that took the place of a kept one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from ..model import Segment
from .names import NameSpan, common_english_word, english_word, find_term, name_key
from .patterns import compiled


def _count_name(text: str, name: str) -> int:
    """Mentions of ``name`` in ``text``, plural and possessive included ("RPC APIs")."""
    return len(
        compiled(rf"(?<![A-Za-z0-9]){re.escape(name)}(?:['’]?s|es)?(?![A-Za-z0-9])", re.IGNORECASE).findall(text)
    )


def _is_partial(found: str, expected: str) -> bool:
    """``found`` is a piece of the expected name (a short form), not another name."""
    return name_key(found) in name_key(expected)


_TOK_RE = re.compile(r"[A-Za-z0-9\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f'’\-./+&]*[A-Za-z0-9\u00c0-\u024f+])?")


_POSSESSIVE_RE = re.compile(r"['’]s?$")


@lru_cache(maxsize=16384)
def _norm_tok(tok: str) -> str:
    """A word as compared: possessive and plural -s dropped, case folded (memoised)."""
    t = _POSSESSIVE_RE.sub("", tok).replace("’", "'").casefold()
    if len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
        t = t[:-1]
    return t


def _token_set(text: str) -> set[str]:
    return {_norm_tok(t) for t in _TOK_RE.findall(text)}


def _name_tokens(name: str) -> list[str]:
    """The words of a name that carry it (no connectors, no bare numbers)."""
    out = []
    for t in name.split():
        t = _POSSESSIVE_RE.sub("", t)
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


_ENGLISH_ENDINGS = (
    "ly",
    "tion",
    "sion",
    "ing",
    "ment",
    "ness",
    "ity",
    "ous",
    "ive",
    "able",
    "ible",
    "ed",
    "ful",
    "less",
    "ance",
    "ence",
    "ship",
    "ward",
    "wise",
)


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
            return s, s.text[pos[0] : pos[1]]
    return segs[0], term


_SEP_RE = re.compile(r"[\s\-‐‑_.·]+")


def _camel(text: str) -> bool:
    """An inner capital inside a word ("JusTalk", "GitHub"), not after a hyphen ("Cross-Chain")."""
    return any(a.islower() and b.isupper() for a, b in zip(text, text[1:]))


def style_only(var: str, dom: str) -> bool:
    """Two writings of the same letters that differ only in style, not in the name.

    Heading case and hyphenation ("Cross-Chain" / "Cross-chain", "JSON RPC" / "JSON-RPC",
    "On-Chain" / "On-chain") are style. A change of inner capitals ("Justalk" / "JusTalk")
    or a single word broken apart ("Talk 123", "Firef-ox") is a different spelling.
    """
    if var.replace("’", "'") == dom.replace("’", "'"):
        return True  # a typographic apostrophe: "I’ve" / "I've", "D’cent" / "D'cent"
    pv, pd = _SEP_RE.split(var), _SEP_RE.split(dom)
    if pv != pd and [p.casefold() for p in pv] != [p.casefold() for p in pd]:
        # separators differ: a variant only when it breaks one word into pieces, some not words
        if len(pd) > 1 or all(p.isalpha() and common_english_word(p, 3.0) for p in pv):
            return True
        return False
    if var == dom:
        return True
    return not (_camel(var) or _camel(dom))


def _differs_in_digits(a: str, b: str) -> bool:
    return [c for c in a if c.isdigit()] != [c for c in b if c.isdigit()]


def misspelling_kind(var: str, dom: str, ordinary: set[str]) -> str | None:
    """How the rare word ``var`` misspells the frequent name ``dom``, or None when it is another word.

    ``ordinary`` holds the case-folded words the document writes in lower case: a
    variant or a name that is an ordinary word ("Policy"/"Police") is not judged.
    """
    if var == dom or var.islower() or len(var) < 4 or _differs_in_digits(var, dom):
        return None
    vf, df = var.casefold(), dom.casefold()
    if var.isupper() and not dom.isupper():
        return None  # a shouting heading
    if name_key(var) == name_key(dom):
        if df.replace("-", "") in ordinary and "-" not in var and var in (df.capitalize(), df.title(), df):
            return None  # "Online"/"online" of an ordinary word: a style, not a name
        return None if style_only(var, dom) else "different spelling"
    if vf in ordinary or df in ordinary or len(dom) < 5:
        return None
    if english_word(var) or common_english_word(dom):
        return None  # "Reintroduce", "Licensed" next to "Licensor": words, not misspellings of a name
    if vf.startswith(df) or df.startswith(vf):
        return None  # an inflection ("Voices") or a clipped compound
    if not any(c.isupper() for c in dom) or var[0].casefold() != dom[0].casefold() and len(dom) < 7:
        return None
    d = OSA.distance(vf.replace("-", ""), df.replace("-", ""))
    limit = 1 if len(dom) < 8 else 2
    if 0 < d <= limit:
        return "misspelled"
    return None
