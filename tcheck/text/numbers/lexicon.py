"""Words and units of quantities in Chinese and English (Simplified spelling)."""

from __future__ import annotations

from fractions import Fraction

from ..calendar_names import MONTHS, WEEKDAYS_EN
from .rx import re

_CN_DIGIT = "零〇一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾"
_CN_ALL = _CN_DIGIT + "百千万亿佰仟"

# units that follow a number (Simplified spelling; text is mapped first)
_ZH_DURATION = [
    ("个工作日", "business day"),
    ("个自然日", "day"),
    ("个日历日", "day"),
    ("工作日", "business day"),
    ("自然日", "day"),
    ("日历日", "day"),
    ("个小时", "hour"),
    ("小时", "hour"),
    ("分钟", "minute"),
    ("秒钟", "second"),
    ("个星期", "week"),
    ("星期", "week"),
    ("个礼拜", "week"),
    ("礼拜", "week"),
    ("个月", "month"),
    ("周年", "year"),
    ("天", "day"),
    ("日内", "day"),
    ("日", "day"),
    ("周", "week"),
    ("年内", "year"),
    ("年", "year"),
    ("秒", "second"),
]
_ZH_AGE = ["周岁", "岁"]
_ZH_CURRENCY_SUFFIX = [
    ("美元", "USD"),
    ("美金", "USD"),
    ("欧元", "EUR"),
    ("英镑", "GBP"),
    ("日元", "JPY"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("新台币", "TWD"),
    ("台币", "TWD"),
    ("人民币", "CNY"),
    ("澳门元", "MOP"),
    ("韩元", "KRW"),
    ("元", "CNY"),
]
_ZH_CURRENCY_PREFIX = [
    ("人民币", "CNY"),
    ("美元", "USD"),
    ("新台币", "TWD"),
    ("港币", "HKD"),
    ("港元", "HKD"),
    ("欧元", "EUR"),
]
# classifiers: a Chinese numeral followed by one of these is a count
_ZH_CLASSIFIERS = "个位名人次项种条家份张台部类款页件笔层级轮组户位届次条例点处本册批支只台套场期段章节款元块倍万亿千百"
_EN_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "CNY",
    "￥": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "nt$": "TWD",
    "ntd": "TWD",
    "twd": "TWD",
    "hk$": "HKD",
    "hkd": "HKD",
    "jpy": "JPY",
    "a$": "AUD",
    "c$": "CAD",
    "chf": "CHF",
}
_EN_CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "yuan": "CNY",
    "rmb": "CNY",
    "renminbi": "CNY",
    "cents": "cent",
}
_EN_UNITS = {
    "day": "day",
    "days": "day",
    "calendar day": "day",
    "calendar days": "day",
    "business day": "business day",
    "business days": "business day",
    "working day": "business day",
    "working days": "business day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "hour": "hour",
    "hours": "hour",
    "hrs": "hour",
    "minute": "minute",
    "minutes": "minute",
    "mins": "minute",
    "second": "second",
    "seconds": "second",
}
_MONTHS = MONTHS

_ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_MULT_WORDS = {
    "twice": 2,
    "double": 2,
    "doubled": 2,
    "triple": 3,
    "tripled": 3,
    "thrice": 3,
    "quadruple": 4,
    "half": Fraction(1, 2),
    "quarter": Fraction(1, 4),
}
_EN_WORD = "|".join(sorted(list(_ONES) + list(_TENS), key=len, reverse=True))
_EN_NUMBER_RE = re.compile(
    r"\b(?:(?:%s)(?:[-\s](?:%s))?)(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?(?:%s)(?:[-\s](?:%s))?)?)*\b"
    % (_EN_WORD, _EN_WORD, _EN_WORD, _EN_WORD),
    re.IGNORECASE,
)

# a duration in the next smaller unit (1 year = 12 months, 2 weeks = 14 days)
_DURATION_STEPS = {"year": 12, "month": None, "week": 7, "day": 24, "hour": 60, "minute": 60}
_DURATION_PARENT = {
    "month": ("year", 12),
    "day": ("week", 7),
    "hour": ("day", 24),
    "minute": ("hour", 60),
    "second": ("minute", 60),
}

# weekdays: Monday = 1 ... Sunday = 7 (Chinese after 星期 / 礼拜 / 周, Simplified spelling)
_WEEKDAYS_EN = WEEKDAYS_EN
_WEEKDAYS_ZH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
# scale words and suffixes after a figure (3 万, 3.3b, 5M, 10K, 2.5 million)
_SCALE_VALUES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "万亿": 10**12,
    "千万": 10**7,
    "百万": 10**6,
    "万": 10**4,
    "亿": 10**8,
    "千": 10**3,
    "百": 10**2,
}
# "every other week", "alternate Thursdays", 每两周: a period of two weeks
_EN_EVERY_OTHER = (
    r"\b(?:every\s+other|alternate)(?=\s+(?:week|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b)"
)
_EN_BIWEEKLY = r"\b(?:bi-?weekly|fortnight(?:ly)?)\b"
