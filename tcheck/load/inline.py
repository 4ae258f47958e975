"""Plain text of Markdown inline content: markup, attribute lists and template macros removed.

Every pattern here runs in linear time on any input: the scanners below find
delimiters with ``str.find`` and sorted positions instead of regexes that
could backtrack over a long line.
"""

from __future__ import annotations

import bisect
import re

# kramdown / Python-Markdown attribute lists and Pandoc heading ids:
# "## Search {: #defaultsearch }", "# Title {#title}"; the blanks before one go too
_ATTR_LIST_RE = re.compile(r"\{:[^{}\n]*\}|\{#[\w:.-]+(?:\s+[.#][\w:.-]+)*\}\s*$")
_QUOTED_RE = re.compile(r"""["']([^"']+)["']""")
_OPENER_RE = re.compile(r"\{[{%]")
_STRONG_DELIMS = ("**", "__")
_DELIM_RE = re.compile(r"\*\*|__")


def inline_plain(token) -> str:
    """Plain text of an inline token: markup, URLs, HTML tags, attribute lists and templates dropped."""
    text = strip_leftover_strong(strip_attr_lists(_inline_text(token)))
    if "{{" in text or "{%" in text:
        text = strip_templates(text)
    return text


def _inline_text(token) -> str:
    out = []
    for child in token.children or []:
        t = child.type
        if t in ("text", "code_inline"):
            out.append(child.content)
        elif t in ("softbreak", "hardbreak"):
            out.append("\n")
        elif t == "image":
            out.append(child.content or "")
    return "".join(out)


def strip_attr_lists(text: str) -> str:
    """``text`` without attribute lists (``{: .class}``, a trailing ``{#id}``) and the blanks before them."""
    out, last = [], 0
    for m in _ATTR_LIST_RE.finditer(text):
        out.append(text[last : m.start()].rstrip())
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def strip_templates(text: str) -> str:
    """Template syntax of documentation generators removed.

    MDN/KumaScript ``{{Glossary("CORS", "跨源")}}``, Jinja/Liquid ``{{ var }}``
    ``{% tag %}``, Hugo ``{{< ref "x" >}}``. A ``{{…}}`` macro shows its last
    quoted argument (the text a reader sees); anything else is dropped. An
    opener without a closer stays as text.
    """
    out, pos, i = [], 0, 0
    unclosed = set()  # closers known to be absent from the rest of the text
    while True:
        m = _OPENER_RE.search(text, i)
        if m is None:
            break
        start = m.start()
        closer = "}}" if m.group() == "{{" else "%}"
        end = -1 if closer in unclosed else text.find(closer, start + 2)
        if end < 0:
            unclosed.add(closer)
            i = start + 1
            continue
        out.append(text[pos:start])
        if closer == "}}":
            out.append(_macro_text(text[start + 2 : end]))
        pos = i = end + 2
    out.append(text[pos:])
    return "".join(out)


def _macro_text(inner: str) -> str:
    if inner[:1] in ("<", "%"):
        inner = inner[1:]
    if inner[-1:] in (">", "%"):
        inner = inner[:-1]
    args = _QUOTED_RE.findall(inner)
    return args[-1] if args else ""


def strip_leftover_strong(text: str) -> str:
    """``**x**`` / ``__x__`` that CommonMark left unclosed, reduced to ``x``.

    CommonMark does not close "**安全浏览：**不推荐" (punctuation before the
    closing ``**`` and a CJK letter after it), so the delimiters stay in the
    text. Pairs are matched left to right within a line: an opener is followed
    by a non-blank, a closer preceded by one.
    """
    if "**" not in text and "__" not in text:
        return text
    closers = {d: _closer_positions(text, d) for d in _STRONG_DELIMS}
    newlines = [k for k, ch in enumerate(text) if ch == "\n"]
    out, pos, i = [], 0, 0
    while (m := _DELIM_RE.search(text, i)) is not None:
        i = m.start()
        end = _strong_end(text, i, closers, newlines)
        if end is None:
            i += 1
            continue
        out.append(text[pos:i])
        out.append(text[i + 2 : end])
        pos = i = end + 2
    out.append(text[pos:])
    return "".join(out)


def _closer_positions(text: str, delim: str) -> list[int]:
    out, j = [], text.find(delim, 1)
    while j >= 0:
        if not text[j - 1].isspace():
            out.append(j)
        j = text.find(delim, j + 1)
    return out


def _strong_end(text: str, i: int, closers: dict[str, list[int]], newlines: list[int]) -> int | None:
    """Start of the closer matching an opener at ``i`` on the same line, or None."""
    nl = bisect.bisect_left(newlines, i + 2)
    line_end = newlines[nl] if nl < len(newlines) else len(text)
    for delim in _STRONG_DELIMS:
        if not text.startswith(delim, i) or i + 2 >= len(text) or text[i + 2].isspace():
            continue
        positions = closers[delim]
        k = bisect.bisect_left(positions, i + 3)
        if k < len(positions) and positions[k] < line_end:
            return positions[k]
    return None
