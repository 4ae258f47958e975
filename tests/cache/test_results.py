"""Whole-result cache: unchanged input and settings reuse the result; any change misses."""

from tcheck.cache import Cache
from tcheck.pipeline import Settings, audit_files


def _files(tmp_path, zh_text="我们将在30天内删除您的数据。\n"):
    zh = tmp_path / "doc.zh-CN.txt"
    en = tmp_path / "doc.txt"
    zh.write_text(zh_text, encoding="utf-8")
    en.write_text("We will delete your data within 30 days.\n", encoding="utf-8")
    return [str(zh), str(en)]


def test_unchanged_run_comes_from_the_cache(tmp_path, embedder, monkeypatch):
    cache = Cache(tmp_path / "c")
    files = _files(tmp_path)
    first = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    assert len(cache.dir.files("results")) == 1
    import tcheck.pipeline as audit_mod

    def boom(*a, **k):
        raise AssertionError("must not audit again")

    monkeypatch.setattr(audit_mod, "audit_document", boom)
    again = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    assert [f.fingerprint for f in again.findings] == [f.fingerprint for f in first.findings]


def test_changed_file_misses_the_cache(tmp_path, embedder):
    cache = Cache(tmp_path / "c")
    first = audit_files(_files(tmp_path), settings=Settings(), embedder=embedder, cache=cache)
    assert not [f for f in first.findings if f.rule == "number-mismatch"]
    changed = audit_files(
        _files(tmp_path, "我们将在60天内删除您的数据。\n"), settings=Settings(), embedder=embedder, cache=cache
    )
    assert [f for f in changed.findings if f.rule == "number-mismatch"]
    assert len(cache.dir.files("results")) == 2


def test_changed_settings_miss_the_cache(tmp_path, embedder):
    cache = Cache(tmp_path / "c")
    files = _files(tmp_path, "我们将在60天内删除您的数据。\n")
    on = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    assert any(f.rule == "number-mismatch" for f in on.findings)
    off = audit_files(files, settings=Settings(rules={"number-mismatch": "off"}), embedder=embedder, cache=cache)
    assert not any(f.rule == "number-mismatch" for f in off.findings)


def test_truncated_entry_is_ignored(tmp_path, embedder):
    cache = Cache(tmp_path / "c")
    files = _files(tmp_path, "我们将在60天内删除您的数据。\n")
    first = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    (entry,) = list((cache.dir.root / "results").glob("*/*.json"))
    entry.write_bytes(entry.read_bytes()[:20])
    again = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    assert [f.fingerprint for f in again.findings] == [f.fingerprint for f in first.findings]
