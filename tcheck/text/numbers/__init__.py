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

from ..scripts import nfkc_same_length
from .compare import compare, describe
from .extract import extract
from .numerals import chinese_numeral
from .presence import written
from .quantity import Quantity

__all__ = ["Quantity", "chinese_numeral", "compare", "describe", "extract", "nfkc_same_length", "written"]
