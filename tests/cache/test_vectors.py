"""Vector cache: keys, concurrency, corruption, validation, CLI, lazy model loading."""

import hashlib
import multiprocessing as mp
import sqlite3

import numpy as np
import pytest
from click.testing import CliRunner

from tcheck.cache import Cache
from tcheck.cache.vectors import text_key

from ..conftest import SEED000


class FakeEmbedder:
    """Deterministic vectors from the text's hash; counts what it encodes."""

    name = "fake"
    dim = 16

    def __init__(self, version="1", name="fake"):
        self.version = version
        self.name = name
        self.encoded: list[str] = []

    def encode(self, texts):
        self.encoded.extend(texts)
        out = []
        for t in texts:
            seed = int.from_bytes(hashlib.sha256(t.strip().encode()).digest()[:8], "little")
            v = np.random.default_rng(seed).normal(size=self.dim).astype(np.float32)
            out.append(v / np.linalg.norm(v))
        return np.array(out, dtype=np.float32).reshape(len(texts), self.dim)


def _vectors(directory, timeout=30.0):
    from tcheck.cache import VectorCache
    from tcheck.cache.store import CacheDir

    return VectorCache(CacheDir(directory), timeout=timeout)


def _db_dir(base):
    return base / "tcheck-cache" / "vectors"


TEXTS = [f"第{i}条 我们会保护您的个人信息 paragraph {i}" for i in range(60)]


def test_second_encode_is_served_from_the_cache(tmp_path):
    emb = FakeEmbedder()
    cache = _vectors(tmp_path)
    first = cache.encode(emb, TEXTS[:40])
    assert len(emb.encoded) == 40
    emb.encoded.clear()
    second = _vectors(tmp_path).encode(emb, TEXTS[20:60])
    assert emb.encoded == TEXTS[40:60]  # only the 20 new texts reach the model
    np.testing.assert_array_equal(first[20:40], second[:20])
    np.testing.assert_array_equal(second, FakeEmbedder().encode(TEXTS[20:60]))


def test_duplicates_and_empty_input(tmp_path):
    emb = FakeEmbedder()
    out = _vectors(tmp_path).encode(emb, ["a b", "c d", "a b"])
    assert emb.encoded == ["a b", "c d"]
    np.testing.assert_array_equal(out[0], out[2])
    assert _vectors(tmp_path).encode(emb, []).shape[0] == 0


def test_key_depends_on_model_version_and_normalised_text():
    assert text_key("  同意 ") == text_key("同意")
    assert text_key("e\u0301") == text_key("\u00e9")  # NFD and NFC spell the same text
    assert text_key("同意", "use-m3", "1") != text_key("同意", "use-m3", "2")
    assert text_key("同意", "use-m3", "1") != text_key("同意", "st:x", "1")
    assert text_key("同意") != text_key("同 意")


def test_other_model_or_version_does_not_reuse_vectors(tmp_path):
    cache = _vectors(tmp_path)
    cache.encode(FakeEmbedder("1"), TEXTS[:5])
    other_version = FakeEmbedder("2")
    cache.encode(other_version, TEXTS[:5])
    assert other_version.encoded == TEXTS[:5]
    other_model = FakeEmbedder("1", name="fake-b")
    cache.encode(other_model, TEXTS[:5])
    assert other_model.encoded == TEXTS[:5]
    same = FakeEmbedder("1")
    cache.encode(same, TEXTS[:5])
    assert same.encoded == []


def _worker(directory, texts, queue):
    try:
        out = _vectors(directory, timeout=60).encode(FakeEmbedder(), texts)
        for k in range(0, len(texts), 7):  # many small transactions interleave with the other process
            _vectors(directory, timeout=60).encode(FakeEmbedder(), texts[k : k + 7])
        queue.put(("ok", out.tobytes()))
    except BaseException as exc:  # pragma: no cover - reported to the parent
        queue.put(("error", repr(exc)))


def test_two_processes_write_at_once(tmp_path):
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    texts = [f"shared paragraph {i} 共享段落" for i in range(300)]
    a, b = texts[:200], texts[100:]
    procs = [ctx.Process(target=_worker, args=(str(tmp_path), t, queue)) for t in (a, b)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert all(status == "ok" for status, _ in results), results
    expected = {t: v for t, v in zip(texts, FakeEmbedder().encode(texts))}
    for status, blob in results:
        got = np.frombuffer(blob, dtype=np.float32).reshape(-1, FakeEmbedder.dim)
        src = a if len(got) == len(a) and np.array_equal(got[0], expected[a[0]]) else b
        np.testing.assert_array_equal(got, np.array([expected[t] for t in src]))
    # everything both processes wrote is there exactly once, and correct
    emb = FakeEmbedder()
    again = _vectors(tmp_path).encode(emb, texts)
    assert emb.encoded == []
    np.testing.assert_array_equal(again, np.array([expected[t] for t in texts]))
    db = next(_db_dir(tmp_path).glob("*.sqlite"))
    assert sqlite3.connect(db).execute("SELECT count(*) FROM vec").fetchone()[0] == 300


def _fill(tmp_path, n=300):
    cache = _vectors(tmp_path)
    cache.encode(FakeEmbedder(), [f"text number {i} " + "x" * 200 for i in range(n)])
    cache.close()  # as at the end of a run
    path = next(_db_dir(tmp_path).glob("*.sqlite"))
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


@pytest.mark.parametrize("damage", ["garbage-header", "truncated", "garbage-pages", "empty"])
def test_corrupted_cache_is_rebuilt(tmp_path, damage):
    path = _fill(tmp_path)
    data = path.read_bytes()
    assert len(data) > 16384
    if damage == "garbage-header":
        path.write_bytes(b"\xde\xad\xbe\xef" * 256 + data[1024:])
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 3 + 17])
    elif damage == "garbage-pages":
        path.write_bytes(data[:4096] + bytes(range(256)) * 48 + data[4096 + 256 * 48 :])
    else:
        path.write_bytes(b"")
    info = Cache(tmp_path).info()  # never raises on a damaged file
    assert info["entries"][0][0] == path.name
    emb = FakeEmbedder()
    texts = [f"text number {i} " + "x" * 200 for i in range(5)] + ["brand new"]
    cache = _vectors(tmp_path)
    out = cache.encode(emb, texts)
    np.testing.assert_array_equal(out, FakeEmbedder().encode(texts))
    assert cache.rebuilt == (0 if damage == "empty" else 1)  # an empty file is a valid, empty database
    # the rebuilt file works: a second run is served from it
    emb2 = FakeEmbedder()
    np.testing.assert_array_equal(_vectors(tmp_path).encode(emb2, texts), out)
    assert emb2.encoded == []
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_healthy_cache_is_not_rebuilt(tmp_path):
    _fill(tmp_path, 20)
    cache = _vectors(tmp_path)
    emb = FakeEmbedder()
    cache.encode(emb, ["text number 3 " + "x" * 200])
    assert cache.rebuilt == 0 and emb.encoded == []


def test_unwritable_cache_dir_still_encodes(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    out = _vectors(blocker / "cache").encode(FakeEmbedder(), ["hello world"])
    np.testing.assert_array_equal(out, FakeEmbedder().encode(["hello world"]))


def test_cli_cache_info_and_clear(tmp_path, monkeypatch):
    from tcheck.cli import main

    monkeypatch.setenv("TCHECK_CACHE_DIR", str(tmp_path / "c"))
    runner = CliRunner()
    res = runner.invoke(main, ["cache", "info"])
    assert res.exit_code == 0, res.output
    assert str(tmp_path / "c") in res.output and "empty" in res.output
    _vectors(tmp_path / "c").encode(FakeEmbedder(), TEXTS[:7])
    res = runner.invoke(main, ["cache", "info"])
    assert res.exit_code == 0 and "7 vectors" in res.output and "empty" not in res.output
    res = runner.invoke(main, ["cache", "clear"])
    assert res.exit_code == 0 and "removed" in res.output
    assert not list((tmp_path / "c").rglob("*.sqlite*"))
    res = runner.invoke(main, ["cache", "info"])
    assert "empty" in res.output


def test_fully_cached_audit_never_loads_the_model(tmp_path, embedder):
    from tcheck.embed import get_embedder
    from tcheck.pipeline import Settings, audit_files

    cache = Cache(tmp_path)
    first = audit_files([str(SEED000)], settings=Settings(), embedder=embedder, cache=cache)
    assert cache.vectors.misses > 0
    fresh = get_embedder("use-m3")
    cache2 = Cache(tmp_path)
    second = audit_files([str(SEED000)], settings=Settings(), embedder=fresh, cache=cache2)
    assert fresh.loaded is False
    assert cache2.vectors.misses == 0  # nothing embedded: vectors and the alignment come from the cache
    assert [f.fingerprint for f in first.findings] == [f.fingerprint for f in second.findings]
    # a new text does load it
    cache2.vectors.encode(fresh, ["a sentence nobody has embedded before"])
    assert fresh.loaded is True


def test_cli_cache_info_names_the_prepared_models_elsewhere(tmp_path, monkeypatch):
    from tcheck.cli import main

    monkeypatch.setenv("TCHECK_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("TCHECK_MODEL_CACHE_DIR", str(tmp_path / "m"))
    model = tmp_path / "m" / "tcheck-cache" / "models" / "use-m3-1.0-abc"
    from tcheck.cache.store import CacheDir

    assert CacheDir(tmp_path / "m").folder("models") == model.parent
    model.mkdir()
    (model / "pack-uint8.npy").write_bytes(b"\x93NUMPY" + b"\0" * 10)
    res = CliRunner().invoke(main, ["cache", "info"])
    assert res.exit_code == 0, res.output
    assert f"{model.parent}: 1, 16 bytes" in res.output
    monkeypatch.setenv("TCHECK_MODEL_CACHE_DIR", str(tmp_path / "c"))  # the same cache: no extra line
    assert "prepared models" not in CliRunner().invoke(main, ["cache", "info"]).output


def test_one_connection_serves_every_lookup_of_a_run(tmp_path, monkeypatch):
    cache = _vectors(tmp_path)
    opened = []
    real = cache._open
    monkeypatch.setattr(cache, "_open", lambda path: opened.append(path) or real(path))
    emb = FakeEmbedder()
    for k in range(5):
        cache.encode(emb, TEXTS[10 * k : 10 * k + 15])
    assert len(opened) == 1
    # a cache folder removed while the connection is kept: the next lookup opens a new file
    cache_dir = _db_dir(tmp_path)
    for p in cache_dir.iterdir():
        p.unlink()
    emb.encoded.clear()
    cache.encode(emb, TEXTS[:3])
    assert emb.encoded == TEXTS[:3] and len(opened) == 2
    cache.close()
    emb.encoded.clear()
    _vectors(tmp_path).encode(emb, TEXTS[:3])
    assert emb.encoded == []  # written to the new file, and kept after close
