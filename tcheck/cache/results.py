"""Whole audit results (like ruff's cache).

A re-audit of unchanged files with unchanged settings and an unchanged
tcheck returns the stored result without segmenting, aligning or checking.
The key covers the files' bytes and paths, the ``--lang`` tags, the
settings (rules, thresholds, model, glossary), the model's version and the
source of tcheck itself, so any change misses the cache. Entries are JSON,
decoded into the caller's result type and checked against themselves
(segment numbering, alignment, finding locations) before use; a damaged or
tampered entry is discarded. Baselines are applied after the cache, so
they never need a fresh audit.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from . import codec
from .alignments import check_alignment
from .entries import JsonEntries
from .store import CacheDir
from .vectors import model_version

FORMAT = 2
KIND = "results"
_SOURCE_SUFFIXES = (".py", ".json", ".css", ".js")


@lru_cache(maxsize=1)
def code_hash() -> str:
    """Hash of tcheck's own source files (paths, sizes and mtimes)."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(str(FORMAT).encode())
    for p in sorted(root.rglob("*")):
        if p.suffix in _SOURCE_SUFFIXES and "__pycache__" not in p.parts:
            st = p.stat()
            h.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def result_key(files: list[str], langs: dict[str, str] | None, settings, embedder) -> str | None:
    """The entry's key, or None when a file cannot be read (the real load reports it)."""
    h = hashlib.sha256(code_hash().encode())
    h.update(os.getcwd().encode())  # reported paths are relative to it
    for f in files:
        try:
            data = Path(f).read_bytes()
        except OSError:
            return None
        h.update(f"\0{f}\0{len(data)}\0".encode())
        h.update(hashlib.sha256(data).digest())
    h.update(repr(sorted((langs or {}).items())).encode())
    try:
        h.update(json.dumps(codec.encode(settings), sort_keys=True, allow_nan=False).encode())
    except (TypeError, ValueError):  # a setting that is not plain data: do not cache
        return None
    h.update(f"\0{embedder.name}\0{model_version(embedder)}".encode())
    return h.hexdigest()


def check_result(result) -> None:
    """Raise :class:`codec.Mismatch` unless the result is internally consistent."""
    doc = result.document
    for v in doc.versions:
        if [s.index for s in v.segments] != list(range(1, len(v) + 1)):
            raise codec.Mismatch(f"{v.lang} segments are not numbered 1..n")
    check_alignment(result.alignment, doc)
    sizes = {v.lang: len(v) for v in doc.versions}
    for f in result.findings:
        if not f.locations:
            raise codec.Mismatch("finding without a location")
        for loc in [*f.locations, *f.counterparts]:
            if loc.lang not in sizes or not 1 <= loc.paragraph <= sizes[loc.lang]:
                raise codec.Mismatch("finding outside the document")


class ResultCache:
    def __init__(self, directory: CacheDir):
        self.entries = JsonEntries(directory, KIND, FORMAT)

    def get(self, key: str, result_type: type):
        """The stored result as a ``result_type``, or None."""
        return self.entries.load(key, result_type, check_result)

    def put(self, key: str, result) -> None:
        self.entries.store(key, result)
