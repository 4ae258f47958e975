"""Money and Arabic-digit amounts with their units."""

from __future__ import annotations

from decimal import Decimal

from .lexicon import (
    _CN_ALL,
    _EN_CURRENCY,
    _EN_CURRENCY_WORDS,
    _EN_UNITS,
    _SCALE_VALUES,
    _ZH_CURRENCY_PREFIX,
    _ZH_CURRENCY_SUFFIX,
    _ZH_DURATION,
)
from .numerals import _cn_value
from .patterns import _CN_RUN, _NUM, _SCALE_EN, _SCALE_ZH
from .quantity import _fmt, _num
from .rx import re


class AmountPasses:
    """Passes of :class:`~.extract.Extractor` (they share its state)."""

    def money(self):
        t = self.text
        cur_pre = "|".join(re.escape(c) for c in sorted(_EN_CURRENCY, key=len, reverse=True))
        zh_pre = "|".join(p for p, _ in _ZH_CURRENCY_PREFIX)
        num = r"(%s)(?:\s*(%s|%s)(?![A-Za-z]))?" % (_NUM, _SCALE_EN, _SCALE_ZH)
        # prefix currency: US$5, RMB 1,000, ¥100, 人民币1000元
        rx = re.compile(r"(?<![A-Za-z])(%s|%s)\s?%s(?:\s*(?:元|块|美元|港元))?" % (cur_pre, zh_pre, num), re.I)
        for m in rx.finditer(t):
            cur = m.group(1).lower()
            code = _EN_CURRENCY.get(cur) or dict(_ZH_CURRENCY_PREFIX).get(m.group(1))
            v = self._scaled(m.group(2), m.group(3))
            if v is None or not self._free(*m.span()):
                continue
            self.add(*m.span(), _fmt(v), "money", code)
        # 1000元 / 5美元 / 3万元 / 一千元
        suf = "|".join(s for s, _ in _ZH_CURRENCY_SUFFIX)
        rx = re.compile(r"(?:(?<![\d.,])(%s)\s*(%s)?|(?<![%s])(%s))\s*(%s)" % (_NUM, _SCALE_ZH, _CN_ALL, _CN_RUN, suf))
        for m in rx.finditer(t):
            if not self._free(*m.span()):
                continue
            v = self._scaled(m.group(1), m.group(2)) if m.group(1) else _cn_value(m.group(3))
            if v is None:
                continue
            self.add(*m.span(), _fmt(v), "money", dict(_ZH_CURRENCY_SUFFIX)[m.group(4)])
        # 5 dollars / 1,000 yuan / five hundred dollars
        words = "|".join(_EN_CURRENCY_WORDS)
        rx = re.compile(r"(?<![\w.])(%s)\s*(%s)?\s+(?:US\s+|u\.s\.\s+)?(%s)\b" % (_NUM, _SCALE_EN, words), re.I)
        for m in rx.finditer(t):
            if not self._free(*m.span()):
                continue
            v = self._scaled(m.group(1), m.group(2))
            if v is not None:
                self.add(*m.span(), _fmt(v), "money", _EN_CURRENCY_WORDS[m.group(3).lower()])

    @staticmethod
    def _scaled(n: str, scale: str | None):
        v = _num(n)
        if v is None or not scale:
            return v
        exact = Decimal(n.replace(",", "").replace(" ", "")) * _SCALE_VALUES[scale.lower()]
        return int(exact) if exact == exact.to_integral_value() else float(exact)

    def _unit_after(self, pos: int, zh: bool) -> tuple[str, str, int]:
        """(kind, unit, end) of a unit right after ``pos``."""
        t = self.text
        rest = t[pos : pos + 24]
        m = re.match(r"\s*(?:周岁|岁)", rest)
        if m:
            return "age", "year", pos + m.end()
        m = re.match(r"\s*倍", rest)
        if m:
            return "multiplier", "", pos + m.end()
        for s, unit in _ZH_DURATION:
            m = re.match(r"\s*" + s, rest)
            if m:
                return "duration", unit, pos + m.end()
        m = re.match(
            r"[\s-]*(calendar days?|business days?|working days?|days?|weeks?|months?|years?|hours?|hrs"
            r"|minutes?|mins|seconds?)\b(?:[\s-]+old\b|[\s-]+of\s+age\b)?",
            rest,
            re.I,
        )
        if m:
            unit = _EN_UNITS[m.group(1).lower()]
            if re.search(r"old|of\s+age", m.group(0), re.I):
                return "age", "year", pos + m.end()
            return "duration", unit, pos + m.end()
        m = re.match(r"[\s-]*times\b", rest, re.I)
        if m:
            return "multiplier", "", pos + m.end()
        return "number", "", pos

    def suffixed(self):
        """5M, 100K, 2.5bn: a figure with a scale letter; 2x, 10×: a multiplier (before identifiers
        like 5G are masked)."""
        for m in re.finditer(r"(?<![\w.,$])(\d+(?:\.\d+)?)[x×](?![\w])", self.text):
            if self._free(*m.span()):
                self.add(*m.span(), _fmt(_num(m.group(1))), "multiplier", "")
        for m in re.finditer(r"(?<![\w.,$])(%s)(K|M|B|k|bn)(?![\w])" % _NUM, self.text):
            v = self._scaled(m.group(1), m.group(2))
            if v is not None and self._free(*m.span()):
                self.add(*m.span(), _fmt(v), "number", "")

    def powers(self):
        """10^18 (a power written out), and long figures (10000000000000000000000), which
        match it; a long figure is often an id: compared only with another long figure."""
        for m in re.finditer(r"(?<![\w.])(\d{1,3})\s*\^\s*(\d{1,2})(?!\d|\.\d)", self.text):
            if self._free(*m.span()):
                self.add(*m.span(), str(int(m.group(1)) ** int(m.group(2))), "number", "")
        for m in re.finditer(r"(?<![\w.,])\d{7,}(?![\w.,])", self.text):
            if self._free(*m.span()):
                self.add(*m.span(), m.group(0).lstrip("0") or "0", "number", "figures", slot=True)

    def arabic(self):
        t = self.text
        # 86 400 (a space between groups of three), 120 多万 (more than 1.2 million)
        rx = re.compile(
            r"(?<![\w.,])([1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|%s)(?:\s*[多余]?\s*(%s|%s)(?![A-Za-z]))?"
            % (_NUM, _SCALE_ZH, "thousand|million|billion|trillion"),
            re.I,
        )
        for m in rx.finditer(t):
            a, b = m.span()
            if not self._free(a, b):
                continue
            s = m.group(1)
            # "1.2.3" remnants, trailing dot that ends a sentence
            if re.match(r"[.,]\d", t[b : b + 2]):
                continue
            v = self._scaled(s, m.group(2))
            if v is None:
                continue
            kind, unit, end = self._unit_after(b, False)
            if (
                kind == "duration"
                and unit == "year"
                and re.fullmatch(r"(?:19|20)\d\d", s)
                and not re.match(r"\s*(?:年内|年以|年之|年后|年前|年间|年期)", t[b : b + 4])
            ):
                kind, unit, end = "date", "", b + t[b:end].index("年") + 1 if "年" in t[b:end] else end
            # an age expressed as "under 14" keeps kind number; that still compares by value
            self.add(a, end, _fmt(v), kind, unit)
