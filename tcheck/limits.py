"""The per-file size cap and the one way tcheck reads a file's bytes.

Small on purpose: the config, baseline and glossary readers and the run index
(:mod:`tcheck.cache.index`) import it without :mod:`tcheck.load` (and numpy),
so a warm run answered by the run index never loads them.
:mod:`tcheck.load.decode` re-exports both names.
"""

from __future__ import annotations

import os
import stat

from .model import InputError

#: default per-file size cap (bytes); ``max-file-size`` in the config changes it
MAX_FILE_SIZE = 20 * 1024 * 1024


def read_bytes(path: str, max_size: int = MAX_FILE_SIZE) -> bytes:
    """The bytes of a regular file of at most ``max_size`` bytes; InputError otherwise.

    The file is opened without blocking and checked after opening, so a FIFO,
    a device or a socket is refused instead of read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{path}: is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: not a regular file (a FIFO, device or socket is never read)")
        if st.st_size > max_size:
            raise InputError(_too_big(path, max_size))
        chunks, total = [], 0
        while total <= max_size and (chunk := os.read(fd, min(1 << 20, max_size + 1 - total))):
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > max_size:
        raise InputError(_too_big(path, max_size))
    return data


def _too_big(path: str, max_size: int) -> str:
    return f"{path}: file is larger than the {max_size}-byte limit (raise max-file-size in the config to read it)"
