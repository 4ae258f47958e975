"""The run index: a warm directory audit reads each unchanged document group with one lookup, loading nothing."""

import json
import sqlite3

import pytest

from tcheck.cache import Cache

ZH = "我们收集您的姓名。\n\n我们不会出售您的数据。\n\n如有疑问请联系我们。\n"
EN = "We collect your name.\n\nWe do not sell your data.\n\nContact us with questions.\n"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    """A cache of this test's own: the index counts below must not see other tests' entries."""
    monkeypatch.setenv("TCHECK_CACHE_DIR", str(tmp_path / "cache"))


def _site(tmp_path):
    for name in ("a", "b"):
        (tmp_path / "site" / name).mkdir(parents=True)
        (tmp_path / "site" / name / "zh-CN.md").write_text(ZH, encoding="utf-8")
        (tmp_path / "site" / name / "en.md").write_text(EN.replace("name", f"name {name}"), encoding="utf-8")


def _no_loading(monkeypatch):
    import tcheck.load.documents

    def boom(*a, **k):
        raise AssertionError("a file was loaded on a warm run")

    monkeypatch.setattr(tcheck.load.documents, "load_file", boom)


def test_warm_run_comes_from_the_index_without_loading(audit_cli, tmp_path, monkeypatch):
    _site(tmp_path)
    cold = audit_cli("site", "--format", "json", "--fail-on", "never")
    assert cold.exit_code == 0, cold.output
    assert Cache.default().index.count() == 2
    _no_loading(monkeypatch)
    warm = audit_cli("site", "--format", "json", "--fail-on", "never")
    assert warm.output == cold.output


def test_an_edited_group_is_audited_again_the_others_not(audit_cli, tmp_path, monkeypatch):
    _site(tmp_path)
    audit_cli("site", "--format", "json", "--fail-on", "never")
    (tmp_path / "site" / "b" / "en.md").write_text(EN + "\nWe keep records for 7 years.\n", encoding="utf-8")
    import tcheck.load.documents

    loaded = []
    real = tcheck.load.documents.load_file
    monkeypatch.setattr(tcheck.load.documents, "load_file", lambda f, *a, **k: loaded.append(f) or real(f, *a, **k))
    res = audit_cli("site", "--format", "json", "--fail-on", "never")
    assert sorted(loaded) == ["site/b/en.md", "site/b/zh-CN.md"]
    assert len(json.loads(res.output)["documents"]) == 2


@pytest.mark.parametrize("value", [b"garbage", b"", "text"])
def test_a_damaged_entry_is_a_miss(audit_cli, tmp_path, value):
    _site(tmp_path)
    cold = audit_cli("site", "--format", "json", "--fail-on", "never").output
    db = Cache.default().dir.root / "index" / "groups-v1.sqlite"
    con = sqlite3.connect(db)
    con.execute("UPDATE grp SET v = ?", (value,))
    con.commit()
    con.close()
    assert audit_cli("site", "--format", "json", "--fail-on", "never").output == cold


def test_a_database_that_is_not_one_is_rebuilt(audit_cli, tmp_path):
    _site(tmp_path)
    cold = audit_cli("site", "--format", "json", "--fail-on", "never").output
    db = Cache.default().dir.root / "index" / "groups-v1.sqlite"
    for p in db.parent.iterdir():
        p.unlink()
    db.write_bytes(b"not a database" * 100)
    assert audit_cli("site", "--format", "json", "--fail-on", "never").output == cold
    assert Cache.default().index.count() == 2


def test_no_cache_writes_no_index(audit_cli, tmp_path):
    _site(tmp_path)
    Cache.default().clear()
    audit_cli("site", "--no-cache", "--format", "json", "--fail-on", "never")
    assert not (Cache.default().dir.root / "index").exists()


def test_clear_removes_the_index(audit_cli, tmp_path):
    _site(tmp_path)
    audit_cli("site", "--format", "json", "--fail-on", "never")
    assert Cache.default().clear() > 0
    assert not (Cache.default().dir.root / "index").exists()
