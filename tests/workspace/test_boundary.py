"""The project boundary: what a directory walk reads, where config paths may point, special files."""

from __future__ import annotations

import os

import pytest

from tcheck.model import InputError
from tcheck.workspace.config import load_config
from tcheck.workspace.discovery import siblings
from tcheck.workspace.files import walk

from ..test_cli_workflow import EN_FULL, doc_pair, write

pytestmark = pytest.mark.timeout(60)


def one_error_line(res) -> str:
    """The single stderr line of an input error (exit 2, never an internal error)."""
    assert res.exit_code == 2, res.stderr
    lines = res.stderr.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("tcheck: error: "), res.stderr
    return lines[0]


# ---------------------------------------------------------------------------
# directory walks


def test_walk_skips_symlinks_leaving_the_tree_and_special_files(tmp_path):
    outside = write(tmp_path, "outside/secret.md", "SECRET TEXT\n")
    docs = tmp_path / "docs"
    write(docs, "a.md", "Hello.\n")
    (docs / "leak.md").symlink_to(outside)
    (docs / "inside.md").symlink_to(docs / "a.md")
    (docs / "loop.md").symlink_to(docs / "loop.md")
    (docs / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(docs / "fifo.md")
    (docs / "linked-dir").symlink_to(tmp_path / "outside", target_is_directory=True)
    warnings: list[str] = []
    found = walk(docs, warnings=warnings)
    assert sorted(p.name for p in found) == ["a.md", "inside.md"]
    assert sorted(w.split(":")[0] for w in warnings) == [
        f"skipped {docs / n}" for n in ("fifo.md", "leak.md", "loop.md", "zero.md")
    ]
    assert all("SECRET" not in w for w in warnings)


def test_walk_warnings_are_one_line(tmp_path):
    os.mkfifo(tmp_path / "a\nb.md")
    warnings: list[str] = []
    assert walk(tmp_path, warnings=warnings) == []
    assert len(warnings) == 1 and "\n" not in warnings[0] and "a\\nb.md" in warnings[0]


def test_siblings_never_include_special_files_or_links_outside(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "outside/x.md", "SECRET\n")
    proj = tmp_path / "proj"
    (proj / ".git").mkdir(parents=True)
    write(proj, "policy.md", EN_FULL)
    (proj / "policy.zh-CN.md").symlink_to(tmp_path / "outside" / "x.md")
    os.mkfifo(proj / "policy.zh-TW.md")
    assert siblings(proj / "policy.md") == []


def test_directory_with_a_fifo_finishes_with_a_warning(audit_cli, tmp_path):
    doc_pair(tmp_path / "docs")
    os.mkfifo(tmp_path / "docs" / "pipe.md")
    res = audit_cli("docs", "--fail-on", "never")
    assert res.exit_code == 0
    assert "tcheck: warning: skipped docs/pipe.md: not a regular file" in res.stderr


@pytest.mark.parametrize(
    "make",
    [
        lambda p: os.mkfifo(p),
        lambda p: p.symlink_to("/dev/zero"),
    ],
)
def test_named_special_file_is_an_input_error(audit_cli, tmp_path, make):
    make(tmp_path / "doc.md")
    assert "not a regular file" in one_error_line(audit_cli("doc.md"))


def test_size_cap_from_the_config(audit_cli, tmp_path):
    doc_pair(tmp_path)
    write(tmp_path, "tcheck.toml", "max-file-size = 100\n")
    line = one_error_line(audit_cli("policy.md"))
    assert "larger than the 100-byte limit" in line


# ---------------------------------------------------------------------------
# config paths stay inside the project


@pytest.mark.parametrize(
    "body",
    [
        'glossary = "../outside/g.csv"\n',
        'groups = [["../outside/g.csv"]]\n',
        'groups = [["/etc/passwd"]]\n',
    ],
)
def test_config_paths_must_stay_in_the_project(tmp_path, body):
    write(tmp_path, "outside/g.csv", "zh-Hans,en\n隐私,privacy\n")
    cfg = write(tmp_path, "proj/tcheck.toml", body)
    with pytest.raises(InputError, match="outside the project") as ei:
        load_config(cfg)
    assert "root:" not in str(ei.value)  # never the content of /etc/passwd


def test_glossary_outside_the_project_is_fine_on_the_command_line(audit_cli, tmp_path):
    doc_pair(tmp_path / "proj")
    gl = write(tmp_path, "shared/g.csv", "zh-Hans,en\n隐私,privacy\n")
    write(tmp_path, "proj/tcheck.toml", "")
    os.chdir(tmp_path / "proj")
    res = audit_cli("policy.md", "--glossary", str(gl), "--fail-on", "never")
    assert res.exit_code == 0, res.stderr
