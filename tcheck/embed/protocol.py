"""What an embedder is: a name, a dimension and ``encode(texts)`` of unit-length rows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # numpy loads with the first vector, not with the embedder's name (a warm run needs only that)
    import numpy as np


class Embedder(Protocol):
    """``name``: stable id used in cache keys and reports; ``dim``: vector size;
    ``encode(texts)``: an array of shape (len(texts), dim) with L2-normalised rows.
    Backends load their weights on the first ``encode`` call, so a run whose
    vectors are all cached never loads a model."""

    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


def normalize_rows(x: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (a zero row stays zero)."""
    import numpy as np

    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms
