"""The files of a prepared model: the package's loaded tokenizer and backend taken apart
into packs of arrays, vocabulary blobs and a manifest (see :mod:`tcheck.embed.prepared`)."""

from __future__ import annotations

import json
import os
import time
import zlib
from pathlib import Path

import numpy as np

from .model import _TOKENIZER_ARRAYS, TOKEN_BUDGET

FORMAT = 2
_SAMPLE_WHOLE = 4 << 20  # files up to this size are checksummed whole
_SAMPLE_BLOCK = 64 << 10
_SAMPLE_COUNT = 16
_SKIP_ATTRS = {"sp", "threads", "_threadpool"}


class PreparedError(Exception):
    """The prepared directory is missing, partial, stale or corrupt."""


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


def _full_crc(path: Path) -> int:
    """CRC-32 of the whole file."""
    crc = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def _stamp(st: os.stat_result) -> list[int]:
    """What changes when a file is written, replaced or copied: size, mtime, ctime, inode."""
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _file_record(path: Path) -> list:
    """[size, sampled CRC, whole CRC, stamp] of one file of a prepared model (see ``store.load``)."""
    st = path.stat()
    return [st.st_size, _sampled_crc(path, st.st_size), _full_crc(path), _stamp(st)]


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
    files = {p.name: _file_record(p) for p in sorted(directory.iterdir())}
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
