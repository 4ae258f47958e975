"""Regular expressions built at run time, compiled once.

A pattern made from a text (a name: ``rf"(?<![A-Za-z0-9]){re.escape(name)}"``)
is compiled through :func:`compiled`. ``re``'s own cache holds 512 patterns
and is shared by everything in the process; a document with many names
cycles through it, so every call compiled the pattern anew. Here each
pattern is compiled once per process (a few thousand are kept).
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=4096)
def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, memoised."""
    return re.compile(pattern, flags)


__all__ = ["compiled"]
