"""Sentence alignment inside aligned rows (tcheck.align.sentences), with the real embedder."""

import pytest

from tcheck.align.sentences import aligner_for
from tcheck.pipeline import SegmentEmbedder

from ..rules.conftest import texts_context

pytestmark = pytest.mark.slow

ZH = [
    "Astro 页面使用 .astro 文件扩展名，并支持与 Astro 组件相同的功能。",
    "想要自定义 404 错误页面，你可以在 src/pages 中创建 404.astro 或 404.md 文件。",
    "布局组件无需包含整个页面的 HTML。你可以将布局分解为更小的组件，然后重用这些组件以创建更灵活、更强大的布局。",
    "Astro 的旧版本文档不再维护，但可以作为静态快照访问。",
]
EN = [
    "Astro pages use the .astro file extension and support the same features as Astro components.",
    "For a custom 404 error page, you can create a 404.astro or 404.md file in src/pages.",
    "Layout components do not need to contain an entire page worth of HTML. You can break your layouts into "
    "smaller components, and combine layout components to create even more flexible, page templates. This "
    "pattern is useful when you want to share some code across multiple layouts.",
    "Documentation for older versions of Astro is not maintained. It is still available as a static snapshot.",
]


class CountingEmbedder:
    def __init__(self, inner):
        self.inner, self.name, self.texts = inner, inner.name, []

    def encode(self, texts):
        self.texts += list(texts)
        return self.inner.encode(texts)


def _ctx(embedder):
    ctx = texts_context({"zh-Hans": ZH, "en": EN})
    ctx.embed = SegmentEmbedder(embedder)
    return ctx


def test_a_dropped_sentence_has_no_counterpart_of_its_own(embedder):
    ctx = _ctx(embedder)
    al = ctx.sentence_pairs(ctx.alignment.rows[2], "zh-Hans", "en")
    assert al.aligned and len(al.a) == 2 and len(al.b) == 3
    assert al.beads[0].a == (0,) and al.beads[0].b == (0,)
    # en 3 ("This pattern is useful …") is unmatched, or dead weight in a merged bead:
    # that bead matches better without it
    last = al.beads[-1]
    assert last.b == (2,) and not last.a or (last.b == (1, 2) and al.sims[1, 1] > last.sim)


def test_two_sentences_translated_as_one_are_merged(embedder):
    ctx = _ctx(embedder)
    al = ctx.sentence_pairs(ctx.alignment.rows[3], "zh-Hans", "en")
    assert [(bd.a, bd.b) for bd in al.beads] == [((0,), (0, 1))]
    assert al.unmatched("a") == [] and al.unmatched("b") == []


def test_one_sentence_rows_are_not_embedded(embedder):
    counting = CountingEmbedder(embedder)
    ctx = _ctx(counting)
    al = ctx.sentence_pairs(ctx.alignment.rows[0], "zh-Hans", "en")
    assert not al.aligned and [(bd.a, bd.b) for bd in al.beads] == [((0,), (0,))]
    assert counting.texts == []  # nothing needed aligning yet
    ctx.sentence_pairs(ctx.alignment.rows[2], "zh-Hans", "en")
    # one batch, only the row with several sentences on both sides (row 3; row 4 is one
    # Chinese sentence for two English ones at the usual length ratio: a merge)
    assert set(counting.texts) == {
        s.text
        for r in (2,)
        for lg in ("zh-Hans", "en")
        for s in aligner_for(ctx).sentences(lg, ctx.alignment.rows[r].get(lg))
    }


def test_alignments_are_memoised_per_row_and_pair(embedder):
    ctx = _ctx(embedder)
    row = ctx.alignment.rows[2]
    assert ctx.sentence_pairs(row, "zh-Hans", "en") is ctx.sentence_pairs(row, "zh-Hans", "en")
