"""Name candidates: the spans of a text that look like proper names.

English: capitalised spans ("China Telecom", "People's Republic of China"),
CamelCase ("JusTalk"), letters mixed with digits ("Talk123", "52Phone"),
acronyms and standards ("GB/T 35273"). Sentence-initial and title-case words
are kept only when the version never uses them in lower case, so "In",
"The", "Use of Personal Data" are not names. A possessive ("Talk123's") and
leading determiners are stripped.

Chinese: Chinese has no capitals, so names are found two ways: Latin-script
runs inside the Chinese text (``latin_names``), and Han n-grams of the text
normalised to Simplified with OpenCC (``han_ngrams``) whose correspondence
with English names is learned from the alignment by the rules that need it.

No list of known names lives here; everything is shape and statistics.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .english_words import _CONNECTORS, _DETERMINERS, _FUNCTION, CALENDAR
from .han import HAN_RUN_RE as _HAN_RUN_RE
from .patterns import compiled
from .scripts import to_simplified

_L = "A-Za-z0-9\u00c0-\u024f"
# a Latin-script token: letters/digits, inner apostrophes, hyphens, dots, slashes, plus/ampersand
_TOKEN_RE = re.compile(rf"[{_L}](?:[{_L}'’\-./+&]*[{_L}+])?")
_WORD_RE = re.compile(r"[A-Za-z][a-z'’\-]*")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_CONTRACTION_RE = re.compile(r"['’](ll|re|ve|d|m|t)$")
# lower-case words that may sit inside a name ("Bank of China", "Procter & Gamble")
_SENT_END = set(".!?:;。！？：；\n")
_OPENERS = set("\"'“‘(（[「『*_#>-–—•·")


@dataclass(frozen=True)
class NameSpan:
    text: str  # the name as it should be compared (possessive/determiner stripped)
    start: int  # offsets of ``text`` in the source string
    end: int
    strong: bool  # has a digit, an inner capital, or several words: name-shaped on its own

    @property
    def key(self) -> str:
        return name_key(self.text)


_KEY_DROP_RE = re.compile(r"[\s\-‐‑_.·'’]+")


@lru_cache(maxsize=16384)
def name_key(text: str) -> str:
    """Comparison key: case-, space- and hyphen-insensitive (memoised: rules key the same
    names and texts over and over)."""
    return _KEY_DROP_RE.sub("", text).casefold()


@lru_cache(maxsize=65536)
def token_kind(tok: str) -> str:
    """alnum | camel | acronym | cap | num | lower (memoised: the name finders ask it
    about every token of every text, again for every rule that reads names)"""
    has_digit = any(c.isdigit() for c in tok)
    has_alpha = any(c.isalpha() for c in tok)
    if has_digit and has_alpha:
        return "alnum"
    if has_digit:
        return "num"
    letters = [c for c in tok if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "acronym"
    if any(a.islower() and b.isupper() for a, b in zip(tok, tok[1:])):
        return "camel"
    if tok[0].isupper():
        return "cap"
    return "lower"


@dataclass(eq=False)
class EnglishVocab:
    """What a version knows about its words: lower-case uses, capitalised mid-sentence uses.

    Read-only once made: :func:`english_vocab` hands the same object to every rule asking
    about the same version, and :func:`english_names` memoises by it (compared and hashed
    by identity).
    """

    lower: Counter
    mid_caps: Counter

    def __contains__(self, word: str) -> bool:  # an ordinary (lower-case) word of the version
        return word in self.lower


def english_vocab(texts: Iterable[str]) -> EnglishVocab:
    """Word statistics of a version (see :class:`EnglishVocab`); the same object for the
    same texts (several rules read the English version's vocabulary)."""
    return _english_vocab(tuple(texts))


@lru_cache(maxsize=8)
def _english_vocab(texts: tuple[str, ...]) -> EnglishVocab:
    low: Counter = Counter()
    caps: Counter = Counter()
    for t in texts:
        title = _title_case(t)
        for m in _WORD_RE.finditer(t):
            w = m.group()
            if w[0].islower():
                low[w] += 1
            elif not title and not _sentence_initial(t, m.start()):
                caps[w] += 1
    return EnglishVocab(low, caps)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in _OPENERS or text[i].isdigit()):
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in _SENT_END or text[i] in ")）" and _label_before(text, i)


def sentence_initial(text: str, start: int) -> bool:
    """Whether offset ``start`` begins a sentence, a list item or a title."""
    return _sentence_initial(text, start)


def _label_before(text: str, i: int) -> bool:
    # "a) Foo", "(1) Foo": a list label closes with a parenthesis
    j = i - 1
    while j >= 0 and (text[j].isalnum()) and i - j <= 3:
        j -= 1
    return j < 0 or text[j] in " (（\n"


def _title_case(text: str) -> bool:
    words = _WORD_RE.findall(text)
    long = [w for w in words if len(w) > 3]
    return len(long) >= 2 and sum(1 for w in long if w[0].isupper()) >= 0.8 * len(long)


_URLISH_RE = re.compile(r"^(?:www\.|https?\b)|\.[a-z]{2,}(?:/|$)|@", re.I)


def is_urlish(tok: str) -> bool:
    """A domain, URL, e-mail or file name ("example.org/x", "README.md"): not a name."""
    return bool(_URLISH_RE.search(tok))


def _runs(text: str, tokens: list[re.Match], joinable) -> list[list[re.Match]]:
    """Group name-ish tokens separated by single spaces into runs."""
    runs: list[list[re.Match]] = []
    cur: list[re.Match] = []
    for m in tokens:
        if is_urlish(m.group()) or text[m.end() : m.end() + 3] == "://":
            if cur:
                runs.append(cur)
            cur = []
            continue
        if cur:
            gap = text[cur[-1].end() : m.start()]
            if gap != " ":
                runs.append(cur)
                cur = []
        if joinable(m, bool(cur)):
            cur.append(m)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _trim(run: list[re.Match]) -> list[re.Match]:
    while run and (run[-1].group() in _CONNECTORS or token_kind(run[-1].group()) == "num" and len(run) == 1):
        run = run[:-1]
    while run and (run[0].group() in _CONNECTORS or token_kind(run[0].group()) == "num"):
        run = run[1:]
    return run


def _span(text: str, run: list[re.Match]) -> NameSpan | None:
    if not run:
        return None
    start, end = run[0].start(), run[-1].end()
    s = text[start:end]
    for pos in ("'s", "’s"):
        if s.endswith(pos):
            s, end = s[: -len(pos)], end - len(pos)
    s = s.rstrip("'’-.")
    end = start + len(s)
    if not s or not any(c.isalpha() for c in s):
        return None
    kinds = [token_kind(m.group()) for m in run]
    named = [k for k in kinds if k in ("alnum", "camel", "acronym", "cap")]
    strong = any(k in ("alnum", "camel") for k in kinds) or len(named) >= 2 or bool(named) and "num" in kinds
    return NameSpan(s, start, end, strong)


def english_names(text: str, vocab: EnglishVocab | None = None) -> list[NameSpan]:
    """Name candidates in English ``text``.

    ``vocab`` (from :func:`english_vocab` over the whole version) tells which
    capitalised words are ordinary words that the version also writes in
    lower case; those count as names only in the middle of a sentence of a
    text that is not in title case. Memoised by text and vocabulary (several
    rules read the names of the same segments).
    """
    return list(_english_names(text, vocab))


@lru_cache(maxsize=8192)
def _english_names(text: str, vocab: EnglishVocab | None) -> tuple[NameSpan, ...]:
    vocab = vocab if vocab is not None else english_vocab([text])
    title = _title_case(text)
    tokens = list(_TOKEN_RE.finditer(text))

    def ordinary(m: re.Match) -> bool:
        w = m.group()
        base = _POSSESSIVE_RE.sub("", w)
        low = base.lower()
        if token_kind(w) != "cap":
            return False
        if low in _DETERMINERS or _CONTRACTION_RE.search(low):
            return True  # a determiner or a contraction ("I'll", "Don't")
        if low in _FUNCTION and (title or _sentence_initial(text, m.start())):
            return True
        if not (title or _sentence_initial(text, m.start())):
            return False
        # at a sentence start or in a title: a name only if the version never writes it in
        # lower case, or writes it capitalised mid-sentence too
        return low in vocab.lower or base not in vocab.mid_caps and not _next_is_name(m)

    def joinable(m: re.Match, inside: bool) -> bool:
        w = m.group()
        k = token_kind(w)
        if k in ("alnum", "camel", "acronym"):
            return True
        if w.lower() in CALENDAR:
            return False  # "March of 2020", "Monday": dates, not names
        if k == "cap":
            return not (ordinary(m) and not inside) and not (inside and w.lower() in _DETERMINERS)
        if k == "num":
            return inside
        return inside and w in _CONNECTORS

    def _next_is_name(m: re.Match) -> bool:
        i = next((j for j, t in enumerate(tokens) if t is m), -1)
        if i < 0 or i + 1 >= len(tokens):
            return False
        nxt = tokens[i + 1]
        return (
            text[m.end() : nxt.start()] == " "
            and token_kind(nxt.group()) in ("alnum", "camel", "cap", "acronym")
            and nxt.group().lower() not in vocab.lower
        )

    out = []
    for run in _runs(text, tokens, joinable):
        # upper-case legal prose ("THE POCKET TECHNOLOGIES ARE PROVIDED") is shouting, not names
        if sum(1 for m in run if token_kind(m.group()) == "acronym" and m.group().lower() in vocab.lower) >= 2:
            continue
        sp = _span(text, _trim(run))
        if sp:
            out.append(sp)
    return tuple(out)


def is_proper(name: str, vocab: EnglishVocab) -> bool:
    """A name that is not just capitalised ordinary words ("Privacy Policy", "Code of Conduct")."""
    for tok in name.split():
        tok = _POSSESSIVE_RE.sub("", tok)
        k = token_kind(tok)
        if k in ("alnum", "camel"):
            return True
        if k in ("cap", "acronym") and tok.lower() not in vocab.lower:
            return True
    return False


def is_name(name: str, vocab: EnglishVocab) -> bool:
    """A name by evidence, stricter than :func:`is_proper`: a token with digits or inner capitals
    ("Talk123", "JusTalk"), or a capitalised word that is neither an ordinary word of the
    version nor a frequent English word ("Telecom", "Kaia"; not "Mobile", "Platform", "Support").
    """
    for tok in name.split():
        tok = _POSSESSIVE_RE.sub("", tok)
        k = token_kind(tok)
        if k in ("alnum", "camel"):
            return True
        if k in ("cap", "acronym") and tok.lower() not in vocab.lower and not common_english_word(tok):
            if tok.lower() not in CALENDAR:
                return True
    return False


@lru_cache(maxsize=4096)
def common_english_word(word: str, min_zipf: float = 4.0) -> bool:
    """Whether ``word`` is a frequent English word ("Foundation", "Join", "Platform").

    Uses wordfreq's Zipf scale (4.0 = once per ten thousand words). A brand
    name coined for a product ("Zentrova") scores 0. Without wordfreq every
    word counts as common, so callers stay on the quiet side. Most words are
    answered from wordfreq's own data without importing it (:mod:`.word_freq`).
    """
    from .word_freq import zipf_at_least

    known = zipf_at_least(word, min_zipf)
    if known is not None:
        return known
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return True
    return zipf_frequency(word, "en") >= min_zipf


def english_word(word: str) -> bool:
    """Whether wordfreq knows ``word`` as an English word at all (Zipf 2.0 or more, "Reintroduce").

    A misspelt or coined name ("Firefix", "Zentrova") scores 0.
    """
    return common_english_word(word, 2.0)


def latin_names(text: str) -> list[NameSpan]:
    """Latin-script name candidates inside Chinese text ("JusTalk Family", "Talk123", "GB/T 35273").

    Lower-case words ("cookie", "app") are not names. Memoised by text (several rules, and
    entity-mismatch row by row, read the names of the same segments).
    """
    return list(_latin_names(text))


@lru_cache(maxsize=16384)
def _latin_names(text: str) -> tuple[NameSpan, ...]:
    tokens = list(_TOKEN_RE.finditer(text))

    def joinable(m: re.Match, inside: bool) -> bool:
        k = token_kind(m.group())
        if k in ("alnum", "camel", "acronym", "cap"):
            return True
        if k == "num":
            return inside
        return inside and m.group() in _CONNECTORS

    out = []
    for run in _runs(text, tokens, joinable):
        sp = _span(text, _trim(run))
        if sp:
            out.append(sp)
    return tuple(out)


def han_ngrams(text: str, nmin: int = 2, nmax: int = 6, simplified: bool = True) -> set[str]:
    """Han n-grams of ``text`` (normalised to Simplified with OpenCC by default)."""
    if simplified:
        text = to_simplified(text)
    out: set[str] = set()
    for run in _HAN_RUN_RE.findall(text):
        n = len(run)
        for size in range(nmin, min(nmax, n) + 1):
            for i in range(n - size + 1):
                out.add(run[i : i + size])
    return out


def find_term(text: str, term: str) -> tuple[int, int] | None:
    """Offsets of a Simplified-normalised Han ``term`` in ``text`` (any script)."""
    pos = text.find(term)
    if pos < 0:
        norm = to_simplified(text)
        pos = norm.find(term)
        if pos < 0 or len(norm) != len(text):
            return None
    return pos, pos + len(term)


def contains_name(text: str, name: str) -> bool:
    """``name`` occurs in ``text`` as whole words, ignoring case."""
    return bool(compiled(rf"(?<![{_L}]){re.escape(name)}(?![{_L}])", re.IGNORECASE).search(text))


__all__ = [
    "NameSpan",
    "english_names",
    "english_vocab",
    "EnglishVocab",
    "is_proper",
    "is_name",
    "is_urlish",
    "sentence_initial",
    "latin_names",
    "han_ngrams",
    "find_term",
    "contains_name",
    "common_english_word",
    "english_word",
    "name_key",
    "token_kind",
]


_EN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_EN_RUN_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:[\s,;:()\"“”]+[A-Za-z][A-Za-z'’\-]*){4,}")


def english_clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of English clauses (five or more Latin words in a row, at least
    two of them lower case) inside Chinese text: untranslated prose, not names.
    Memoised (entity-mismatch asks about every name of a segment)."""
    return list(_english_clauses(text))


@lru_cache(maxsize=8192)
def _english_clauses(text: str) -> tuple[tuple[int, int], ...]:
    out = []
    for m in _EN_RUN_RE.finditer(text):
        words = _EN_WORD_RE.findall(m.group())
        if sum(1 for w in words if w.islower()) >= 2:
            out.append((m.start(), m.end()))
    return tuple(out)
