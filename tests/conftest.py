from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = FIXTURES / "seeds"
SEED000 = SEEDS / "000_58512f121bcc9f43.txt"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Every test uses a private cache directory, and the session a private prepared-model one."""
    d = tmp_path_factory.getbasetemp() / "cache"
    monkeypatch.setenv("TCHECK_CACHE_DIR", str(d))
    # prepared models (tcheck.embed.prepared) live apart from the results cache; one for the session
    monkeypatch.setenv("TCHECK_MODEL_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "models"))


@pytest.fixture(scope="session")
def embedder():
    from tcheck.embed import get_embedder

    return get_embedder("use-m3")


@pytest.fixture(scope="session")
def seed000_result(embedder):
    from tcheck.pipeline import Settings, audit_files

    return audit_files([str(SEED000)], settings=Settings(use_cache=False), embedder=embedder)


@pytest.fixture
def audit_cli(embedder, monkeypatch, tmp_path):
    """``tcheck audit ARGS…`` run in-process with the session embedder, from tmp_path."""
    from click.testing import CliRunner

    import tcheck.embed
    from tcheck.cli import main

    monkeypatch.setattr(tcheck.embed, "get_embedder", lambda name=None: embedder)
    monkeypatch.chdir(tmp_path)

    def _run(*args):
        return CliRunner().invoke(main, ["audit", *args], catch_exceptions=False)

    return _run
