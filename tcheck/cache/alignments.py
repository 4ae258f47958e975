"""Whole-document alignments, so a warm re-audit skips the dynamic program.

The key covers everything the alignment depends on: the aligner's source
code, the model id and version, and every segment's language, kind, label
and text. A stored alignment is used only when it is a valid alignment of
the very document at hand (see :func:`check_alignment`).

:class:`PairCache` keeps the alignments of pairs of versions inside a document
(:func:`tcheck.align.dp.align_pair`), keyed by the aligner's source code and the
scorer's fingerprint (texts, vectors, lengths, parameters): after one English
paragraph is edited the document is new, but its two Chinese versions are not,
and their pair alignment is read instead of computed.
"""

from __future__ import annotations

import hashlib
import math
from functools import lru_cache
from pathlib import Path

from ..model import Alignment, Document
from . import codec
from .entries import JsonEntries
from .store import CacheDir
from .vectors import model_version

FORMAT = 2
KIND = "alignments"


@lru_cache(maxsize=1)
def _code_hash() -> str:
    from .. import align

    h = hashlib.sha256()
    files = (
        sorted(Path(align.__file__).parent.glob("*.py"))
        if align.__file__.endswith("__init__.py")
        else [Path(align.__file__)]
    )
    for f in files:
        try:
            h.update(f.name.encode() + b"\0" + f.read_bytes())
        except OSError:  # pragma: no cover - frozen builds
            h.update(b"nocode")
    return h.hexdigest()[:16]


def alignment_key(doc: Document, embedder) -> str:
    h = hashlib.sha256()
    h.update(f"{FORMAT}\0{_code_hash()}\0{embedder.name}\0{model_version(embedder)}".encode())
    for v in doc.versions:
        h.update(f"\1{v.lang}".encode())
        for s in v.segments:
            h.update(f"\2{s.kind}\3{s.label}\3{s.text}".encode())
    return h.hexdigest()


def check_alignment(alignment: Alignment, doc: Document) -> None:
    """Raise :class:`codec.Mismatch` unless ``alignment`` aligns ``doc``.

    The languages are the document's; every row holds at least one segment
    and finite scores; every segment of every version appears in exactly one
    row, in order.
    """
    if list(alignment.langs) != list(doc.langs):
        raise codec.Mismatch("languages differ from the document's")
    sizes = {v.lang: len(v) for v in doc.versions}
    seen = {lg: [] for lg in sizes}
    for row in alignment.rows:
        if not set(row.cells) <= set(sizes) or not any(row.cells.values()):
            raise codec.Mismatch("row with unknown languages or no segment")
        if not math.isfinite(row.score) or not all(math.isfinite(s) for s in row.pair_scores.values()):
            raise codec.Mismatch("non-finite score")
        if not all(a in sizes and b in sizes for a, b in row.pair_scores):
            raise codec.Mismatch("pair score for an unknown language")
        for lg, idx in row.cells.items():
            seen[lg].extend(idx)
    for lg, n in sizes.items():
        if seen[lg] != list(range(1, n + 1)):
            raise codec.Mismatch(f"{lg} segments are not each aligned once, in order")


PAIR_FORMAT = 1


def check_beads(beads: list, n: int, m: int) -> None:
    """Raise :class:`codec.Mismatch` unless ``beads`` align ``n`` A segments with ``m`` B segments:
    each index once, in order, every bead non-empty with at most four on a side, finite scores."""
    i = j = 0
    for b in beads:
        if not (b.a or b.b) or len(b.a) > 4 or len(b.b) > 4 or not math.isfinite(b.score):
            raise codec.Mismatch("bad bead")
        if b.a != list(range(i, i + len(b.a))) or b.b != list(range(j, j + len(b.b))):
            raise codec.Mismatch("beads out of order")
        i, j = i + len(b.a), j + len(b.b)
    if (i, j) != (n, m):
        raise codec.Mismatch("beads do not cover both sides")


class PairCache:
    """Pair alignments (lists of :class:`tcheck.align.dp.Bead`) by scorer fingerprint."""

    def __init__(self, directory: CacheDir):
        self.entries = JsonEntries(directory, "pairs", PAIR_FORMAT)

    @staticmethod
    def _key(fingerprint: str) -> str:
        return hashlib.sha256(f"pair\0{PAIR_FORMAT}\0{_code_hash()}\0{fingerprint}".encode()).hexdigest()

    def get(self, fingerprint: str, n: int, m: int):
        from ..align.dp import Bead

        return self.entries.load(self._key(fingerprint), list[Bead], lambda beads: check_beads(beads, n, m))

    def put(self, fingerprint: str, beads: list) -> None:
        self.entries.store(self._key(fingerprint), beads)


class AlignmentCache:
    def __init__(self, directory: CacheDir):
        self.entries = JsonEntries(directory, KIND, FORMAT)
        self.pairs = PairCache(directory)

    def get(self, doc: Document, embedder) -> Alignment | None:
        return self.entries.load(alignment_key(doc, embedder), Alignment, lambda a: check_alignment(a, doc))

    def put(self, doc: Document, embedder, alignment: Alignment) -> None:
        self.entries.store(alignment_key(doc, embedder), alignment)
