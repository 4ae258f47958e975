"""Script detection: en / zh-Hans / zh-Hant, Simplified vs Traditional.

Simplified-vs-Traditional is judged with OpenCC's own tables, never with a
hand-made character list: a character is "Simplified-only" for a Taiwan text
when OpenCC's ``s2tw`` (Simplified -> Traditional, Taiwan standard) would
change it, and for a Hong Kong text when ``s2hk`` would. When the region is
unknown a character is flagged only if *both* regional standards change it,
so 群 (correct in Taiwan, 羣 in Hong Kong) is never reported for an unknown
region, while 踪 (蹤 in both) is. A character is "Traditional-only" for a
Simplified text when ``t2s`` would change it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .han import han_count, is_han

_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


@cache
def converter(config: str):
    import opencc

    return opencc.OpenCC(config)


# where conversions from Simplified are kept across runs (tcheck.cache.conversions), if anywhere
_MEMO = None


def use_memo(memo) -> None:
    """Keep conversions from Simplified in ``memo`` (a :class:`tcheck.cache.conversions.ConversionMemo`,
    or None for none): every OpenCC converter from Simplified (``s2t``, ``s2tw``, ``s2hk``, ``s2twp``)
    loads OpenCC's big phrase table, 0.3-0.5 s a process, so a re-audit of texts converted before
    does not build one."""
    global _MEMO
    _MEMO = memo


@cache
def _opencc_version() -> str:
    import opencc

    return str(opencc.__version__)


@lru_cache(maxsize=32768)
def convert(text: str, config: str) -> str:
    """``text`` converted with the OpenCC ``config``; memoised, since several
    rules and the language detector convert the same segments."""
    memo = _MEMO
    if memo is None or not config.startswith("s2"):
        return converter(config).convert(text)
    from ..cache.conversions import conversion_key

    key = conversion_key(_opencc_version(), config, text)
    out = memo.get(key)
    if out is None:
        out = converter(config).convert(text)
        memo.put(key, out)
    return out


def to_simplified(text: str) -> str:
    return convert(text, "t2s")


def latin_letter_count(text: str) -> int:
    return sum(1 for c in text if c.isascii() and c.isalpha())


@dataclass(frozen=True)
class ScriptHit:
    offset: int  # 0-based offset in the text
    char: str
    suggestion: str


# Characters that OpenCC's STCharacters table lists among their *own*
# Traditional candidates without being the default (台 -> 臺 檯 颱 台, 后 -> 後 后,
# 干 -> 幹 乾 干): valid Traditional characters in some words, Simplified in
# others. Derived from OpenCC 1.4.2 (``opencc_dict -i STCharacters.ocd2 -f ocd2
# -t text``: keys whose candidate list contains the key after its first entry).
ST_SHARED = frozenset(
    "熏淀郁适雇采里辟荐胜苹虫跖腊腌范蚝蝎蜡膻准几凶厂厘划占台叶吁吃后帘岩岳党夸咨咸尸唇干广征确种筑皂挂涂涌杠杰极游据斗愿朴柜万丑丰伙于云亘仆价余佣㐹"
)
# The same for TSCharacters: Traditional keys that are also valid Simplified
# characters in some words (於 in a surname, 乾 in 乾坤).
TS_SHARED = frozenset("谿扞昇釐麽陞薹脩蒐袷祕於氾剋劄徵夥吒乾")


@cache
def char_class(ch: str) -> str:
    """'simplified' (never a Traditional character), 'traditional' (never a
    Simplified one), 'shared' (valid in both scripts in some words) or 'neutral'.

    Judged by OpenCC's character tables: a character ``t2s`` changes is a
    Traditional form; one ``t2s`` keeps but ``s2t`` changes is Simplified unless
    OpenCC lists it as its own Traditional candidate (:data:`ST_SHARED`);
    Traditional variant forms (爲, 着, 裏: ``t2tw``/``t2hk`` change them) are
    Traditional, not Simplified.
    """
    if not is_han(ch):
        return "neutral"
    to_s = convert(ch, "t2s")
    if to_s != ch:
        return "shared" if ch in TS_SHARED else "traditional"
    if convert(ch, "t2tw") != ch or convert(ch, "t2hk") != ch:
        return "traditional"  # a Traditional variant (着, 裏 in Hong Kong use)
    if convert(ch, "s2t") != ch:
        return "shared" if ch in ST_SHARED else "simplified"
    return "shared" if ch in ST_SHARED else "neutral"


def _char_diffs(text: str, converted: str) -> dict[int, str] | None:
    if len(converted) != len(text):
        return None
    return {i: c2 for i, (c1, c2) in enumerate(zip(text, converted)) if c1 != c2 and is_han(c1)}


def _diffs(text: str, config: str, pre: str | None = None) -> dict[int, str]:
    """{offset: replacement} for the characters ``config`` changes in ``text``.

    With ``pre`` the text is first converted with that config (``t2s`` before
    ``s2tw``), so OpenCC's phrase tables, which are keyed in the source
    script, see whole words even in a text that is mostly in the other script.
    """
    source = convert(text, pre) if pre else text
    if pre and len(source) != len(text):
        source = "".join(convert(c, pre) if is_han(c) else c for c in text)
        if len(source) != len(text):
            source = text
    out = _char_diffs(text, convert(source, config))
    if out is None:  # conversion changed the length: fall back to per character
        out = {}
        for i, c in enumerate(text):
            if is_han(c):
                c2 = convert(convert(c, pre) if pre else c, config)
                if c2 != c and len(c2) == 1:
                    out[i] = c2
    return out


def simplified_only(text: str, region: str = "") -> list[ScriptHit]:
    """Characters of ``text`` that are Simplified forms under the regional standard.

    A character counts when OpenCC's regional converter (``s2tw`` for
    Taiwan, ``s2hk`` for Hong Kong, both for an unknown region) changes it in
    context and it is never a Traditional character (灵, 个, 踪). Characters
    that are valid Traditional in other words (后, 里, 台, 干) count only in a
    text that already has a certain Simplified character, so 平台 or 干預 in a
    Traditional text are not reported. Traditional variants (爲, 着, 裏) are not
    Simplified and never count.
    """
    if region == "HK":
        diffs = _diffs(text, "s2hk", "t2s")
    elif region == "TW":
        diffs = _diffs(text, "s2tw", "t2s")
    else:
        tw, hk = _diffs(text, "s2tw", "t2s"), _diffs(text, "s2hk", "t2s")
        diffs = {i: tw[i] for i in tw if i in hk}
    classes = {i: char_class(text[i]) for i in diffs}
    if not any(c == "simplified" for c in classes.values()):
        return []
    keep = {i: s for i, s in diffs.items() if classes[i] in ("simplified", "shared")}
    return [ScriptHit(i, text[i], s) for i, s in sorted(keep.items())]


def traditional_only(text: str) -> list[ScriptHit]:
    """Characters of ``text`` that are Traditional forms (``t2s`` changes them).

    Characters that are also valid Simplified in some words (於, 乾) count only
    in a text that already has a certain Traditional character.
    """
    diffs = _diffs(text, "t2s")
    classes = {i: char_class(text[i]) for i in diffs}
    if not any(c == "traditional" for c in classes.values()):
        return []
    keep = {i: s for i, s in diffs.items() if classes[i] in ("traditional", "shared")}
    return [ScriptHit(i, text[i], s) for i, s in sorted(keep.items())]


@cache
def _autonym_re() -> re.Pattern:
    from ..langs import HAN_AUTONYMS

    long = [re.escape(n) for n in HAN_AUTONYMS if len(n) >= 3]
    short = [re.escape(n) for n in HAN_AUTONYMS if len(n) < 3]
    # a long autonym anywhere (切换到繁體中文); a short one (繁體) only standing alone
    return re.compile("|".join(long) + "|" + f"(?<![\u3400-\u9fff])(?:{'|'.join(short)})(?![\u3400-\u9fff])")


def mask_autonyms(text: str, fill: str = " ") -> str:
    """``text`` with the names of languages written in their own script (简体中文, 繁體中文,
    日本語: a language switcher or a menu of the page's languages) blanked out, same length."""
    return _autonym_re().sub(lambda m: fill * len(m.group(0)), text)


def detect(text: str) -> str | None:
    """'en', 'zh-Hans', 'zh-Hant', 'zh' (Chinese, script undecidable) or None."""
    han = han_count(text)
    latin = latin_letter_count(text)
    if han == 0 and latin == 0:
        return None
    # a Han character carries roughly as much text as 2.5 Latin letters
    if han * 2.5 >= latin * 0.6 and han >= 2:
        hant = len(simplified_only(text)) if han else 0
        trad = len(traditional_only(text)) if han else 0
        if trad > hant:
            return "zh-Hant"
        if hant > trad:
            return "zh-Hans"
        return "zh"
    if latin >= 3:
        return "en"
    return None


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=8192)
def nfkc_same_length(text: str) -> str:
    """NFKC per character where it maps one character to one (keeps offsets); memoised
    (the link and number readers of several rules prepare the same segments)."""
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


def latin_words(text: str) -> list[str]:
    return _LATIN_WORD_RE.findall(text)
