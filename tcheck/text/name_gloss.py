"""Abbreviations glossed in the text: "跨源资源策略（CORP）", "CORP（跨源资源策略）",
"Cross-Origin Resource Policy (CORP)". One version that glosses the same expansion with two
different abbreviations has a wrong one (CORS written where CORP is meant).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .han import HAN

_ABBR = r"[A-Z][A-Za-z0-9]{1,9}"
# 跨源资源策略（CORP）  /  CORP（跨源资源策略）
# (Latin runs are tried only where they start and never backtracked into: linear on a long word)
_ZH_AFTER_RE = re.compile(rf"((?:(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*+ ?)?{HAN}{{2,16}})\s*[（(]\s*({_ABBR})\s*[）)]")
_ZH_BEFORE_RE = re.compile(rf"(?<![A-Za-z0-9])({_ABBR})\s*[（(]\s*({HAN}{{2,16}})\s*[）)]")
# Cross-Origin Resource Policy (CORP)  /  CORP (Cross-Origin Resource Policy)
_EN_WORDS = r"(?<![A-Za-z\-])[A-Z][A-Za-z\-]++(?: (?:of |and |for |the )?[A-Z][A-Za-z\-]++){1,6}"
_EN_AFTER_RE = re.compile(rf"({_EN_WORDS})\s*\(({_ABBR})\)")
_EN_BEFORE_RE = re.compile(rf"(?<![A-Za-z0-9])({_ABBR})\s*\(({_EN_WORDS})\)")


@dataclass(frozen=True)
class Gloss:
    expansion: str  # the Han or English words the abbreviation stands for
    abbr: str
    start: int  # offset of the abbreviation in the text
    after: bool  # the expansion comes first and may carry leading words ("而跨源资源策略")


def glosses(text: str, is_zh: bool) -> list[Gloss]:
    """The abbreviations ``text`` glosses, with their expansions."""
    after, before = (_ZH_AFTER_RE, _ZH_BEFORE_RE) if is_zh else (_EN_AFTER_RE, _EN_BEFORE_RE)
    out = [Gloss(m.group(1), m.group(2), m.start(2), True) for m in after.finditer(text)]
    out += [Gloss(m.group(2), m.group(1), m.start(1), False) for m in before.finditer(text)]
    return [g for g in out if sum(c.isupper() for c in g.abbr) >= 2]


def same_expansion(a: Gloss, b: Gloss, is_zh: bool) -> bool:
    """Whether two glosses expand the same words (a run before the parenthesis may start with
    other words of the sentence: "而跨源资源策略" ends with "跨源资源策略")."""
    ea, eb = (a.expansion, b.expansion) if is_zh else (a.expansion.casefold(), b.expansion.casefold())
    if ea == eb:
        return True
    short, long_ = sorted((ea, eb), key=len)
    longer = b if long_ is eb else a
    # at most two leading characters of the sentence ("而", "是"): "以太坊虚拟机" and "虚拟机",
    # "Kaia 终端节点" and "终端节点" are different things
    return (
        longer.after
        and len(short) >= (4 if is_zh else 8)
        and len(long_) - len(short) <= (2 if is_zh else 0)
        and long_.endswith(short)
    )


def conflicting(items: list[Gloss], is_zh: bool) -> list[tuple[Gloss, str, int, str]]:
    """(gloss, the abbreviation the text otherwise gives, how often, its expansion) for each gloss whose
    expansion the text elsewhere abbreviates differently, more often."""
    out = []
    for g in items:
        others = [h for h in items if h is not g and same_expansion(g, h, is_zh)]
        # "KEN" next to "EN", "SCN" next to "CN": a longer name built on the shorter one
        diff = [h for h in others if h.abbr != g.abbr and not _plural(h.abbr, g.abbr) and not _nested(h.abbr, g.abbr)]
        same = [h for h in others if h.abbr == g.abbr]
        if diff and len(diff) > len(same):
            abbr = max({h.abbr for h in diff}, key=lambda x: sum(h.abbr == x for h in diff))
            expansion = min((h.expansion for h in diff if h.abbr == abbr), key=len)
            out.append((g, abbr, sum(h.abbr == abbr for h in diff), expansion))
    return out


def _plural(a: str, b: str) -> bool:
    return a.rstrip("s") == b.rstrip("s")


def _nested(a: str, b: str) -> bool:
    return a in b or b in a
