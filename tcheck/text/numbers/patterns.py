"""Patterns shared by the extraction passes."""

from __future__ import annotations

from .lexicon import _CN_ALL, _CN_DIGIT, _MONTHS
from .rx import re

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_ZH = r"(?:万亿|千万|百万|万|亿|千|百)"
_SCALE_EN = r"(?:thousand|million|billion|trillion|k|m|bn|b)"
_CN_RUN = "[%s][%s]*" % (_CN_DIGIT, _CN_ALL)

_DATE_PATTERNS = [
    # 2024年6月12日 / 二〇二四年六月十二日 (年 part optional)
    re.compile(
        r"(?:(?P<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*)?(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
        r"(?:\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?"
    ),
    # 2024-06-12 2024/6/12 2024.6.12
    re.compile(r"(?<![\d.])(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?![\d.])"),
    # 04/25/2024 (month first), 25/04/2024 (day first, when the first number cannot be a month)
    re.compile(r"(?<![\d./])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
    re.compile(r"(?<![\d./])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
    # June 12, 2024 / June 12 / June 2024
    re.compile(
        r"\b(?P<mn>%s)\.?\s+(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\b,?\s*)?(?:(?P<y>\d{4})\b)?"
        % "|".join(sorted(_MONTHS, key=len, reverse=True)),
        re.I,
    ),
    # 12 June 2024
    re.compile(
        r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mn>%s)\b\.?,?(?:\s+(?P<y>\d{4})\b)?"
        % "|".join(sorted(_MONTHS, key=len, reverse=True)),
        re.I,
    ),
]
