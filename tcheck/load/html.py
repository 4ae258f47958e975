"""Text blocks of an HTML block inside Markdown.

``<pre>`` (code, pre-formatted output: ``<pre><code class="language-js">`` in Jekyll sites),
``<script>``, ``<style>``, ``<textarea>``, ``<template>``, ``<svg>`` and ``<math>`` render no
translatable prose: their text is no segment, like a fenced code block. A block closed by
``</h1>``..``</h6>`` is a heading.
"""

from __future__ import annotations

from html.parser import HTMLParser

from .inline import inline_plain
from .labels import join_lines

_HTML_BREAK_TAGS = frozenset(
    "p div li ul ol dl dt dd td th tr table thead tbody tfoot caption h1 h2 h3 h4 h5 h6 br hr "
    "aside blockquote section article header footer nav summary details figure figcaption pre".split()
)
_HTML_SKIP_TAGS = frozenset(["script", "style", "template", "svg", "math", "pre", "textarea"])
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())


class _TextBlocks(HTMLParser):
    """Collects (start line, end line, plain text) blocks; a block-level tag ends a block."""

    def __init__(self, first_line: int, md):
        super().__init__(convert_charrefs=True)
        self.first_line, self.md = first_line, md
        self.skip = 0
        self.cur: list[tuple[int, str]] = []  # (absolute line, text piece)
        self.blocks: list[tuple[int, int, str, str]] = []
        self.heading = False  # the open block is inside <h1>..<h6>

    def flush(self) -> None:
        heading, self.heading = self.heading, False
        text = "".join(piece for _, piece in self.cur)
        lines = [ln for ln, piece in self.cur if piece.strip()]
        self.cur.clear()
        if not text.strip() or not lines:
            return
        toks = self.md.parseInline(text.strip())
        plain = inline_plain(toks[0]) if toks else text
        plain = join_lines(plain.split("\n"))
        if plain.strip():
            self.blocks.append((min(lines), max(lines), plain, "heading" if heading else "paragraph"))

    def handle_starttag(self, tag, attrs):
        if tag in _HTML_SKIP_TAGS:
            self.skip += 1
        if tag in _HTML_BREAK_TAGS:
            self.flush()
        if tag in _HEADINGS:
            self.heading = True

    def handle_startendtag(self, tag, attrs):
        if tag in _HTML_BREAK_TAGS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in _HTML_SKIP_TAGS and self.skip:
            self.skip -= 1
        if tag in _HTML_BREAK_TAGS:
            self.flush()

    def handle_data(self, data):
        if self.skip or not data.strip():
            if data and self.cur:
                self.cur.append((self.cur[-1][0], " " if "\n" not in data else "\n"))
            return
        line = self.first_line + self.getpos()[0] - 1
        pieces = data.split("\n")
        for k, piece in enumerate(pieces):
            self.cur.append((line + k, piece + ("\n" if k < len(pieces) - 1 else "")))


def html_texts(html: str, first_line: int, md) -> list[tuple[int, int, str, str]]:
    """Text blocks of an HTML block: (start line, end line, plain text, kind).

    A block-level tag (``<p>``, ``<li>``, ``<td>``, ``<br>``...) ends a text
    block; Markdown inside the HTML (``markdown="1"``) is reduced to plain text.
    """
    parser = _TextBlocks(first_line, md)
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.blocks
