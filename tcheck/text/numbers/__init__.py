"""Quantities in a segment, normalised so that translations compare equal.

``extract(text)`` finds the numbers a translator must carry over unchanged
(amounts, percentages, money, dates, durations, ages, multipliers, counts)
in English or Chinese (Simplified or Traditional) text and returns
:class:`Quantity` objects whose ``key`` is language independent::

    1,000 == 1000 == 一千 == １０００           -> "1000"
    30 days == 三十天 == 30日                    -> "30"   (unit "day")
    RMB 1,000 == 人民币1000元                    -> "1000" (unit "CNY")
    June 12, 2024 == 2024年6月12日 == 2024-06-12  -> "2024-06-12"
    两倍 == twice == double                      -> "2"    (kind "multiplier")
    百分之五十 == 50% == 50 percent               -> "50"   (kind "percent")

What is *not* a quantity: list labels and inline enumerators ``(1)``
``（一）``; ordinals (第三方, third, 4th); idioms built on 一 (一般, 统一,
唯一, 一些, 一切); digits glued to Latin letters (Talk123, IPv6, 5G, H5);
version strings (v2.1, 1.4.0); phone numbers, e-mail addresses and URLs
(they are the link-mismatch rule's business). The word forms of one
(``one``, ``一个``, ``a single``) and section cross-references (Section 3,
第三条) are *weak*: they can match the other side but are never reported on
their own, because translators legitimately drop or rephrase them.

``compare(a, b)`` matches two lists of quantities and returns what is left
over on each side.
"""

from __future__ import annotations

import re as _re
import types
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction

# Every pattern here is ASCII-minded: \w, \b and \d must not treat Han characters as word
# characters (在2024年 has a number; 2024 is not "inside a word"). Text is NFKC-normalised first,
# so full-width digits are ASCII by then.
_A = _re.ASCII
re = types.SimpleNamespace(
    I=_re.I, IGNORECASE=_re.I, escape=_re.escape,
    compile=lambda p, f=0: _re.compile(p, f | _A),
    finditer=lambda p, s, f=0: _re.finditer(p, s, f | _A),
    match=lambda p, s, f=0: _re.match(p, s, f | _A),
    search=lambda p, s, f=0: _re.search(p, s, f | _A),
    findall=lambda p, s, f=0: _re.findall(p, s, f | _A),
    fullmatch=lambda p, s, f=0: _re.fullmatch(p, s, f | _A),
    split=lambda p, s, f=0: _re.split(p, s, flags=f | _A),
)

__all__ = ["Quantity", "extract", "compare", "describe", "nfkc_same_length"]


@dataclass(frozen=True)
class Quantity:
    key: str  # canonical value: "1000", "0.5", "2024-06-12", "--06-12", "2024-06"
    kind: str  # number | percent | money | date | duration | age | multiplier | time | fraction
    unit: str  # CNY, USD, day, month, year, hour, ... or ""
    text: str  # the surface text as found
    start: int  # span in the (original) text
    end: int
    weak: bool = False  # may match, never reported alone
    alts: frozenset = field(default=frozenset())  # other keys that count as equal

    @property
    def keys(self) -> frozenset:
        return self.alts | {self.key}

    def to_json(self) -> dict:
        return {"value": self.key, "kind": self.kind, "unit": self.unit, "text": self.text}


# ---------------------------------------------------------------------------
# helpers


def nfkc_same_length(text: str) -> str:
    """NFKC per character where it maps one character to one (keeps offsets)."""
    if unicodedata.is_normalized("NFKC", text):
        return text  # nothing to map (the common case; a per-character loop is slow)
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
            continue
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


def _fmt(v) -> str:
    """Canonical decimal string of a number."""
    if isinstance(v, Fraction):
        if v.denominator == 1:
            return str(v.numerator)
        v = float(v)
    if isinstance(v, float):
        if v.is_integer():
            return str(int(v))
        return ("%.6f" % v).rstrip("0").rstrip(".")
    return str(v)


def _num(s: str) -> float | None:
    s = s.replace(",", "").replace("_", "").replace(" ", "")
    try:
        return float(s)
    except ValueError:
        return None


# Traditional -> Simplified for the characters that matter here
_T2S = str.maketrans({"兩": "两", "萬": "万", "億": "亿", "個": "个", "歲": "岁", "週": "周", "時": "时",
                      "鐘": "钟", "項": "项", "條": "条", "張": "张", "臺": "台", "類": "类", "頁": "页",
                      "幣": "币", "圓": "元", "單": "单", "員": "员", "號": "号", "筆": "笔", "間": "间",
                      "據": "据", "節": "节", "則": "则", "點": "点", "陸": "陆", "貳": "贰", "參": "叁",
                      "層": "层", "輪": "轮", "級": "级", "們": "们", "組": "组", "據": "据", "億": "亿",
                      "兆": "兆", "倍": "倍", "週": "周", "歲": "岁", "際": "际", "紀": "纪", "載": "载"})

_CN_DIGIT = "零〇一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾"
_CN_ALL = _CN_DIGIT + "百千万亿佰仟"

# units that follow a number (Simplified spelling; text is mapped first)
_ZH_DURATION = [("个工作日", "business day"), ("个自然日", "day"), ("个日历日", "day"), ("工作日", "business day"),
                ("自然日", "day"), ("日历日", "day"), ("个小时", "hour"), ("小时", "hour"), ("分钟", "minute"),
                ("秒钟", "second"), ("个星期", "week"), ("星期", "week"), ("个礼拜", "week"), ("礼拜", "week"),
                ("个月", "month"), ("周年", "year"), ("天", "day"), ("日内", "day"), ("日", "day"),
                ("周", "week"), ("年内", "year"), ("年", "year"), ("秒", "second")]
_ZH_AGE = ["周岁", "岁"]
_ZH_CURRENCY_SUFFIX = [("美元", "USD"), ("美金", "USD"), ("欧元", "EUR"), ("英镑", "GBP"), ("日元", "JPY"),
                       ("港元", "HKD"), ("港币", "HKD"), ("新台币", "TWD"), ("台币", "TWD"), ("人民币", "CNY"),
                       ("澳门元", "MOP"), ("韩元", "KRW"), ("元", "CNY")]
_ZH_CURRENCY_PREFIX = [("人民币", "CNY"), ("美元", "USD"), ("新台币", "TWD"), ("港币", "HKD"), ("港元", "HKD"),
                       ("欧元", "EUR")]
# classifiers: a Chinese numeral followed by one of these is a count
_ZH_CLASSIFIERS = ("个位名人次项种条家份张台部类款页件笔层级轮组户位届次条例点处本册批支只台套场期段章节款"
                   "元块倍万亿千百")
_EN_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
                "¥": "CNY", "￥": "CNY", "rmb": "CNY", "cny": "CNY", "nt$": "TWD", "ntd": "TWD", "twd": "TWD",
                "hk$": "HKD", "hkd": "HKD", "jpy": "JPY", "a$": "AUD", "c$": "CAD", "chf": "CHF"}
_EN_CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
                      "pounds": "GBP", "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "cents": "cent"}
_EN_UNITS = {
    "day": "day", "days": "day", "calendar day": "day", "calendar days": "day",
    "business day": "business day", "business days": "business day", "working day": "business day",
    "working days": "business day",
    "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year",
    "hour": "hour", "hours": "hour", "hrs": "hour", "minute": "minute", "minutes": "minute", "mins": "minute",
    "second": "second", "seconds": "second",
}
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_MULT_WORDS = {"twice": 2, "double": 2, "doubled": 2, "triple": 3, "tripled": 3, "thrice": 3,
               "quadruple": 4, "half": Fraction(1, 2), "quarter": Fraction(1, 4)}
_EN_WORD = "|".join(sorted(list(_ONES) + list(_TENS), key=len, reverse=True))
_EN_NUMBER_RE = re.compile(
    r"\b(?:(?:%s)(?:[-\s](?:%s))?)(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?(?:%s)(?:[-\s](?:%s))?)?)*\b"
    % (_EN_WORD, _EN_WORD, _EN_WORD, _EN_WORD),
    re.IGNORECASE,
)


def _en_words_value(s: str) -> int | None:
    total, cur = 0, 0
    seen = False
    for w in re.split(r"[-\s]+", s.lower()):
        if w == "and" or not w:
            continue
        if w in _ONES:
            cur += _ONES[w]
        elif w in _TENS:
            cur += _TENS[w]
        elif w == "hundred":
            cur = (cur or 1) * 100
        elif w in _SCALES:
            total += (cur or 1) * _SCALES[w]
            cur = 0
        else:
            return None
        seen = True
    return total + cur if seen else None


_FALLBACK = object()
_CN_D = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_U = {"十": 10, "百": 100, "千": 1000}
_CN_B = {"万": 10**4, "亿": 10**8}
_CN_FINANCIAL = {c: i for i, c in enumerate("壹贰叁肆伍陆柒捌玖拾", 1)}


def _fast_cn(s: str):
    """Value of a canonical Chinese numeral (一千零五, 二十五万, 两百), or _FALLBACK.

    Importing cn2an costs about half a second (it compiles large regular
    expressions), so the common, unambiguous numerals are read here and
    everything else (一二三, 三百五, 壹佰, 3.5万, 二亿一千) is left to cn2an.
    Checked against ``cn2an.cn2an(s, "smart")`` on every string of up to five
    characters over 零〇一二两三四五六七八九十百千万亿: wherever this returns a
    value, cn2an returns the same one.
    """
    if len(s) == 1 and s in _CN_D:
        return _CN_D[s]
    if len(s) == 1 and s in _CN_FINANCIAL:  # 叁 (also 參 read as Simplified), 拾
        return _CN_FINANCIAL[s]
    total = section = 0
    cur = last_small = last_big = None
    zero = gap = False
    digits_only = True
    for ch in s:
        if ch in _CN_D:
            if cur is not None:
                return _FALLBACK
            if _CN_D[ch] == 0:
                if zero or not (last_small in (100, 1000) or (last_small is None and last_big is not None)):
                    return _FALLBACK
                zero = True
                if last_small is None:
                    gap = True
            else:
                cur = _CN_D[ch]
        elif ch in _CN_U:
            digits_only = False
            v = _CN_U[ch]
            if cur is None:
                if ch != "十" or zero or section or total:
                    return _FALLBACK
                cur = 1
            above = last_small if last_small is not None else (10**4 if last_big else None)
            if above is not None and (v >= above or (zero and v * 10 >= above)):
                return _FALLBACK  # 一百五十百; 一千零一百, 一万零五千 (零 must skip a place)
            section += cur * v
            last_small, cur, zero = v, None, False
        elif ch in _CN_B:
            digits_only = False
            v = _CN_B[ch]
            if zero and cur is None:
                return _FALLBACK
            if cur is not None and not (zero or last_small in (None, 10)):
                return _FALLBACK  # 一百五万: colloquial, let cn2an read it
            section += cur or 0
            if section == 0 or (last_big is not None and v >= last_big):
                return _FALLBACK
            total += section * v
            section, cur, last_small, last_big, zero, gap = 0, None, None, v, False, False
        else:
            return _FALLBACK
    if digits_only:
        return _FALLBACK
    if cur is not None:
        if not (zero or last_small == 10 or (last_small is None and last_big is None)):
            return _FALLBACK  # 三百五, 三万五: colloquial, let cn2an read it
        section += cur
    elif zero:
        return _FALLBACK
    if last_big == 10**8 and section and not gap:
        return _FALLBACK  # 二亿一千: 二亿一千万 said short, let cn2an read it
    return total + section


def _cn_value(s: str):
    """Value of a Chinese numeral run (may mix Arabic digits: 3.5万); None if not a number."""
    s = s.translate(_T2S)
    if not s:
        return None
    if s in ("两",):
        return 2
    v = _fast_cn(s)
    if v is not _FALLBACK:
        return v
    import cn2an

    try:
        v = cn2an.cn2an(s, "smart")
    except Exception:
        return None
    return v


# ---------------------------------------------------------------------------
# masking: spans that are never quantities

_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"'，。；、）)】」]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
_DOMAIN_RE = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|cn|tw|hk|io|gov|edu|mozilla|app|dev)\b(?:/\S*)?", re.I)
_PHONE_RE = re.compile(
    r"(?<![\w.+-])\+\s?\d{1,3}(?:[\s.-]?\(\d{1,4}\))?(?:[\s.-]?\d{1,5}){1,5}(?![\w-])"  # +86 10 1234 5678
    r"|(?<![\w.-])(?:\(\d{2,5}\)\s?)?\d{1,5}(?:-\d{2,5}){2,4}(?![\w-])"  # 1-800-352-5267, 400-123-4567
    r"|(?<![\w.-])\(\d{2,5}\)\s?\d{3,4}[-\s]?\d{4}(?!\d)"  # (415) 555-1234
    r"|(?<![\w.-])0\d{2,3}-\d{7,8}(?!\d)"  # 010-12345678
    r"|(?<![\d,.])1[3-9]\d{9}(?!\d)"  # Chinese mobile
    r"|(?<![\d,.])\d{3,4}[\s.]\d{3,4}[\s.]\d{4}(?![\d,])"  # 400 123 4567
    r"|(?<![\d,.])\d{7,}(?![\d,])"  # long digit strings: ids, phone numbers
)
_VERSION_RE = re.compile(r"(?<=[A-Z]{2} )\d{1,2}\.\d{1,2}(?![\d.-])|(?<![\w.])[vV]?\d+(?:\.\d+){2,}(?![\w])|\b[vV]\d+(?:\.\d+)*\b|\bversion\s+\d+(?:\.\d+)*\b"
                         r"|(?<=版本)\s*\d+(?:\.\d+)*|\d+(?:\.\d+)*\s*版", re.I)
_GLUED_RE = re.compile(r"[A-Za-z_]+/?[\d.]*\d[\w]*|\d+[A-Za-z_][A-Za-z_\d]*")  # also HTTP/2, HTTP/1.1
_TEMPLATE_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\$\{[^}]*\}|</?[A-Za-z][^<>]*>")  # {{RFC(7230)}}, <tag attr=1>
_ENUM_RE = re.compile(r"[(（]\s?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4}|[一二三四五六七八九十]{1,3})\s?[)）]")
# cross references: weak
_XREF_RE = re.compile(
    r"(?:\b(?:sections?|articles?|clauses?|paragraphs?|chapters?|parts?|items?|§§?|annex|appendix|schedule|"
    r"subsections?|rules?|points?|step|steps|figure|table|page|pages|line|lines)\s*"
    r"(\d+(?:\.\d+)*(?:\s*(?:-|–|to|and|,)\s*\d+(?:\.\d+)*)*))"
    r"|(?:第\s*([\d%s]+(?:\.\d+)*)\s*(?:条|章|节|款|项|部分|段|点|页|行|步|条款))"
    r"|(?:(?:§|条款|章节|第)\s*(\d+(?:\.\d+)+))" % _CN_ALL,
    re.I,
)
# ordinals that are never quantities
_ORDINAL_RE = re.compile(r"第\s*[\d%s]+|\b(?:\d+(?:st|nd|rd|th))\b" % _CN_ALL, re.I)
# 一-idioms: a 一 that is not a count
_YI_IDIOMS = ("一般", "统一", "唯一", "一些", "一切", "一致", "一起", "一旦", "一定", "一直", "一样", "进一步", "万一",
              "一方面", "一律", "一并", "一同", "一贯", "一向", "一经", "一概", "一面", "一再", "一下", "一点",
              "一部分", "一种", "一项", "之一", "一体", "一站式", "逐一", "同一", "单一", "一一", "一键", "专一",
              "一揽子", "一对一", "不一", "一方", "任一", "另一", "每一", "一致性", "一流", "一时", "一度",
              "一口", "一边", "一侧", "一系列", "一如", "划一", "一览", "一栏", "一类", "一环", "一员", "十分",
              "三方", "双方", "一手", "一带", "一番", "一刀切", "千万", "百万分之", "一贯", "三思", "一视同仁",
              "一目了然", "一次性", "二次", "再次", "一手", "独一", "一应", "一审", "二审", "二维码", "二手", "一级", "二级", "三级",
              "一线", "二线", "三星", "四川", "一家人")


_MASKS = (_PHONE_RE, _VERSION_RE, _GLUED_RE, _ENUM_RE, _TEMPLATE_RE)


# ---------------------------------------------------------------------------
# extraction

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_ZH = r"(?:万亿|千万|百万|万|亿|千|百)"
_SCALE_EN = r"(?:thousand|million|billion|trillion|k|m|bn)"
_CN_RUN = "[%s][%s]*" % (_CN_DIGIT, _CN_ALL)

_DATE_PATTERNS = [
    # 2024年6月12日 / 二〇二四年六月十二日 (年 part optional)
    re.compile(r"(?:(?P<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*)?(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
               r"(?:\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?"),
    # 2024-06-12 2024/6/12 2024.6.12
    re.compile(r"(?<![\d.])(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?![\d.])"),
    # June 12, 2024 / June 12 / June 2024
    re.compile(r"\b(?P<mn>%s)\.?\s+(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\b,?\s*)?(?:(?P<y>\d{4})\b)?" %
               "|".join(sorted(_MONTHS, key=len, reverse=True)), re.I),
    # 12 June 2024
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mn>%s)\b\.?,?(?:\s+(?P<y>\d{4})\b)?" %
               "|".join(sorted(_MONTHS, key=len, reverse=True)), re.I),
]


def _cn_or_int(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(c in "〇零一二三四五六七八九" for c in s) and len(s) == 4:
        return int("".join(str("〇一二三四五六七八九".index(c) if c != "零" else 0) for c in s))
    v = _cn_value(s)
    return int(v) if v is not None else None


class _Extractor:
    def __init__(self, text: str, code: tuple[str, ...] = ()):
        self.orig = text
        self.text = nfkc_same_length(text).translate(_T2S)
        self.taken = [False] * len(self.text)
        self.out: list[Quantity] = []
        for rx in (_URL_RE, _DOMAIN_RE):
            for m in rx.finditer(self.text):
                self._take(*m.span())
        # inline code is not prose (`depth=16`, `101`): its numbers may match, never reported alone
        self.code = [False] * len(self.text)
        for c in code:
            c = nfkc_same_length(c).translate(_T2S)
            if c.strip():
                for m in _re.finditer(_re.escape(c), self.text):
                    for i in range(*m.span()):
                        self.code[i] = True

    def _free(self, a: int, b: int) -> bool:
        return not any(self.taken[a:b])

    def _take(self, a: int, b: int):
        for i in range(a, b):
            self.taken[i] = True

    def add(self, a, b, key, kind, unit="", weak=False, alts=()):
        self._take(a, b)
        weak = weak or any(self.code[a:b])
        self.out.append(Quantity(key, kind, unit, self.orig[a:b], a, b, weak, frozenset(alts)))

    # -- passes, most specific first --------------------------------------
    def run(self) -> list[Quantity]:
        self.spelled_with_digits()
        self.xrefs()
        self.dates()
        self.money()
        for rx in _MASKS:
            for m in rx.finditer(self.text):
                self._take(*m.span())
        self.ordinals()
        self.percents()
        self.fractions()
        self.arabic()
        self.chinese()
        self.english_words()
        self.multiplier_words()
        self.out.sort(key=lambda q: q.start)
        return self.out

    def spelled_with_digits(self):
        """'thirty (30) days', '三十（30）天': one quantity, the digits carry the value."""
        t = self.text
        rx = re.compile(r"(?:%s|%s)\s*[(（]\s*(%s)\s*[)）]" % (_EN_NUMBER_RE.pattern, _CN_RUN, _NUM), re.I)
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
                self.out.append(Quantity(n, "number", "", self.orig[m.start():m.end()], m.start(), m.end(), True))
            self._take(*m.span())

    def ordinals(self):
        for m in _ORDINAL_RE.finditer(self.text):
            self._take(*m.span())

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
                    if gd.get("mn"):
                        continue  # a bare month name is not a quantity
                    # "6月" alone, "三个月" is handled as a duration; keep "6月" as a month
                    self.add(a, b, f"--{mo:02d}", "date", "month", weak=True)
                    continue
                if y is not None and d is not None:
                    key = f"{y:04d}-{mo:02d}-{d:02d}"
                elif y is not None:
                    key = f"{y:04d}-{mo:02d}"
                else:
                    key = f"--{mo:02d}-{d:02d}"
                self.add(a, b, key, "date", "")

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
            rest = t[m.end():m.end() + 12].lower()
            mm = re.match(r"\s?(?:per\s?cent|percent)\b", rest)
            if mm and self._free(m.start(), m.end() + mm.end()):
                v = _en_words_value(m.group(0))
                if v is not None:
                    self.add(m.start(), m.end() + mm.end(), _fmt(v), "percent", "%",
                             alts=[_fmt(Fraction(v) / 100)])

    def fractions(self):
        t = self.text
        for m in re.finditer(r"([\d%s]+)\s*分之\s*([\d%s]+)" % (_CN_ALL, _CN_ALL), t):
            if not self._free(*m.span()):
                continue
            den, num = (_num(x) if x[0].isdigit() else _cn_value(x) for x in m.groups())
            if den and num is not None:
                f = Fraction(str(num)) / Fraction(str(den))
                self.add(*m.span(), _fmt(f), "fraction", "", alts=[_fmt(f * 100)])
        for m in re.finditer(r"\b(one|two|three|a)[-\s](halves|half|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|"
                             r"tenth|tenths)\b", t, re.I):
            if not self._free(*m.span()):
                continue
            if m.group(1).lower() == "a" and not re.match(r"\s+of\b", t[m.end():m.end() + 4], re.I):
                continue  # "a third party", "a quarter" (of a year?) - not a fraction
            if re.match(r"[\s-]*part(?:y|ies)\b", t[m.end():m.end() + 10], re.I):
                continue
            n = 1 if m.group(1).lower() == "a" else _ONES[m.group(1).lower()]
            d = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
                 "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}[m.group(2).lower()]
            f = Fraction(n, d)
            self.add(*m.span(), _fmt(f), "fraction", "", alts=[_fmt(f * 100)])
        for m in re.finditer(r"(?<![\w/.])(\d)/(\d{1,2})(?![\w/.])", t):
            num, den = int(m.group(1)), int(m.group(2))
            if 0 < num < den <= 10 and self._free(*m.span()):  # 2/3, 1/4 - not a date like 6/12
                f = Fraction(num, den)
                self.add(*m.span(), _fmt(f), "fraction", "", alts=[_fmt(f * 100)])

    def money(self):
        t = self.text
        cur_pre = "|".join(re.escape(c) for c in sorted(_EN_CURRENCY, key=len, reverse=True))
        zh_pre = "|".join(p for p, _ in _ZH_CURRENCY_PREFIX)
        num = r"(%s)\s*(%s|%s)?" % (_NUM, _SCALE_EN, _SCALE_ZH)
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
        rx = re.compile(r"(?:(%s)\s*(%s)?|(%s))\s*(%s)" % (_NUM, _SCALE_ZH, _CN_RUN, suf))
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
        if v is None:
            return None
        if scale:
            s = scale.lower()
            mult = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
                    "trillion": 1e12, "万亿": 1e12, "千万": 1e7, "百万": 1e6, "万": 1e4, "亿": 1e8, "千": 1e3,
                    "百": 1e2}[s]
            v = v * mult
        return v

    def _unit_after(self, pos: int, zh: bool) -> tuple[str, str, int]:
        """(kind, unit, end) of a unit right after ``pos``."""
        t = self.text
        rest = t[pos:pos + 24]
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
        m = re.match(r"[\s-]*(calendar days?|business days?|working days?|days?|weeks?|months?|years?|hours?|hrs"
                     r"|minutes?|mins|seconds?)\b(?:[\s-]+old\b|[\s-]+of\s+age\b)?", rest, re.I)
        if m:
            unit = _EN_UNITS[m.group(1).lower()]
            if re.search(r"old|of\s+age", m.group(0), re.I):
                return "age", "year", pos + m.end()
            return "duration", unit, pos + m.end()
        m = re.match(r"[\s-]*times\b", rest, re.I)
        if m:
            return "multiplier", "", pos + m.end()
        return "number", "", pos

    def arabic(self):
        t = self.text
        rx = re.compile(r"(?<![\w.,])(%s)(?:\s*(%s|%s)(?![A-Za-z]))?" % (_NUM, _SCALE_ZH, "thousand|million|billion|trillion"),
                        re.I)
        for m in rx.finditer(t):
            a, b = m.span()
            if not self._free(a, b):
                continue
            s = m.group(1)
            # "1.2.3" remnants, trailing dot that ends a sentence
            if re.match(r"[.,]\d", t[b:b + 2]):
                continue
            v = self._scaled(s, m.group(2))
            if v is None:
                continue
            kind, unit, end = self._unit_after(b, False)
            if kind == "duration" and unit == "year" and re.fullmatch(r"(?:19|20)\d\d", s) \
                    and not re.match(r"\s*(?:年内|年以|年之|年后|年前|年间|年期)", t[b:b + 4]):
                kind, unit, end = "date", "", b + t[b:end].index("年") + 1 if "年" in t[b:end] else end
            # an age expressed as "under 14" keeps kind number; that still compares by value
            self.add(a, end, _fmt(v), kind, unit)

    def chinese(self):
        t = self.text
        for m in re.finditer(_CN_RUN, t):
            a, b = m.span()
            if not self._free(a, b):
                continue
            run = m.group(0)
            # idioms built from numerals
            ctx = t[max(0, a - 2):b + 3]
            if any(idiom in ctx and self._covers(t, a, b, idiom) for idiom in _YI_IDIOMS):
                continue
            if run[0] in "百千万亿佰仟" or run in ("一一",):
                continue
            if len(run) >= 2 and all(c in "一二两三四五六七八九" for c in run) \
                    and not (len(run) == 4 and t[b:b + 1] == "年"):
                continue  # 一二, 两三, 七八 (乱七八糟): "one or two", "a few", idioms - not a value
            # strip a trailing scale char that reads as a classifier ("三千" ok; "一万" ok)
            v = _cn_value(run)
            if v is None:
                continue
            kind, unit, end = self._unit_after(b, True)
            nxt = t[b:b + 1]
            if kind == "number" and len(run) == 1 and run not in "十" and nxt not in _ZH_CLASSIFIERS:
                continue  # a lone 一/二/三 not followed by a classifier is not a count
            if kind == "number" and len(run) == 1 and nxt == "" :
                continue
            # spelled-out small counts without a unit (两个, 三种) are often rendered "both", "several"
            weak = v == 1 or (kind == "number" and v <= 10)
            self.add(a, end, _fmt(v), kind, unit, weak=weak)

    @staticmethod
    def _covers(t: str, a: int, b: int, idiom: str) -> bool:
        for mm in re.finditer(re.escape(idiom), t[max(0, a - len(idiom)):b + len(idiom)]):
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
            after = t[b:b + 12]
            if after.startswith("-") and not re.match(r"-(?:days?|weeks?|months?|years?|hours?|minutes?)\b", after, re.I):
                continue  # two-factor, one-time, third-party
            if re.match(r"\s+(?:of|another|or\s+more|by\s+one|'s)\b", after, re.I) and low == "one":
                self.add(a, b, "1", "number", "", weak=True)
                continue
            before = t[max(0, a - 8):a].lower()
            if low == "one" and re.search(r"(?:no|any|every|some|each|this|that|the|which|a)\s+$", before):
                continue
            v = _en_words_value(word)
            if v is None:
                continue
            kind, unit, end = self._unit_after(b, False)
            self.add(a, end, _fmt(v), kind, unit, weak=(v == 1 or (kind == "number" and v <= 10)))

    def multiplier_words(self):
        t = self.text
        for m in re.finditer(r"\b(twice|double|doubled|triple|tripled|thrice|quadruple|half)\b", t, re.I):
            if not self._free(*m.span()):
                continue
            w = m.group(1).lower()
            v = _MULT_WORDS[w]
            if w == "half":
                self.add(*m.span(), _fmt(v), "fraction", "", weak=True, alts=["50"])
            else:
                self.add(*m.span(), _fmt(v), "multiplier", "", weak=w.startswith("double"))
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


def extract(text: str, code: tuple[str, ...] = ()) -> list[Quantity]:
    """All quantities in ``text``, in order of appearance.

    ``code``: substrings of ``text`` that are code (Markdown inline code); numbers there are skipped.
    """
    if not text or not re.search(r"[\d%s]|\b(?:%s|twice|double|half|triple)\b" % (_CN_DIGIT, _EN_WORD),
                                 nfkc_same_length(text).translate(_T2S), re.I):
        return []
    return _Extractor(text, tuple(code)).run()


# ---------------------------------------------------------------------------
# comparison


def _date_parts(q: Quantity) -> list[str]:
    if q.kind != "date":
        return []
    parts = [p for p in q.key.split("-") if p]
    return [str(int(p)) for p in parts]


def compare(a: list[Quantity], b: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """Quantities of ``a`` whose value is absent from ``b`` and vice versa.

    Presence, not count: a value said twice in one version and once in the
    other is not a difference. Dates also match their components written out
    separately (a date the other side split, or a year alone: 2024年 vs 2024).
    """
    def keyset(qs):
        ks = set()
        for q in qs:
            ks |= q.keys
            if q.kind == "date":
                # a full date also stands for its year and (year, month)
                parts = q.key.split("-")
                if q.key[:2] != "--" and len(parts) >= 2:
                    ks.add(parts[0])
                    ks.add("-".join(parts[:2]))
        return ks

    ka, kb = keyset(a), keyset(b)
    only_a = [q for q in a if not (q.keys & kb) and not _parts_match(q, b)]
    only_b = [q for q in b if not (q.keys & ka) and not _parts_match(q, a)]
    # a year alone, or a month-day, matches a fuller date on the other side (handled by keyset);
    # a partial date ("June 12") matches a full date with the same month and day
    only_a = [q for q in only_a if not _partial_date_match(q, b)]
    only_b = [q for q in only_b if not _partial_date_match(q, a)]
    return only_a, only_b


def _parts_match(q: Quantity, other: list[Quantity]) -> bool:
    parts = _date_parts(q)
    if not parts:
        return False
    keys = set()
    for o in other:
        keys |= o.keys
    return all(p in keys for p in parts)


def _partial_date_match(q: Quantity, other: list[Quantity]) -> bool:
    if q.kind != "date":
        return False
    for o in other:
        if o.kind != "date":
            continue
        if q.key.startswith("--") and o.key[4:].startswith(q.key[1:]) and len(o.key) >= len(q.key) + 2:
            return True
        if o.key.startswith("--") and q.key[4:].startswith(o.key[1:]):
            return True
    return False


_UNIT_EN = {"day": "days", "business day": "business days", "week": "weeks", "month": "months", "year": "years",
            "hour": "hours", "minute": "minutes", "second": "seconds"}


def describe(q: Quantity) -> str:
    """The value in plain English: '30 days', 'CNY 1000', '50%', '2024-06-12', 'x2'."""
    if q.kind == "duration":
        return f"{q.key} {_UNIT_EN.get(q.unit, q.unit)}"
    if q.kind == "age":
        return f"age {q.key}"
    if q.kind == "money":
        return f"{q.unit} {q.key}"
    if q.kind == "percent":
        return f"{q.key}%"
    if q.kind == "multiplier":
        return f"{q.key} times"
    return q.key
