"""Which Chinese version a difference is probably wrong in, and what the English says there."""

from __future__ import annotations

import re

from .opposites import english_pole
from .side import _LATIN_RE, _NEGATION, _NOT_NEGATION_RE

_OTHER = {"zh-Hans": "zh-Hant", "zh-Hant": "zh-Hans"}
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")
_EN_NEGATION_RE = re.compile(r"\b(?:not|no|never|none|nothing|neither|nor|cannot|without|unless)\b|n't\b", re.I)
_SENTENCE_RE = re.compile(r"(?<=[.!?;:])\s+")
_ENGLISH_RUN_RE = re.compile(r"[A-Za-z][^\u3400-\u9fff。，；：！？]*")
_EN_MAX = 200  # characters of English quoted


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _DIGITS_RE.findall(text)}


def _latin(text: str) -> set[str]:
    """Latin words, lowercased, a plural read as its singular (issues = issue)."""
    out = set()
    for w in _LATIN_RE.findall(text):
        w = w.lower()
        if len(w) > 1:
            out.add(w[:-1] if len(w) > 3 and w.endswith("s") else w)
    return out


def _has_negation(text: str) -> bool:
    return any(c in _NEGATION for c in _NOT_NEGATION_RE.sub("", text))


def _by_presence(hans: bool, hant: bool) -> str | None:
    """The version lacking what English has (or None when English does not tell)."""
    if hans and not hant:
        return "zh-Hant"
    if hant and not hans:
        return "zh-Hans"
    return None


def blame(d: dict, en_text: str | None, row=None) -> str | None:
    """The version (zh-Hans or zh-Hant) a difference is probably wrong in, or None.

    A term the document uses throughout is right where it recurs; otherwise English
    decides: the version whose number, Latin name or negation English does not
    share, or, for an added or dropped clause, the version whose meaning is
    further from the English row."""
    hs, ht = d.get("zh-Hans", ""), d.get("zh-Hant", "")
    if "odd" in d:
        return d["odd"]
    if "recurring" in d:
        return _OTHER[d["recurring"]]
    if not en_text:
        return None
    flat = " ".join(en_text.split()).lower()
    for side, piece in (("zh-Hans", hs), ("zh-Hant", ht)):
        for run in _ENGLISH_RUN_RE.findall(piece):
            english = " ".join(run.split()).lower().rstrip(". ")
            if len(_LATIN_RE.findall(english)) >= 4 and english in flat:
                return side  # the English source left untranslated in this version
    kind = d["kind"]
    if kind == "opposite":
        said = english_pole(d["pair"], en_text)
        return None if said is None else ("zh-Hant" if said == d["pole"] else "zh-Hans")
    if kind == "number":
        en, ns, nt = _numbers(en_text), _numbers(hs), _numbers(ht)
        return _by_presence(bool((ns - nt) & en), bool((nt - ns) & en))
    if kind == "name":
        en, ls, lt = _latin(en_text), _latin(hs), _latin(ht)
        if max(len(ls - lt), len(lt - ls)) >= 4:  # a run of English words: the version keeping them is odd
            return "zh-Hans" if len(ls - lt) > len(lt - ls) else "zh-Hant"
        return _by_presence(bool(ls - lt) and ls - lt <= en, bool(lt - ls) and lt - ls <= en)
    if kind == "negation":
        neg_s, neg_t = _has_negation(hs), _has_negation(ht)
        if neg_s == neg_t:
            return None
        negated = "zh-Hans" if neg_s else "zh-Hant"
        en_neg = len(_EN_NEGATION_RE.findall(en_text))
        if en_neg == 0:
            return negated  # English negates nothing here
        count = d.get("negations", {})  # negators of each whole row
        if count and count.get(negated) == en_neg != count.get(_OTHER[negated]):
            return _OTHER[negated]
        return None
    meaning = getattr(row, "meaning", None) or {}
    ms, mt = meaning.get(("zh-Hans", "en")), meaning.get(("zh-Hant", "en"))
    if ms is not None and mt is not None and abs(ms - mt) >= 0.05:
        return "zh-Hans" if ms < mt else "zh-Hant"
    return None


def _cut(text: str) -> str:
    if len(text) <= _EN_MAX:
        return text
    sp = text.rfind(" ", 0, _EN_MAX)
    return text[: sp if sp > 0 else _EN_MAX] + "…"


def en_sentence(d: dict, en_text: str) -> str:
    """The English sentence that bears on a difference (the one holding its number,
    name or negation), whole; the row itself when it is short; else nothing."""
    text = " ".join(en_text.split())
    sentences = [s for s in _SENTENCE_RE.split(text) if s.strip()]
    pieces = d.get("zh-Hans", "") + " " + d.get("zh-Hant", "")
    if d["kind"] == "number":
        want = _numbers(pieces)
        hits = [s for s in sentences if _numbers(s) & want]
    elif d["kind"] == "name":
        want = _latin(pieces)
        hits = [s for s in sentences if want & _latin(s)]
    elif d["kind"] == "items":
        hits = sorted(sentences, key=en_enumeration_size, reverse=True)[:1]
    elif d["kind"] == "negation" and len(sentences) > 1:
        hits = [s for s in sentences if _EN_NEGATION_RE.search(s)]
    else:
        hits = []
    if len(hits) >= 1 and len(hits) < len(sentences) or len(sentences) == 1:
        return _cut(hits[0] if hits else sentences[0])
    return _cut(text) if len(text) <= _EN_MAX else ""


_ENUM_SPLIT_RE = re.compile(r"[，。；：,;:]")
_EN_ITEM_SEP_RE = re.compile(r",\s*(?:and\s+|or\s+)?")


def enumeration(text: str) -> str:
    """The longest 、-separated enumeration of a Chinese text, whole."""
    parts = [p.strip() for p in _ENUM_SPLIT_RE.split(text) if "、" in p]
    return max(parts, key=lambda p: p.count("、"), default="")


_CONJ_RE = re.compile(r"..(?:以及|或是|或者|和|或|及|与|與)")


def _same_list(hans: str, hant: str) -> bool:
    """Whether two enumerations share an item (zh-Hant read in Simplified): the same list."""
    from ..scripts import to_simplified

    split = re.compile(r"、|以及|或是|和|或|及|与")
    items_s = {i.strip() for i in split.split(hans) if len(i.strip()) >= 2}
    items_t = {i.strip() for i in split.split(to_simplified(hant)) if len(i.strip()) >= 2}
    return any(a in b or b in a for a in items_s for b in items_t)


def enumeration_size(text: str) -> int:
    """Items of the longest 、-separated enumeration of a Chinese text (0 without one): a
    conjunction inside the last item (社区网站和电子商务网站) adds one, and so does a short
    tail after a comma that carries one (…、平面設計，撰寫文章或是組織活動)."""
    parts = _ENUM_SPLIT_RE.split(text)
    best = 0
    for k, part in enumerate(parts):
        if "、" not in part:
            continue
        n = part.count("、") + 1 + bool(_CONJ_RE.search(part.rsplit("、", 1)[-1]))
        tail = parts[k + 1] if k + 1 < len(parts) else ""
        if tail and "、" not in tail and len(tail.strip()) <= 12 and _CONJ_RE.search(tail):
            n += 2
        best = max(best, n)
    return best


def en_enumeration_size(text: str) -> int:
    """Items of the longest comma-separated enumeration of an English sentence."""
    best = 0
    for sentence in re.split(r"[.;:!?]\s", text):
        run = 0
        for piece in _EN_ITEM_SEP_RE.split(sentence):
            run = run + 1 if len(piece.split()) <= 5 else 0  # an item is a few words
            best = max(best, run)
    return best if best >= 3 else 0


def shorter_enumeration(hans: str, hant: str, en_text: str | None) -> str | None:
    """The Chinese version whose enumeration drops two or more of the items the other
    version and English list (年龄、体型、…、性取向: 14 items, 11 in the other), or None.
    Only when English confirms the longer count (within one item)."""
    ns, nt = enumeration_size(hans), enumeration_size(hant)
    if not en_text or min(ns, nt) < 3 or abs(ns - nt) < 2:
        return None
    if not _same_list(enumeration(hans), enumeration(hant)):
        return None  # two different lists of the row
    ne = en_enumeration_size(en_text)
    longer, shorter = max(ns, nt), min(ns, nt)
    if abs(ne - longer) > 1 or ne - shorter < 2:
        return None
    return "zh-Hans" if ns < nt else "zh-Hant"
