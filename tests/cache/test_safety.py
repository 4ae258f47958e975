"""The cache holds data, never code, and only what tcheck wrote is trusted or deleted."""

import json
import os
import pickle
import sqlite3

import numpy as np
from click.testing import CliRunner

from tcheck.cache import Cache
from tcheck.cli import main
from tcheck.pipeline import Settings, audit_files

from .test_vectors import TEXTS, FakeEmbedder, _vectors


def _write(tmp_path):
    zh = tmp_path / "doc.zh-CN.txt"
    en = tmp_path / "doc.txt"
    zh.write_text("我们收集您的姓名。\n\n我们将在30天内删除您的数据。\n\n如有疑问请联系我们。\n", encoding="utf-8")
    en.write_text(
        "We collect your name.\n\nWe will delete your data within 60 days.\n\nContact us with questions.\n",
        encoding="utf-8",
    )
    return [str(zh), str(en)]


def _summary(result):
    rows = [{lg: r.get(lg) for lg in result.alignment.langs} for r in result.alignment.rows]
    return rows, [(f.rule, f.fingerprint) for f in result.findings]


class _Plant:
    """Unpickling this creates the file ``path``: proof that cached bytes ran as code."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_a_planted_pickle_never_runs(tmp_path, embedder):
    cache_dir = tmp_path / "c"
    files = _write(tmp_path)
    audit_files(files, settings=Settings(), embedder=embedder, cache=Cache(cache_dir))
    sentinel = tmp_path / "pwned"
    payload = pickle.dumps(_Plant(str(sentinel)))
    planted = [p for p in cache_dir.rglob("*") if p.is_file() and "sqlite" not in p.name and p.name != "CACHEDIR.TAG"]
    assert planted
    for p in planted:  # every entry tcheck wrote now holds a pickle
        p.write_bytes(payload)
        p.with_suffix(".pickle").write_bytes(payload)
    again = audit_files(files, settings=Settings(), embedder=embedder, cache=Cache(cache_dir))
    assert not sentinel.exists()
    assert any(f.rule == "number-mismatch" for f in again.findings)
    assert not [p for p in cache_dir.rglob("*") if p.suffix == ".json" and p.read_bytes() == payload]


def _entries(cache, kind):
    """The one entry of ``kind``: its path and its envelope ({"tcheck", "format", "data"})."""
    (path,) = cache.dir.files(kind)
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_out_of_range_alignment_cells_are_discarded(tmp_path, embedder):
    files = _write(tmp_path)
    cache = Cache(tmp_path / "c")
    first = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    path, data = _entries(cache, "alignments")
    data["data"]["rows"][0]["cells"]["en"] = [999]
    path.write_text(json.dumps(data), encoding="utf-8")
    for p in cache.dir.files("results"):
        p.unlink()
    again = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    assert _summary(again) == _summary(first)
    assert _entries(cache, "alignments")[1]["data"]["rows"][0]["cells"]["en"] != [999]  # rewritten


def test_a_result_with_no_rows_is_discarded(tmp_path, embedder):
    files = _write(tmp_path)
    cache = Cache(tmp_path / "c")
    first = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    assert any(f.rule == "number-mismatch" for f in first.findings)
    path, data = _entries(cache, "results")
    data["data"]["alignment"]["rows"] = []
    data["data"]["findings"] = []
    path.write_text(json.dumps(data), encoding="utf-8")
    again = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    assert _summary(again) == _summary(first)


def test_a_result_of_the_wrong_types_is_discarded(tmp_path, embedder):
    files = _write(tmp_path)
    cache = Cache(tmp_path / "c")
    first = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    path, data = _entries(cache, "results")
    data["data"]["findings"][0]["severity"] = True
    data["data"]["suppressed"] = "many"
    path.write_text(json.dumps(data), encoding="utf-8")
    again = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    assert _summary(again) == _summary(first)


def test_an_entry_of_another_format_is_discarded(tmp_path, embedder):
    files = _write(tmp_path)
    cache = Cache(tmp_path / "c")
    first = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    path, data = _entries(cache, "results")
    data["format"] += 1
    data["data"]["findings"] = []
    path.write_text(json.dumps(data), encoding="utf-8")
    again = audit_files(files, settings=Settings(), embedder=embedder, cache=cache)
    assert _summary(again) == _summary(first)
    assert _entries(cache, "results")[1]["format"] == data["format"] - 1


def test_zeroed_and_odd_vectors_are_recomputed(tmp_path):
    _vectors(tmp_path).encode(FakeEmbedder(), TEXTS[:6])
    (db,) = (tmp_path / "tcheck-cache" / "vectors").glob("*.sqlite")
    con = sqlite3.connect(db)
    keys = [k for (k,) in con.execute("SELECT k FROM vec ORDER BY k")]
    con.execute("UPDATE vec SET v = ? WHERE k = ?", (np.zeros(16, np.float32).tobytes(), keys[0]))
    con.execute("UPDATE vec SET v = ? WHERE k = ?", (np.full(16, np.nan, np.float32).tobytes(), keys[1]))
    con.execute("UPDATE vec SET dim = 8, v = ? WHERE k = ?", (np.ones(8, np.float32).tobytes(), keys[2]))
    con.commit()
    con.close()
    emb = FakeEmbedder()
    out = _vectors(tmp_path).encode(emb, TEXTS[:6])
    assert len(emb.encoded) == 3
    np.testing.assert_array_equal(out, FakeEmbedder().encode(TEXTS[:6]))
    again = FakeEmbedder()
    _vectors(tmp_path).encode(again, TEXTS[:6])
    assert again.encoded == []  # the bad rows were replaced


def _foreign(proj):
    files = {
        "app.sqlite": b"SQLite format 3\x00 an application's database",
        "notes.sqlite-journal.bak": b"notes",
        "results/report.txt": b"quarterly results",
        "alignments/ab/keep.json": b"{}",
        "tcheck-cache/../readme.md": b"readme",
    }
    for name, data in files.items():
        p = proj / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    return {p: p.read_bytes() for p in proj.rglob("*") if p.is_file()}


def test_cache_clear_removes_only_what_tcheck_wrote(tmp_path, embedder, monkeypatch):
    proj = tmp_path / "proj"
    proj.mkdir()
    before = _foreign(proj)
    monkeypatch.setenv("TCHECK_CACHE_DIR", str(proj))
    files = _write(tmp_path)
    audit_files(files, settings=Settings(), embedder=embedder)
    cache_files = [p for p in (proj / "tcheck-cache").rglob("*") if p.is_file()]
    assert any(p.suffix == ".sqlite" for p in cache_files) and any(p.suffix == ".json" for p in cache_files)
    (proj / "tcheck-cache" / "mine.txt").write_text("a user's file inside the cache folder")
    res = CliRunner().invoke(main, ["cache", "clear"])
    assert res.exit_code == 0, res.output
    after = {p: p.read_bytes() for p in proj.rglob("*") if p.is_file()}
    marker = proj / "tcheck-cache" / "CACHEDIR.TAG"  # kept: the folder still holds someone's file
    assert after == {
        **before,
        proj / "tcheck-cache" / "mine.txt": b"a user's file inside the cache folder",
        marker: marker.read_bytes(),
    }
    (proj / "tcheck-cache" / "mine.txt").unlink()
    CliRunner().invoke(main, ["cache", "clear"])
    assert not (proj / "tcheck-cache").exists()


def test_a_folder_tcheck_did_not_make_is_left_alone(tmp_path, embedder, monkeypatch):
    proj = tmp_path / "proj"
    theirs = proj / "tcheck-cache"
    (theirs / "results" / "ab").mkdir(parents=True)
    entry = theirs / "results" / "ab" / ("ab" + "0" * 62 + ".json")
    entry.write_text("{}")
    monkeypatch.setenv("TCHECK_CACHE_DIR", str(proj))
    audit_files(_write(tmp_path), settings=Settings(), embedder=embedder)
    assert sorted(p.relative_to(proj) for p in proj.rglob("*")) == sorted(
        p.relative_to(proj) for p in (theirs, theirs / "results", theirs / "results" / "ab", entry)
    )
    res = CliRunner().invoke(main, ["cache", "clear"])
    assert res.exit_code == 0 and "removed 0 cache files" in res.output
    assert entry.exists()
    info = CliRunner().invoke(main, ["cache", "info"])
    assert "not a tcheck cache" in info.output


def test_cache_entries_are_written_atomically_and_readable(tmp_path, embedder):
    cache = Cache(tmp_path / "c")
    audit_files(_write(tmp_path), settings=Settings(), embedder=embedder, cache=cache)
    assert (cache.dir.root / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    leftovers = [p for p in cache.dir.root.rglob(".tcheck-*")]
    assert leftovers == []
    umask = os.umask(0)
    os.umask(umask)
    for kind in ("alignments", "results"):
        for p in cache.dir.files(kind):
            json.loads(p.read_text(encoding="utf-8"))
            assert os.stat(p).st_mode & 0o777 == 0o666 & ~umask


def test_prepared_model_files_are_listed_and_cleared(tmp_path):
    cache = Cache(tmp_path)
    folder = cache.dir.folder("models")
    assert folder == tmp_path / "tcheck-cache" / "models"
    model = folder / "use-m3-1.0-abc"
    model.mkdir()
    (model / "manifest.json").write_text("{}")
    (model / "pack-uint8.npy").write_bytes(b"\x93NUMPY")
    name, n, what, size = next(e for e in cache.info()["entries"] if e[0] == "models/")
    assert (n, what) == (1, "prepared models") and size > 0
    assert cache.clear() == 2
    assert not (tmp_path / "tcheck-cache").exists()
