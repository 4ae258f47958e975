"""The files tcheck may read below a folder: text documents that are plain files inside it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..model import one_line

TEXT_SUFFIXES = (".md", ".markdown", ".mdx", ".txt", ".html", ".htm")
SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        ".venv",
        "venv",
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        "site-packages",
        ".cache",
    }
)


def is_text(name: str) -> bool:
    return name.lower().endswith(TEXT_SUFFIXES)


def display_path(p: str | os.PathLike) -> str:
    """A path as shown in reports: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(p)
    except ValueError:
        return str(p)
    return str(p) if rel.startswith("..") else rel


def walk(directory: str | os.PathLike, excluded=None, warnings: list[str] | None = None) -> list[Path]:
    """Documents (``TEXT_SUFFIXES``) below ``directory``, skipping VCS/vendor folders and excluded paths.

    Symbolic links to folders are not entered; a symbolic link to a file
    outside ``directory``, and anything that is not a regular file (FIFO,
    device, socket, broken link), is skipped with a line in ``warnings``.
    """
    out = []
    top = Path(os.path.abspath(directory))
    for cur, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not (excluded and excluded(Path(cur, d))))
        for f in sorted(files):
            fp = Path(cur, f)
            if not is_text(f) or (excluded and excluded(fp)):
                continue
            problem = unsafe_file(fp, top)
            if problem is None:
                out.append(fp)
            elif warnings is not None:
                warnings.append(one_line(f"skipped {display_path(fp)}: {problem}"))
    return out


def unsafe_file(path: Path, root: Path) -> str | None:
    """Why ``path`` must not be read as part of the tree below ``root``, or None when it is a plain file there."""
    try:
        if path.is_symlink():
            target = Path(os.path.realpath(path))
            if target != root and root not in target.parents:
                return f"a symbolic link leading outside {display_path(root)}; not followed"
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read ({exc.strerror})"
    if not stat.S_ISREG(mode):
        return "not a regular file (a FIFO, device or socket is never read)"
    return None
