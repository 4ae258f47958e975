"""A report from the cache is byte-identical to a fresh one, in every format."""

import re

import pytest
from click.testing import CliRunner

from tcheck.cli import main

from ..conftest import FIXTURES, SEEDS

DOCUMENTS = [
    [str(SEEDS / "000_58512f121bcc9f43.txt")],
    [str(FIXTURES / "corpus" / "contributor-covenant")],
]
NONCE = re.compile(r"nonce-[A-Za-z0-9_-]+|nonce=\"[A-Za-z0-9_-]+\"")


def _reports(args, env) -> dict[str, str]:
    out = {}
    for fmt in ("json", "sarif", "text", "github", "html"):
        res = CliRunner(env=env).invoke(main, ["audit", *args, "--format", fmt, "--fail-on", "never"])
        assert res.exit_code == 0, res.output
        out[fmt] = NONCE.sub("nonce", res.stdout)
    return out


@pytest.mark.parametrize("paths", DOCUMENTS, ids=["seed000", "covenant"])
def test_cold_warm_and_uncached_reports_are_identical(paths, tmp_path, embedder, monkeypatch):
    monkeypatch.setattr("tcheck.embed.get_embedder", lambda name=None: embedder)
    env = {"TCHECK_CACHE_DIR": str(tmp_path / "cache")}
    fresh = _reports([*paths, "--no-cache"], env)
    cold = _reports(paths, env)

    def no_audit(*a, **k):
        raise AssertionError("a warm run must come from the result cache")

    monkeypatch.setattr("tcheck.pipeline.audit_document", no_audit)
    warm = _reports(paths, env)
    assert cold == fresh
    assert warm == fresh
