"""The extraction passes over one text, most specific first."""

from __future__ import annotations

import re as _re
from functools import lru_cache

from .amounts import AmountPasses
from .dates import DatePasses
from .lexicon import _CN_DIGIT, _DURATION_PARENT, _DURATION_STEPS, _EN_WORD, _MONTHS, _WEEKDAYS_EN
from .masks import _DOMAIN_RE, _MASKS, _NEVER_RE, _URL_RE
from .quantity import Quantity, _fmt, prepare
from .rx import re
from .versions import VersionPasses
from .words import WordPasses

_ANY_RE = re.compile(
    r"[\d%s]|\b(?:%s|twice|double|half|triple|thousand|million|billion|alternate|other|biweekly|fortnight\w*|%s|%s)"
    % (_CN_DIGIT, _EN_WORD, "|".join(_WEEKDAYS_EN), "|".join(m for m in _MONTHS if len(m) > 3)),
    re.I,
)


def _duration_alts(key: str, unit: str) -> list[str]:
    """The same period in the neighbouring units: 12 months = 1 year, 1 year = 12 months, 2 weeks = 14 days."""
    try:
        v = float(key)
    except ValueError:
        return []
    out = []
    if _DURATION_STEPS.get(unit):
        out.append(_fmt(v * _DURATION_STEPS[unit]))
    if unit in _DURATION_PARENT and (v / _DURATION_PARENT[unit][1]).is_integer():
        out.append(_fmt(v / _DURATION_PARENT[unit][1]))
    return out


class Extractor(DatePasses, AmountPasses, VersionPasses, WordPasses):
    """Quantities of one text: each pass takes the spans it reads, later passes see the rest."""

    def __init__(self, text: str, code: tuple[str, ...] = ()):
        self.orig = text
        self.text = prepare(text)
        self.taken = [False] * len(self.text)
        self.out: list[Quantity] = []
        for rx in (_URL_RE, _DOMAIN_RE, _NEVER_RE):
            for m in rx.finditer(self.text):
                self._take(*m.span())
        # inline code is not prose (`depth=16`, `101`): its numbers may match, never reported alone
        self.code = [False] * len(self.text)
        for c in code:
            c = prepare(c)
            if c.strip():
                for m in _re.finditer(_re.escape(c), self.text):
                    for i in range(*m.span()):
                        self.code[i] = True

    def _free(self, a: int, b: int) -> bool:
        return not any(self.taken[a:b])

    def _take(self, a: int, b: int):
        for i in range(a, b):
            self.taken[i] = True

    def add(self, a, b, key, kind, unit="", weak=False, alts=(), slot=False):
        self._take(a, b)
        if kind == "duration" and not alts:
            alts = _duration_alts(key, unit)
        weak = weak or slot or any(self.code[a:b])
        self.out.append(Quantity(key, kind, unit, self.orig[a:b], a, b, weak, frozenset(alts), slot))

    def run(self) -> list[Quantity]:
        self.spelled_with_digits()
        self.xrefs()
        self.date_ranges()
        self.weekdays()
        self.dates()
        self.months()
        self.times()
        self.money()
        self.powers()
        self.versions()
        self.suffixed()
        self.ordinals()
        for rx in _MASKS:
            for m in rx.finditer(self.text):
                self._take(*m.span())
        self.percents()
        self.fractions()
        self.arabic()
        self.chinese()
        self.english_words()
        self.multiplier_words()
        self.out.sort(key=lambda q: q.start)
        return self.out


def extract(text: str, code: tuple[str, ...] = ()) -> list[Quantity]:
    """All quantities in ``text``, in order of appearance.

    ``code``: substrings of ``text`` that are code (Markdown inline code); numbers there are skipped.
    Memoised by text and code (number-mismatch and hans-hant-divergence read the same segments).
    """
    return list(_extract(text, tuple(code)))


@lru_cache(maxsize=8192)
def _extract(text: str, code: tuple[str, ...]) -> tuple[Quantity, ...]:
    if not text or not _ANY_RE.search(prepare(text)):
        return ()
    return tuple(Extractor(text, code).run())
