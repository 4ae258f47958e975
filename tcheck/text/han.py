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
