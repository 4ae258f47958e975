"""tcheck's on-disk cache: one directory holding vectors, alignments and results.

``Cache.default()`` opens the tcheck-owned directory (see :mod:`.store`);
``cache.vectors`` embeds through it (:mod:`.vectors`), ``cache.alignments``
(with ``cache.alignments.pairs``, the alignments of two versions) and
``cache.results`` keep whole alignments and audit results as validated JSON
(:mod:`.alignments`, :mod:`.results`, :mod:`.codec`); ``cache.index`` keeps
whole document groups for a warm re-audit (:mod:`.index`);
``cache.conversions`` keeps the OpenCC conversions that need its big phrase
table (:mod:`.conversions`); ``cache.dir.folder("models")`` is where embedders
keep prepared models. Nothing in the cache is ever code: there is no pickle,
and every entry is checked before use and discarded when it does not fit.
"""

from __future__ import annotations

import os

from .alignments import AlignmentCache
from .conversions import ConversionMemo
from .index import GroupIndex
from .results import ResultCache
from .store import CacheDir, default_base
from .vectors import VectorCache


class Cache:
    def __init__(self, base: str | os.PathLike):
        self.dir = CacheDir(base)
        self.vectors = VectorCache(self.dir)
        self.alignments = AlignmentCache(self.dir)
        self.results = ResultCache(self.dir)
        self.index = GroupIndex(self.dir)
        self.conversions = ConversionMemo(self.dir)

    @classmethod
    def default(cls) -> Cache:
        return cls(default_base())

    def info(self) -> dict:
        """Where the cache is and what it holds: (name, entries, bytes) per vector file and kind."""
        lines = [(name, n, "vectors", size) for name, n, size in self.vectors.counts()]
        kinds = (
            ("alignments", "alignments"),
            ("pairs", "alignments of two versions"),
            ("results", "audit results"),
            ("models", "prepared models"),
        )
        for kind, what in kinds:
            files = self.dir.files(kind)
            if files:
                n = len({p.parent for p in files}) if kind == "models" else len(files)
                lines.append((f"{kind}/", n, what, sum(_size(p) for p in files)))
        index = self.dir.files("index")
        if index:
            lines.append(("index/", self.index.count(), "document groups", sum(_size(p) for p in index)))
        conversions = self.dir.files("conversions")
        if conversions:
            n = self.conversions.count()
            self.conversions.close()
            lines.append(("conversions/", n, "OpenCC conversions", sum(_size(p) for p in conversions)))
        return {
            "directory": str(self.dir.root),
            "owned": self.dir.owned() or not self.dir.root.exists(),
            "entries": lines,
        }

    def clear(self) -> int:
        return self.dir.clear()


def _size(path) -> int:
    try:
        return path.lstat().st_size
    except OSError:
        return 0


__all__ = ["Cache", "CacheDir", "VectorCache", "AlignmentCache", "ResultCache", "GroupIndex", "ConversionMemo"]
