"""The run index: one lookup per document group for a warm re-audit.

A directory audit plans its document groups (:mod:`tcheck.workspace.grouping`)
and, before loading anything, asks this index for each group's results: the
key covers tcheck's source, the working directory, the group's files (paths
and a hash of their bytes), their language tags, the settings, the model and
how the files were named (which decides whether a bad file is an error or a
warning). A hit holds the group's results and its load warnings, so an
unchanged group is neither read into segments nor aligned nor checked. One
SQLite file (WAL, like the vectors) holds every group; values are
zlib-compressed JSON, decoded by type and checked like the other entries
(:mod:`.codec`), and anything that does not fit is a miss.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib

from . import codec
from .results import check_result, code_hash
from .sqlite import open_db, write_rows
from .store import CacheDir
from .vectors import model_version

FORMAT = 1
FILE = f"groups-v{FORMAT}.sqlite"
_CREATE = "CREATE TABLE IF NOT EXISTS grp (k TEXT PRIMARY KEY, v BLOB NOT NULL)"
_CHUNK = 500
MAX_VALUE = 64 * 1024 * 1024


def group_key(files, tags: dict, settings_json: str, model: str, flags: str) -> str | None:
    """The key of one group, or None when a file cannot be read (the real load reports it).

    Files are read the way the loader reads them (regular files only, opened without blocking,
    size-capped), so a FIFO or a device among them never blocks or floods the key.
    """
    import os

    from ..limits import read_bytes
    from ..model import InputError

    h = hashlib.sha256(f"{FORMAT}\0{code_hash()}\0{os.getcwd()}\0{model}\0{flags}\0".encode())
    h.update(settings_json.encode())
    for f in files:
        try:
            data = read_bytes(f)
        except InputError:
            return None
        h.update(f"\0{f}\0{tags.get(f, '')}\0{len(data)}\0".encode())
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


def settings_fingerprint(settings, embedder) -> str | None:
    """The settings and the model as one string, or None when a setting is not plain data."""
    try:
        text = json.dumps(codec.encode(settings), sort_keys=True, allow_nan=False)
    except (TypeError, ValueError):
        return None
    return f"{text}\0{embedder.name}\0{model_version(embedder)}"


class GroupIndex:
    def __init__(self, directory: CacheDir, timeout: float = 30.0):
        self.dir = directory
        self.timeout = timeout

    def _connect(self) -> sqlite3.Connection | None:
        folder = self.dir.folder("index")
        if folder is None:
            return None
        path = folder / FILE
        if path.is_symlink():
            return None
        for attempt in range(2):
            try:
                return open_db(path, self.timeout, (_CREATE,), "SELECT k FROM grp LIMIT 1")
            except sqlite3.DatabaseError as exc:
                if attempt or "locked" in str(exc).lower() or "busy" in str(exc).lower():
                    return None
                for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                    try:
                        p.unlink()
                    except OSError:
                        pass
        return None

    def get_many(self, keys: list[str], result_type: type) -> dict[str, tuple[list, list[str]]]:
        """{key: (results, warnings)} for the keys found and valid."""
        con = self._connect() if keys else None
        if con is None:
            return {}
        raw: dict[str, bytes] = {}
        try:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                q = "SELECT k, v FROM grp WHERE k IN (%s)" % ",".join("?" * len(chunk))
                raw.update(con.execute(q, chunk).fetchall())
        except sqlite3.Error:
            return {}
        finally:
            con.close()
        out = {}
        for k, blob in raw.items():
            value = _decode(blob, result_type)
            if value is not None:
                out[k] = value
        return out

    def put_many(self, items: dict[str, tuple[list, list[str]]]) -> None:
        rows = []
        for k, (results, warnings) in items.items():
            try:
                data = {"results": [codec.encode(r) for r in results], "warnings": list(warnings)}
                text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            except (TypeError, ValueError):
                continue
            rows.append((k, zlib.compress(text.encode("utf-8"), 1)))
        con = self._connect() if rows else None
        if con is None:
            return
        try:
            write_rows(con, "INSERT OR REPLACE INTO grp (k, v) VALUES (?, ?)", rows)
        finally:
            con.close()

    def count(self) -> int:
        con = self._connect()
        if con is None:
            return 0
        try:
            return con.execute("SELECT count(*) FROM grp").fetchone()[0]
        except sqlite3.Error:
            return 0
        finally:
            con.close()


def _decode(blob, result_type: type):
    """(results, warnings) from a stored value, or None when it does not fit."""
    try:
        if not isinstance(blob, bytes):
            return None
        d = zlib.decompressobj()
        text = d.decompress(blob, MAX_VALUE)
        if d.unconsumed_tail:
            return None
        data = json.loads(text)
        if not isinstance(data, dict) or set(data) != {"results", "warnings"}:
            return None
        warnings = data["warnings"]
        if not isinstance(warnings, list) or not all(isinstance(w, str) for w in warnings):
            return None
        results = codec.decode(list[result_type], data["results"])
        for r in results:
            check_result(r)
    except (ValueError, RecursionError, zlib.error):
        return None
    return results, warnings
