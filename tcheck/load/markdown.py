"""Markdown segmentation through markdown-it-py: paragraphs, headings, list items, table rows.

Front matter and code are skipped, inline markup is stripped, HTML blocks are
read for their text, and ``<!-- tcheck: ignore RULE -->`` applies to the next
segment. markdown-it drops text nested deeper than its limit: very deep
blockquote markers are reduced first, and a document still nested too deeply
(lists in lists, dozens of levels) is segmented as plain text, so no text is lost.
"""

from __future__ import annotations

import re

from ..model import Segment
from .front_matter import front_matter_end, front_matter_segments
from .html import html_texts
from .inline import inline_plain
from .labels import join_lines, make_lines, make_segment, normalize_ws, parse_ignore, split_label
from .plain import segment_plain
from .templates import prepare as prepare_templates

# deep enough for any real document (about 45 nested lists), shallow enough for
# markdown-it's recursion to stay far from Python's limit; blockquote markers
# beyond MAX_QUOTES on a line are dropped before parsing (the text stays)
MAX_NESTING = 100
MAX_QUOTES = 40
_DEEP_QUOTE_RE = re.compile(r"^ {0,3}(?:> ?){%d,}" % (MAX_QUOTES + 1), re.M)
_TABLE_RULE_RE = re.compile(r"[\s|:\-]*")


def strip_front_matter(text: str) -> str:
    """Blank out YAML/TOML front matter, keeping line numbers."""
    lines = text.split("\n")
    end = front_matter_end(lines)
    return "\n".join([""] * (end + 1) + lines[end + 1 :]) if end else text


def _parser(mdx: bool = False):
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    # MDX has no indented code: lines indented four spaces are text (a list inside an admonition)
    return md.disable("code") if mdx else md


def segment_markdown(text: str, mdx: bool = False) -> list[Segment]:
    """Segments of a Markdown file, with their line spans (``mdx``: read as MDX, without indented code)."""
    original, text = text, strip_front_matter(text)
    prep = prepare_templates(text)  # template, MDX and admonition markup out (same line count)
    md = _parser(mdx)
    tokens = md.parse(_DEEP_QUOTE_RE.sub("> " * MAX_QUOTES, prep.parse))
    if any(tok.level >= MAX_NESTING - 1 for tok in tokens):
        body = segment_plain(text)
    else:
        body = _Walker(prep.source, md).walk(tokens)
    # the title, description or banner the page renders; a page of front matter and markup
    # only (an include, a component) stays a stub without text
    return front_matter_segments(original) + body if body else []


class _Walker:
    """One pass over the block tokens, turning text-bearing blocks into Segments."""

    def __init__(self, src: list[str], md):
        self.src, self.md = src, md
        self.segs: list[Segment] = []
        self.pending_ignore: frozenset[str] = frozenset()
        self.items: list[list] = []  # open list items: [marker, first paragraph still to come]

    def add(self, start: int, end: int, plain: str, kind: str) -> Segment | None:
        """Add a segment for lines start..end; the pending inline ignore applies to it."""
        seg = make_segment(make_lines(self.src, start, end), plain, kind, self.pending_ignore)
        self.pending_ignore = frozenset()
        if seg:
            self.segs.append(seg)
        return seg

    def walk(self, tokens) -> list[Segment]:
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            t = tok.type
            if t == "html_block":
                self.html_block(tok)
            elif t == "list_item_open":
                self.items.append([(tok.info + tok.markup) if tok.info else tok.markup, True])
            elif t == "list_item_close" and self.items:
                self.items.pop()
            elif t in ("paragraph_open", "heading_open") and tok.map:
                self.block(tok, tokens[i + 1])
            elif t == "tr_open" and tok.map:
                i = self.table_row(tokens, i)
            i += 1
        return self.segs

    def html_block(self, tok) -> None:
        ignore = parse_ignore(tok.content.strip())
        if ignore:
            self.pending_ignore = self.pending_ignore | ignore
        elif tok.map:
            for start, end, plain, kind in html_texts(tok.content, tok.map[0] + 1, self.md):
                self.add(start, end, plain, kind)

    def block(self, tok, inline) -> None:
        """A paragraph or heading; the first paragraph of a list item becomes the item."""
        plain = join_lines(inline_plain(inline).split("\n"))
        kind = "heading" if tok.type == "heading_open" else "paragraph"
        if kind == "paragraph" and self.items and self.items[-1][1]:
            self.items[-1][1] = False
            kind = "item"
            marker = self.items[-1][0]
            # "2024. A year" parses as an ordered list starting at 2024:
            # keep the number as text when it is not a plausible label
            if marker and split_label(f"{marker} {plain}")[0]:
                plain = f"{marker} {plain}"
            elif marker and marker[0].isdigit():
                plain, kind = f"{marker} {plain}", "paragraph"
        seg = self.add(tok.map[0] + 1, tok.map[1], plain, kind)
        if seg and kind == "item" and seg.kind != "item" and seg.label:
            seg.kind = "item"

    def table_row(self, tokens, i: int) -> int:
        """A table row as one segment (cells joined by `` | ``); returns the index of its ``tr_close``."""
        tok = tokens[i]
        cells = []
        j = i + 1
        while j < len(tokens) and tokens[j].type != "tr_close":
            if tokens[j].type == "inline":
                cells.append(join_lines(inline_plain(tokens[j]).split("\n")))
            j += 1
        plain = " | ".join(c for c in cells if c.strip())
        if plain.strip() and not _TABLE_RULE_RE.fullmatch(plain):
            seg = self.add(tok.map[0] + 1, tok.map[1], plain, "table")
            if seg:
                seg.label, seg.text = "", normalize_ws(plain)
        else:
            self.pending_ignore = frozenset()
        return j
