"""Whether a value is written somewhere in a text, in any format.

The extraction reads quantities in context (a unit, a scale, a date); a value
it did not read there may still be written: in inline code, in a table cell,
glued to a unit (99.9%+, 2.5GB/day), with another thousands separator (86 400,
86,400, 86'400). Before a version is said to lack a value, its text is searched
for the bare figures.
"""

from __future__ import annotations

from .quantity import Quantity, nfkc_same_length
from .rx import re

_SEP_RE = re.compile(r"(?<=\d)[,\s\u00a0\u202f'_](?=\d{3}(?!\d))")
_FIGURES_RE = re.compile(r"^\d+(?:\.\d+)?$")


def _figures(text: str) -> str:
    """The text with thousands separators between digit groups taken out."""
    return _SEP_RE.sub("", nfkc_same_length(text))


def written(q: Quantity, text: str) -> bool:
    """Whether ``q``'s value appears in ``text`` as figures (any thousands separator),
    or, for a version, as written (v7, 3.3.0)."""
    if q.kind in ("date", "weekday") or not text:
        return False
    keys = {k for k in q.keys if _FIGURES_RE.match(k)}
    if q.kind == "version":
        keys |= {q.text.strip().lstrip("vV>=≥<≤^~ ").split()[0]} if q.text.strip() else set()
    flat = _figures(text)
    for k in keys:
        variants = {k, k + ".0"} if "." not in k else {k}
        for v in variants:
            if re.search(r"(?<![\d.])%s(?![\d]|\.\d)" % re.escape(v), flat):
                return True
    return False
