"""The one table of language tags: the three languages, their order, aliases and regions.

Tags are matched case-insensitively with ``_`` read as ``-`` (``zh_TW`` =
``zh-TW``). A region is kept for zh-Hant only (``TW`` or ``HK``): it chooses
the Traditional standard the script checks hold a text to.
"""

from __future__ import annotations

#: the languages, in the order versions, rows and findings are listed
LANGS = ("zh-Hans", "zh-Hant", "en")

# tag -> (language, region); every tag here also marks a file or folder name
_TAGS: dict[str, tuple[str, str]] = {
    "en": ("en", ""),
    **{f"en-{r}": ("en", "") for r in ("us", "gb", "au", "ca", "in", "nz", "ie", "sg", "hk")},
    "zh-hans": ("zh-Hans", ""),
    "zh-cn": ("zh-Hans", ""),
    "zh-sg": ("zh-Hans", ""),
    "zh-hans-cn": ("zh-Hans", ""),
    "zh-hans-sg": ("zh-Hans", ""),
    "zh-hant": ("zh-Hant", ""),
    "zh-tw": ("zh-Hant", "TW"),
    "zh-hk": ("zh-Hant", "HK"),
    "zh-mo": ("zh-Hant", "HK"),
    "zh-hant-tw": ("zh-Hant", "TW"),
    "zh-hant-hk": ("zh-Hant", "HK"),
    "zh-hant-mo": ("zh-Hant", "HK"),
}
# accepted from users (--lang, glossary headers) but never read from a path
_WORDS = {"english": ("en", "")}
# a bare "zh" in a path marks Chinese whose script is read from the text (MkDocs' x.zh.md)
ZH = "zh"
# regional variants that yield to the main one when both exist (zh-HK after zh-TW)
_SECONDARY = ("-hk", "-mo", "-sg")


#: language names as language switchers and menus write them: autonyms (简体中文,
#: 繁體中文, 日本語, English …), tags and the usual labels of a Chinese or English page.
#: An autonym is written in its own script whatever the page's script, so 繁體中文 in a
#: zh-Hans page is no script mix and English in a language switcher is no untranslated text.
AUTONYMS: tuple[str, ...] = (
    "English",
    "简体中文",
    "繁體中文",
    "繁体中文",
    "中文",
    "中文(简体)",
    "中文(繁體)",
    "中文（简体）",
    "中文（繁體）",
    "正體中文",
    "简体",
    "繁體",
    "繁体",
    "日本語",
    "한국어",
    "Français",
    "Deutsch",
    "Español",
    "Português",
    "Русский",
    "Italiano",
    "Türkçe",
    "Polski",
    "Nederlands",
    "Tiếng Việt",
    "Bahasa Indonesia",
    "العربية",
    "فارسی",
    "हिन्दी",
    "ไทย",
    "Українська",
    "Čeština",
    "Svenska",
    "Български",
    "Ελληνικά",
    "Magyar",
    "Română",
    "Dansk",
    "Suomi",
    "Norsk",
    "עברית",
    "Català",
    "zh-CN",
    "zh-TW",
    "zh-HK",
    "zh-Hans",
    "zh-Hant",
    "中文版",
    "英文",
    "英文版",
    "English version",
    "Simplified Chinese",
    "Traditional Chinese",
    "简体中文版",
    "繁體中文版",
)
#: the autonyms written with Han characters, longest first (for masking them in a text)
HAN_AUTONYMS: tuple[str, ...] = tuple(
    sorted((n for n in AUTONYMS if any("\u3400" <= c <= "\u9fff" for c in n)), key=len, reverse=True)
)


def _key(tag: str) -> str:
    return tag.strip().lower().replace("_", "-")


def order(lang: str) -> int:
    """Sort key: zh-Hans, zh-Hant, en, then anything else."""
    return LANGS.index(lang) if lang in LANGS else len(LANGS)


def parse_tag(tag: str) -> tuple[str, str]:
    """Canonical (language, region) of a user-supplied tag; ValueError when unknown."""
    key = _key(tag)
    found = _TAGS.get(key) or _WORDS.get(key)
    if found is None:
        raise ValueError(
            f"unknown language tag {tag!r} (use en, zh-Hans, zh-Hant or an alias: zh-CN, zh-SG, zh-TW, zh-HK, zh-MO)"
        )
    return found


def marker_lang(token: str) -> str | None:
    """The language a file or folder name marks (en, zh-Hans, zh-Hant, or ``zh``), else None."""
    key = _key(token)
    if key == ZH:
        return ZH
    found = _TAGS.get(key)
    return found[0] if found else None


def region(tag: str) -> str:
    """The zh-Hant region a marker names (``TW``, ``HK``), else ""."""
    return _TAGS.get(_key(tag), ("", ""))[1]


def is_secondary(tag: str) -> bool:
    """A regional variant that yields to the main one (zh-HK after zh-TW, zh-SG after zh-CN)."""
    return _key(tag).endswith(_SECONDARY)


def marker_pattern(lang_prefix: str) -> str:
    """A regex alternation of the path markers starting with ``lang_prefix`` (``zh``, ``en``), ``-`` or ``_``."""
    tags = sorted((t for t in (*_TAGS, ZH) if t.split("-")[0] == lang_prefix), key=len, reverse=True)
    return "(?:" + "|".join(t.replace("-", "[-_]") for t in tags) + ")"
