"""Plain-text segmentation: blank-line paragraphs, list items and short titles."""

from __future__ import annotations

import re

from ..model import Segment
from ..text.han import han_count
from .labels import is_ignore_comment, join_lines, make_lines, make_segment, parse_ignore, starts_item

_HEADING_END_RE = re.compile(r"[。.;；:：,，!！?？)）]$")
_SENTENCE_END_RE = re.compile(r"[。！？.!?；;]\s*$")
_INDENT_CHARS = " \t\u00a0\u3000"


def segment_plain(text: str) -> list[Segment]:
    """Paragraphs, list items and headings of a plain-text file, with their line spans."""
    src = text.split("\n")
    segs: list[Segment] = []
    block: list[int] = []  # 1-based line numbers of the current segment
    pending_ignore: frozenset[str] = frozenset()
    ignores_for_block: frozenset[str] = frozenset()

    def flush():
        nonlocal block, ignores_for_block
        if block:
            seg = _block_segment(src, block, ignores_for_block)
            if seg:
                segs.append(seg)
        block = []
        ignores_for_block = frozenset()

    for n, line in enumerate(src, 1):
        content = line.strip(" \t\u00a0\u3000\u200b\ufeff")
        if not content:
            flush()
            continue
        if is_ignore_comment(content):
            flush()
            pending_ignore = pending_ignore | (parse_ignore(content) or frozenset())
            continue
        prev_heading = bool(block) and len(block) == 1 and _title_before(src[block[-1] - 1], content)
        if block and (starts_item(content) or prev_heading or _leaves_item(src, block, line)):
            flush()
        if not block:
            ignores_for_block = pending_ignore
            pending_ignore = frozenset()
        block.append(n)
    flush()
    return segs


def _block_segment(src: list[str], block: list[int], ignores: frozenset[str]) -> Segment | None:
    lines = make_lines(src, block[0], block[-1])
    seg = make_segment(lines, join_lines([ln.text for ln in lines]), "paragraph", ignores)
    if seg and len(lines) == 1 and _short_title(lines[0].text) and seg.kind == "paragraph":
        seg.kind = "heading"
    return seg


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(_INDENT_CHARS))


def _leaves_item(src: list[str], block: list[int], line: str) -> bool:
    """A line that is dedented below an indented list item whose text ended a
    sentence starts a new paragraph (`` • item。`` then ``Next paragraph``)."""
    first = src[block[0] - 1]
    if not starts_item(first.strip(_INDENT_CHARS)):
        return False
    return _indent(line) < _indent(first) and bool(_SENTENCE_END_RE.search(src[block[-1] - 1]))


def _title_before(prev: str, content: str) -> bool:
    """Is ``prev`` (the only line so far) a title above ``content``, rather than
    the first line of a hard-wrapped paragraph? A title is short, has no
    closing punctuation, is clearly shorter than the line below it, and the
    line below does not continue a sentence (lower-case start)."""
    prev = prev.strip(_INDENT_CHARS)
    if not _short_title(prev) or content[:1].islower():
        return False
    return len(prev) < 0.8 * len(content)


def _short_title(text: str) -> bool:
    text = text.strip(_INDENT_CHARS)
    if not text or _HEADING_END_RE.search(text):
        return False
    han = han_count(text)
    words = len(text.split())
    return (han and len(text) <= 25) or (not han and words <= 8 and len(text) <= 70)
