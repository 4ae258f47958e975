"""The regex namespace of the numbers package: every pattern is ASCII-minded.

``\\w``, ``\\b`` and ``\\d`` must not treat Han characters as word characters
(在2024年 has a number; 2024 is not "inside a word"). Text is NFKC-normalised
first, so full-width digits are ASCII by then.
"""

from __future__ import annotations

import re as _re
import types

from ..patterns import compiled

_A = _re.ASCII


def _compiled(pattern: str, flags: int) -> _re.Pattern:
    """``pattern`` compiled ASCII-minded, once (the passes call the module-level functions
    with pattern strings for every text; ``re``'s own cache lookup costs more than this one)."""
    return compiled(pattern, flags | _A)


re = types.SimpleNamespace(
    I=_re.I,
    IGNORECASE=_re.I,
    escape=_re.escape,
    compile=lambda p, f=0: _re.compile(p, f | _A),
    finditer=lambda p, s, f=0: _compiled(p, int(f)).finditer(s),
    match=lambda p, s, f=0: _compiled(p, int(f)).match(s),
    search=lambda p, s, f=0: _compiled(p, int(f)).search(s),
    findall=lambda p, s, f=0: _compiled(p, int(f)).findall(s),
    fullmatch=lambda p, s, f=0: _compiled(p, int(f)).fullmatch(s),
    split=lambda p, s, f=0: _compiled(p, int(f)).split(s),
)
