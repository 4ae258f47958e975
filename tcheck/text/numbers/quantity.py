"""The Quantity record and the small helpers every pass uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

from ..scripts import convert, is_han, nfkc_same_length  # noqa: F401 (re-exported)


@dataclass(frozen=True)
class Quantity:
    key: str  # canonical value: "1000", "0.5", "2024-06-12", "--06-12", "2024-06"
    kind: str  # number | percent | money | date | duration | age | multiplier | time | fraction | version | weekday
    unit: str  # CNY, USD, day, month, year, hour, ... or ""
    text: str  # the surface text as found
    start: int  # span in the (original) text
    end: int
    weak: bool = False  # may match, never reported alone
    alts: frozenset = field(default=frozenset())  # other keys that count as equal
    # versions, weekdays, bare months: never reported as missing, but a different value of
    # the same kind in the other version at the same place is reported (v6 vs v7)
    slot: bool = False

    @property
    def keys(self) -> frozenset:
        return self.alts | {self.key}

    def to_json(self) -> dict:
        return {"value": self.key, "kind": self.kind, "unit": self.unit, "text": self.text}


def _fmt(v) -> str:
    """Canonical decimal string of a number."""
    if isinstance(v, Fraction):
        if v.denominator == 1:
            return str(v.numerator)
        v = float(v)
    if isinstance(v, float):
        if v.is_integer():
            return str(int(v))
        return ("%.6f" % v).rstrip("0").rstrip(".")
    return str(v)


def _num(s: str) -> float | None:
    s = s.replace(",", "").replace("_", "").replace(" ", "")
    try:
        return float(s)
    except ValueError:
        return None


# characters whose numeral reading differs from OpenCC's t2s (參 as the financial 3, 圓 as yuan)
_NUMERAL_T2S = str.maketrans({"參": "叁", "圓": "元"})


def simplified_same_length(text: str) -> str:
    """``text`` in Simplified characters (OpenCC ``t2s``), offsets kept: one character for one."""
    text = text.translate(_NUMERAL_T2S)
    out = convert(text, "t2s")
    if len(out) == len(text):
        return out
    return "".join(c2 if is_han(c) and len(c2 := convert(c, "t2s")) == 1 else c for c in text)


@lru_cache(maxsize=8192)
def prepare(text: str) -> str:
    """The text the patterns read: NFKC per character, then Simplified, same length
    (memoised: :func:`~.extract.extract` prepares a text twice, and rules extract the same
    segments)."""
    return simplified_same_length(nfkc_same_length(text))
