"""OpenCC conversions from Simplified are kept across runs: a re-audit of texts converted before
builds no converter that loads OpenCC's big phrase table, and reports the same."""

import sqlite3

import pytest

from tcheck.cache import Cache
from tcheck.cache.conversions import ConversionMemo, conversion_key
from tcheck.text import scripts

HANT = "我們收集您的姓名與電話號碼。\n\n我們不會出售您的資料。\n\n如有疑問請聯絡我們。\n"
HANS = "我们收集您的姓名与电话号码。\n\n我们不会出售您的数据。\n\n如有疑问请联系我们。\n"
EN = "We collect your name and phone number.\n\nWe do not sell your data.\n\nContact us with questions.\n"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TCHECK_CACHE_DIR", str(tmp_path / "cache"))
    yield
    scripts.use_memo(None)
    scripts.convert.cache_clear()


@pytest.fixture
def built(monkeypatch):
    """The OpenCC configs whose converters are built from now on (in this process)."""
    real = scripts.converter
    out = []

    def record(config):
        out.append(config)
        return real(config)

    monkeypatch.setattr(scripts, "converter", record)
    scripts.convert.cache_clear()
    return out


def _doc(tmp_path, en=EN):
    (tmp_path / "doc").mkdir(exist_ok=True)
    (tmp_path / "doc" / "zh-CN.md").write_text(HANS, encoding="utf-8")
    (tmp_path / "doc" / "zh-TW.md").write_text(HANT, encoding="utf-8")
    (tmp_path / "doc" / "en.md").write_text(en, encoding="utf-8")


def test_a_memo_round_trip(tmp_path):
    memo = Cache(tmp_path).conversions
    key = conversion_key("1.0", "s2tw", "后台")
    assert memo.get(key) is None
    memo.put(key, "後臺")
    assert memo.get(key) == "後臺"  # before the flush too
    memo.flush()
    memo.close()
    again = Cache(tmp_path).conversions
    assert again.get(key) == "後臺"
    assert again.get(conversion_key("1.0", "s2hk", "后台")) is None
    assert again.get(conversion_key("1.1", "s2tw", "后台")) is None
    assert again.count() == 1


def test_a_re_audit_with_one_english_paragraph_edited_builds_no_converter_from_simplified(audit_cli, tmp_path, built):
    _doc(tmp_path)
    first = audit_cli("doc", "--format", "json", "--fail-on", "never")
    assert first.exit_code == 0, first.output
    assert any(c.startswith("s2") for c in built)
    assert Cache.default().conversions.count() > 0
    edited = EN.replace("questions", "any questions")
    (tmp_path / "doc" / "en.md").write_text(edited, encoding="utf-8")
    built.clear()
    scripts.convert.cache_clear()
    char_class = scripts.char_class
    char_class.cache_clear()
    warm = audit_cli("doc", "--format", "json", "--fail-on", "never")
    assert not [c for c in built if c.startswith("s2")]
    built.clear()
    scripts.convert.cache_clear()
    char_class.cache_clear()
    scripts.use_memo(None)
    fresh = audit_cli("doc", "--format", "json", "--fail-on", "never", "--no-cache")
    assert any(c.startswith("s2") for c in built)
    assert warm.output == fresh.output


def test_a_stored_conversion_is_used_as_it_is(tmp_path, built):
    memo = Cache(tmp_path).conversions
    scripts.use_memo(memo)
    real = scripts.convert("这是后台", "s2tw")
    assert real == scripts.converter("s2tw").convert("这是后台")
    key = conversion_key(scripts._opencc_version(), "s2tw", "这是后台")
    assert memo.get(key) == real
    scripts.convert.cache_clear()
    memo.put(key, "stored")
    assert scripts.convert("这是后台", "s2tw") == "stored"
    assert scripts.convert("這是後臺", "t2s") == "这是后台"  # conversions to Simplified are not kept
    assert all(len(k) == 20 for k in memo._pending)


@pytest.mark.parametrize("value", [b"\x00bytes", 3, "後台", ""])
def test_a_value_that_is_not_the_stored_conversion_is_a_miss(tmp_path, value):
    memo = Cache(tmp_path).conversions
    key = conversion_key("1.0", "s2tw", "后台")
    memo.put(key, "後臺")
    memo.flush()
    memo.close()
    db = Cache(tmp_path).dir.root / "conversions" / "opencc-v1.sqlite"
    con = sqlite3.connect(db)
    con.execute("UPDATE conv SET v = ?", (value,))
    con.commit()
    con.close()
    assert Cache(tmp_path).conversions.get(key) is None


def test_a_file_that_is_not_a_database_is_rebuilt(tmp_path):
    cache = Cache(tmp_path)
    folder = cache.dir.folder("conversions")
    (folder / "opencc-v1.sqlite").write_bytes(b"not a database" * 100)
    memo = ConversionMemo(cache.dir)
    key = conversion_key("1.0", "s2tw", "后台")
    assert memo.get(key) is None
    memo.put(key, "後臺")
    memo.flush()
    assert ConversionMemo(cache.dir).get(key) == "後臺"
    assert cache.clear() >= 1
    assert not (folder / "opencc-v1.sqlite").exists()
