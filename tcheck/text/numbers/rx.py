"""The regex namespace of the numbers package: every pattern is ASCII-minded.

``\\w``, ``\\b`` and ``\\d`` must not treat Han characters as word characters
(在2024年 has a number; 2024 is not "inside a word"). Text is NFKC-normalised
first, so full-width digits are ASCII by then.
"""

from __future__ import annotations

import re as _re
import types

_A = _re.ASCII
re = types.SimpleNamespace(
    I=_re.I,
    IGNORECASE=_re.I,
    escape=_re.escape,
    compile=lambda p, f=0: _re.compile(p, f | _A),
    finditer=lambda p, s, f=0: _re.finditer(p, s, f | _A),
    match=lambda p, s, f=0: _re.match(p, s, f | _A),
    search=lambda p, s, f=0: _re.search(p, s, f | _A),
    findall=lambda p, s, f=0: _re.findall(p, s, f | _A),
    fullmatch=lambda p, s, f=0: _re.fullmatch(p, s, f | _A),
    split=lambda p, s, f=0: _re.split(p, s, flags=f | _A),
)
