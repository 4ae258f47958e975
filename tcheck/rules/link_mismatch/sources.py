"""What link-mismatch reads of a version beyond its segments: the text as written.

Segments keep their source lines with template tags blanked (load/templates.py), and a
reference definition (``[id]: url``) is no segment at all. The links of a segment are read
from the file's own lines at the segment's line span (when they still match the segment:
same length, same characters outside the blanked tags), with the version's reference
definitions, explicit anchors and heading keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Segment, Version
from ...text.links import Link, extract_links
from ...text.md_links import anchor_ids, anchor_key, ref_definitions


@dataclass
class VersionLinks:
    version: Version
    lines: list[str]  # the file's lines as written ([] when unreadable or changed)
    refs: dict[str, str]
    anchors: set[str]  # anchor keys of headings and explicit ids
    _memo: dict[int, list[Link]] = field(default_factory=dict)

    @classmethod
    def read(cls, version: Version) -> VersionLinks:
        from ...load.decode import read_text  # tcheck.load: only when a document is checked

        try:
            text = read_text(version.path)
        except Exception:  # noqa: BLE001 - standard input, a file gone since: the segments alone
            text = ""
        lines = text.splitlines()
        if not _matches(lines, version):
            lines = []
        source = "\n".join(lines) if lines else "\n".join(s.raw for s in version.segments)
        anchors = anchor_ids(source)
        anchors |= {anchor_key(s.text) for s in version.segments if s.kind == "heading"}
        return cls(version, lines, ref_definitions(source), anchors)

    def source(self, seg: Segment) -> str:
        """The segment's lines as written (template tags included)."""
        if not self.lines:
            return seg.raw
        return "\n".join(self.lines[seg.line - 1 : seg.end_line])

    def links(self, seg: Segment) -> list[Link]:
        if seg.index not in self._memo:
            self._memo[seg.index] = extract_links(seg, self.source(seg), self.refs)
        return self._memo[seg.index]

    def has_anchor(self, fragment: str) -> bool:
        return anchor_key(fragment) in self.anchors


def _matches(lines: list[str], version: Version) -> bool:
    """Do the file's lines still hold the segments (blanked template tags aside)?"""
    for seg in version.segments[:50]:
        for ln in seg.lines:
            if ln.number > len(lines):
                return False
            full = lines[ln.number - 1]
            part = full[ln.column - 1 : ln.column - 1 + len(ln.text)]
            if len(part) != len(ln.text) or any(a != b and b != " " for a, b in zip(part, ln.text)):
                return False
    return True
