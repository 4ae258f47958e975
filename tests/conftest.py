import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = FIXTURES / "seeds"
SEED000 = SEEDS / "000_58512f121bcc9f43.txt"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Every test uses a private embedding cache directory."""
    d = tmp_path_factory.getbasetemp() / "cache"
    monkeypatch.setenv("TCHECK_CACHE_DIR", str(d))


@pytest.fixture(scope="session")
def embedder():
    from tcheck.embed import get_embedder

    return get_embedder("use-m3")


@pytest.fixture(scope="session")
def seed000_result(embedder):
    from tcheck.pipeline import Settings, audit_files

    return audit_files([str(SEED000)], settings=Settings(use_cache=False), embedder=embedder)
