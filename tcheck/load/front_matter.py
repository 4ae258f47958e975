"""The translatable fields of YAML/TOML front matter (title, description, a banner's content).

Site generators render these on the page (the title, a meta description, an announcement
banner), so a version that announces another release or lacks its banner is drift like any
other. Only string values of the keys in :data:`TEXT_KEYS` are read, at any nesting depth
(``banner: content: |``), each named by its path (``banner.content``, ``hero.title``); dates, flags, paths, layout names and lists of tags are not text.
A minimal line reader, not a YAML parser: plain, quoted and block (``|``, ``>``) scalars.
"""

from __future__ import annotations

import html
import re

from ..model import Segment
from .labels import make_lines, make_segment

#: keys whose string value is text a translator writes (``title`` becomes a heading)
TEXT_KEYS = frozenset({"title", "description", "summary", "subtitle", "excerpt", "tagline", "content"})
_YAML_RE = re.compile(r"^(\s*)([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_TOML_RE = re.compile(r"^(\s*)([A-Za-z_][\w-]*)\s*=\s*(.*?)\s*$")
_BLOCK = re.compile(r"^[|>][+-]?\d*$")
_TAG_RE = re.compile(r"<[^<>]{0,400}>")
_NOT_TEXT_RE = re.compile(r"^(?:true|false|yes|no|null|~|[\d.:\- ]+|[/#.][^\s]*|\w+://\S+|\[.*\]|\{.*\})$", re.I)
SCAN = 400  # lines searched for the closing fence (as strip_front_matter)


def front_matter_end(lines: list[str]) -> int:
    """Index of the closing fence line, or 0 when the text has no front matter."""
    if not lines or lines[0].strip() not in ("---", "+++"):
        return 0
    fence = lines[0].strip()
    for i in range(1, min(len(lines), SCAN)):
        if lines[i].strip() in (fence, "..."):
            return i
    return 0


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _plain(value: str) -> str:
    return " ".join(html.unescape(_TAG_RE.sub("", value)).split())


def front_matter_segments(text: str) -> list[Segment]:
    """Segments (with their line spans) of the translatable front-matter fields of ``text``."""
    lines = text.split("\n")
    end = front_matter_end(lines)
    if not end:
        return []
    key_re = _TOML_RE if lines[0].strip() == "+++" else _YAML_RE
    out: list[Segment] = []
    parents: list[tuple[int, str]] = []  # (indent, key) of the mappings the current line is in
    i = 1
    while i < end:
        m = key_re.match(lines[i])
        if m:
            while parents and parents[-1][0] >= len(m.group(1)):
                parents.pop()
        if not m or m.group(2).lower() not in TEXT_KEYS:
            if m:
                parents.append((len(m.group(1)), m.group(2).lower()))
            i += 1
            continue
        indent, key, value = len(m.group(1)), m.group(2).lower(), m.group(3)
        path = ".".join([k for _, k in parents] + [key])  # hero.title is not the page's title
        first = last = i + 1  # 1-based lines of the value
        if _BLOCK.match(value):
            body = []
            j = i + 1
            while j < end and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > indent):
                if lines[j].strip():
                    body.append(lines[j].strip())
                    last = j + 1
                j += 1
            first = i + 2
            value = " ".join(body)
            i = j
        else:
            value = _unquote(value)
            i += 1
        plain = _plain(value)
        if not plain or _NOT_TEXT_RE.match(plain) or not any(c.isalpha() for c in plain):
            continue
        seg = make_segment(
            make_lines(lines, first, max(first, last)), plain, "heading" if key == "title" else "paragraph", frozenset()
        )
        if seg:
            seg.front = path
            out.append(seg)
    return out
