"""entity-mismatch: a name that differs between aligned zh and en segments.

Three checks: learned Han term / English name pairs (:mod:`.pairs`), Latin
names kept in the Chinese (:mod:`.latin`), and Latin names spelled two ways
in zh-Hans and zh-Hant (:mod:`.zh_pair`), over the rows of :mod:`.rows`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Severity
from ...text.names import english_vocab
from ..base import Rule, RuleContext
from ..options import RuleOptions, opt
from .latin import check_latin
from .pairs import check_pairs
from .rows import build_rows, learn
from .zh_pair import check_zh_pair


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

    def check(self, ctx: RuleContext):
        langs = ctx.document.langs
        if "en" not in langs or not any(lg in langs for lg in ("zh-Hans", "zh-Hant")):
            yield from check_zh_pair(self, ctx)
            return
        en_v = ctx.version("en")
        vocab = english_vocab(s.text for s in en_v.segments)
        rows = build_rows(ctx, vocab)
        pairs = learn(self, ctx, rows, vocab)
        yield from check_pairs(self, ctx, rows, pairs, vocab)
        yield from check_latin(self, ctx, rows, vocab)
        yield from check_zh_pair(self, ctx)
