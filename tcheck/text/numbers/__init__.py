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

    5M == 500 万, 100K == 10 万, $3.3b == 33亿美元, 3 萬 == 30,000, 86 400 == 86,400
    22-23 March == 3月22日至23日 (two dates); 04/25/2024 == 2024年4月25日

What is *not* a quantity: list labels and inline enumerators ``(1)``
``（一）``; idioms built on 一 (一般, 统一, 唯一, 一些, 一切); numerals
inside words (十六进制 hexadecimal, 三元组, 三元運算子); HTML entities
(``&#124;``); 24/7; digits glued to Latin letters (Talk123, IPv6, 5G, H5);
phone numbers, e-mail addresses and URLs (they are the link-mismatch rule's
business). The word forms of one (``one``, ``一个``, ``a single``),
ordinals (第 2 类, 3rd), approximations (几十年, "a million") and section
cross-references (Section 3, 第三条) are *weak*: they can match the other
side but are never reported on their own, because translators
legitimately drop or rephrase them.

Versions (v7, 3.3.0-preview2, >=10.13, Hexo 3.0 版), weekdays (星期三,
Thursday), months named alone ("end of March", 4 月) and long figures
(ids, 10000000000000000000000) have ``slot=True``: never reported as
missing, but compared with a quantity of the same kind at the same place
(v6 vs v7, 星期三至星期五 vs Thursday to Saturday). ``written(q, text)``
says whether a value is in a text in any format (a table cell, code,
99.9%+, 86 400).

``compare(a, b)`` matches two lists of quantities and returns what is left
over on each side.
"""

from ..scripts import nfkc_same_length
from .compare import compare, describe
from .extract import extract
from .numerals import chinese_numeral
from .presence import written
from .quantity import Quantity

__all__ = ["Quantity", "chinese_numeral", "compare", "describe", "extract", "nfkc_same_length", "written"]
