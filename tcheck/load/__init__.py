"""Loading files into :class:`~tcheck.model.Version` objects.

Steps: read and decode (:mod:`.decode`) -> segment plain text (:mod:`.plain`)
or Markdown (:mod:`.markdown`, :mod:`.html`, :mod:`.inline`; labels and
inline ignores in :mod:`.labels`) -> split a file that holds several
language versions in sequence (:mod:`.split`).

Segments keep their 1-based start/end lines in the file, so every finding can
point at the exact place a translator has to edit. The language a path marks
(``policy.zh-TW.md``) is read by :mod:`tcheck.workspace.discovery` and passed
in as ``lang``; :mod:`.documents` loads the files of a run into Documents.
"""

from __future__ import annotations

from pathlib import Path

from ..model import InputError, Segment, Version
from .decode import MAX_FILE_SIZE, decode, read_text
from .htmlpage import HTML_SUFFIXES, segment_html
from .kinds import assign_kinds
from .labels import parse_ignore, split_label
from .markdown import segment_markdown
from .plain import segment_plain
from .split import decide_zh, split_versions

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdx", ".mdown"}


def is_markdown(path: str) -> bool:
    return Path(path).suffix.lower() in MARKDOWN_SUFFIXES


def is_html(path: str) -> bool:
    return Path(path).suffix.lower() in HTML_SUFFIXES


def segment(text: str, markdown: bool, html: bool = False, mdx: bool = False) -> list[Segment]:
    """The segments of a file's text, numbered from 1 (``mdx``: MDX has no indented code)."""
    segs = segment_html(text) if html else segment_markdown(text, mdx) if markdown else segment_plain(text)
    for i, s in enumerate(segs, 1):
        s.index = i
    assign_kinds(segs)  # code, link lists, language switchers (see .kinds)
    return segs


def load_versions(
    path: str, lang: str | None = None, region: str = "", *, max_size: int = MAX_FILE_SIZE
) -> list[Version]:
    """Read one file into one or more Versions; InputError when it has no text.

    ``lang`` (from ``--lang``, the config or the path) makes the file a single
    version; without it the file is split at its language boundaries.
    """
    text = read_text(path, max_size)
    segs = segment(text, is_markdown(path), is_html(path), Path(path).suffix.lower() == ".mdx")
    if not segs:
        why = " (the file has no paragraphs)"
        if text.strip():  # front matter, an include, an import or a component: a stub of the page
            why = ": a stub, only front matter and markup such as template tags, includes, imports or components"
        raise InputError(f"{path}: no text to audit{why}")
    if lang is not None:
        return [_version(lang, path, segs, region)]
    blocks = split_versions(segs)
    out = []
    for b in blocks:
        part = segs[b.start : b.end]
        blang = b.lang
        if blang in ("zh-Hans", "zh-Hant") and len(blocks) == 1:
            blang = decide_zh(part, blang)
        out.append(_version(blang, path, part, region if blang == "zh-Hant" else ""))
    return out


def _version(lang: str, path: str, segs: list[Segment], region: str) -> Version:
    for i, s in enumerate(segs, 1):
        s.index = i
    return Version(
        lang=lang, path=path, segments=segs, region=region, first_line=segs[0].line, last_line=segs[-1].end_line
    )


__all__ = [
    "MAX_FILE_SIZE",
    "decode",
    "is_markdown",
    "load_versions",
    "parse_ignore",
    "read_text",
    "segment",
    "split_label",
]
