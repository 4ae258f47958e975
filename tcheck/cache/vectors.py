"""Embedding vectors, one SQLite file per model id and model version.

Keys are SHA-256 hashes of the model id, the model version and the
normalised text (NFC, outer whitespace stripped); values are float32
vectors. A stored vector is used only when it has the model's dimension,
is finite and has unit length (every embedder returns L2-normalised rows);
anything else is recomputed and replaced.

Several tcheck processes may use the cache at once (pre-commit runs hooks in
parallel, CI shards): SQLite's WAL mode and ``BEGIN IMMEDIATE`` serialise
the writers, and a lock that cannot be had within the timeout only means
this run does not read or write the cache. A file that is not a database,
or whose pages are damaged, is deleted and rebuilt; the cache is an
optimisation and never makes an audit fail.

``encode(embedder, texts)`` only calls ``embedder.encode`` for texts that are
not cached, so a fully cached run never loads the model weights.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from .sqlite import close_quietly, open_db, write_rows
from .store import CacheDir

if TYPE_CHECKING:
    import numpy as np

SCHEMA = 2
_CREATE = (
    "CREATE TABLE IF NOT EXISTS vec (k TEXT PRIMARY KEY, dim INTEGER NOT NULL, v BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
)
_CHUNK = 500  # SQLite's default limit on host parameters is 999
_UNIT_TOLERANCE = 1e-3


def normalize_text(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def text_key(text: str, model: str = "", version: str = "") -> str:
    h = hashlib.sha256()
    h.update(model.encode("utf-8") + b"\x00" + version.encode("utf-8") + b"\x00")
    h.update(normalize_text(text).encode("utf-8"))
    return h.hexdigest()


def model_version(embedder) -> str:
    """The embedder's version without loading its weights.

    ``version`` when the embedder knows it up front (use-m3: the package
    version); for a model directory, its name and modification time, so a
    model replaced in place gets a fresh cache.
    """
    version = str(getattr(embedder, "version", "") or "")
    path = getattr(embedder, "path", None)
    if path:
        try:
            version = f"{version}{Path(path).name}@{int(Path(path).stat().st_mtime)}"
        except OSError:
            version = f"{version}{Path(path).name}"
    return version


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:120]


def _declared_dim(embedder) -> int | None:
    """The dimension an embedder class declares, without touching a lazy property."""
    dim = getattr(type(embedder), "dim", None)
    return dim if isinstance(dim, int) and not isinstance(dim, bool) and dim > 0 else None


def _is_corruption(exc: sqlite3.Error) -> bool:
    """True for a damaged file; False for lock contention and I/O trouble."""
    if isinstance(exc, sqlite3.OperationalError):
        msg = str(exc).lower()
        return "malformed" in msg or "not a database" in msg
    return isinstance(exc, sqlite3.DatabaseError)


def _well_formed(blob, dim, expected: int | None) -> bool:
    """A stored row of the right types and size (of the ``expected`` dimension when known)."""
    if not isinstance(blob, bytes) or not isinstance(dim, int) or dim <= 0 or len(blob) != 4 * dim:
        return False
    return expected is None or dim == expected


class VectorCache:
    def __init__(self, directory: CacheDir, timeout: float = 30.0):
        self.dir = directory
        self.timeout = timeout
        self.hits = 0
        self.misses = 0
        self.rebuilt = 0  # corrupted files discarded by this instance
        # one connection for the life of the instance: opening a WAL database, probing it and
        # closing it (a checkpoint) on every call cost more than the lookups on real sites
        self._con: sqlite3.Connection | None = None
        self._con_path: Path | None = None

    def file_name(self, embedder) -> str:
        return f"{_safe(embedder.name)}-{_safe(model_version(embedder))}-v{SCHEMA}.sqlite"

    # -- connection -------------------------------------------------------

    def _open(self, path: Path) -> sqlite3.Connection:
        return open_db(path, self.timeout, _CREATE, "SELECT k, dim FROM vec LIMIT 1")

    def _connect(self, path: Path) -> sqlite3.Connection | None:
        if path.is_symlink():
            return None
        try:
            return self._open(path)
        except sqlite3.Error as exc:
            if not _is_corruption(exc):
                return None  # locked or unwritable: run without the cache
        self._discard(path)
        try:
            return self._open(path)
        except sqlite3.Error:
            return None

    def _discard(self, path: Path) -> None:
        self.rebuilt += 1
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            try:
                p.unlink()
            except OSError:
                pass

    # -- lookups ----------------------------------------------------------

    def _read(self, con: sqlite3.Connection, keys: list[str], expected: int | None) -> dict[str, np.ndarray]:
        import numpy as np

        found: dict[str, np.ndarray] = {}
        by_dim: dict[int, list[tuple[str, bytes]]] = {}
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            q = "SELECT k, dim, v FROM vec WHERE k IN (%s)" % ",".join("?" * len(chunk))
            for k, dim, blob in con.execute(q, chunk):
                if _well_formed(blob, dim, expected):
                    by_dim.setdefault(dim, []).append((k, blob))
        for dim, rows in by_dim.items():  # finite and of unit length, checked on all vectors of a dimension at once
            vecs = np.frombuffer(b"".join(blob for _, blob in rows), dtype=np.float32).reshape(len(rows), dim)
            good = np.isfinite(vecs).all(axis=1)
            norms = np.linalg.norm(np.where(good[:, None], vecs, 0.0), axis=1)
            good &= np.abs(norms - 1.0) <= _UNIT_TOLERANCE
            for (k, _), row, ok in zip(rows, vecs, good.tolist()):
                if ok:
                    found[k] = row
        if expected is None and found:  # one model, one dimension: keep the usual one
            common = Counter(v.shape[0] for v in found.values()).most_common(1)[0][0]
            found = {k: v for k, v in found.items() if v.shape[0] == common}
        return found

    def encode(self, embedder, texts: list[str]) -> np.ndarray:
        import numpy as np  # only when vectors are needed: a warm run never is

        keys = [text_key(t, embedder.name, model_version(embedder)) for t in texts]
        if not keys:
            return np.zeros((0, _declared_dim(embedder) or 0), dtype=np.float32)
        uniq = list(dict.fromkeys(keys))
        folder = self.dir.folder("vectors")
        path = folder / self.file_name(embedder) if folder is not None else None
        con = self._connection(path)
        found: dict[str, np.ndarray] = {}
        if con is not None:
            try:
                found = self._read(con, uniq, _declared_dim(embedder))
            except sqlite3.Error as exc:
                self.close()
                con = None
                if _is_corruption(exc):
                    self._discard(path)
                    con = self._connection(path)  # a fresh file for the vectors computed now
        self.hits += sum(1 for k in keys if k in found)
        self.misses += sum(1 for k in keys if k not in found)
        text_of = dict(zip(keys, texts))
        todo = [k for k in uniq if k not in found]
        if todo:
            fresh = dict(zip(todo, np.asarray(embedder.encode([text_of[k] for k in todo]), dtype=np.float32)))
            dim = next(iter(fresh.values())).shape[0]
            stale = [k for k, v in found.items() if v.shape[0] != dim]
            if stale:  # vectors of another shape: recompute them too
                fresh.update(zip(stale, np.asarray(embedder.encode([text_of[k] for k in stale]), dtype=np.float32)))
            found.update(fresh)
            if con is not None:
                self._write(con, path, [(k, int(v.shape[0]), v.tobytes()) for k, v in fresh.items()])
        return np.stack([found[k] for k in keys])

    def _connection(self, path: Path | None) -> sqlite3.Connection | None:
        """The open connection to ``path`` (opened on first use, kept for the next calls)."""
        if path is None:
            return None
        if self._con is not None and self._con_path == path and path.exists():
            return self._con
        self.close()
        self._con = self._connect(path)
        self._con_path = path if self._con is not None else None
        return self._con

    def close(self) -> None:
        """Close the kept connection (the next lookup opens it again)."""
        close_quietly(self._con)
        self._con = self._con_path = None

    def _write(self, con: sqlite3.Connection, path: Path, rows: list[tuple]) -> None:
        exc = write_rows(con, "INSERT OR REPLACE INTO vec (k, dim, v) VALUES (?, ?, ?)", rows)
        if exc is not None and _is_corruption(exc):
            self.close()
            self._discard(path)

    # -- maintenance ------------------------------------------------------

    def counts(self) -> list[tuple[str, int, int]]:
        """(file name, number of vectors or -1 when unreadable, bytes with journals) per database."""
        files = self.dir.files("vectors")
        out = []
        for f in files:
            if not f.name.endswith(".sqlite"):
                continue
            try:
                con = sqlite3.connect(f"file:{f}?mode=ro", uri=True, timeout=5)
                try:
                    entries = con.execute("SELECT count(*) FROM vec").fetchone()[0]
                finally:
                    con.close()
            except sqlite3.Error:
                entries = -1  # unreadable; rebuilt on next use
            size = sum(p.lstat().st_size for p in files if p.name.startswith(f.name))
            out.append((f.name, entries, size))
        return out
