"""meaning-flip: negation, modality, and/or, arithmetic or a quantifier turned around in one version."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Severity
from ..text import markers as M
from ..text.snippets import snippet
from .base import Rule, RuleContext
from .options import RuleOptions, opt

_WORDS = {
    M.NEGATION: "a negation",
    M.PROHIBIT: "a prohibition (may not / must not)",
    M.MUST: "an obligation (must)",
    M.MAY: "a possibility or permission (may / can)",
    M.WILL: "a certainty (will)",
    M.AND: '"and"',
    M.OR: '"or"',
    M.ALL: '"all / every / any"',
    M.SOME: '"some / only"',
    M.PLUS: "plus",
    M.MINUS: "minus",
    M.TIMES: "times",
    M.DIVIDED: "divided by",
}
# (what two versions say, what the odd one says instead): the flips checked when the Chinese
# versions are translated independently
# (and/or is not among them: "A, B or C" and "A, B and C" render the same list too often)
_FLIPS = (
    (M.PROHIBIT, M.MAY),
    (M.MUST, M.MAY),
    (M.ALL, M.SOME),
    (M.SOME, M.ALL),
    (M.PLUS, M.MINUS),
    (M.PLUS, M.TIMES),
    (M.PLUS, M.DIVIDED),
    (M.MINUS, M.PLUS),
    (M.MINUS, M.TIMES),
    (M.MINUS, M.DIVIDED),
    (M.TIMES, M.PLUS),
    (M.TIMES, M.MINUS),
    (M.TIMES, M.DIVIDED),
    (M.DIVIDED, M.PLUS),
    (M.DIVIDED, M.MINUS),
    (M.DIVIDED, M.TIMES),
)


@dataclass(frozen=True)
class _Options(RuleOptions):
    min_sim: float = opt(0.5, "aligned sentences must be at least this similar (they translate each other)")
    twin_ratio: float = opt(
        0.9,
        "zh-Hans and zh-Hant this alike (character ratio after conversion) are one "
        "text: a marker that differs between them is a flip by itself",
    )


def _simplified(text: str, lang: str) -> str:
    """zh-Hant in Simplified with Taiwan phrases mapped (字串 -> 字符串), so converted twins compare equal."""
    if lang != "zh-Hant":
        return text
    from ..text.scripts import convert

    return convert(text, "tw2sp")


# "might not": a possibility denied, where a prohibition ("may not" / 不得) was meant
_POSSIBLY_NOT = re.compile(r"(?:可能|也许|或许)\s*(?:不|没|无法)")


def _edit_regions(opcodes, gap: int = 2):
    """Runs of edits from difflib opcodes, joined across equal stretches of at most ``gap`` characters."""
    out: list[list[int]] = []
    pending_equal = None
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            pending_equal = (i2 - i1) if out else None
            continue
        if out and pending_equal is not None and pending_equal <= gap:
            out[-1][1], out[-1][3] = i2, j2
        else:
            out.append([i1, i2, j1, j2])
        pending_equal = None
    return [tuple(r) for r in out]


def _present(m: dict[str, int], cls: str) -> bool:
    return m.get(cls, 0) > 0


class MeaningFlip(Rule):
    """Negation, modality, and/or, an arithmetic word or a quantifier turned around in one version.

    ## What it catches
    Aligned sentences where one version says the opposite of the others:
    a negation added or dropped (不 / 不会 / 無法 ↔ not / never / cannot), a
    prohibition rendered as a possibility ("You may not" → 您可能不會 "you
    might not"), must ↔ may, "all" turned into "some", arithmetic words
    (三减二 "three minus two" where the other versions say three times two),
    and, where zh-Hans and zh-Hant are one text with a small edit, may ↔ will
    and "and" ↔ "or" as well.

    ## Why
    These are the translation errors that change what a reader may or must
    do, and embeddings barely notice them: the sentences stay similar.

    ## Example
    en "Any popular project will inevitably attract people who harm…" /
    zh-Hant "熱門的專案都不可避免地會吸引…" / zh-Hans "一些流行的项目将不可避免地…"
    → zh-Hans says "some" where en and zh-Hant say "any".

    ## Not reported
    Only aligned sentences that translate each other (``min_sim``) are
    compared, and only with clear evidence: with three versions, the two
    others agree and the odd one lacks their marker *and* has an opposite one
    (or, when zh-Hans and zh-Hant are one text converted, the marker differs
    between them and English decides which is right). With two versions,
    only unambiguous contrasts: a prohibition rendered as a possibility, or a
    different arithmetic operation between the same numbers. Lexicalised
    words (不同, 未来, 无论, 加入, 除了) and English set phrases (not only, no
    longer, whether or not) do not count.

    may ↔ will between independently worded versions is not checked: 会 is
    "will", "can" and "know how to" (你會寫 HTML), so a test on the corpus
    sites found 1 real case in 6.

    ## Severity
    Info: on the nine corpus sites it reports one finding (true: "Any popular
    project" rendered 一些流行的项目 "some popular projects"); earlier, looser
    versions of the rule measured well below 0.85 (loose modal and and/or
    renderings), so it stays info until it is measured on more documents.
    """

    id = "meaning-flip"
    severity = Severity.INFO
    yields_to = ("semantic-drift", "missing-paragraph")
    Options = _Options

    def check(self, ctx: RuleContext):
        if len(ctx.document.langs) < 2:
            return
        o = ctx.options_for(self)
        for _k, row, present in ctx.corresponding_rows():
            for unit in self._units(ctx, o, row, present):
                found = self._judge(o, unit)
                if found is not None:
                    yield self._finding(ctx, row, unit, *found)

    # -- aligned sentence units --------------------------------------------------------

    def _units(self, ctx, o, row, present):
        """{lang: (text, segment index)} of sentences that translate each other."""
        if "en" in present and len(present) == 3:
            zh = [lg for lg in present if lg != "en"]
            by_en = []
            for z in zh:
                al = ctx.sentence_pairs(row, z, "en")
                beads = {}
                for bd in al.beads:
                    if bd.a and bd.b and (bd.sim is None or bd.sim >= o.min_sim):
                        beads[bd.b] = (" ".join(al.a[i].text for i in bd.a), al.a[bd.a[0]].segment)
                by_en.append((al, beads))
            al_en = by_en[0][0]
            for key, first in by_en[0][1].items():
                second = by_en[1][1].get(key)
                if second is None:
                    continue
                en = (" ".join(al_en.b[i].text for i in key), al_en.b[key[0]].segment)
                yield {zh[0]: first, zh[1]: second, "en": en}
            return
        for i, a in enumerate(present):
            for b in present[i + 1 :]:
                al = ctx.sentence_pairs(row, a, b)
                for bd in al.beads:
                    if bd.a and bd.b and (bd.sim is None or bd.sim >= o.min_sim):
                        yield {
                            a: (" ".join(al.a[j].text for j in bd.a), al.a[bd.a[0]].segment),
                            b: (" ".join(al.b[j].text for j in bd.b), al.b[bd.b[0]].segment),
                        }

    # -- evidence ------------------------------------------------------------------------

    def _judge(self, o, unit):
        """(odd version, class the others say or None, class the odd one says or None, basis) or None."""
        marks = {lg: M.markers(t, lg) for lg, (t, _) in unit.items()}
        if "en" not in unit:
            return None
        zh = [lg for lg in unit if lg != "en"]
        if len(zh) == 2:
            twins = self._twin_diff(o, unit)
            if twins is not None:
                return self._judge_twins(marks, twins)
            if self._twins(o, unit):
                return None  # one text, no flipping edit
            for cls, instead in _FLIPS:
                has = [lg for lg in unit if _present(marks[lg], cls) and not _present(marks[lg], instead)]
                if len(has) != 2:
                    continue
                odd = next(lg for lg in unit if lg not in has)
                if odd == "en":
                    continue  # English modals and quantifiers are too ambiguous to blame it ("may not be modified")
                if cls == M.PROHIBIT and not _POSSIBLY_NOT.search(_simplified(unit[odd][0], odd)):
                    continue
                if _present(marks[odd], instead) and not _present(marks[odd], cls) and self._clean(marks, cls):
                    return odd, cls, instead, "the two other versions agree"
            return None
        z = zh[0]
        if (
            _present(marks["en"], M.PROHIBIT)
            and not _present(marks[z], M.PROHIBIT)
            and _POSSIBLY_NOT.search(_simplified(unit[z][0], z))
        ):
            return z, M.PROHIBIT, M.MAY, "a prohibition rendered as a possibility"
        for cls in M.ARITHMETIC:
            if _present(marks["en"], cls) and not _present(marks[z], cls):
                other = next((c for c in M.ARITHMETIC if _present(marks[z], c) and not _present(marks["en"], c)), None)
                if other:
                    return z, cls, other, "a different arithmetic operation"
        return None

    @staticmethod
    def _clean(marks, cls) -> bool:
        """and/or and all/some mean the same under a negation ("not A or B" = "neither A nor B")."""
        if cls in (M.AND, M.OR, M.ALL, M.SOME):
            return not any(_present(m, M.NEGATION) for m in marks.values())
        return True

    def _judge_twins(self, marks, diff):
        """zh-Hans and zh-Hant are one text with a small edit: English says which side is right."""
        zh_a, zh_b, edits = diff
        for cls_a, cls_b in edits:
            if cls_a == M.NEGATION or cls_b == M.NEGATION:
                # a negation inserted in one version: English, counted, decides
                with_, without = (zh_a, zh_b) if cls_a else (zh_b, zh_a)
                n_en = marks["en"].get(M.NEGATION, 0)
                if n_en == marks[without].get(M.NEGATION, 0) and n_en != marks[with_].get(M.NEGATION, 0):
                    return with_, None, M.NEGATION, "English and the other Chinese version agree"
                if n_en == marks[with_].get(M.NEGATION, 0) and n_en != marks[without].get(M.NEGATION, 0):
                    return without, M.NEGATION, None, "English and the other Chinese version agree"
                continue
            en_a, en_b = _present(marks["en"], cls_a), _present(marks["en"], cls_b)
            if en_a and not en_b:
                return zh_b, cls_a, cls_b, "English and the other Chinese version agree"
            if en_b and not en_a:
                return zh_a, cls_b, cls_a, "English and the other Chinese version agree"
        return None

    @staticmethod
    def _twin_diff(o, unit):
        """(zh a, zh b, edits) when the Chinese versions are one text with small edits that flip a marker.

        An edit is a negation inserted on one side (``(NEGATION, None)`` or ``(None,
        NEGATION)``) or a short replacement between opposite classes (和 -> 或: ``(AND,
        OR)``). Rewordings (longer edits, a marker on both sides) are not edits.
        """
        from difflib import SequenceMatcher

        from rapidfuzz import fuzz

        zh = [lg for lg in unit if lg.startswith("zh")]
        ta, tb = (_simplified(unit[lg][0], lg) for lg in zh)
        if fuzz.ratio(ta, tb) / 100.0 < o.twin_ratio:
            return None
        edits = []
        for i1, i2, j1, j2 in _edit_regions(SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()):
            if max(i2 - i1, j2 - j1) > 6:
                continue
            # the edited words with one character of context on each side, both versions
            ca = M.markers(ta[max(0, i1 - 1) : i2 + 1], "zh-Hans")
            cb = M.markers(tb[max(0, j1 - 1) : j2 + 1], "zh-Hans")
            if i1 == i2 or j1 == j2:  # an insertion
                na, nb = ca.get(M.NEGATION, 0), cb.get(M.NEGATION, 0)
                if na != nb and min(na, nb) == 0:
                    edits.append((M.NEGATION, None) if na else (None, M.NEGATION))
                continue
            for cls in ca:
                for other in M.OPPOSITE.get(cls, ()):
                    if other in cb and cls not in cb and other not in ca:
                        edits.append((cls, other))
        return (zh[0], zh[1], edits) if edits else None

    @staticmethod
    def _twins(o, unit) -> bool:
        """zh-Hans and zh-Hant are one text (character ratio after conversion)."""
        from rapidfuzz import fuzz

        zh = [lg for lg in unit if lg.startswith("zh")]
        return (
            fuzz.ratio(_simplified(unit[zh[0]][0], zh[0]), _simplified(unit[zh[1]][0], zh[1])) / 100.0 >= o.twin_ratio
        )

    # -- finding -------------------------------------------------------------------------

    def _finding(self, ctx, row, unit, odd, cls, instead, how):
        others = [lg for lg in unit if lg != odd]
        text, seg_index = unit[odd]
        seg = ctx.version(odd)[seg_index]
        if cls and instead:
            what = f"says {_WORDS[instead]} where {' and '.join(others)} say{'s' if len(others) == 1 else ''} {_WORDS[cls]}"
        elif cls:
            what = f"lacks {_WORDS[cls]} that {' and '.join(others)} have"
        else:
            what = f"has {_WORDS[instead]} that {' and '.join(others)} do not have"
        msg = f'{odd} {what}: "{snippet(text, 80)}"'
        msg += "; " + "; ".join(f'{lg}: "{snippet(unit[lg][0], 60)}"' for lg in others)
        counterparts = [ctx.loc(lg, ctx.version(lg)[unit[lg][1]], unit[lg][0][:10]) for lg in others]
        evidence = {
            "odd": odd,
            "expected": cls,
            "found": instead,
            "basis": how,
            "sentences": {lg: t for lg, (t, _) in unit.items()},
            "key": f"{cls}/{instead}",
        }
        return ctx.finding(
            self,
            msg,
            ctx.loc(odd, seg, text[:10]),
            counterparts=counterparts,
            evidence=evidence,
            texts=[t for t, _ in unit.values()],
        )
