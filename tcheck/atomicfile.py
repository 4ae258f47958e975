"""Replace a file's content atomically: write a temporary file beside it, then rename.

Readers (and a later run after a crash or Ctrl-C) see the old content or the
new one, never half a file. A staged file can be discarded instead of
committed, so several outputs can be prepared first and published together.
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

TEMP_PREFIX = ".tcheck-"
TEMP_SUFFIX = ".tmp"


@lru_cache(maxsize=1)
def _default_mode() -> int:
    """Permissions of a newly created file under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


class StagedFile:
    """A temporary file in ``target``'s directory that becomes ``target`` on :meth:`commit`."""

    def __init__(self, target: str | os.PathLike):
        self.target = Path(target)
        fd, tmp = tempfile.mkstemp(dir=self.target.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
        os.close(fd)
        self.tmp = Path(tmp)

    def write_bytes(self, data: bytes, durable: bool = True) -> None:
        """Write the staged content; ``durable``: flushed to disk before it can be committed."""
        with open(self.tmp, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())

    def commit(self) -> None:
        try:
            mode = os.stat(self.target).st_mode & 0o7777
        except OSError:
            mode = _default_mode()
        os.chmod(self.tmp, mode)
        os.replace(self.tmp, self.target)

    def discard(self) -> None:
        try:
            self.tmp.unlink()
        except OSError:
            pass


def write_atomic(path: str | os.PathLike, data: bytes, durable: bool = True) -> None:
    """Replace ``path``'s content with ``data``; raises OSError, leaving ``path`` as it was.

    ``durable=False`` skips the fsync: for files that are checked when read and rebuilt when
    damaged (cache entries), where a crash may lose the newest content but a reader still never
    sees half a file."""
    staged = StagedFile(path)
    try:
        staged.write_bytes(data, durable)
        staged.commit()
    except BaseException:
        staged.discard()
        raise
