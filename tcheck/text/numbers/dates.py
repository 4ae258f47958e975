"""Dates, percentages and fractions."""

from __future__ import annotations

from fractions import Fraction

from .lexicon import _CN_ALL, _EN_BIWEEKLY, _EN_EVERY_OTHER, _EN_NUMBER_RE, _MONTHS, _ONES, _WEEKDAYS_EN, _WEEKDAYS_ZH
from .numerals import _cn_or_int, _cn_value, _en_words_value
from .patterns import _DATE_PATTERNS, _NUM
from .quantity import _fmt, _num
from .rx import re


class DatePasses:
    """Passes of :class:`~.extract.Extractor` (they share its state)."""

    def dates(self):
        # all candidates, longest first, so "12 June 2024" beats "June 2024"
        cands = [m for rx in _DATE_PATTERNS for m in rx.finditer(self.text) if m.end() > m.start()]
        cands.sort(key=lambda m: (-(m.end() - m.start()), m.start()))
        for m in cands:
            if True:
                a, b = m.span()
                while b > a and self.text[b - 1] in " ,.":
                    b -= 1
                if not self._free(a, b):
                    continue
                gd = m.groupdict()
                y = _cn_or_int(gd.get("y"))
                if gd.get("mn"):
                    mo = _MONTHS.get(gd["mn"].lower().rstrip("."))
                    if gd["mn"].lower() == "may" and not (gd.get("d") or gd.get("y")):
                        continue  # the verb "may"
                else:
                    mo = _cn_or_int(gd.get("m"))
                d = _cn_or_int(gd.get("d"))
                if mo is None or not 1 <= mo <= 12 or (d is not None and not 1 <= d <= 31):
                    continue
                if y is None and d is None:
                    if gd.get("mn") and not (gd["mn"][0].isupper() and len(gd["mn"]) > 3):
                        continue  # "mar", "jun": not a month; "March" alone is one
                    # "6月" alone, "end of March" ("三个月" is a duration): compared with a month only
                    self.add(a, b, f"--{mo:02d}", "date", "month", slot=True)
                    continue
                if y is not None and d is not None:
                    key = f"{y:04d}-{mo:02d}-{d:02d}"
                elif y is not None:
                    key = f"{y:04d}-{mo:02d}"
                else:
                    key = f"--{mo:02d}-{d:02d}"
                self.add(a, b, key, "date", "")

    def date_ranges(self):
        """22-23 March, March 22-23, 3月22日至23日: two dates of one month."""
        months = "|".join(sorted(_MONTHS, key=len, reverse=True))
        dash = r"\s*(?:-|–|—|~|～|to|through|至|到)\s*"
        day = r"(\d{1,2})(?:st|nd|rd|th)?"
        rxs = (  # (pattern, first day, last day, month, year) groups
            (
                re.compile(r"\b%s%s%s\s+(?:of\s+)?(%s)\b\.?(?:,?\s+(\d{4})\b)?" % (day, dash, day, months), re.I),
                1,
                2,
                3,
                4,
            ),
            (re.compile(r"\b(%s)\.?\s+%s%s%s\b(?:,?\s+(\d{4})\b)?" % (months, day, dash, day), re.I), 2, 3, 1, 4),
            (
                re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?%s(\d{1,2})\s*[日号]" % dash),
                3,
                4,
                2,
                1,
            ),
        )
        for rx, d1, d2, mo, yr in rxs:
            for m in rx.finditer(self.text):
                month = m.group(mo)
                mo_n = int(month) if month.isdigit() else _MONTHS.get(month.lower())
                y = int(m.group(yr)) if m.group(yr) else None
                days = (int(m.group(d1)), int(m.group(d2)))
                if not mo_n or not 1 <= mo_n <= 12 or not all(1 <= x <= 31 for x in days) or not self._free(*m.span()):
                    continue
                for x in days:
                    key = f"{y:04d}-{mo_n:02d}-{x:02d}" if y else f"--{mo_n:02d}-{x:02d}"
                    self.add(*m.span(), key, "date", "")

    def weekdays(self):
        """星期三, 周五, 禮拜天, Thursday(s): compared with a weekday only."""
        for m in re.finditer(r"%s|%s" % (_EN_EVERY_OTHER, _EN_BIWEEKLY), self.text, re.I):
            self.add(*m.span(), "2", "duration", "week", weak=True)  # alternate Thursdays = 每两周
        rx = re.compile(
            r"(?:星期|礼拜|(?<![一二两三四五六七八九十\d])周)([一二三四五六日天])(?![次些般样起致直定切个周年期篇份遍趟回轮])"
        )
        for m in rx.finditer(self.text):
            if self._free(*m.span()):
                self.add(*m.span(), f"W{_WEEKDAYS_ZH[m.group(1)]}", "weekday", slot=True)
        for m in re.finditer(r"\b(%s)s?\b" % "|".join(d.capitalize() for d in _WEEKDAYS_EN), self.text):
            if self._free(*m.span()):
                self.add(*m.span(), f"W{_WEEKDAYS_EN[m.group(1).lower()]}", "weekday", slot=True)

    def times(self):
        """9:00, 5:00 PM, 6pm: the hour (and minutes other than :00); 5 PM also matches 17 (下午 5 点 = 17 点)."""
        rx = re.compile(
            r"(?<![\w.:])(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)(?![\w])"
            r"|(?<![\w.:])(\d{1,2}):(\d{2})(?::\d{2})?(?![\w:])",
            re.I,
        )
        for m in rx.finditer(self.text):
            h, mi = int(m.group(1) or m.group(4)), m.group(2) or m.group(5) or "00"
            if h > 24 or int(mi) > 59 or not self._free(*m.span()):
                continue
            pm = (m.group(3) or "").lower().startswith("p")
            other = h + 12 if pm and h < 12 else (h - 12 if h > 12 else h)
            tail = "" if mi == "00" else f":{mi}"
            self.add(*m.span(), f"{h}{tail}", "time", "", alts=[f"{other}{tail}"])

    def months(self):
        """A month named alone (end of March): compared with a month only."""
        names = "|".join(m.capitalize() for m in _MONTHS if len(m) > 3 and m != "sept")
        for m in re.finditer(r"\b(%s)\b" % names, self.text):
            if self._free(*m.span()):
                self.add(*m.span(), f"--{_MONTHS[m.group(1).lower()]:02d}", "date", "month", slot=True)

    def percents(self):
        t = self.text
        for m in re.finditer(r"百分之\s*(?P<n>[\d.]+|[%s]+)|千分之\s*(?P<p>[\d.]+|[%s]+)" % (_CN_ALL, _CN_ALL), t):
            n = m.group("n") or m.group("p")
            v = _num(n) if n[0].isdigit() else _cn_value(n)
            if v is None or not self._free(*m.span()):
                continue
            if m.group("p"):
                v = v / 10
            self.add(*m.span(), _fmt(v), "percent", "%", alts=[_fmt(Fraction(str(v)) / 100)])
        for m in re.finditer(r"(?<![\w.])(%s)\s*(?:%%|‰|\s?per\s?cent\b|\s?percent(?:age points?)?\b)" % _NUM, t, re.I):
            if not self._free(*m.span()):
                continue
            v = _num(m.group(1))
            if "‰" in m.group(0):
                v = v / 10
            # "100% accurate" is often rendered 完全 / "fully": it can match but is not reported alone
            self.add(*m.span(), _fmt(v), "percent", "%", weak=v == 100, alts=[_fmt(Fraction(str(v)) / 100)])
        for m in _EN_NUMBER_RE.finditer(t):
            rest = t[m.end() : m.end() + 12].lower()
            mm = re.match(r"\s?(?:per\s?cent|percent)\b", rest)
            if mm and self._free(m.start(), m.end() + mm.end()):
                v = _en_words_value(m.group(0))
                if v is not None:
                    self.add(m.start(), m.end() + mm.end(), _fmt(v), "percent", "%", alts=[_fmt(Fraction(v) / 100)])

    def fractions(self):
        t = self.text
        for m in re.finditer(r"(?<![\d%s])([\d%s]+)\s*分之\s*([\d%s]+)" % (_CN_ALL, _CN_ALL, _CN_ALL), t):
            if not self._free(*m.span()):
                continue
            den, num = (_num(x) if x[0].isdigit() else _cn_value(x) for x in m.groups())
            if den and num is not None:
                f = Fraction(str(num)) / Fraction(str(den))
                self.add(*m.span(), _fmt(f), "fraction", "", alts=[_fmt(f * 100)])
        for m in re.finditer(
            r"\b(one|two|three|a)[-\s](halves|half|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|"
            r"tenth|tenths)\b",
            t,
            re.I,
        ):
            if not self._free(*m.span()):
                continue
            if m.group(1).lower() == "a" and not re.match(r"\s+of\b", t[m.end() : m.end() + 4], re.I):
                continue  # "a third party", "a quarter" (of a year?) - not a fraction
            if re.match(r"[\s-]*part(?:y|ies)\b", t[m.end() : m.end() + 10], re.I):
                continue
            n = 1 if m.group(1).lower() == "a" else _ONES[m.group(1).lower()]
            d = {
                "half": 2,
                "halves": 2,
                "third": 3,
                "thirds": 3,
                "quarter": 4,
                "quarters": 4,
                "fourth": 4,
                "fourths": 4,
                "fifth": 5,
                "fifths": 5,
                "tenth": 10,
                "tenths": 10,
            }[m.group(2).lower()]
            f = Fraction(n, d)
            # "one half" is as loose as "half" (一半, 半数): it may match, never reported alone
            self.add(*m.span(), _fmt(f), "fraction", "", weak=f == Fraction(1, 2), alts=[_fmt(f * 100)])
        for m in re.finditer(r"(?<![\w/.])(\d)/(\d{1,2})(?![\w/.])", t):
            num, den = int(m.group(1)), int(m.group(2))
            if 0 < num < den <= 10 and self._free(*m.span()):  # 2/3, 1/4 - not a date like 6/12
                f = Fraction(num, den)
                self.add(*m.span(), _fmt(f), "fraction", "", alts=[_fmt(f * 100)])
