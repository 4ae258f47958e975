"""HTML pages (``.html``, ``.htm``) read by their visible text.

Block elements become segments with their line spans: ``p``, ``li``,
``h1``–``h6``, ``td``/``th``, ``dt``/``dd``, ``blockquote``, ``figcaption``,
``caption``, ``summary`` and text directly inside ``div``/``section``; ``pre``
becomes a ``code`` segment and ``<title>`` a ``meta`` one. What a reader does
not read as the page's text is left out: ``script``, ``style``, ``template``,
``noscript``, ``svg``, ``head``, forms' ``select``/``option``/``button``,
``nav`` and elements marked as navigation (``role="navigation"``, classes and
ids such as ``nav``, ``menu``, ``breadcrumb``, ``language-switcher``), page
``header``/``footer`` (outside ``article``/``main``), hidden elements, and
runs of language names (简体中文 / 繁體中文 / English: a language switcher).

The standard library's :class:`html.parser.HTMLParser` reads the page in
one pass; each text piece keeps its source position (``getpos()``), so
segments point at the exact lines and columns of their text.
"""

from __future__ import annotations

from html.parser import HTMLParser

from ..model import Line, Segment
from .kinds import language_names
from .labels import join_lines, make_segment, normalize_ws, parse_ignore

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

_SKIP = frozenset(
    "script style template noscript svg math select option optgroup button textarea nav iframe "
    "object embed canvas datalist menu dialog".split()
)
_CHROME = frozenset({"header", "footer"})  # skipped outside article/main
_CONTENT_ROOTS = frozenset({"article", "main"})
_BLOCK_KIND = {
    "p": "paragraph",
    "li": "item",
    "dt": "paragraph",
    "dd": "paragraph",
    "blockquote": "paragraph",
    "figcaption": "paragraph",
    "caption": "paragraph",
    "summary": "paragraph",
    "tr": "table",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "pre": "code",
    "title": "meta",
    "address": "paragraph",
    "legend": "paragraph",
    "label": "paragraph",
}
_BREAKS = frozenset(
    "div section article main aside ul ol dl table thead tbody tfoot tr body html hr figure details "
    "form fieldset center header footer".split()
) | frozenset(_BLOCK_KIND)
_ROW_BOUNDS = frozenset({"tr", "table", "thead", "tbody", "tfoot"})
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_NAV_WORDS = frozenset(
    "nav navbar navigation menu menubar breadcrumb breadcrumbs sidebar toc skip-link skiplink "
    "language-switcher lang-switcher language-selector lang-selector languages locale-switcher "
    "language-picker lang-menu site-header site-footer site-nav topbar".split()
)
_NAV_ROLES = frozenset({"navigation", "banner", "contentinfo", "menu", "menubar", "search"})


class _Piece:
    __slots__ = ("line", "col", "end_line", "end_col", "text")

    def __init__(self, line: int, col: int, text: str):
        self.line, self.col, self.text = line, col, text
        self.end_line, self.end_col = line, col + len(text)


class _PageReader(HTMLParser):
    def __init__(self, src_lines: list[str]):
        super().__init__(convert_charrefs=True)
        self.src = src_lines
        self.skip_tag = ""
        self.skip_depth = 0
        self.content_depth = 0  # open article/main elements
        self.stack: list[str] = []  # open block elements that give a kind
        self.pieces: list[_Piece] = []
        self.open_piece: _Piece | None = None
        self.kind = "paragraph"
        self.pending_ignore: frozenset[str] = frozenset()
        self.segs: list[Segment] = []
        self.last_br = False

    # -- positions ------------------------------------------------------
    def _close_piece(self) -> None:
        """End the last text piece where the current event starts."""
        if self.open_piece is not None:
            line, col = self.getpos()
            self.open_piece.end_line, self.open_piece.end_col = line, col
            self.open_piece = None

    # -- events ---------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        self._close_piece()
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag in _CONTENT_ROOTS:
            self.content_depth += 1
        if self._skipped(tag, attrs):
            if tag not in _VOID:
                self.flush()
                self.skip_tag, self.skip_depth = tag, 1
            return
        if tag == "br":
            if self.last_br:
                self.flush()
            else:
                self._add_text(" ")
            self.last_br = True
            return
        self.last_br = False
        if tag in _BREAKS and not self._inside_row(tag):
            self.flush()
            if tag in _BLOCK_KIND:
                self.stack.append(tag)
        elif tag in _BREAKS:
            self._add_text(" ")  # a block inside a table cell: the row stays one segment
        elif tag in ("td", "th"):
            if any(p.text.strip() for p in self.pieces):
                self.pieces.append(_Piece(0, 0, " | "))  # cells of a row joined like Markdown tables
        elif tag in ("img",):
            alt = dict(attrs).get("alt")
            if alt:
                self._add_text(f" {alt} ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and not self.skip_tag:
            self.handle_endtag(tag)
        elif self.skip_tag == tag and tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        self._close_piece()
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth <= 0:
                    self.skip_tag = ""
            return
        self.last_br = False
        if tag in _CONTENT_ROOTS and self.content_depth:
            self.content_depth -= 1
        if tag in _BREAKS and not self._inside_row(tag):
            self.flush()
            if tag in _BLOCK_KIND and tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass

    def handle_data(self, data):
        self._close_piece()
        if self.skip_tag:
            return
        if data.strip():
            self.last_br = False
        self._add_text(data)

    def handle_comment(self, data):
        self._close_piece()
        ignore = parse_ignore(data)
        if ignore and not self.skip_tag:
            self.flush()
            self.pending_ignore = self.pending_ignore | ignore

    def _add_text(self, data: str) -> None:
        line, col = self.getpos()
        piece = _Piece(line, col, data)
        self.pieces.append(piece)
        self.open_piece = piece

    def _skipped(self, tag: str, attrs) -> bool:
        if tag in _SKIP:
            return True
        if tag in _CHROME and not self.content_depth:
            return True
        a = {k: (v or "") for k, v in attrs}
        if "hidden" in a or a.get("aria-hidden") == "true" or "display:none" in a.get("style", "").replace(" ", ""):
            return True
        if a.get("role", "").lower() in _NAV_ROLES:
            return True
        words = set(a.get("class", "").lower().split()) | {a.get("id", "").lower()}
        return bool(words & _NAV_WORDS)

    # -- segments -------------------------------------------------------
    def flush(self) -> None:
        pieces, self.pieces = self.pieces, []
        self.open_piece = None
        kind = self._kind()
        text = "".join(p.text for p in pieces)
        if not text.strip():
            return
        lines = self._lines(pieces)
        if not lines:
            return
        plain = text if kind == "code" else normalize_ws(join_lines(text.split("\n")))
        seg = make_segment(lines, plain, kind if kind != "code" else "paragraph", self.pending_ignore)
        self.pending_ignore = frozenset()
        if seg is None:
            return
        if kind in ("code", "meta", "table"):
            seg.kind, seg.label, seg.text = kind, "", normalize_ws(plain)
        elif kind == "heading":
            seg.kind = kind
        self.segs.append(seg)

    def _inside_row(self, tag: str) -> bool:
        return tag not in _ROW_BOUNDS and bool(self.stack) and "tr" in self.stack

    def _kind(self) -> str:
        """The kind of the text now ending: the innermost heading, code, title or table row decides;
        else a paragraph inside a list item is the item (``<li><p>Text</p></li>``)."""
        for tag in reversed(self.stack):
            kind = _BLOCK_KIND[tag]
            if kind in ("heading", "code", "meta", "table"):
                return kind
        if "li" in self.stack:
            return "item"
        return _BLOCK_KIND.get(self.stack[-1], "paragraph") if self.stack else "paragraph"

    def _lines(self, pieces: list[_Piece]) -> tuple[Line, ...]:
        """One Line per source line the text pieces cover: the covered columns of that line."""
        spans: dict[int, list[int]] = {}
        for p in pieces:
            if not p.text.strip() or not p.line:
                continue
            for ln in range(p.line, p.end_line + 1):
                if not 1 <= ln <= len(self.src):
                    continue
                a = p.col if ln == p.line else 0
                b = p.end_col if ln == p.end_line else len(self.src[ln - 1])
                cur = spans.setdefault(ln, [a, b])
                cur[0], cur[1] = min(cur[0], a), max(cur[1], b)
        out = []
        for ln in sorted(spans):
            a, b = spans[ln]
            s = self.src[ln - 1][a:b]
            lead = len(s) - len(s.lstrip(" \t\u00a0\u3000"))
            body = s.strip(" \t\u00a0\u3000\r")
            if body:
                out.append(Line(ln, a + lead + 1, body))
        return tuple(out)


def segment_html(text: str) -> list[Segment]:
    """Segments of an HTML page: its visible block text with line spans (see the module docstring)."""
    reader = _PageReader(text.split("\n"))
    reader.feed(text)
    reader.close()
    reader._close_piece()
    reader.flush()
    return _drop_language_switchers(reader.segs)


def _drop_language_switchers(segs: list[Segment]) -> list[Segment]:
    """Leave out a segment of two or more language names, and runs of two or more one-name segments."""
    names = [language_names(s.text) for s in segs]
    out = []
    for k, s in enumerate(segs):
        n = names[k]
        run = n == 1 and ((k > 0 and names[k - 1] == 1) or (k + 1 < len(segs) and names[k + 1] == 1))
        if n >= 2 or run:
            continue
        out.append(s)
    return out
