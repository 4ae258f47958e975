"""On-disk embedding cache.

One SQLite file per model id and model version, in the user cache dir
(platformdirs) or ``$TCHECK_CACHE_DIR``. Keys are SHA-256 hashes of the
normalised text; values are float32 vectors. SQLite's locking makes it safe
for several tcheck processes at once (pre-commit runs hooks in parallel);
a corrupted or truncated file is moved aside and rebuilt, never fatal.

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

SCHEMA = 1


def default_dir() -> Path:
    env = os.environ.get("TCHECK_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tcheck"))


def text_key(text: str) -> str:
    norm = unicodedata.normalize("NFC", text).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:120]


class EmbeddingCache:
    def __init__(self, directory: Path | str):
        self.dir = Path(directory)
        self.hits = 0
        self.misses = 0

    @classmethod
    def default(cls) -> "EmbeddingCache":
        return cls(default_dir())

    def path_for(self, embedder) -> Path:
        version = getattr(embedder, "version", "") or ""
        return self.dir / f"{_safe(embedder.name)}-{_safe(version)}-v{SCHEMA}.sqlite"

    def _connect(self, path: Path) -> sqlite3.Connection | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(str(path), timeout=30, isolation_level=None)
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("CREATE TABLE IF NOT EXISTS vec (k TEXT PRIMARY KEY, dim INTEGER, v BLOB)")
            con.execute("SELECT count(*) FROM vec LIMIT 1").fetchone()
            return con
        except sqlite3.DatabaseError:
            self._discard(path)
            try:
                con = sqlite3.connect(str(path), timeout=30, isolation_level=None)
                con.execute("CREATE TABLE IF NOT EXISTS vec (k TEXT PRIMARY KEY, dim INTEGER, v BLOB)")
                return con
            except (sqlite3.Error, OSError):
                return None
        except OSError:
            return None

    @staticmethod
    def _discard(path: Path) -> None:
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            try:
                p.unlink()
            except OSError:
                pass

    def encode(self, embedder, texts: list[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        path = self.path_for(embedder)
        con = self._connect(path)
        if con is not None:
            try:
                uniq = list(dict.fromkeys(keys))
                for start in range(0, len(uniq), 500):
                    chunk = uniq[start:start + 500]
                    q = "SELECT k, dim, v FROM vec WHERE k IN (%s)" % ",".join("?" * len(chunk))
                    for k, dim, blob in con.execute(q, chunk):
                        vec = np.frombuffer(blob, dtype=np.float32)
                        if vec.shape[0] == dim:
                            found[k] = vec
            except sqlite3.DatabaseError:
                con.close()
                self._discard(path)
                con, found = None, {}
        missing = [i for i, k in enumerate(keys) if k not in found]
        self.hits += len(keys) - len(missing)
        self.misses += len(missing)
        if missing:
            todo = list(dict.fromkeys(keys[i] for i in missing))
            text_of = {keys[i]: texts[i] for i in missing}
            vecs = embedder.encode([text_of[k] for k in todo])
            for k, v in zip(todo, vecs):
                found[k] = np.asarray(v, dtype=np.float32)
            if con is not None:
                try:
                    con.execute("BEGIN IMMEDIATE")
                    con.executemany(
                        "INSERT OR REPLACE INTO vec (k, dim, v) VALUES (?, ?, ?)",
                        [(k, int(found[k].shape[0]), found[k].tobytes()) for k in todo],
                    )
                    con.execute("COMMIT")
                except sqlite3.Error:
                    pass
        if con is not None:
            con.close()
        if not keys:
            return np.zeros((0, getattr(embedder, "dim", 0)), dtype=np.float32)
        return np.stack([found[k] for k in keys])

    def info(self) -> dict:
        files = sorted(self.dir.glob("*.sqlite")) if self.dir.exists() else []
        out = {"directory": str(self.dir), "files": []}
        for f in files:
            entries = 0
            try:
                con = sqlite3.connect(str(f), timeout=5)
                entries = con.execute("SELECT count(*) FROM vec").fetchone()[0]
                con.close()
            except sqlite3.Error:
                entries = -1
            size = sum(p.stat().st_size for p in f.parent.glob(f.name + "*") if p.exists())
            out["files"].append({"name": f.name, "entries": entries, "bytes": size})
        return out

    def clear(self) -> int:
        n = 0
        if self.dir.exists():
            for p in self.dir.glob("*.sqlite*"):
                try:
                    p.unlink()
                    n += 1
                except OSError:
                    pass
        return n
