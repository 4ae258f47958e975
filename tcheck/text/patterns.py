"""Regular expressions compiled once, and only when needed.

Two helpers for the rules and the text modules:

* :func:`compiled` for a pattern built at run time from a text (a name:
  ``rf"(?<![A-Za-z0-9]){re.escape(name)}"``). ``re``'s own cache holds 512
  patterns and is shared by everything in the process; a document with
  many names cycles through it, so every call compiled anew. Here each
  pattern is compiled once per process (up to a few thousand kept).
* :func:`lazy` for a big pattern that a module would otherwise compile at
  import though only some texts reach it: it is compiled on first use, so
  a process that checks one paragraph does not pay for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache


@lru_cache(maxsize=4096)
def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, memoised."""
    return re.compile(pattern, flags)


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern]:
    """A function returning ``re.compile(pattern, flags)``, compiled on its first call:
    ``_BIG_RE = lazy(r"...")`` at module level, ``_BIG_RE().search(text)`` where it is used."""

    @cache
    def get() -> re.Pattern:
        return re.compile(pattern, flags)

    return get


__all__ = ["compiled", "lazy"]
