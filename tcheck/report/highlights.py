"""Where the HTML report marks each finding: its spans in the segments' lines, else whole segments.

A finding's highlight spans (the texts it is about, in its own version and in
the counterparts) are marked precisely; a location with no such span is
marked by its own span when that has an end, else as the whole segment.
Roles: ``p`` for the finding's own version, ``c`` for a counterpart.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Document, Finding, Segment, Span

Mark = tuple[int, int, str, str]  # (start, end) offsets in a line's text, finding id, role


def seg_lines(seg: Segment) -> list[tuple[int, int, str]]:
    """(line number, column of the first character, text) of each source line of ``seg``."""
    if seg.lines:
        return [(ln.number, ln.column, ln.text) for ln in seg.lines]
    return [(seg.line + k, 1, t) for k, t in enumerate((seg.raw or seg.text).split("\n"))]


class Highlights:
    def __init__(self, doc: Document):
        self.doc = doc
        # lang -> line number -> (segment, column of its first character, text)
        self.lines: dict[str, dict[int, tuple[Segment, int, str]]] = {
            v.lang: {no: (seg, col, t) for seg in v.segments for no, col, t in seg_lines(seg)} for v in doc.versions
        }
        # (lang, segment index) -> line number -> marks
        self.spans: dict[tuple[str, int], dict[int, list[Mark]]] = defaultdict(lambda: defaultdict(list))
        # (lang, segment index) -> [(finding id, role)] for whole-segment marks
        self.whole: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)

    def place(self, f: Finding, fid: str) -> None:
        marked: set[tuple[str, int]] = set()
        for sp in f.highlights:
            role = "p" if sp.lang == f.span.lang else "c"
            marked |= self._mark(sp, fid, role)
        located = [(loc.span, "p") for loc in f.locations] + [(loc.span, "c") for loc in f.counterparts]
        for sp, role in located:
            seg = self._segment(sp)
            if seg is None or (sp.lang, seg.index) in marked:
                continue
            if sp.end_column is None or not self._mark(sp, fid, role):
                self.whole[(sp.lang, seg.index)].append((fid, role))
            marked.add((sp.lang, seg.index))

    def _segment(self, sp: Span) -> Segment | None:
        v = self.doc.get(sp.lang)
        if v is None or not 1 <= sp.paragraph <= len(v):
            return None
        return v[sp.paragraph]

    def _mark(self, sp: Span, fid: str, role: str) -> set[tuple[str, int]]:
        """Mark ``sp`` line by line; returns the segments it touched."""
        lines = self.lines.get(sp.lang, {})
        touched: set[tuple[str, int]] = set()
        if sp.line not in lines:
            return touched
        for no in range(sp.line, max(sp.end_line, sp.line) + 1):
            if no not in lines:
                continue
            seg, col, text = lines[no]
            start = sp.column - col if no == sp.line else 0
            end = len(text) if no < sp.end_line or sp.end_column is None else sp.end_column - col
            start, end = max(0, start), min(len(text), end)
            if end > start:
                self.spans[(sp.lang, seg.index)][no].append((start, end, fid, role))
                touched.add((sp.lang, seg.index))
        return touched
