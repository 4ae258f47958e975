"""File helpers shared by the on-disk caches (alignments, whole results)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename: readers never
    see half a file, and parallel writers of the same entry are harmless. Errors
    are ignored: a cache is an optimisation only."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def count_entries(root: Path, pattern: str) -> tuple[int, int]:
    """(number of entries, total bytes) of the files matching ``pattern`` below ``root``."""
    if not root.exists():
        return 0, 0
    files = list(root.glob(pattern))
    return len(files), sum(f.stat().st_size for f in files)
