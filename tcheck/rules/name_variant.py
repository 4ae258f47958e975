"""name-variant: one name written several ways within one version."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import Segment, Severity, Version
from ..names import english_names, english_vocab, latin_names, name_key, sentence_initial, token_kind
from . import Rule, RuleContext, register

_HAN_TAIL_RE = re.compile(r"([\u3400-\u9fff]{1,4})([A-Za-z][A-Za-z0-9]*)")
_CAMEL_PART_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


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


@register
class NameVariant(Rule):
    """One name written several ways within one version ("Talk123" / "Paper Talk123").

    Works on each version alone. Name candidates (capitalised spans,
    CamelCase, letters with digits, Latin names inside Chinese text) are
    grouped around the words they share, and a rare form is reported when a
    dominant form is used at least ``min_dominant`` times and ``ratio`` times
    as often: a stray modifier in front of the name ("News Talk123" where the
    text says "Talk123" 50 times), a half-translated tail ("JusTalk家庭APP"
    where the text says "JusTalk Family"), a clipped name ("Jus"), or a
    different spelling of the same letters ("Talk 123", "Justalk"). An
    article or a possessive is not a variant, nor are different names that
    share a common word; a form that another version of the document also
    uses is deliberate and is left alone.
    """

    id = "name-variant"
    severity = Severity.WARNING
    scope = "single"
    options = {"min_dominant": 3, "ratio": 3}

    def check(self, ctx: RuleContext):
        min_dom = int(ctx.option(self, "min_dominant"))
        ratio = float(ctx.option(self, "ratio"))
        texts = {v.lang: name_key("\n".join(s.text for s in v.segments)) for v in ctx.versions}
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
                    kind = _variant_kind(form, dom, standalone_words, version.is_zh)
                    if kind:
                        variants[form] = (dom, kind)
                        break
            by_seg: dict[tuple[int, str], _Occ] = {}
            for o in occs:
                if o.text in variants and (o.seg.index, o.text) not in by_seg:
                    by_seg[(o.seg.index, o.text)] = o
            for (_, form), o in sorted(by_seg.items()):
                dom, kind = variants[form]
                fkey = name_key(form)
                if any(fkey in t for t in others):
                    continue  # another version writes it the same way: deliberate
                n = counts[dom]
                msg = (f"{version.lang} writes '{form}' ({kind}) where the text otherwise writes "
                       f"'{dom}' ({n} time{'s' if n != 1 else ''})")
                line, col = o.seg.locate(form)
                yield ctx.finding(
                    self, msg, ctx.loc(version.lang, o.seg, form),
                    evidence={"variant": form, "dominant": dom, "dominant_count": n,
                              "variant_count": counts[form], "kind": kind,
                              "span": {"line": line, "start_col": col, "end_col": col + len(form)},
                              "key": f"{form}>{dom}"},
                    suggestion=f"write '{dom}'",
                    texts=[form, dom],
                )


def _variant_kind(form: str, dom: str, standalone: Counter, is_zh: bool) -> str | None:
    fw, dw = _words(form), _words(dom)
    # the same letters, spaced or cased differently: "Talk 123", "Justalk"
    if name_key(form) == name_key(dom):
        if form.isupper() and not dom.isupper():
            return None  # shouting heading
        return "different spelling"
    # a stray modifier in front: "Paper Talk123" vs "Talk123"
    if len(fw) > len(dw) and fw[len(fw) - len(dw):] == dw and len(fw) - len(dw) <= 2:
        mods = fw[: len(fw) - len(dw)]
        if all(token_kind(m) == "cap" for m in mods) and not any(standalone[m] for m in mods) \
                and token_kind(dw[0]) in ("alnum", "camel"):
            return "extra word before the name"
    # a half-translated tail: "JusTalk家庭APP" vs "JusTalk Family"
    if is_zh and len(dw) >= 2 and len(fw) >= 1:
        m = _HAN_TAIL_RE.search(fw[-1])
        if m and fw[-1][: m.start()] == dw[0] and len(fw) == 1:
            return "half-translated"
    # a clipped name: "Jus" vs "JusTalk"
    if len(fw) == 1 and token_kind(dw[0]) == "camel":
        parts = _CAMEL_PART_RE.findall(dw[0])
        if len(parts) >= 2 and form == parts[0] and len(form) >= 2 and not standalone.get(form, 0) > 3:
            return "shortened"
    return None
