"""Loading never hangs and never loses text: worst-case inputs for every hot pattern.

Each input made an older version run for minutes (or lose text); each test
is bounded by a timeout and asserts the result, not only the time.
"""

from __future__ import annotations

import os
import time

import pytest

from tcheck.load import load_versions, read_text, segment
from tcheck.load.inline import strip_attr_lists, strip_leftover_strong, strip_templates
from tcheck.load.labels import parse_ignore
from tcheck.load.split import split_versions
from tcheck.model import InputError, Segment

pytestmark = pytest.mark.timeout(20)


def fast(fn, *args, limit: float = 2.0):
    """``fn(*args)``, asserting it took less than ``limit`` seconds."""
    t0 = time.perf_counter()
    out = fn(*args)
    took = time.perf_counter() - t0
    assert took < limit, f"{fn.__name__} took {took:.1f} s"
    return out


# ---------------------------------------------------------------------------
# regexes and scanners


def test_inline_ignore_with_a_long_run_of_blanks():
    evil = "<!-- tcheck: ignore" + " " * 100_000 + "! -->"
    assert fast(parse_ignore, evil) is None
    assert fast(parse_ignore, "<!-- tcheck: ignore" + " " * 100_000 + "-->") == frozenset(["all"])
    assert fast(segment, evil + "\n\nText.\n", True)[0].ignores == frozenset()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<!-- tcheck: ignore -->", {"all"}),
        ("<!-- tcheck: ignore script-mix -->", {"script-mix"}),
        ("<!-- tcheck:ignore: script-mix, number-mismatch -->", {"script-mix", "number-mismatch"}),
        ("# tcheck: ignore untranslated", {"untranslated"}),
        ("/* tcheck: ignore a b */", {"a", "b"}),
        ("<!-- tcheck: ignored -->", None),
        ("<!-- tcheck: ignore! -->", None),
        ("no comment", None),
    ],
)
def test_inline_ignore_parsing_is_unchanged(text, expected):
    found = parse_ignore(text)
    assert (set(found) if found is not None else None) == expected


def test_many_template_openers_on_one_line():
    evil = "{{" * 30_000
    assert fast(strip_templates, evil) == evil
    assert fast(strip_templates, "{%" * 30_000) == "{%" * 30_000
    assert fast(segment, "Text " + evil + "\n", True)[0].text.startswith("Text")


@pytest.mark.parametrize(
    "text, expected",
    [
        ('See {{Glossary("CORS", "跨源")}} here', "See 跨源 here"),
        ("A {{ var }} B {% tag %} C", "A  B  C"),
        ('{{< ref "x" >}}', "x"),
        ("{{{%a%}", "{{"),
        ("open {{ only", "open {{ only"),
    ],
)
def test_templates_are_stripped_as_before(text, expected):
    assert strip_templates(text) == expected


def test_unclosed_strong_delimiters_on_a_long_line():
    evil = "**a " * 50_000
    assert fast(strip_leftover_strong, evil) == evil
    assert fast(strip_leftover_strong, "**a " * 50_000 + "\nb**") == "**a " * 50_000 + "\nb**"
    assert strip_leftover_strong("**安全浏览：**不推荐") == "安全浏览：不推荐"
    assert strip_leftover_strong("__x__ and **y** but ** z**") == "x and y but ** z**"


def test_attribute_lists_after_a_long_run_of_blanks():
    evil = "a" + " " * 100_000 + "b"
    assert fast(strip_attr_lists, evil) == evil
    assert strip_attr_lists("## Search {: #defaultsearch }") == "## Search"
    assert strip_attr_lists("Title   {#title}") == "Title"


def test_one_huge_word_is_segmented_quickly():
    word = "x" * 200_000
    for markdown in (False, True):
        (seg,) = fast(segment, word + "\n", markdown)
        assert seg.text == word


def test_many_paragraphs_segment_in_linear_time():
    text = "\n\n".join(f"Paragraph number {i} says something." for i in range(50_000)) + "\n"
    assert len(fast(segment, text, False, limit=10)) == 50_000


# ---------------------------------------------------------------------------
# version split


def _segs(labels: list[str], monkeypatch) -> list[Segment]:
    """Segments voting for ``labels``; the per-segment script detection (linear, but slow
    for 200k segments) is replaced by the labels themselves, so the split search is timed."""
    import tcheck.load.split as split

    monkeypatch.setattr(split, "_classify", lambda segs: list(labels))
    return [Segment(i + 1, lg, lg, 2 * i + 1, 2 * i + 1) for i, lg in enumerate(labels)]


def test_version_split_of_200k_paragraphs_is_linear(monkeypatch):
    n = 100_000
    segs = _segs(["zh-Hans"] * n + ["en"] * n, monkeypatch)
    blocks = fast(split_versions, segs, limit=5)
    assert [(b.lang, b.start, b.end) for b in blocks] == [("zh-Hans", 0, n), ("en", n, 2 * n)]


def test_three_version_split_on_a_coarse_grid_finds_the_exact_boundaries(monkeypatch):
    n = 70_001  # many more boundaries than the grid holds: the refinement finds the exact place
    segs = _segs(["zh-Hans"] * n + ["zh-Hant"] * (n + 7) + ["en"] * (n - 5), monkeypatch)
    blocks = fast(split_versions, segs, limit=5)
    assert [(b.lang, b.start, b.end) for b in blocks] == [
        ("zh-Hans", 0, n),
        ("zh-Hant", n, 2 * n + 7),
        ("en", 2 * n + 7, 3 * n + 2),
    ]


# ---------------------------------------------------------------------------
# Markdown nesting


def test_deep_blockquotes_keep_their_text():
    for depth in (25, 150, 400):
        segs = fast(segment, ">" * depth + " deep text here\n\nAfter.\n", True)
        assert [s.text for s in segs] == ["deep text here", "After."], depth


def test_deep_lists_keep_their_text():
    for depth in (12, 60):
        text = "".join("  " * i + f"- item {i}\n" for i in range(depth))
        segs = fast(segment, text, True)
        assert [s.text for s in segs] == [f"item {i}" for i in range(depth)], depth


# ---------------------------------------------------------------------------
# files that are not plain files


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "doc.md"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        fast(read_text, str(fifo))


def test_device_is_refused():
    with pytest.raises(InputError, match="not a regular file"):
        fast(read_text, "/dev/zero")


def test_size_cap(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("Some words.\n" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="larger than the 1000-byte limit"):
        load_versions(str(p), max_size=1000)
    assert load_versions(str(p), max_size=10_000)
