"""Language and script detection: en / zh-Hans / zh-Hant.

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
from functools import lru_cache

_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")

LANG_ALIASES = {
    "en": "en",
    "en-us": "en",
    "en-gb": "en",
    "english": "en",
    "zh-hans": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh_cn": "zh-Hans",
    "zh-hans-cn": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
    "zh_tw": "zh-Hant",
    "zh_hk": "zh-Hant",
    "zh-hant-tw": "zh-Hant",
    "zh-hant-hk": "zh-Hant",
}

REGION_OF_TAG = {"zh-tw": "TW", "zh_tw": "TW", "zh-hant-tw": "TW", "zh-hk": "HK", "zh_hk": "HK", "zh-mo": "HK", "zh-hant-hk": "HK"}


def normalize_tag(tag: str) -> tuple[str, str]:
    """Canonical (lang, region) for a user-supplied tag; ValueError if unknown."""
    key = tag.strip().lower().replace("_", "-")
    if key not in LANG_ALIASES:
        raise ValueError(
            f"unknown language tag {tag!r} (use en, zh-Hans, zh-Hant or an alias: zh-CN, zh-SG, zh-TW, zh-HK, zh-MO)"
        )
    return LANG_ALIASES[key], REGION_OF_TAG.get(key, "")


@lru_cache(maxsize=None)
def converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def convert(text: str, config: str) -> str:
    return converter(config).convert(text)


def to_simplified(text: str) -> str:
    return convert(text, "t2s")


def is_han(ch: str) -> bool:
    return bool(_HAN_RE.match(ch))


def han_count(text: str) -> int:
    return len(_HAN_RE.findall(text))


def latin_letter_count(text: str) -> int:
    return sum(1 for c in text if c.isascii() and c.isalpha())


@dataclass(frozen=True)
class ScriptHit:
    offset: int  # 0-based offset in the text
    char: str
    suggestion: str


def _char_diffs(text: str, converted: str) -> dict[int, str] | None:
    if len(converted) != len(text):
        return None
    return {i: c2 for i, (c1, c2) in enumerate(zip(text, converted)) if c1 != c2 and is_han(c1)}


def _diffs(text: str, config: str) -> dict[int, str]:
    out = _char_diffs(text, convert(text, config))
    if out is None:  # conversion changed the length: fall back to per character
        out = {}
        for i, c in enumerate(text):
            if is_han(c):
                c2 = convert(c, config)
                if c2 != c:
                    out[i] = c2
    return out


def simplified_only(text: str, region: str = "") -> list[ScriptHit]:
    """Characters of ``text`` that are Simplified forms under the regional standard."""
    if region == "HK":
        diffs = _diffs(text, "s2hk")
    elif region == "TW":
        diffs = _diffs(text, "s2tw")
    else:
        tw, hk = _diffs(text, "s2tw"), _diffs(text, "s2hk")
        diffs = {i: tw[i] for i in tw if i in hk}
    return [ScriptHit(i, text[i], s) for i, s in sorted(diffs.items())]


def traditional_only(text: str) -> list[ScriptHit]:
    """Characters of ``text`` that ``t2s`` would change (Traditional forms)."""
    return [ScriptHit(i, text[i], s) for i, s in sorted(_diffs(text, "t2s").items())]


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


def latin_words(text: str) -> list[str]:
    return _LATIN_WORD_RE.findall(text)
