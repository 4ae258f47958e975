"""Creative Commons licence elements named in a text, in English and Chinese (data and one reader).

A licence notice names its elements: Attribution (BY), ShareAlike (SA), NoDerivatives (ND),
NonCommercial (NC). Mainland texts use 知识共享 and 署名 / 相同方式共享 / 禁止演绎 / 非商业性使用,
Taiwan texts 創用 CC and 姓名標示 / 相同方式分享 / 禁止改作 / 非商業性; zh-Hant is read in
Simplified. A version naming ShareAlike where the others name NoDerivatives grants other rights.
"""

from __future__ import annotations

import re

_CC_EN = re.compile(r"\bcreative\s+commons\b|\bCC[\s-]+(?:BY|0|zero)\b|\bCC-?BY\b", re.I)
_CC_ZH = re.compile(
    r"知识共享|创用\s*CC|創用\s*CC|\bcreative\s+commons?\b|CC\s*(?:BY|授权|许可|授權|許可)|CC[\s-]+BY", re.I
)

# element -> patterns; English full names and the abbreviations of licence codes (CC BY-NC-SA)
_EN = {
    "SA": re.compile(r"\bshare[\s-]?alike\b|\bCC[\s-]+BY(?:-NC)?-SA\b", re.I),
    "ND": re.compile(r"\bno[\s-]?deriv(?:ative)?s?\b|\bCC[\s-]+BY(?:-NC)?-ND\b", re.I),
    "NC": re.compile(r"\bnon[\s-]?commercial\b|\bCC[\s-]+BY-NC\b", re.I),
}
_ZH = {
    "SA": re.compile(r"相同方式(?:共享|分享)|CC[\s-]+BY(?:-NC)?-SA", re.I),
    "ND": re.compile(r"禁止(?:演绎|改作|衍生)|CC[\s-]+BY(?:-NC)?-ND", re.I),
    "NC": re.compile(r"非商业性|非商业用途|CC[\s-]+BY-NC", re.I),
}


def cc_elements(text: str, zh: bool) -> frozenset[str] | None:
    """The elements (SA, ND, NC) a Creative Commons notice in ``text`` names; None when the text
    names no Creative Commons licence. ``text`` in Simplified for Chinese."""
    if not (_CC_ZH if zh else _CC_EN).search(text):
        return None
    table = _ZH if zh else _EN
    return frozenset(k for k, rx in table.items() if rx.search(text))


NAMES = {"SA": "ShareAlike", "ND": "NoDerivatives", "NC": "NonCommercial"}
