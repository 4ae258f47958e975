"""Where reports and baselines go: never onto an input, all or nothing.

Before anything is written, every target (``--output``, ``--write-baseline``)
is compared by device and inode with every file the run reads (documents,
glossary, baseline, config), so a hard link or a symlink to an input is
refused as surely as the same name, and two targets may not be one file.
Targets are then staged as temporary files beside them and renamed into
place together at the end: a failed or interrupted run leaves every old
file as it was (a symlinked target keeps its link; a device or pipe such as
``/dev/stdout`` is written into, never replaced). ``-`` means standard output.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ..atomicfile import TEMP_PREFIX, TEMP_SUFFIX, StagedFile
from ..model import InputError

STDOUT = "-"


def _identity(path: str | os.PathLike) -> tuple[int, int] | None:
    """(device, inode) of an existing file, following symlinks; None when there is none."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:  # a parent is a file, so nothing is there
            return None
        raise InputError(f"{path}: {exc.strerror}") from None
    return st.st_dev, st.st_ino


def _where(path: str) -> str:
    """A spelling of a not-yet-existing target that two options naming it share."""
    p = Path(path)
    try:
        return str(p.parent.resolve() / p.name)
    except OSError:
        return os.path.abspath(path)


def check_targets(targets: dict[str, str | None], inputs: Iterable[str | os.PathLike]) -> None:
    """Refuse (InputError) a target that is an input, a directory, or another target's file.

    ``targets`` maps an option name (``--output``) to its path or None.
    """
    read: dict[tuple[int, int], str] = {}
    for f in inputs:
        ident = _identity(f)
        if ident is not None:
            read.setdefault(ident, str(f))
    claimed: dict[object, str] = {}
    for option, target in targets.items():
        if not target or target == STDOUT:
            continue
        if os.path.isdir(target):
            raise InputError(f"{option} {target} is a directory")
        ident = _identity(target)
        if ident is not None and ident in read:
            same = "" if os.path.abspath(read[ident]) == os.path.abspath(target) else f" ({read[ident]})"
            raise InputError(f"{option} {target} is one of the input files{same}; tcheck never writes to its inputs")
        key = ident if ident is not None else _where(target)
        if key in claimed:
            raise InputError(f"{option} {target} is also the {claimed[key]} file; give them different files")
        claimed[key] = option


class _Streamed:
    """A target that is not a regular file (``/dev/stdout``, a pipe, a terminal).

    It cannot be replaced by a rename (that would put a file where the device
    or pipe was), so it is staged in the temporary directory and copied into
    the target at commit.
    """

    def __init__(self, target: str):
        self.target = Path(target)
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
        os.close(fd)
        self.tmp = Path(tmp)

    def commit(self) -> None:
        with open(self.tmp, "rb") as src, open(self.target, "wb") as dst:
            shutil.copyfileobj(src, dst)
        self.discard()

    def discard(self) -> None:
        try:
            self.tmp.unlink()
        except OSError:
            pass


def _staged_for(target: str) -> StagedFile | _Streamed:
    """Stage beside the file (a symlink's target, so the link stays), or stream into a non-file."""
    try:
        if not stat.S_ISREG(os.stat(target).st_mode):
            return _Streamed(target)
    except FileNotFoundError:
        pass
    return StagedFile(os.path.realpath(target))


class Outputs:
    """Files staged beside their targets, published together by :meth:`commit`.

    Used as a context manager: leaving the block by an exception (an error,
    Ctrl-C) removes the staged files and leaves every target untouched.
    """

    def __init__(self):
        self._staged: list[StagedFile | _Streamed] = []

    def stage(self, target: str, write: Callable[[Path], None]) -> None:
        """Stage ``target``: ``write(tmp_path)`` fills the temporary file."""
        try:
            staged = _staged_for(target)
        except OSError as exc:
            raise InputError(f"cannot write {target}: {exc.strerror}") from None
        self._staged.append(staged)
        try:
            write(staged.tmp)
        except OSError as exc:
            raise InputError(f"cannot write {target}: {exc.strerror}") from None

    def stage_text(self, target: str, text: str) -> None:
        self.stage(target, lambda tmp: _write_text(tmp, text))

    def commit(self) -> None:
        for staged in self._staged:
            try:
                staged.commit()
            except OSError as exc:
                raise InputError(f"cannot write {staged.target}: {exc.strerror}") from None
        self._staged = []

    def discard(self) -> None:
        for staged in self._staged:
            staged.discard()
        self._staged = []

    def __enter__(self) -> Outputs:
        return self

    def __exit__(self, *exc) -> None:
        self.discard()


def _write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def write_stdout(text: str) -> None:
    """Print a report; a full disk or a closed pipe is an InputError, not a traceback at exit."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        _detach_stdout()
        raise InputError(f"cannot write to standard output: {exc.strerror or exc}") from None


def _detach_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):  # not a real file (tests capture stdout)
        pass
