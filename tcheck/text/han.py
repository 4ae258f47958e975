"""What a Han (CJK ideograph) character is: the one definition.

Unified Ideographs, Extension A, the compatibility block and the
supplementary-plane extensions B-F.
"""

from __future__ import annotations

import re

#: a regex character-class body (no brackets), for building other patterns
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
#: one Han character
HAN = f"[{HAN_CLASS}]"
HAN_RE = re.compile(HAN)
HAN_RUN_RE = re.compile(f"{HAN}+")


def is_han(ch: str) -> bool:
    return bool(HAN_RE.match(ch))


def han_count(text: str) -> int:
    return len(HAN_RE.findall(text))


def has_han(text: str) -> bool:
    return HAN_RE.search(text) is not None


#: Chinese function characters: particles, conjunctions, prepositions, pronouns,
#: demonstratives and auxiliaries (Simplified). A Han name never starts or ends
#: with one, and a one-character change between them is wording, not a new name.
FUNCTION_CHARS = frozenset(
    "的地得之了着过和与及或并且而在于以为被把将对向从由其此该这那些各每是有也都就可能会要等所个们你您我本"
)
