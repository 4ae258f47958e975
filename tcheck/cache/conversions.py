"""OpenCC conversions that need the big phrase table, kept across runs.

Every OpenCC converter from Simplified (``s2t``, ``s2tw``, ``s2hk``, ``s2twp``) loads
OpenCC's Simplified-to-Traditional phrase table, which takes 0.3-0.5 s of CPU a
process: most of a re-audit after one paragraph was edited, where every Chinese
text was converted last time already. This memo keeps those conversions:
``{(OpenCC version, config, text): converted text}`` in one SQLite file (WAL, like
the vectors), so :func:`tcheck.text.scripts.convert` builds such a converter only
for a text it has never converted. A conversion is a pure function of the three
parts of the key; a value that is not text, or does not match the checksum stored
with it, is a miss. The cache is an
optimisation: a file that is locked, unwritable or damaged only means this run
converts everything itself.
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib

from .sqlite import close_quietly, open_db, write_rows
from .store import CacheDir

FORMAT = 1
FILE = f"opencc-v{FORMAT}.sqlite"
_CREATE = "CREATE TABLE IF NOT EXISTS conv (k BLOB PRIMARY KEY, v TEXT NOT NULL, c INTEGER NOT NULL) WITHOUT ROWID"


def conversion_key(version: str, config: str, text: str) -> bytes:
    return hashlib.sha256(f"{version}\0{config}\0{text}".encode("utf-8", "surrogatepass")).digest()[:20]


def _check(key: bytes, value: str) -> int:
    return zlib.crc32(key + value.encode("utf-8", "surrogatepass"))


class ConversionMemo:
    """Conversions read one at a time (each run needs a few hundred) and written in one transaction."""

    def __init__(self, directory: CacheDir, timeout: float = 5.0):
        self.dir = directory
        self.timeout = timeout
        self._con: sqlite3.Connection | None = None
        self._failed = False
        self._pending: dict[bytes, str] = {}
        self.hits = 0
        self.misses = 0

    def _connect(self) -> sqlite3.Connection | None:
        if self._con is not None or self._failed:
            return self._con
        folder = self.dir.folder("conversions")
        path = folder / FILE if folder is not None else None
        if path is None or path.is_symlink():
            self._failed = True
            return None
        for attempt in range(2):
            try:
                self._con = open_db(path, self.timeout, (_CREATE,), "SELECT k FROM conv LIMIT 1")
                return self._con
            except sqlite3.DatabaseError as exc:
                if attempt or "locked" in str(exc).lower() or "busy" in str(exc).lower():
                    break
                for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                    try:
                        p.unlink()
                    except OSError:
                        pass
        self._failed = True
        return None

    def get(self, key: bytes) -> str | None:
        found = self._pending.get(key)
        if found is not None:
            return found
        con = self._connect()
        if con is None:
            return None
        try:
            row = con.execute("SELECT v, c FROM conv WHERE k = ?", (key,)).fetchone()
        except sqlite3.Error:
            self.close()
            self._failed = True
            return None
        if row is None or not isinstance(row[0], str) or row[1] != _check(key, row[0]):
            self.misses += 1
            return None
        self.hits += 1
        return row[0]

    def put(self, key: bytes, value: str) -> None:
        if not self._failed:
            self._pending[key] = value

    def flush(self) -> None:
        """Write the conversions made since the last flush (one transaction)."""
        if not self._pending:
            return
        rows = [(k, v, _check(k, v)) for k, v in self._pending.items()]
        self._pending = {}
        con = self._connect()
        if con is None:
            return
        write_rows(con, "INSERT OR REPLACE INTO conv (k, v, c) VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        close_quietly(self._con)
        self._con = None

    def count(self) -> int:
        con = self._connect()
        if con is None:
            return 0
        try:
            return con.execute("SELECT count(*) FROM conv").fetchone()[0]
        except sqlite3.Error:
            return 0
