"""Compatibility: the script knowledge lives in :mod:`tcheck.text.scripts`, tags in :mod:`tcheck.langs`."""

from .langs import parse_tag as normalize_tag  # noqa: F401
from .text.han import han_count, is_han  # noqa: F401
from .text.scripts import *  # noqa: F401,F403
from .text.scripts import convert, detect, latin_letter_count, nfkc, to_simplified  # noqa: F401
