"""Reading numerals: Chinese (一千二百, 3.5万, 壹佰) and English words (twenty-one)."""

from __future__ import annotations

from .lexicon import _ONES, _SCALES, _TENS
from .quantity import simplified_same_length
from .rx import re


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
    s = simplified_same_length(s)
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


def _cn_or_int(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(c in "〇零一二三四五六七八九" for c in s) and len(s) == 4:
        return int("".join(str("〇一二三四五六七八九".index(c) if c != "零" else 0) for c in s))
    v = _cn_value(s)
    return int(v) if v is not None else None


def chinese_numeral(numeral: str) -> int | float | None:
    """Value of a Chinese numeral (两 = 2, 三十 = 30, 3.5万 = 35000); None when it is not one."""
    return _cn_value(numeral)
