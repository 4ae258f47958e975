"""Version numbers (v7, 3.3.0-preview2, Node.js >=10.13, 版本 2.1): a kind of their own.

A version is compared only with a version: v6 in one version where the other says
v7 is a change; a version mentioned in one version only is not reported (a
rewritten sentence often names it once). Its key drops a leading ``v`` and
trailing ``.0`` parts, so Hexo 3.0 = Hexo 3 and v7 = 7, and a plain number with
the same value on the other side matches it (自 2.3 起 = since 2.3).
"""

from __future__ import annotations

from .rx import re

_SUFFIX = r"(?:[-+.]?(?:alpha|beta|rc|preview|pre|dev|canary|next|lts|p)\.?\d*)*"
_VERSION_RES = (
    # v7, V2.1, v20.x, v3.3.0-preview2
    re.compile(r"(?<![\w.])[vV](\d+(?:\.(?:\d+|[xX*]))*)" + _SUFFIX + r"(?![\w])"),
    # 1.4.0, 3.3.0-preview2, 1.9.3-p648, 0.8.x
    re.compile(r"(?<![\w.])(\d+(?:\.\d+){2,}|\d+\.\d+\.[xX*]|\d+\.[xX*])" + _SUFFIX + r"(?![\w])", re.I),
    # >=10.13, ≥ 8.10, ^5.0, ~1.2 (a requirement)
    re.compile(r"(?:>=|≥|<=|≤|\^|~|(?<!=)>|<)\s*[vV]?(\d+(?:\.\d+)*)(?![\w.%])"),
    # version 3, versions 2.1, 版本 2.1, 2.1 版, MPL 2.0
    re.compile(
        r"\b[Vv]ersions?\s+(\d+(?:\.\d+)*)|(?<=版本)\s*[vV]?(\d+(?:\.\d+)*)|(?<![\d.])(\d+(?:\.\d+)*)\s*版(?!权|税|面|本)"
        r"|(?<=[A-Z]{2} )(\d{1,2}\.\d{1,2})(?![\d.-])"
    ),
)
_SUFFIX_RE = re.compile(_SUFFIX, re.I)


def version_key(text: str) -> str:
    """'v3.0' -> '3', '3.3.0-preview2' -> '3.3-preview2', '10.13' -> '10.13'."""
    m = re.match(r"[vV]?(\d+(?:\.(?:\d+|[xX*]))*)(.*)", text.strip())
    if not m:
        return text.strip().lower()
    parts = m.group(1).lower().split(".")
    while len(parts) > 1 and parts[-1] in ("0", "x", "*"):
        parts.pop()
    return ".".join(str(int(p)) if p.isdigit() else p for p in parts) + m.group(2).lower()


class VersionPasses:
    """Passes of :class:`~.extract.Extractor` (they share its state)."""

    def versions(self):
        for rx in _VERSION_RES:
            for m in rx.finditer(self.text):
                g = next((i for i in range(1, (m.lastindex or 0) + 1) if m.group(i)), None)
                if g is None:
                    continue
                a, b = m.span()
                if not self._free(a, b):
                    continue
                tail = _SUFFIX_RE.match(self.text, m.end(g), b)
                key = version_key(self.text[m.start(g) : tail.end() if tail else m.end(g)])
                number = version_key(m.group(g))
                self.add(a, b, key, "version", "", alts=[number] if number != key else (), slot=True)
