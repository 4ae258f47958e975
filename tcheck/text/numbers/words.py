"""Numbers written out (Chinese numerals, English words, multipliers), ordinals and cross-references."""

from __future__ import annotations

from .lexicon import _CN_ALL, _EN_NUMBER_RE, _MULT_WORDS, _SCALES, _ZH_CLASSIFIERS
from .masks import _ORDINAL_RE, _XREF_RE, _YI_IDIOMS
from .numerals import _cn_value, _en_words_value
from .patterns import _CN_RUN, _NUM
from .quantity import Quantity, _fmt, _num
from .rx import re

_FINANCIAL_ALONE = set("壹贰叁肆伍陆柒捌玖拾")


def _minutes(t: str, end: int) -> bool:
    """Whether a numeral ending at ``end`` counts minutes (二十分钟, 十分鐘): 十分 is then no idiom ("very")."""
    return t[end : end + 2] in ("分钟", "分鐘")


class WordPasses:
    """Passes of :class:`~.extract.Extractor` (they share its state)."""

    def spelled_with_digits(self):
        """'thirty (30) days', '三十（30）天': one quantity, the digits carry the value."""
        t = self.text
        rx = re.compile(
            r"(?:%s|(?<![%s])%s)\s*[(（]\s*(%s)\s*[)）]" % (_EN_NUMBER_RE.pattern, _CN_ALL, _CN_RUN, _NUM), re.I
        )
        for m in rx.finditer(t):
            v = _num(m.group(1))
            if v is None:
                continue
            kind, unit, end = self._unit_after(m.end(), False)
            self.add(m.start(), end, _fmt(v), kind, unit)

    def xrefs(self):
        for m in _XREF_RE.finditer(self.text):
            if not self._free(*m.span()):
                continue
            g = m.group(1) or m.group(2) or m.group(3)
            nums = re.findall(r"\d+(?:\.\d+)*", g)
            if not nums and g:
                v = _cn_value(g)
                nums = [_fmt(v)] if v is not None else []
            for n in nums:
                self.out.append(Quantity(n, "number", "", self.orig[m.start() : m.end()], m.start(), m.end(), True))
            self._take(*m.span())

    def ordinals(self):
        """第 2 类, 3rd: never reported, but they match the plain number (type 2, Layer 1)."""
        for m in _ORDINAL_RE.finditer(self.text):
            if not self._free(*m.span()):
                continue
            digits = re.search(r"\d+", m.group(0))
            v = int(digits.group(0)) if digits else _cn_value(m.group(0).lstrip("第").strip())
            if v is None:
                self._take(*m.span())
            else:
                self.add(*m.span(), _fmt(v), "number", "", weak=True)

    def chinese(self):
        t = self.text
        for m in re.finditer(_CN_RUN, t):
            a, b = m.span()
            if not self._free(a, b):
                continue
            run = m.group(0)
            # idioms built from numerals
            ctx = t[max(0, a - 2) : b + 3]
            if any(idiom in ctx and self._covers(t, a, b, idiom) for idiom in _YI_IDIOMS) and not _minutes(t, b):
                continue
            if run[0] in "百千万亿佰仟" or run in ("一一",):
                continue
            if run in _FINANCIAL_ALONE and t[b : b + 1] not in "元圆佰仟万亿":
                continue  # 參與 (take part), 拾取 (pick up): a financial numeral stands in an amount
            if (
                len(run) >= 2
                and all(c in "一二两三四五六七八九" for c in run)
                and not (len(run) == 4 and t[b : b + 1] == "年")
            ):
                continue  # 一二, 两三, 七八 (乱七八糟): "one or two", "a few", idioms - not a value
            # strip a trailing scale char that reads as a classifier ("三千" ok; "一万" ok)
            v = _cn_value(run)
            if v is None:
                continue
            kind, unit, end = self._unit_after(b, True)
            nxt = t[b : b + 1]
            # a lone 一/二/三 not followed by a classifier is no count (投一票 = "1 vote" may match);
            # spelled-out small counts without a unit (两个, 三种) are often rendered "both", "several";
            # 几十年, 数百 are approximate ("decades", "hundreds")
            weak = (
                v == 1
                or (kind == "number" and v <= 10)
                or (kind == "number" and len(run) == 1 and run not in "十" and nxt not in _ZH_CLASSIFIERS)
                or t[a - 1 : a] in ("几", "数", "上", "成", "好")
                or t[b : b + 1] in ("几", "多")
            )
            self.add(a, end, _fmt(v), kind, unit, weak=weak)

    @staticmethod
    def _covers(t: str, a: int, b: int, idiom: str) -> bool:
        for mm in re.finditer(re.escape(idiom), t[max(0, a - len(idiom)) : b + len(idiom)]):
            s = max(0, a - len(idiom)) + mm.start()
            e = s + len(idiom)
            if s < b and e > a:
                return True
        return False

    def english_words(self):
        t = self.text
        for m in _EN_NUMBER_RE.finditer(t):
            a, b = m.span()
            if not self._free(a, b):
                continue
            word = m.group(0)
            low = word.lower()
            after = t[b : b + 12]
            if after.startswith("-") and not re.match(
                r"-(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?)\b", after, re.I
            ):
                continue  # two-factor, one-time, third-party
            if re.match(r"\s+(?:of|another|or\s+more|by\s+one|'s)\b", after, re.I) and low == "one":
                self.add(a, b, "1", "number", "", weak=True)
                continue
            before = t[max(0, a - 8) : a].lower()
            if low == "one" and re.search(r"(?:no|any|every|some|each|this|that|the|which|a)\s+$", before):
                continue
            v = _en_words_value(word)
            if v is None:
                continue
            kind, unit, end = self._unit_after(b, False)
            self.add(a, end, _fmt(v), kind, unit, weak=(v == 1 or (kind == "number" and v <= 10)))

    def multiplier_words(self):
        t = self.text
        # "a million", "over a hundred": approximate, may match but never reported alone
        for m in re.finditer(r"\ba\s+(hundred|thousand|million|billion)\b", t, re.I):
            if self._free(*m.span()):
                self.add(*m.span(), str(_SCALES[m.group(1).lower()]), "number", "", weak=True)
        for m in re.finditer(r"\b(twice|double|doubled|triple|tripled|thrice|quadruple|half)\b", t, re.I):
            if not self._free(*m.span()):
                continue
            w = m.group(1).lower()
            v = _MULT_WORDS[w]
            if w == "half":
                self.add(*m.span(), _fmt(v), "fraction", "", weak=True, alts=["50"])
            else:
                # "double"/"triple" are as often adjectives (a triple backtick, double quotes)
                self.add(*m.span(), _fmt(v), "multiplier", "", weak=w.startswith(("double", "triple")))
        for m in re.finditer(r"(?<![一二三四五六七八九十\d])(一半|半数|半年|半个月|翻倍|加倍)", t):
            if not self._free(*m.span()):
                continue
            w = m.group(1)
            if w in ("翻倍", "加倍"):
                self.add(*m.span(), "2", "multiplier", "", weak=True)
            elif w == "半年":
                self.add(*m.span(), "6", "duration", "month", alts=["0.5"])
            elif w == "半个月":
                self.add(*m.span(), "15", "duration", "day", weak=True, alts=["0.5"])
            else:
                self.add(*m.span(), "0.5", "fraction", "", weak=True, alts=["50"])
