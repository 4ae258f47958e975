"""MDX markup: ``import``/``export`` statements, JSX tags (``<Steps>``, ``<Aside type="tip">``,
``<Release.Provider>``, ``<Foo bar="x" />``) and Docusaurus/Starlight admonition fences (``:::note``).
Linear: the regexes have no nested quantifiers and a tag scan is bounded by ``MAX_TAG_CHARS``."""

from __future__ import annotations

import bisect
import re

from .template_tags import _code_ranges

_ADMONITION_RE = re.compile(r"[ \t]*:{3,}(?:[ \t]*[A-Za-z][\w-]*)?")
_IMPORT_START_RE = re.compile(r"import(?:\s+[\w*{$]|\s*[{'\"])")
_FROM_RE = re.compile(r"\sfrom\s*['\"]")
_EXPORT_RE = re.compile(r"export\s+(?:default\s+|const\s+|let\s+|var\s+|function\s+|async\s+|\{|\*)")
# a JSX element name: Capitalised (<Steps>, <TabItem>) or dotted (<Release.Provider>)
_JSX_NAME_RE = re.compile(r"[A-Z][\w]*(?:\.[\w]+)*|[a-z][\w]*(?:\.[\w]+)+")
MAX_TAG_LINES = 60  # a JSX opening tag spread over more lines than this is not one
MAX_TAG_CHARS = 2000  # a one-line JSX tag longer than this is kept as text
MAX_LONG_MISSES = 20  # tag scans per line allowed to run to MAX_TAG_CHARS without finding a ">"


def _is_import(s: str) -> bool:
    """An MDX/ES ``import`` statement's first line (``import X from '…'``, ``import '…'``, ``import {``)."""
    if not _IMPORT_START_RE.match(s):
        return False
    rest = s[6:].lstrip()
    return rest[:1] in "'\"" or bool(_FROM_RE.search(s)) or s.rstrip(";").rstrip().endswith(("{", ","))


def _ends_import(line: str, first: bool) -> bool:
    s = line.strip()
    if first:
        return not s.rstrip(";").rstrip().endswith(("{", ","))
    return bool(_FROM_RE.search(" " + s)) or s.endswith(";") or s.startswith("}")


def _admonition_title(line: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of an admonition's title in ``line`` (``[Title]`` or text after the type), or None."""
    rest = line[pos:]
    body = rest.strip()
    if not body:
        return None
    start = pos + (len(rest) - len(rest.lstrip()))
    end = pos + len(rest.rstrip())
    if line[start] == "[" and line[end - 1] in "]］":
        start, end = start + 1, end - 1
    elif line[start] == "{":
        return None  # ":::note{.class}" attributes only
    while start < end and line[start] == " ":
        start += 1
    return (start, end) if start < end else None


def _depth_change(line: str) -> int:
    d = 0
    for _a, b, _name, closing in _jsx_tags(line):
        if closing:
            d -= 1
        elif line[b - 2 : b] != "/>":
            d += 1
    return d


def _dedent_jsx_children(parse: list[str], jsx_depth: dict[int, int]) -> None:
    """Unindent the children of JSX elements, as MDX does: indented text inside ``<Card>`` is
    prose, not an indented code block (MDX has none), and an indented fence stays a fence."""
    stack: list[int] = []  # per open element: indentation of its first child line (-1: not seen)
    for i, line in enumerate(parse):
        d = jsx_depth.get(i)
        if d is not None:
            if d > 0:
                stack.extend([-1] * min(d, MAX_TAG_LINES))
            elif d < 0:
                del stack[max(0, len(stack) + d) :]
            continue
        if not stack or not line.strip():
            continue
        ind = len(line) - len(line.lstrip(" \t"))
        if stack[-1] < 0:
            stack[-1] = ind
        k = min(ind, stack[-1])
        if k:
            parse[i] = line[k:]


def _jsx_tags(text: str, start: int = 0):
    """Yield (start, end, name, closing) for every JSX tag in ``text`` from ``start``.

    A tag is ``<Name …>``, ``</Name>`` or ``<Name … />`` on one line, Name
    Capitalised or dotted; a ``>`` inside quotes or braces does not end it.
    """
    i = start
    n = len(text)
    long_misses = 0
    while True:
        j = text.find("<", i)
        if j < 0 or j + 1 >= n:
            return
        k = j + 1
        closing = text[k] == "/"
        if closing:
            k += 1
        m = _JSX_NAME_RE.match(text, k)
        if not m or (m.end() < n and text[m.end()] not in " \t/>"):
            i = j + 1
            continue
        end = _tag_end(text, m.end())
        if end < 0:
            if end == -2:
                long_misses += 1
                if long_misses > MAX_LONG_MISSES:
                    return
            i = j + 1
            continue
        yield j, end, m.group(), closing
        i = end


def _tag_end(text: str, k: int) -> int:
    """Index after the ``>`` closing a tag whose attributes start at ``k``; -1 when a ``<``
    comes first, -2 when the line or ``MAX_TAG_CHARS`` ends first."""
    quote = ""
    depth = 0
    n = min(len(text), k + MAX_TAG_CHARS)
    while k < n:
        c = text[k]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'`":
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif c == ">" and not depth:
            return k + 1
        elif c == "<" and not depth:
            return -1
        k += 1
    return -2


def _jsx_only(line: str) -> bool:
    """Is ``line`` only JSX tags (and blanks)?"""
    pos = 0
    seen = False
    for a, b, _name, _closing in _jsx_tags(line):
        if line[pos:a].strip():
            return False
        pos = b
        seen = True
    return seen and not line[pos:].strip()


def _opens_multiline_jsx(line: str) -> bool:
    """``<Card`` or ``<Tabs syncKey="x"`` with no ``>`` on the line: an opening tag spread over lines."""
    if not line.startswith("<") or len(line) < 2:
        return False
    m = _JSX_NAME_RE.match(line, 1)
    if not m or (m.end() < len(line) and line[m.end()] not in " \t"):
        return False
    return _tag_end(line, m.end()) == -2 and line.count("<") == 1


def strip_jsx(line: str) -> str:
    """``line`` without its JSX tags (their text children stay)."""
    if "<" not in line:
        return line
    code = _code_ranges(line) if "`" in line else []
    starts = [c0 for c0, _ in code]
    out, pos = [], 0
    for a, b, _name, _closing in _jsx_tags(line):
        k = bisect.bisect_right(starts, a) - 1
        if k >= 0 and a < code[k][1]:
            continue  # `<Steps>` written as code is text
        out.append(line[pos:a])
        pos = b
    if not pos:
        return line
    out.append(line[pos:])
    return "".join(out)
