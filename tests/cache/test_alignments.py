"""The alignment cache: a warm re-audit reuses the stored alignment, never a stale one."""

import json
import shutil

from tcheck.cache import Cache
from tcheck.pipeline import Settings, audit_files


def _write(tmp_path, en_extra=""):
    zh = tmp_path / "doc.zh-CN.txt"
    en = tmp_path / "doc.txt"
    zh.write_text("我们收集您的姓名。\n\n我们不会出售您的数据。\n\n如有疑问请联系我们。\n", encoding="utf-8")
    en.write_text(
        "We collect your name.\n\nWe do not sell your data.\n\n" + en_extra + "Contact us with questions.\n",
        encoding="utf-8",
    )
    return [str(zh), str(en)]


def _forget_results(cache):
    """Drop whole-result cache entries so the next audit really runs (and aligns)."""
    shutil.rmtree(cache.dir.root / "results", ignore_errors=True)


def _rows(result):
    return [{lg: r.get(lg) for lg in result.alignment.langs} for r in result.alignment.rows]


def test_second_run_reuses_alignment_and_gives_same_result(tmp_path, embedder, monkeypatch):
    cache = Cache(tmp_path / "cache")
    files = _write(tmp_path)
    first = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    assert len(cache.dir.files("alignments")) == 1

    import tcheck.pipeline as audit_mod

    def boom(*a, **k):
        raise AssertionError("aligner must not run on a cached document")

    monkeypatch.setattr(audit_mod, "align_document", boom)
    _forget_results(cache)
    second = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    assert _rows(second) == _rows(first)
    assert [f.fingerprint for f in second.findings] == [f.fingerprint for f in first.findings]


def test_changed_document_is_realigned(tmp_path, embedder):
    cache = Cache(tmp_path / "cache")
    audit_files(_write(tmp_path), settings=Settings(), embedder=embedder, cache=cache)
    changed = audit_files(
        _write(tmp_path, en_extra="We keep logs for thirty days.\n\n"),
        settings=Settings(),
        embedder=embedder,
        cache=cache,
    )
    assert len(cache.dir.files("alignments")) == 2
    assert any(r.get("en") and not r.get("zh-Hans") for r in changed.alignment.rows)


def test_corrupt_alignment_file_is_ignored(tmp_path, embedder):
    cache = Cache(tmp_path / "cache")
    files = _write(tmp_path)
    first = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    (stored,) = list((cache.dir.root / "alignments").glob("*/*.json"))
    stored.write_text("{not json", encoding="utf-8")
    _forget_results(cache)
    again = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    assert _rows(again) == _rows(first)
    json.loads(stored.read_text(encoding="utf-8"))  # rewritten whole


def test_cache_clear_removes_alignments(tmp_path, embedder):
    cache = Cache(tmp_path / "cache")
    audit_files(_write(tmp_path), settings=Settings(), embedder=embedder, cache=cache)
    assert cache.info()["entries"]
    cache.clear()
    assert cache.dir.files("alignments") == []
