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
from .code_spans import check_code_spans
from .handles import check_handles
from .kept import check_kept
from .latin import check_latin
from .licences import check_licences
from .pairs import check_pairs
from .rows import build_rows, learn
from .vote import check_vote
from .zh_pair import check_zh_pair


class EntityMismatch(Rule):
    """A name (product, company, person, place, law, standard) differs between aligned zh and en segments.

    ## What it catches
    * A row where the Chinese has a term the document otherwise renders with
      one English name, but the English names something else ("China
      Telecom" where every other paragraph says "Talk123"): an error; the
      English drops the name: a warning.
    * A Latin-script name kept in the Chinese ("JusTalk") that the aligned
      English misspells, replaces or drops.
    * A Latin-script name spelled differently in zh-Hans and zh-Hant.
    * An inline code span (a command, an address, a file name) a Chinese
      version writes a character or two off the span the other versions
      write alike (`https://<username>/github.io` for `<username>.github.io`,
      `config.yml` for `_config.yml`): a warning; spacing, a prompt sign and
      trailing punctuation are style, translated placeholders are left out.
    * A Creative Commons licence named with other elements in one version
      (相同方式分享 "ShareAlike" where the others say NoDerivatives): error.
    * A user handle spelt two ways in one row (@progruim / @progrium): the
      spelling the document uses less, counting link targets such as
      github.com/progrium, is reported, on every version that has it.
    * A name the Chinese keeps in Latin letters wherever the English has it,
      except in one row where it is translated or transliterated (硬头盔 for
      Hardhat, 凯亚基金会 for Kaia Foundation): a warning on the Chinese.
    * With three versions, a name or setting identifier (`theme_config`) that
      en and one Chinese version write in a row and the other Chinese version,
      which writes it in other rows, drops or translates: the odd version is
      reported.

    ## Why
    Chinese names have no capitals, so the rule learns the document's own
    correspondence table from the alignment: Han terms (normalised to
    Simplified with OpenCC) that co-occur with an English name candidate in
    most rows where the term occurs, and in at least ``min_support`` prose rows
    (table rows repeat their column words). Only names by evidence are learned:
    a token with digits or inner capitals, or a capitalised word that is
    neither an ordinary word of the version nor a frequent English word
    (wordfreq). A glossary, when given, adds its pairs.

    Measured on the real-world corpus (bench/realworld, every finding read):
    0.28 before these conditions (5 true / 13 false), 0.91 after (31 true / 3
    false / 1 debatable of 35: dApp rendered 应用程序 in two headings, "when
    running Hexo" dropped in a half-translated zh-Hant row).

    ## Example
    zh-Hans "讯小通不会出售您的数据。" / en "China Telecom will not sell your
    data." where 讯小通 is "Talk123" in five other rows → error at "China
    Telecom".

    ## Not reported
    Names inside untranslated English in the Chinese, rows whose alignment
    score is below ``min_pair_score``, a possessive or an article in front of
    the name, a short form of the expected name, and a row with more new
    names than missing ones (which replaced which cannot be told). Words that
    are not names: a capitalised word opening a sentence that English knows
    ("Navigate", "There"), month and weekday names ("March of 2020"), a
    single frequent English word ("Asia" for 亚洲), table column words, a
    typographic apostrophe ("D’cent" / "D'cent"), a word the English also puts
    in the plural ("dApps"), a name the Chinese always translates ("Ethereum"
    / 以太坊), an English word one Chinese version leaves untranslated.
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
            yield from check_handles(self, ctx)
            yield from check_licences(self, ctx)
            yield from check_code_spans(self, ctx)
            return
        en_v = ctx.version("en")
        vocab = english_vocab(s.text for s in en_v.segments)
        rows = build_rows(ctx, vocab)
        pairs = learn(self, ctx, rows, vocab)
        yield from check_pairs(self, ctx, rows, pairs, vocab)
        yield from check_latin(self, ctx, rows, vocab)
        yield from check_kept(self, ctx, rows, vocab)
        yield from check_zh_pair(self, ctx)
        yield from check_vote(self, ctx)
        yield from check_handles(self, ctx)
        yield from check_licences(self, ctx)
        yield from check_code_spans(self, ctx)
