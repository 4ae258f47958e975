"""Links as Markdown, MDX and HTML write them, and links whose syntax is broken.

:func:`markdown_links` finds inline links ``[text](target "title")``, reference-style
links (``[text][id]``, ``[text][]``, ``[id]`` with an ``[id]: target`` definition
anywhere in the version: :func:`ref_definitions`), images (marked, never compared) and
link props of HTML/JSX tags (``<a href="…">``, ``<Link href="…">``, ``<Card link="…">``).
:func:`broken_links` finds link syntax that does not render as a link: text or a space
between ``]`` and ``(``, full-width ``（`` / ``）`` around the target, ``((target))``.
:func:`anchor_key` and :func:`anchor_ids` compare an in-page ``#fragment`` with the
headings and explicit ids of a version, whatever the generator's slug rule (GitHub,
Hexo, Starlight: case, punctuation and spaces differ, letters and digits do not).

Every pattern here is linear: no nested unbounded quantifiers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote

from .links import Link, url_link

_LABEL = r"((?:[^\[\]\n]|\[[^\[\]\n]*\])*)"
_DEST = r"<?((?:[^()\s<>]|\([^()\s]*\))*)>?"
_TITLE = r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?"""
INLINE_RE = re.compile(r"(!?)\[" + _LABEL + r"\]\(\s*" + _DEST + _TITLE + r"\s*\)")
REF_RE = re.compile(r"(!?)\[" + _LABEL + r"\](?:\[([^\[\]\n]*)\])?(?![(:\[])")
DEF_RE = re.compile(r"^[ \t]{0,3}\[([^\[\]\n]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t].*)?$", re.M)
# the target may hold template placeholders with spaces: href="/{{ page.lang }}/4x/api.html"
PROP_RE = re.compile(
    r"""<[A-Za-z][\w.:-]*\s[^<>]*?\b(?:href|link|to)\s*=\s*\{?\s*["']((?:[^"'\s<>{]|\{\{[^{}"'<>\n]{0,100}\}\}|\{)+)["']"""
)

_TARGET = r"(?:https?://|www\.|/|\./|\.\./|#)[^\s()（）<>\[\]]*"
# [text] (target): a space between ] and (
_SPACE_RE = re.compile(r"\[([^\[\]\n]+)\][ \t\u3000]+[(（](" + _TARGET + r")[)）]")
# [text]（target）, [text](target）, [text]（target): a full-width parenthesis
_WIDE_RE = re.compile(r"\[([^\[\]\n]+)\](?:（(" + _TARGET + r")[)）]|\((" + _TARGET + r")）)")
# [text] more words(target): text between ] and (
_GAP_RE = re.compile(r"\[([^\[\]\n]+)\]([^\[\]()（）:\n]{1,40}?)[(（](" + _TARGET + r")[)）]")
# [text]((target)) or ((target)): the target wrapped twice
_DOUBLE_RE = re.compile(r"(?:\[([^\[\]\n]+)\])?\(\((" + _TARGET + r")\)\)")
_TASK_RE = re.compile(r"[ xX]")


@dataclass(frozen=True)
class Broken:
    """Link syntax that renders as text: what is wrong, the target it meant, where."""

    what: str  # space | fullwidth | gap | double
    text: str  # the construct as written
    target: Link
    start: int  # offset in the source


def ref_definitions(source: str) -> dict[str, str]:
    """``[id]: target`` definitions of a Markdown text, by normalised label (first one wins)."""
    defs: dict[str, str] = {}
    for m in DEF_RE.finditer(source):
        defs.setdefault(_label(m.group(1)), m.group(2))
    return defs


def _label(s: str) -> str:
    """A reference label as compared: whitespace runs as one space, case folded, and NFKC (the link
    text is read NFKC-normalised: ``[目录（catalog）][]`` must find ``[目录（catalog）]: catalogs.md``)."""
    return unicodedata.normalize("NFKC", " ".join(s.split())).casefold()


def markdown_links(src: str, refs: dict[str, str] | None = None) -> list[tuple[Link, tuple[int, int]]]:
    """Links written as Markdown or as tag props in ``src``, with the span of their target."""
    out: list[tuple[Link, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for m in INLINE_RE.finditer(src):
        ln = url_link(m.group(3), image=bool(m.group(1)))
        taken.append(m.span())
        if ln is not None:
            out.append((ln, m.span(3)))
    refs = refs or {}
    if refs:
        for m in REF_RE.finditer(src):
            if any(a <= m.start() < b for a, b in taken):
                continue
            label = m.group(3) if m.group(3) else m.group(2)
            target = refs.get(_label(label or ""))
            if target is None or (m.group(3) is None and _TASK_RE.fullmatch(m.group(2) or "")):
                continue
            ln = url_link(target, text=target, image=bool(m.group(1)))
            if ln is not None:
                out.append((ln, m.span()))
    for m in PROP_RE.finditer(src):
        ln = url_link(m.group(1))
        if ln is not None:
            out.append((ln, m.span(1)))
    return out


def broken_links(src: str, refs: dict[str, str] | None = None) -> list[Broken]:
    """Link syntax in ``src`` that Markdown renders as plain text (see the module docstring)."""
    out: list[Broken] = []
    seen: set[int] = set()
    refs = refs or {}

    def add(what: str, m: re.Match, target: str) -> None:
        ln = url_link(target)
        if ln is None or m.start() in seen:
            return
        seen.add(m.start())
        out.append(Broken(what, m.group(0), ln, m.start()))

    for m in _DOUBLE_RE.finditer(src):
        add("double", m, m.group(2))
    for m in _WIDE_RE.finditer(src):
        add("fullwidth", m, m.group(2) or m.group(3))
    for m in _SPACE_RE.finditer(src):
        if _label(m.group(1)) not in refs:
            add("space", m, m.group(2))
    for m in _GAP_RE.finditer(src):
        gap = m.group(2)
        if _label(m.group(1)) in refs or not gap.strip() or _TASK_RE.fullmatch(m.group(1)):
            continue
        add("gap", m, m.group(3))
    return sorted(out, key=lambda b: b.start)


_ID_RE = re.compile(r"""\{:?[ \t]*#([^}\s]+)[^}\n]*\}|<[A-Za-z][^<>]*?\b(?:id|name)\s*=\s*["']([^"']+)["']""")


def anchor_key(s: str) -> str:
    """What a heading slug keeps of a heading or fragment: letters and digits, case folded."""
    s = unquote(s).casefold()
    return "".join(c for c in s if c.isalnum())


def anchor_ids(source: str) -> set[str]:
    """Explicit anchors of a text (``{#id}``, ``id="…"``, ``name="…"``) as :func:`anchor_key` keys."""
    return {anchor_key(m.group(1) or m.group(2)) for m in _ID_RE.finditer(source)}
