import numpy as np
import pytest

from bench.evaluate import alignment_rows_as_lines, load_gold, score
from tcheck.align import BEADS, EmbeddingScorer, FuzzyScorer, align_pair
from tcheck.align.dp import _RowCosts

from ..conftest import FIXTURES


def _flat(beads):
    return [(tuple(b.a), tuple(b.b)) for b in beads]


def test_fuzzy_alignment_finds_deleted_paragraph():
    a = ["第一条 我们收集您的信息", "第二条 我们如何使用信息", "第三条 我们如何共享信息", "第四条 联系我们"]
    b = ["第一條 我們收集您的資訊", "第三條 我們如何共享資訊", "第四條 聯絡我們"]
    beads = _flat(align_pair(FuzzyScorer(a, b)))
    assert ((0,), (0,)) in beads
    assert ((1,), ()) in beads
    assert ((2,), (1,)) in beads
    assert ((3,), (2,)) in beads


def test_embedding_alignment_never_crashes_when_nothing_is_similar():
    rng = np.random.default_rng(0)
    ea = rng.normal(size=(5, 16))
    ea /= np.linalg.norm(ea, axis=1, keepdims=True)
    eb = -ea[:3]  # anti-correlated: nothing similar
    beads = align_pair(EmbeddingScorer(ea, eb, np.ones(5) * 10, np.ones(3) * 10))
    seen_a = sorted(i for b in beads for i in b.a)
    seen_b = sorted(j for b in beads for j in b.b)
    assert seen_a == list(range(5)) and seen_b == list(range(3))


def test_empty_side():
    beads = align_pair(FuzzyScorer(["一", "二"], []))
    assert _flat(beads) == [((0,), ()), ((1,), ())]


def test_long_documents_use_a_band_and_stay_monotonic():
    # 600 x 600 would be a dense matrix; coarse-to-fine must still recover the diagonal
    rng = np.random.default_rng(1)
    ea = rng.normal(size=(600, 32)).astype(np.float32)
    ea /= np.linalg.norm(ea, axis=1, keepdims=True)
    noise = rng.normal(scale=0.3, size=ea.shape).astype(np.float32)
    eb = ea + noise
    eb /= np.linalg.norm(eb, axis=1, keepdims=True)
    eb = np.delete(eb, [100, 101, 400], axis=0)  # three paragraphs missing in B
    beads = align_pair(EmbeddingScorer(ea, eb, np.ones(600) * 20, np.ones(597) * 20))
    pairs = {(b.a[0], b.b[0]) for b in beads if len(b.a) == 1 and len(b.b) == 1}
    skipped_a = {b.a[0] for b in beads if b.a and not b.b}
    assert {100, 101, 400} <= skipped_a
    assert (0, 0) in pairs and (99, 99) in pairs and (102, 100) in pairs and (599, 596) in pairs


@pytest.mark.slow
def test_seed000_alignment_against_gold(seed000_result):
    gold = load_gold(FIXTURES / "gold" / "000_58512f121bcc9f43.align.json")["rows"]
    pred = alignment_rows_as_lines(seed000_result.document, seed000_result.alignment)
    assert score(pred, gold, "zh-Hans", "zh-Hant")["f1"] >= 0.99
    assert score(pred, gold, "zh-Hans", "en")["f1"] >= 0.97
    assert score(pred, gold, "zh-Hant", "en")["f1"] >= 0.97


# ---------------------------------------------------------------------------
# bead shapes and edge cases


def _unit(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def _covers(beads, n, m):
    return sorted(i for b in beads for i in b.a) == list(range(n)) and sorted(j for b in beads for j in b.b) == list(
        range(m)
    )


def test_one_to_three_bead_is_found():
    rng = np.random.default_rng(3)
    eb = _unit(rng.normal(size=(8, 32)))
    ea = np.vstack([eb[0], eb[1], _unit(eb[2] + eb[3] + eb[4]), eb[5], eb[6], eb[7]])
    ea = _unit(ea + rng.normal(scale=0.05, size=ea.shape))
    la = np.array([20, 20, 60, 20, 20, 20.0])
    beads = _flat(align_pair(EmbeddingScorer(ea, eb, la, np.ones(8) * 20)))
    assert ((2,), (2, 3, 4)) in beads
    assert ((1,), (1,)) in beads and ((3,), (5,)) in beads


def test_one_to_one_is_not_merged_when_neighbours_are_distinct():
    # negative case for merges: a clean 1-1 document gives only 1-1 beads
    rng = np.random.default_rng(4)
    eb = _unit(rng.normal(size=(10, 32)))
    ea = _unit(eb + rng.normal(scale=0.1, size=eb.shape))
    beads = _flat(align_pair(EmbeddingScorer(ea, eb, np.ones(10) * 20, np.ones(10) * 20)))
    assert beads == [((i,), (i,)) for i in range(10)]


def test_deleted_paragraph_next_to_its_neighbour_is_not_merged():
    # the extra zh-Hans paragraph must be a 1-0 bead, not glued onto the long
    # paragraph before it (a merge the extra text does not improve)
    a = [
        "我们使用分析工具了解您如何与应用交互，例如录制的样本数量、按钮和菜单的交互以及会话长度。我们还会收集页面的网址和标题。",
        "我们可能会向关联方披露数据库，包括母公司和子公司。",
        "了解更多",
    ]
    b = [
        "我們會使用分析工具，以便更了解您和應用程式之間互動的情形，例如錄製的樣本數量、和按鈕及選單互動之方式、使用時間等。我們也會收集頁面網址與標題。",
        "了解更多資訊",
    ]
    beads = _flat(align_pair(FuzzyScorer(a, b)))
    assert ((0,), (0,)) in beads
    assert ((1,), ()) in beads
    assert ((2,), (1,)) in beads


def test_both_sides_empty_and_one_segment_sides():
    assert align_pair(FuzzyScorer([], [])) == []
    e = _unit(np.random.default_rng(5).normal(size=(3, 16)))
    assert _flat(align_pair(EmbeddingScorer(e[:0], e[:0], np.zeros(0), np.zeros(0)))) == []
    assert _flat(align_pair(EmbeddingScorer(e[:0], e, np.zeros(0), np.ones(3)))) == [((), (0,)), ((), (1,)), ((), (2,))]
    assert _flat(align_pair(FuzzyScorer(["隐私声明"], ["隱私聲明"]))) == [((0,), (0,))]
    beads = _flat(align_pair(EmbeddingScorer(e[:1], e, np.ones(1) * 10, np.ones(3) * 10)))
    assert _covers(align_pair(EmbeddingScorer(e[:1], e, np.ones(1) * 10, np.ones(3) * 10)), 1, 3)
    assert any(0 in a and 0 in b for a, b in beads)


def test_identical_texts_align_one_to_one():
    t = ["第一条 我们收集您的信息", "第二条 我们如何使用信息", "第三条 我们如何共享信息", "联系我们", "附则"]
    assert _flat(align_pair(FuzzyScorer(t, list(t)))) == [((i,), (i,)) for i in range(5)]


def _cost_requests(n, m):
    """Every request the dynamic program can make of ``costs``, row by row, in its order."""
    for i in range(1, n + 1):
        for da, db in BEADS:
            if da == 0 or da > i or db == 0:
                continue
            for d_a, d_b, shift, row in (
                (da, db, 0, i),
                (da - 1, db, 0, i),
                (da - 1, db, 0, i - 1),
                (da, db - 1, 1, i),
            ):
                if d_a < 1 or d_b < 1 or d_a > row:
                    continue
                js = np.arange(d_b + shift, m + 1) - shift
                yield row, d_a, d_b, js
                yield row, d_a, d_b, js[1::2]  # an unreachable cell or two: a request with gaps


def test_row_costs_are_the_scorers_own_whatever_was_asked_before():
    # the scorers keep merged ranges, norms and compared pairs between requests (and dp keeps
    # whole answers for the current rows): each answer must be the very numbers a fresh scorer
    # gives, bit for bit, and agree with the single-bead ``cost``
    rng = np.random.default_rng(6)
    zh = [
        "第一条 我们收集您的信息",
        "第二条 我们如何使用信息",
        "第三条 我们如何共享信息",
        "联系我们",
        "附则",
        "了解",
        "附录",
    ]
    tw = ["第一條 我們收集您的資訊", "第三條 我們如何共享資訊", "聯絡我們", "附則", "了解更多資訊", "附錄"]
    ea, eb = _unit(rng.normal(size=(7, 16))).astype(np.float32), _unit(rng.normal(size=(6, 16))).astype(np.float32)
    ha, hb = np.array([1.0, 0, 0, 1, 0, 0, 0]), np.array([1.0, 1, 0, 0, 0, 0])
    makers = [
        lambda: FuzzyScorer(zh, tw, heads_a=ha, heads_b=hb, ea=ea, eb=eb),
        lambda: FuzzyScorer(zh, tw),
        lambda: EmbeddingScorer(ea, eb, np.arange(7) * 5.0 + 10, np.arange(6) * 7.0 + 10, heads_a=ha, heads_b=hb),
        lambda: EmbeddingScorer(ea, eb, np.ones(7) * 20, np.ones(6) * 20),
    ]
    for make in makers:
        warm = make()
        costs = _RowCosts(warm)
        for i, da, db, js in _cost_requests(warm.n, warm.m):
            got = costs(i, da, db, js)
            assert np.array_equal(got, make().costs(i, da, db, js))
            assert np.array_equal(got, warm.costs(i, da, db, js))
            single = [warm.cost(i - da, i, j - db, j) for j in js.tolist()]
            assert np.allclose(got, single, rtol=0, atol=1e-5)


@pytest.mark.slow
def test_zh_en_pair_where_nothing_matches(embedder):
    from tcheck.align import align_document
    from tcheck.cache import Cache
    from tcheck.model import Document, Segment, Version
    from tcheck.pipeline import SegmentEmbedder

    zh = ["今天的天气很好，我们去公园散步。", "这道菜需要两勺盐和一点胡椒。", "火车晚点了半个小时。"]
    en = [
        "The quarterly revenue grew by four percent.",
        "Install the package with pip and run the tests.",
        "Photosynthesis converts light into chemical energy.",
        "The museum closes at six on Sundays.",
    ]

    def version(lang, texts):
        return Version(lang, "x.txt", [Segment(k + 1, t, t, k + 1, k + 1) for k, t in enumerate(texts)])

    doc = Document([version("zh-Hans", zh), version("en", en)])
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        al = align_document(doc, SegmentEmbedder(embedder, Cache(d).vectors))
    assert sorted(i for r in al.rows for i in r.get("zh-Hans")) == [1, 2, 3]
    assert sorted(i for r in al.rows for i in r.get("en")) == [1, 2, 3, 4]
    assert all(r.score < 0.5 for r in al.rows)


# ---------------------------------------------------------------------------
# hand-made gold alignments (fixtures/gold); thresholds a little below the
# measured F1 so that regressions show


GOLD_MIN = {
    "contributor-covenant-v2.1": {"zh-Hans/zh-Hant": 0.98, "zh-Hans/en": 0.98, "zh-Hant/en": 0.98},
    "contributor-covenant-v1.4": {"zh-Hans/zh-Hant": 0.92, "zh-Hans/en": 0.95, "zh-Hant/en": 0.95},
    "common-voice-privacy-notice": {"zh-Hans/zh-Hant": 0.97, "zh-Hans/en": 0.97, "zh-Hant/en": 0.97},
    "opensource-guide-metrics": {"zh-Hans/zh-Hant": 0.98, "zh-Hans/en": 0.98, "zh-Hant/en": 0.98},
    "opensource-guide-getting-paid": {"zh-Hans/zh-Hant": 0.98, "zh-Hans/en": 0.85, "zh-Hant/en": 0.85},
}


@pytest.mark.parametrize("name", sorted(GOLD_MIN))
@pytest.mark.slow
def test_corpus_alignment_against_gold(name, embedder, tmp_path):
    from bench.evaluate import gold_inputs, gold_pairs
    from tcheck.align import align_document
    from tcheck.cache import Cache
    from tcheck.pipeline import SegmentEmbedder, load_document

    gold = load_gold(FIXTURES / "gold" / f"{name}.align.json")
    doc = load_document(gold_inputs(gold, FIXTURES))
    al = align_document(doc, SegmentEmbedder(embedder, Cache(tmp_path).vectors))
    pred = alignment_rows_as_lines(doc, al)
    pairs = gold_pairs(gold)
    assert {f"{a}/{b}" for a, b in pairs} == set(GOLD_MIN[name])
    for a, b in pairs:
        assert score(pred, gold["rows"], a, b)["f1"] >= GOLD_MIN[name][f"{a}/{b}"], (name, a, b)


def test_gold_files_are_valid():
    import subprocess
    import sys

    r = subprocess.run([sys.executable, str(FIXTURES / "gold" / "check_gold.py")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.slow
def test_a_stub_version_does_not_swallow_the_full_versions_paragraphs(embedder, tmp_path):
    """tldr-pages docker-container-rm: zh-TW is a 4-segment alias page; en and zh-CN are the
    full page. Pairing the Chinese versions first merged zh-CN's paragraphs into the stub's
    few; the full versions must pair one to one and the stub be reported once."""
    from tcheck.align import align_document
    from tcheck.cache import Cache
    from tcheck.pipeline import SegmentEmbedder, load_document

    group = FIXTURES / "corpus" / "tldr-pages" / "common_docker-container-rm"
    doc = load_document([str(group / f) for f in ("en.md", "zh-CN.md", "zh-TW.md")])
    al = align_document(doc, SegmentEmbedder(embedder, Cache(tmp_path).vectors))
    pairs = [(tuple(r.get("zh-Hans")), tuple(r.get("en"))) for r in al.rows if r.get("zh-Hans") or r.get("en")]
    n = len(doc.get("en").segments)
    assert len(doc.get("zh-Hans").segments) == n
    assert pairs == [((i,), (i,)) for i in range(1, n + 1)]


@pytest.mark.slow
def test_nested_and_reordered_front_matter_keeps_every_version_in_order(embedder, tmp_path):
    """astro-docs getting-started (MIT): a Starlight hero has its own title and two taglines;
    they are other fields than the page's title, and a version listing its fields in another
    order still has each segment once, in order (the run index and ``tcheck merge`` check it)."""
    from tcheck.align import align_document
    from tcheck.cache import Cache
    from tcheck.cache.alignments import check_alignment
    from tcheck.pipeline import SegmentEmbedder, load_document

    front = {
        "en.mdx": "title: Getting started\ndescription: Guides to help you build.\nhero:\n  title: Astro Docs\n"
        "  tagline: Guides, resources, and API references.\n  facepile:\n    tagline: These docs are brought to you by.\n",
        "zh-CN.mdx": "title: 入门指南\ndescription: 帮助你构建的指南。\nhero:\n  title: Astro 文档\n"
        "  tagline: 指南、资源和 API 参考。\n  facepile:\n    tagline: 本文档由贡献者提供支持。\n",
        "zh-TW.mdx": "hero:\n  title: Astro 文件\n  tagline: 指南、資源和 API 參考。\ntitle: 新手上路\n"
        "description: 幫助你建構的指南。\n",
    }
    files = []
    for name in front:
        (tmp_path / name).write_text(f"---\n{front[name]}---\n\nAstro 是一个 Web 框架。\n", encoding="utf-8")
        files.append(str(tmp_path / name))
    doc = load_document(files)
    assert [s.front for s in doc.get("en").segments[:5]] == [
        "title",
        "description",
        "hero.title",
        "hero.tagline",
        "hero.facepile.tagline",
    ]
    al = align_document(doc, SegmentEmbedder(embedder, Cache(tmp_path / "c").vectors))
    check_alignment(al, doc)  # raises when a version's segments are not each in one row, in order
    front_rows = [r for r in al.rows if any(doc.get(lg)[i].front for lg, idx in r.cells.items() for i in idx)]
    for r in front_rows:  # a row pairs one field with the same field only
        assert len({doc.get(lg)[i].front for lg, idx in r.cells.items() for i in idx}) == 1
    hans_en = [r for r in front_rows if r.get("zh-Hans") and r.get("en")]
    assert len(hans_en) == 5  # the same fields in the same order: all paired
    assert sum(1 for r in front_rows if r.get("zh-Hant") and r.get("zh-Hans")) == 2  # moved: two in order


@pytest.mark.slow
def test_front_matter_fields_pair_by_key_and_leave_the_body_alignment_alone(embedder, tmp_path):
    """astro-docs getting-started (MIT): zh-TW has no banner; the body is aligned as without front matter."""
    from tcheck.align import align_document
    from tcheck.cache import Cache
    from tcheck.pipeline import SegmentEmbedder, load_document

    body = {
        "en.mdx": "Astro is a web framework.\n\nIt builds fast sites.\n",
        "zh-CN.mdx": "Astro 是一个 Web 框架。\n\n它能构建快速的网站。\n",
        "zh-TW.mdx": "Astro 是一個 Web 框架。\n\n它能建構快速的網站。\n",
    }
    front = {
        "en.mdx": "title: Getting started\ndescription: Guides to help you build.\nbanner:\n  content: |\n    Astro v7 is here!\n",
        "zh-CN.mdx": "title: 入门指南\ndescription: 帮助你构建的指南。\nbanner:\n  content: |\n    Astro v6 已发布！\n",
        "zh-TW.mdx": "title: 新手上路\ndescription: 幫助你建構的指南。\n",
    }
    files = []
    for name in body:
        (tmp_path / name).write_text(f"---\n{front[name]}---\n\n{body[name]}", encoding="utf-8")
        files.append(str(tmp_path / name))
    doc = load_document(files)
    al = align_document(doc, SegmentEmbedder(embedder, Cache(tmp_path / "c").vectors))
    rows = [{lg: r.get(lg) for lg in ("zh-Hans", "zh-Hant", "en")} for r in al.rows]
    assert rows == [
        {"zh-Hans": [1], "zh-Hant": [1], "en": [1]},  # title
        {"zh-Hans": [2], "zh-Hant": [2], "en": [2]},  # description
        {"zh-Hans": [3], "zh-Hant": [], "en": [3]},  # the banner zh-TW lacks
        {"zh-Hans": [4], "zh-Hant": [3], "en": [4]},
        {"zh-Hans": [5], "zh-Hant": [4], "en": [5]},
    ]
