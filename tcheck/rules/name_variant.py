"""name-variant: one name written several ways within one version."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Segment, Severity, Version
from ..text.english_words import IMPERATIVE_VERBS
from ..text.han import HAN
from ..text.name_gloss import conflicting, glosses
from ..text.name_match import misspelling_kind, style_only
from ..text.names import (
    common_english_word,
    contains_name,
    english_names,
    english_vocab,
    is_urlish,
    latin_names,
    name_key,
    sentence_initial,
    token_kind,
)
from ..text.patterns import compiled
from .base import Rule, RuleContext
from .options import RuleOptions, opt

_HAN_TAIL_RE = re.compile(f"({HAN}{{1,4}})([A-Za-z][A-Za-z0-9]*)")
_CAMEL_PART_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# a Latin word, hyphens and inner capitals included ("Firef-ox", "AdMarketplace", "Talk123")
_LATIN_TOKEN_RE = re.compile(
    r"(?<![A-Za-z0-9_/.@#`\-])[A-Za-z][A-Za-z0-9]*(?:[\-'’][A-Za-z0-9]+)*(?![A-Za-z0-9_/@`\-]|\.[A-Za-z0-9])"
)
_LOWER_WORD_RE = re.compile(r"[A-Za-z]+")
_POSSESSIVE_RE = re.compile(r"['’]s?$")


@dataclass
class _Occ:
    seg: Segment
    text: str  # the form as written
    initial: bool = False  # at the start of a sentence (an imperative "Use Talk123" is no variant)


def _forms(version: Version) -> list[_Occ]:
    out: list[_Occ] = []
    if version.is_zh:
        for seg in version.segments:
            for sp in latin_names(seg.text):
                if "_" in seg.text[max(0, sp.start - 1) : sp.start] + seg.text[sp.end : sp.end + 1]:
                    continue  # part of an identifier (ELECTRON_GITHUB_TOKEN), not the name GitHub
                text = sp.text
                m = _HAN_TAIL_RE.match(seg.text, sp.end)
                if m and sp.end < len(seg.text):
                    # "JusTalk家庭APP": a name with a half-translated tail
                    text = sp.text + m.group(0)
                out.append(_Occ(seg, text))
    else:
        vocab = english_vocab(s.text for s in version.segments)
        for seg in version.segments:
            for sp in english_names(seg.text, vocab):
                out.append(_Occ(seg, sp.text, sentence_initial(seg.text, sp.start)))
    return out


def _words(form: str) -> list[str]:
    return form.split(" ")


class NameVariant(Rule):
    """One name written several ways within one version ("Talk123" / "Paper Talk123").

    ## What it catches
    In one version, a rare form of a name whose dominant form is used at
    least ``min_dominant`` times and ``ratio`` times as often: a stray
    modifier ("News Talk123") or a stray word inside a name ("Common Vantrix
    Voice", when the aligned row writes "Common Voice"), a half-translated tail ("JusTalk家庭APP" where
    the text says "JusTalk Family"), a clipped name ("Jus"), another spelling
    of the same letters ("Talk 123", "Justalk", "Typescript"), and an
    expansion abbreviated two ways ("跨源资源策略（CORS）" where the text
    otherwise glosses it CORP; the abbreviation all versions use less is
    reported).

    ## Why
    A product or company name is a fixed string; a variant confuses readers
    and search, and it is usually a slip of a translator or an editor.

    ## Example
    "Talk123" 50 times and "News Talk123" once → the variant is reported.

    ## Not reported
    An article or a possessive, different names that share a common word,
    inflections and ordinary English words, and a form that another version
    of the document also uses (deliberate). Style, not names: heading case and
    hyphenation ("Cross-Chain" / "Cross-chain", "JSON RPC" / "JSON-RPC"),
    typographic apostrophes, a name plus a common word ("Kaia Documentation",
    "Hardhat Docs"), a verb, possessive or compound before it in a heading or
    where the text writes the word in lower case ("Install MetaMask",
    "Astro's GitHub", "React-based dApp"); a known English word is never a
    misspelling of a name ("Reintroduce", "Licensed" / "Licensor"); nested
    abbreviations ("KEN" / "EN"). At the spot of an entity-mismatch finding
    this rule yields to it.

    Measured on the real-world corpus: 0.00 before (0 true / 8 false), 2 true
    of 3 after (left: "Import Web3Auth", an imperative opening a sentence).
    """

    id = "name-variant"
    yields_to = ("entity-mismatch",)
    severity = Severity.WARNING
    scope = "single"

    @dataclass(frozen=True)
    class Options(RuleOptions):
        min_dominant: int = opt(3, "occurrences the dominant spelling needs")
        ratio: int = opt(3, "how many times more often the dominant spelling must occur than the variant")

    def check(self, ctx: RuleContext):
        min_dom = int(ctx.option(self, "min_dominant"))
        ratio = float(ctx.option(self, "ratio"))
        texts = {v.lang: name_key("\n".join(s.text for s in v.segments)) for v in ctx.versions}
        ordinary = _ordinary_words(ctx.versions)
        for version in ctx.versions:
            occs = _forms(version)
            counts: Counter = Counter(o.text for o in occs)
            standalone_words: Counter = Counter()
            for form, c in counts.items():
                if len(_words(form)) == 1:
                    standalone_words[form] += c
            others = [t for lg, t in texts.items() if lg != version.lang]
            variants: dict[str, tuple[str, str]] = {}  # variant -> (dominant, kind)
            for form, c in counts.items():
                for dom, cd in counts.most_common():
                    if dom == form or cd < min_dom or cd < ratio * c:
                        continue
                    kind = _variant_kind(form, dom, standalone_words, version.is_zh, ordinary)
                    if kind:
                        variants[form] = (dom, kind)
                        break
                    kind = _extension_kind(form, dom, standalone_words, ordinary)
                    if kind and c <= 2:
                        variants[form] = (dom, kind)
                        break
            by_seg: dict[tuple[int, str], _Occ] = {}
            for o in occs:
                if o.text in variants and (o.seg.index, o.text) not in by_seg:
                    by_seg[(o.seg.index, o.text)] = o
            reported: set[tuple[int, str]] = set()
            for (_, form), o in sorted(by_seg.items()):
                dom, kind = variants[form]
                fkey = name_key(form)
                if any(fkey in t for t in others):
                    continue  # another version writes it the same way: deliberate
                if kind.startswith("extra word") and o.seg.kind == "heading":
                    continue  # "Install MetaMask", "Connect MetaMask to Kaia": a heading's verb
                if kind == "extra word before the name" and o.initial and _opening_verb(_words(form)[0]):
                    continue  # "Import Web3Auth and other packages.", "Preparing macOS applications…": a verb
                if (
                    kind in ("extra word after the name", "extra word inside the name")
                    or kind == "extra word before the name"
                    and token_kind(_words(dom)[0]) not in ("alnum", "camel")
                ) and not _counterpart_has_bare(ctx, version, o, form, dom):
                    continue  # a plain capitalised name: only with evidence from the aligned row
                reported.add((o.seg.index, form))
                yield self._finding(ctx, version.lang, o.seg, form, dom, kind, counts[dom], counts[form])
            yield from self._glosses(ctx, version)
            other_texts = ["\n".join(s.text for s in v.segments) for v in ctx.versions if v.lang != version.lang]
            toks = _tokens(version)
            for tok, dom, kind, n, nv in token_variants(version, other_texts, min_dom, ratio, toks):
                for t in toks:
                    if t.text != tok or any(seg == t.seg.index and tok in f for seg, f in reported):
                        continue
                    reported.add((t.seg.index, tok))
                    yield self._finding(ctx, version.lang, t.seg, tok, dom, kind, n, nv)

    def _glosses(self, ctx: RuleContext, version: Version):
        """An expansion glossed with another abbreviation than elsewhere ("跨源资源策略（CORS）")."""
        items = [(seg, g) for seg in version.segments for g in glosses(seg.text, version.is_zh)]
        found = conflicting([g for _, g in items], version.is_zh)
        if not found:
            return
        # which one is wrong: the abbreviation all versions use more often stays
        allt = "\n".join(s.text for v in ctx.versions for s in v.segments)

        def uses(a: str) -> int:
            return len(compiled(rf"(?<![A-Za-z0-9]){re.escape(a)}(?![A-Za-z0-9])").findall(allt))

        for g, abbr, n, expansion in found:
            if uses(abbr) <= uses(g.abbr):
                continue
            seg = next(s for s, h in items if h is g)
            yield self._finding(ctx, version.lang, seg, g.abbr, abbr, f"as the abbreviation of {expansion}", n, 1)

    def _finding(self, ctx: RuleContext, lang: str, seg, form: str, dom: str, kind: str, n: int, nv: int):
        msg = (
            f"{lang} writes '{form}' ({kind}) where the text otherwise writes '{dom}' ({n} time{'s' if n != 1 else ''})"
        )
        line, col = seg.locate(form)
        return ctx.finding(
            self,
            msg,
            ctx.loc(lang, seg, form),
            evidence={
                "variant": form,
                "dominant": dom,
                "dominant_count": n,
                "variant_count": nv,
                "kind": kind,
                "span": {"line": line, "start_col": col, "end_col": col + len(form)},
                "key": f"{form}>{dom}",
            },
            suggestion=f"write '{dom}'",
            texts=[form, dom],
        )


def _ordinary_words(versions: list[Version]) -> set[str]:
    """Case-folded words some version writes in lower case: ordinary words, not name parts."""
    out: set[str] = set()
    for v in versions:
        for s in v.segments:
            out.update(w.casefold() for w in _LOWER_WORD_RE.findall(s.text) if w.islower())
    return out


def _extension_kind(form: str, dom: str, standalone: Counter, ordinary: set[str]) -> str | None:
    """A plain name given one extra capitalised word: "Zentrova Firefox", "Mozilla Nova".

    The extra word must not be an ordinary word of the document ("Firefox
    Account") or of English ("Mozilla Foundation", "Join Firefox"), a
    possessive ("Mozilla's Common Voice"), nor a name the version uses on its
    own ("Mozilla Firefox").
    """
    fw, dw = _words(form), _words(dom)
    if len(fw) != len(dw) + 1 or token_kind(dw[0]) not in ("cap", "alnum", "camel") or len(dom) < 3:
        return None
    if fw[1:] == dw:
        extra, kind = fw[0], "extra word before the name"
    elif fw[:-1] == dw:
        extra, kind = fw[-1], "extra word after the name"
    else:
        return None
    if (
        token_kind(extra) != "cap"
        or len(extra) < 3
        or _POSSESSIVE_RE.search(extra)
        or standalone[extra]
        or extra.casefold() in ordinary
        or any(stem in ordinary for stem in _stems(extra))
        or common_english_word(extra, 3.0)
    ):
        return None  # a possessive, another name, or an ordinary word: "Mozilla Foundation" is a name of its own
    return kind


def _stems(word: str) -> set[str]:
    """Inflected forms whose stem may be ordinary ("Accounts" -> "account")."""
    w = word.casefold()
    out = set()
    for suf in ("s", "es", "ing", "ed"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            out.add(w[: -len(suf)])
    return out


def _counterpart_has_bare(ctx: RuleContext, version: Version, occ: _Occ, form: str, dom: str) -> bool:
    """Whether an aligned counterpart of ``occ`` writes the bare name ``dom`` and not ``form``."""
    row = ctx.alignment.row_of(version.lang, occ.seg.index)
    if row is None:
        return False
    fkey = name_key(form)
    seen = False
    for v in ctx.versions:
        if v.lang == version.lang:
            continue
        texts = [v[i].text for i in row.get(v.lang)]
        if not texts:
            continue
        joined = "\n".join(texts)
        if fkey in name_key(joined):
            return False
        if contains_name(joined, dom):
            seen = True
    return seen


def _variant_kind(form: str, dom: str, standalone: Counter, is_zh: bool, ordinary: set[str]) -> str | None:
    fw, dw = _words(form), _words(dom)
    # the same letters, spaced or cased differently: "Talk 123", "Justalk"
    if name_key(form) == name_key(dom):
        if form.isupper() and not dom.isupper() or style_only(form, dom):
            return None  # shouting heading, heading case or hyphenation
        return "different spelling"
    # a stray modifier in front: "Paper Talk123" vs "Talk123"
    if len(fw) > len(dw) and fw[len(fw) - len(dw) :] == dw and len(fw) - len(dw) <= 2:
        mods = fw[: len(fw) - len(dw)]
        if (
            # not a possessive ("Astro's GitHub"), a compound ("React-based dApp") or a word the
            # text also writes in lower case ("Import Web3Auth")
            all(
                token_kind(m) == "cap"
                and not _POSSESSIVE_RE.search(m)
                and "-" not in m
                and m.casefold() not in ordinary
                for m in mods
            )
            and not any(standalone[m] for m in mods)
            and token_kind(dw[0]) in ("alnum", "camel")
        ):
            return "extra word before the name"
    # a stray word inside a name: "Common Vantrix Voice" vs "Common Voice" (not an ordinary word)
    if len(fw) == len(dw) + 1 and len(dw) >= 2:
        for i in range(1, len(fw) - 1):
            w = fw[i]
            if (
                fw[:i] + fw[i + 1 :] == dw
                and token_kind(w) == "cap"
                and w.casefold() not in ordinary
                and not standalone[w]
                and not common_english_word(w, 3.0)
            ):
                return "extra word inside the name"
    # a half-translated tail: "JusTalk家庭APP" vs "JusTalk Family" (not a name of its own followed by
    # Chinese: "Electron将在app中…" where the text also writes "Electron" alone)
    if is_zh and len(dw) >= 2 and len(fw) >= 1:
        m = _HAN_TAIL_RE.search(fw[-1])
        if m and fw[-1][: m.start()] == dw[0] and len(fw) == 1 and not standalone[dw[0]]:
            return "half-translated"
    # a clipped name: "Jus" vs "JusTalk"
    if len(fw) == 1 and token_kind(dw[0]) == "camel":
        parts = _CAMEL_PART_RE.findall(dw[0])
        if len(parts) >= 2 and form == parts[0] and len(form) >= 2 and not standalone.get(form, 0) > 3:
            return "shortened"
    return None


# ----------------------------------------------------------------------
# one-off misspellings of a dominant name, word by word


@dataclass
class _Tok:
    seg: Segment
    text: str
    start: int


def _tokens(version: Version) -> list[_Tok]:
    """Latin words of a version (possessive stripped), outside URLs, e-mails, paths and code."""
    out = []
    for seg in version.segments:
        text = seg.text
        code = [m.span() for m in re.finditer(r"`[^`]*`", text)]
        for m in _LATIN_TOKEN_RE.finditer(text):
            if any(a <= m.start() < b for a, b in code) or text[m.end() : m.end() + 3] == "://":
                continue
            w = _POSSESSIVE_RE.sub("", m.group())
            if len(w) >= 2 and not is_urlish(w):
                out.append(_Tok(seg, w, m.start()))
    return out


def token_variants(version: Version, others: list[str], min_dom: int, ratio: float, toks: list[_Tok] | None = None):
    """(token, dominant, kind, dominant count, variant count) for one-off misspellings of a frequent name
    (``toks``: the version's :func:`_tokens`, when the caller has them)."""
    toks = _tokens(version) if toks is None else toks
    counts: Counter = Counter(t.text for t in toks)
    ordinary: set[str] = set()
    for v_text in [*(s.text for s in version.segments)]:
        ordinary.update(w.casefold() for w in _LOWER_WORD_RE.findall(v_text) if w.islower())
    for t in others:
        ordinary.update(w.casefold() for w in _LOWER_WORD_RE.findall(t) if w.islower())
    other_text = "\n".join(others)
    doms = [(w, c) for w, c in counts.most_common() if c >= min_dom and any(ch.isupper() for ch in w)]
    seen: set[str] = set()
    for t in toks:
        w = t.text
        c = counts[w]
        if w in seen or c > 2:
            continue
        seen.add(w)
        for dom, cd in doms:
            if cd < ratio * c:
                break
            kind = misspelling_kind(w, dom, ordinary)
            if kind is None:
                continue
            if compiled(rf"(?<![A-Za-z0-9]){re.escape(w)}(?![A-Za-z0-9])").search(other_text):
                break  # another version writes it so too: deliberate
            yield w, dom, kind, cd, c
            break


def _opening_verb(word: str) -> bool:
    """A verb opening a sentence: an imperative ("Import") or a common -ing / -ed form ("Preparing")."""
    w = word.casefold()
    return w in IMPERATIVE_VERBS or (w.endswith(("ing", "ed")) and len(w) > 5 and common_english_word(word, 3.0))
