"""Cache of whole audit results (like ruff's cache).

A re-audit of unchanged files with unchanged settings and an unchanged
tcheck returns the stored result without segmenting, aligning or checking.
The key covers the files' bytes and paths, the ``--lang`` tags, the
settings (rules, thresholds, model, glossary), the model's version and the
source of tcheck itself, so any change misses the cache. Entries are
pickles written atomically in the cache directory; an unreadable entry is
ignored and rewritten. Baselines are applied after the cache, so they never
need a fresh audit.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

from .cachefiles import count_entries, write_atomic

FORMAT = 1


@lru_cache(maxsize=1)
def code_hash() -> str:
    """Hash of tcheck's own source files (paths, sizes and mtimes)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(str(FORMAT).encode())
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".json") and "__pycache__" not in p.parts:
            st = p.stat()
            h.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def result_key(files: list[str], langs: dict[str, str] | None, settings, embedder) -> str | None:
    from .embed.cache import model_version

    h = hashlib.sha256(code_hash().encode())
    h.update(os.getcwd().encode())  # reported paths are relative to it
    for f in files:
        try:
            data = Path(f).read_bytes()
        except OSError:
            return None  # let the real load report the error
        h.update(f"\0{f}\0{len(data)}\0".encode())
        h.update(hashlib.sha256(data).digest())
    h.update(repr(sorted((langs or {}).items())).encode())
    try:
        h.update(pickle.dumps((settings.model, sorted(settings.rules.items()),
                               sorted((k, sorted(v.items())) for k, v in settings.options.items()),
                               settings.glossary), protocol=4))
    except Exception:  # an unpicklable setting: do not cache
        return None
    h.update(f"\0{embedder.name}\0{model_version(embedder)}".encode())
    return h.hexdigest()


def _path(directory: Path, key: str) -> Path:
    return Path(directory) / "results" / key[:2] / f"{key}.pickle"


def load(directory: Path, key: str):
    try:
        with open(_path(directory, key), "rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, truncated, from another Python: recompute
        return None


def save(directory: Path, key: str, result) -> None:
    p = _path(directory, key)
    try:
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # something unpicklable: do not cache
        return
    write_atomic(p, data)


def count(directory: Path) -> tuple[int, int]:
    return count_entries(Path(directory) / "results", "*/*.pickle")
