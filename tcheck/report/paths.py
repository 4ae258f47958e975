"""Report paths: relative to the repository root, as code scanning and annotations expect."""

from __future__ import annotations

import os
from pathlib import Path


def find_root(path: str | os.PathLike) -> Path | None:
    """The nearest directory at or above ``path`` that holds ``.git`` (dir or file)."""
    p = Path(path).resolve()
    for d in (p, *p.parents) if p.is_dir() else p.parents:
        if (d / ".git").exists():
            return d
    return None


def repo_relative(path: str, cwd: Path | None = None) -> tuple[str, Path | None]:
    """(path relative to its repository root or ``cwd``, with ``/``; that base).

    The base is None when the file lies outside both: the path is then
    returned absolute (still with forward slashes).
    """
    p = Path(path).resolve()
    cwd = (cwd or Path.cwd()).resolve()
    for base in (find_root(p), cwd):
        if base is None:
            continue
        try:
            return p.relative_to(base).as_posix(), base
        except ValueError:
            continue
    return p.as_posix(), None
