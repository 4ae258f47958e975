"""The cache directory: where entries live, who owns them, what clear may delete.

Everything tcheck caches lives in one subdirectory, ``tcheck-cache``, of the
user cache directory (platformdirs) or of ``$TCHECK_CACHE_DIR``. tcheck
creates that subdirectory itself and marks it with a ``CACHEDIR.TAG`` file
(the Cache Directory Tagging standard, which backup tools honour); a
directory of that name without the marker is someone else's, and tcheck
neither reads nor writes nor deletes anything in it. ``clear`` removes only
files whose names tcheck generates (vector databases, alignment and result
entries, the files of prepared models, its temporary files) and then the folders it made, if empty.

Entries are written atomically (temporary file + rename) and read back as
plain data; see :mod:`tcheck.cache.codec`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..atomicfile import TEMP_PREFIX, TEMP_SUFFIX, write_atomic

SUBDIR = "tcheck-cache"
MARKER = "CACHEDIR.TAG"
MARKER_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by tcheck.\n"
    "# Everything here can be deleted with `tcheck cache clear`.\n"
)
MAX_ENTRY_BYTES = 256 * 1024 * 1024  # a bigger file is not an entry tcheck wrote

# kind -> file name pattern of its entries (inside a two-hex-digit shard folder
# for the JSON kinds); nothing else in the directory is ever deleted
ENTRY_NAMES = {
    "vectors": re.compile(r"[A-Za-z0-9_.-]+-v\d+\.sqlite(-wal|-shm|-journal)?"),
    "alignments": re.compile(r"[0-9a-f]{64}\.json"),
    "pairs": re.compile(r"[0-9a-f]{64}\.json"),
    "results": re.compile(r"[0-9a-f]{64}\.json"),
    "models": re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.+-]*"),
    "index": re.compile(r"groups-v\d+\.sqlite(-wal|-shm|-journal)?"),
    "conversions": re.compile(r"opencc-v\d+\.sqlite(-wal|-shm|-journal)?"),
}
SHARDED = ("alignments", "pairs", "results")
# prepared embedding models (tcheck.embed): one folder of files per model and version
MODEL_FOLDER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.+-]*")
FOLDERS = ("vectors", "models", "index", "conversions")
_SHARD = re.compile(r"[0-9a-f]{2}")
_KEY = re.compile(r"[0-9a-f]{64}")
_TEMP = re.compile(re.escape(TEMP_PREFIX) + r"[A-Za-z0-9_]+" + re.escape(TEMP_SUFFIX))


def default_base() -> Path:
    env = os.environ.get("TCHECK_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tcheck"))


class CacheDir:
    """The tcheck-owned cache directory below ``base``."""

    def __init__(self, base: str | os.PathLike):
        self.base = Path(base)
        self.root = self.base / SUBDIR
        self._ready: bool | None = None

    @classmethod
    def default(cls) -> CacheDir:
        return cls(default_base())

    # -- ownership --------------------------------------------------------

    def owned(self) -> bool:
        """True when ``root`` is a real directory holding tcheck's marker."""
        try:
            if self.root.is_symlink() or not self.root.is_dir():
                return False
            marker = self.root / MARKER
            return not marker.is_symlink() and marker.read_text(encoding="utf-8") == MARKER_TEXT
        except (OSError, UnicodeDecodeError):
            return False

    def ready(self) -> bool:
        """Create the directory and its marker when missing; False when it is not ours or not writable."""
        if self._ready is None:
            self._ready = self._prepare()
        return self._ready

    def _prepare(self) -> bool:
        if self.owned():
            return True
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            if self.root.is_symlink() or any(self.root.iterdir()):
                return False  # a folder tcheck did not make: leave it alone
            write_atomic(self.root / MARKER, MARKER_TEXT.encode("utf-8"))
        except OSError:
            return False
        return self.owned()

    # -- entries ----------------------------------------------------------

    def entry_path(self, kind: str, key: str) -> Path:
        if kind not in SHARDED or not _KEY.fullmatch(key):
            raise ValueError(f"bad cache entry {kind}/{key}")
        return self.root / kind / key[:2] / f"{key}.json"

    def read(self, kind: str, key: str) -> bytes | None:
        """An entry's bytes, or None when missing, unreadable or not in a tcheck-owned directory."""
        if not self.owned():
            return None
        path = self.entry_path(kind, key)
        try:
            if path.is_symlink() or path.stat().st_size > MAX_ENTRY_BYTES:
                return None
            return path.read_bytes()
        except OSError:
            return None

    def write(self, kind: str, key: str, data: bytes) -> None:
        """Store an entry; silently does nothing when the cache cannot be written."""
        if not self.ready():
            return
        path = self.entry_path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data, durable=False)  # read back checked: a lost or torn entry is recomputed
        except OSError:
            pass

    def discard(self, kind: str, key: str) -> None:
        try:
            self.entry_path(kind, key).unlink()
        except OSError:
            pass

    def folder(self, kind: str) -> Path | None:
        """The folder of ``vectors`` databases or prepared ``models``, created on demand; None when unusable."""
        if kind not in FOLDERS or not self.ready():
            return None
        d = self.root / kind
        try:
            d.mkdir(exist_ok=True)
        except OSError:
            return None
        return None if d.is_symlink() else d

    # -- maintenance ------------------------------------------------------

    def _entries(self, kind: str):
        """(path, is_temp) of every file tcheck wrote for ``kind``; symlinked folders are not entered."""
        top = self.root / kind
        if top.is_symlink() or not top.is_dir():
            return
        folders = [top]
        if kind in SHARDED or kind == "models":
            pattern = _SHARD if kind in SHARDED else MODEL_FOLDER
            folders = [
                d for d in sorted(top.iterdir()) if pattern.fullmatch(d.name) and d.is_dir() and not d.is_symlink()
            ]
        for folder in folders:
            for p in sorted(folder.iterdir()):
                if ENTRY_NAMES[kind].fullmatch(p.name) or _TEMP.fullmatch(p.name):
                    if p.is_symlink() or p.is_file():
                        yield p, bool(_TEMP.fullmatch(p.name))

    def files(self, kind: str) -> list[Path]:
        """The entries of ``kind`` (vector databases with their journals), none when the directory is not ours."""
        if not self.owned():
            return []
        return [p for p, temp in self._entries(kind) if not temp]

    def clear(self) -> int:
        """Delete the files tcheck wrote (and its folders once empty); returns how many files went."""
        if not self.owned():
            return 0
        removed = 0
        for kind in ENTRY_NAMES:
            for p, _temp in list(self._entries(kind)):
                try:
                    p.unlink()
                    removed += 1
                except OSError:
                    pass
            top = self.root / kind
            if kind not in ("vectors", "index") and top.is_dir() and not top.is_symlink():
                for d in top.iterdir():
                    _rmdir(d)
            _rmdir(top)
        for p in self.root.iterdir() if self.root.is_dir() else ():
            if _TEMP.fullmatch(p.name):
                try:
                    p.unlink()
                except OSError:
                    pass
        if not [p for p in self.root.iterdir() if p.name != MARKER]:
            try:
                (self.root / MARKER).unlink()
                self.root.rmdir()
            except OSError:
                pass
        self._ready = None
        return removed


def _rmdir(path: Path) -> None:
    """Remove a folder only when it is empty (and not a symlink)."""
    try:
        if not path.is_symlink():
            path.rmdir()
    except OSError:
        pass
