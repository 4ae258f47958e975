"""On-disk embedding cache.

One SQLite file per model id and model version, in the user cache dir
(platformdirs) or ``$TCHECK_CACHE_DIR``. Keys are SHA-256 hashes of the
model id, the model version and the normalised text (NFC, outer whitespace
stripped); values are float32 vectors.

Several tcheck processes may use the cache at once (pre-commit runs hooks in
parallel, CI shards): SQLite's WAL mode and ``BEGIN IMMEDIATE`` serialise
the writers, ``INSERT OR IGNORE`` makes concurrent inserts of the same text
harmless, and a lock that cannot be had within the timeout only means this
run does not read or write the cache. A file that is not a database, or
whose pages are damaged, is deleted and rebuilt; the cache is an
optimisation and never makes an audit fail.

``encode(embedder, texts)`` only calls ``embedder.encode`` for texts that are
not cached, so a fully cached run never loads the model weights.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import unicodedata
from pathlib import Path

import numpy as np

SCHEMA = 2
_CREATE = (
    "CREATE TABLE IF NOT EXISTS vec (k TEXT PRIMARY KEY, dim INTEGER NOT NULL, v BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
)
_CHUNK = 500  # SQLite's default limit on host parameters is 999


def default_dir() -> Path:
    env = os.environ.get("TCHECK_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tcheck"))


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


def _is_corruption(exc: sqlite3.Error) -> bool:
    """True for a damaged file; False for lock contention and I/O trouble."""
    if isinstance(exc, sqlite3.OperationalError):
        msg = str(exc).lower()
        return "malformed" in msg or "not a database" in msg
    return isinstance(exc, sqlite3.DatabaseError)


class EmbeddingCache:
    def __init__(self, directory: Path | str, timeout: float = 30.0):
        self.dir = Path(directory)
        self.timeout = timeout
        self.hits = 0
        self.misses = 0
        self.rebuilt = 0  # corrupted files discarded by this instance

    @classmethod
    def default(cls) -> "EmbeddingCache":
        return cls(default_dir())

    def path_for(self, embedder) -> Path:
        return self.dir / f"{_safe(embedder.name)}-{_safe(model_version(embedder))}-v{SCHEMA}.sqlite"

    # -- connection -------------------------------------------------------

    def _open(self, path: Path) -> sqlite3.Connection:
        con = sqlite3.connect(str(path), timeout=self.timeout, isolation_level=None)
        try:
            if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")
            for stmt in _CREATE:
                con.execute(stmt)
            # touches the table's pages: garbage or truncation shows up here
            con.execute("SELECT k, dim FROM vec LIMIT 1").fetchall()
        except BaseException:
            con.close()
            raise
        return con

    def _connect(self, path: Path) -> sqlite3.Connection | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
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

    def _read(self, con: sqlite3.Connection, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start:start + _CHUNK]
            q = "SELECT k, dim, v FROM vec WHERE k IN (%s)" % ",".join("?" * len(chunk))
            for k, dim, blob in con.execute(q, chunk):
                if not isinstance(blob, bytes) or len(blob) != 4 * int(dim or 0):
                    continue
                vec = np.frombuffer(blob, dtype=np.float32)
                if np.isfinite(vec).all():
                    found[k] = vec
        # every vector of one model has one dimension; drop odd ones out
        if found:
            dims = [v.shape[0] for v in found.values()]
            common = max(set(dims), key=dims.count)
            found = {k: v for k, v in found.items() if v.shape[0] == common}
        return found

    def encode(self, embedder, texts: list[str]) -> np.ndarray:
        version = model_version(embedder)
        keys = [text_key(t, embedder.name, version) for t in texts]
        uniq = list(dict.fromkeys(keys))
        path = self.path_for(embedder)
        found: dict[str, np.ndarray] = {}
        con = self._connect(path) if uniq else None
        if con is not None:
            try:
                found = self._read(con, uniq)
            except sqlite3.Error as exc:
                con.close()
                con, found = None, {}
                if _is_corruption(exc):
                    self._discard(path)
        todo = [k for k in uniq if k not in found]
        self.hits += sum(1 for k in keys if k in found)
        self.misses += sum(1 for k in keys if k not in found)
        if todo:
            text_of = dict(zip(keys, texts))
            vecs = np.asarray(embedder.encode([text_of[k] for k in todo]), dtype=np.float32)
            if found and vecs.shape[1] != next(iter(found.values())).shape[0]:
                # stale vectors of another shape: recompute and replace all
                return self._recompute_all(embedder, texts, keys, con)
            for k, v in zip(todo, vecs):
                found[k] = v
            if con is not None:
                self._write(con, path, [(k, int(found[k].shape[0]), found[k].tobytes()) for k in todo])
        if con is not None:
            con.close()
        if not keys:
            return np.zeros((0, getattr(type(embedder), "dim", 0) or 0), dtype=np.float32)
        return np.stack([found[k] for k in keys])

    def _recompute_all(self, embedder, texts, keys, con) -> np.ndarray:
        vecs = np.asarray(embedder.encode(list(texts)), dtype=np.float32)
        if con is not None:
            rows = {k: (k, int(v.shape[0]), v.tobytes()) for k, v in zip(keys, vecs)}
            try:
                con.execute("BEGIN IMMEDIATE")
                con.executemany("INSERT OR REPLACE INTO vec (k, dim, v) VALUES (?, ?, ?)", list(rows.values()))
                con.execute("COMMIT")
            except sqlite3.Error:
                pass
            con.close()
        return vecs

    def _write(self, con: sqlite3.Connection, path: Path, rows: list[tuple]) -> None:
        try:
            con.execute("BEGIN IMMEDIATE")
            con.executemany("INSERT OR IGNORE INTO vec (k, dim, v) VALUES (?, ?, ?)", rows)
            con.execute("COMMIT")
        except sqlite3.Error as exc:
            try:
                con.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if _is_corruption(exc):
                self._discard(path)

    # -- maintenance ------------------------------------------------------

    def info(self) -> dict:
        files = sorted(self.dir.glob("*.sqlite")) if self.dir.exists() else []
        out = {"directory": str(self.dir), "files": []}
        for f in files:
            try:
                con = sqlite3.connect(f"file:{f}?mode=ro", uri=True, timeout=5)
                try:
                    entries = con.execute("SELECT count(*) FROM vec").fetchone()[0]
                finally:
                    con.close()
            except sqlite3.Error:
                entries = -1  # unreadable; rebuilt on next use
            size = sum(p.stat().st_size for p in f.parent.glob(f.name + "*") if p.exists())
            out["files"].append({"name": f.name, "entries": entries, "bytes": size})
        from ..align_cache import count
        from ..result_cache import count as count_results

        for name, (n, size) in (("alignments/", count(self.dir)), ("results/", count_results(self.dir))):
            if n:
                out["files"].append({"name": name, "entries": n, "bytes": size})
        return out

    def clear(self) -> int:
        """Delete every cache file; returns the number of databases removed."""
        n = 0
        if self.dir.exists():
            for p in sorted(self.dir.glob("*.sqlite*")):
                try:
                    p.unlink()
                    if p.name.endswith(".sqlite"):
                        n += 1
                except OSError:
                    pass
            import shutil

            for sub in ("alignments", "results"):
                if (self.dir / sub).exists():
                    shutil.rmtree(self.dir / sub, ignore_errors=True)
                    n += 1
        return n
