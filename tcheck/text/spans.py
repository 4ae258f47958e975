"""Exact source positions for the single-version text rules.

A segment's ``text`` is normalised (markup stripped, lines joined), so the
rules that must point at a few characters (script-mix, broken-spacing,
untranslated) work on the segment's source lines instead: :class:`RawText`
joins them with newlines and maps every offset back to (line, column).
:func:`mask_markup` blanks URLs, inline code, HTML tags and e-mail addresses
without moving anything, so the offsets stay valid.
"""

from __future__ import annotations

import bisect
import re

from ..model import Segment

_MASK_RES = [
    re.compile(r"`+[^`\n]*`+"),  # inline code
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # Markdown link / image target
    re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE),  # reference definition
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"</?[A-Za-z][^<>\n]*>"),  # HTML tags
    re.compile(r"(?:https?|ftp)://[^\s<>()（）\]\[\"'“”，。；]+|www\.[^\s<>()（）\]\[\"'“”，。；]+", re.IGNORECASE),
    # e-mail; tried only where a run of address characters starts, and never backtracked into,
    # so a 200,000-character word is scanned once (not once per position)
    re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+"),
    re.compile(r"\[email[\s\u00a0]*protected\]", re.IGNORECASE),
]


def mask_markup(text: str, fill: str = " ") -> str:
    """``text`` with code, URLs, e-mails and tags replaced by ``fill`` (same length)."""
    out = text
    for rx in _MASK_RES:
        out = rx.sub(lambda m: "".join("\n" if c == "\n" else fill for c in m.group(0)), out)
    return out


class RawText:
    """A segment's source lines joined with newlines, with offset -> position."""

    def __init__(self, seg: Segment):
        self.seg = seg
        self.starts: list[int] = []
        parts = []
        off = 0
        for ln in seg.lines:
            self.starts.append(off)
            parts.append(ln.text)
            off += len(ln.text) + 1
        self.text = "\n".join(parts)
        if not seg.lines:  # a segment built by hand without lines
            self.text = seg.raw or seg.text
            self.starts = [0]

    def pos(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of the character at ``offset``."""
        if not self.seg.lines:
            return self.seg.line, 1 + offset
        k = max(0, bisect.bisect_right(self.starts, offset) - 1)
        ln = self.seg.lines[k]
        return ln.number, ln.column + (offset - self.starts[k])

    def span(self, start: int, end: int) -> dict:
        """Evidence dict for ``text[start:end]``: line/column of its first and last character."""
        line, col = self.pos(start)
        end_line, end_col = self.pos(max(start, end - 1))
        return {
            "text": self.text[start:end],
            "line": line,
            "column": col,
            "end_line": end_line,
            "end_column": end_col + 1,  # exclusive, like SARIF endColumn
        }


def text_positions(seg: Segment) -> list[int]:
    """For every character of ``seg.text``, its offset in :class:`RawText` (greedy match).

    The comparison text is the source with markup dropped and whitespace
    normalised, so matching each character at the next equal source
    character recovers where it came from. Characters with no match (a space
    added where two lines were joined) take the next source offset.
    """
    raw = RawText(seg).text
    out: list[int] = []
    j = 0
    if seg.label:
        k = raw.find(seg.label)
        if k >= 0:
            j = k + len(seg.label)
    for ch in seg.text:
        if ch == " ":
            k = j
            while k < len(raw) and raw[k] not in " \n\t\u00a0\u3000":
                if k - j > 2:
                    break
                k += 1
            if k < len(raw) and raw[k] in " \n\t\u00a0\u3000":
                out.append(k)
                j = k + 1
            else:
                out.append(min(j, max(0, len(raw) - 1)))
            continue
        k = raw.find(ch, j)
        if k < 0:
            out.append(min(j, max(0, len(raw) - 1)))
        else:
            out.append(k)
            j = k + 1
    return out
