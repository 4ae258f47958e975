"""The data that flows through tcheck: files -> Versions -> Alignment -> Findings.

Everything here is plain data (dataclasses), so every stage can be tested
on its own and reporters never need to know how a finding was produced.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from enum import IntEnum

from .langs import LANGS  # noqa: F401  (re-exported: the language order)


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


@dataclass(frozen=True)
class Line:
    """One physical source line that contributes to a segment."""

    number: int  # 1-based line number in the file
    column: int  # 1-based column of ``text[0]`` in that line
    text: str  # the line's content, leading indentation removed


@dataclass
class Segment:
    """One paragraph, list item or heading of one version.

    ``raw`` is the source text (lines joined by newlines); ``text`` is the
    comparison text: inline markup stripped, whitespace normalised, the list
    label (``1.``, ``a)``, ``一、``) removed and kept in ``label``.
    """

    index: int  # 1-based within its version
    raw: str
    text: str
    line: int
    end_line: int
    kind: str = "paragraph"  # paragraph | heading | item | table | code | linklist | meta (load/kinds.py)
    label: str = ""
    lines: tuple[Line, ...] = ()
    ignores: frozenset[str] = frozenset()  # rule ids suppressed inline ("all" = every rule)
    front: str = ""  # the front-matter key the text comes from (title, description, content), if any

    def locate(self, needle: str, start: int = 0) -> tuple[int, int]:
        """(line, column) of the first occurrence of ``needle`` in the source.

        Falls back to the segment's first character when the needle cannot be
        found verbatim (e.g. it was normalised away).
        """
        if needle:
            seen = 0
            for ln in self.lines:
                pos = ln.text.find(needle)
                if pos >= 0:
                    if seen >= start:
                        return ln.number, ln.column + pos
                    seen += 1
        if self.lines:
            return self.lines[0].number, self.lines[0].column
        return self.line, 1

    @property
    def column(self) -> int:
        return self.lines[0].column if self.lines else 1


@dataclass
class Version:
    """One language version of a document (a whole file, or part of one)."""

    lang: str  # zh-Hans | zh-Hant | en
    path: str  # as given on the command line
    segments: list[Segment]
    region: str = ""  # "TW" / "HK" for zh-Hant when known, "" otherwise
    first_line: int = 1
    last_line: int = 1

    def __getitem__(self, index: int) -> Segment:  # 1-based
        return self.segments[index - 1]

    def __len__(self) -> int:
        return len(self.segments)

    @property
    def is_zh(self) -> bool:
        return self.lang.startswith("zh")


@dataclass
class Document:
    """All versions of one document being audited together."""

    versions: list[Version]

    def get(self, lang: str) -> Version | None:
        for v in self.versions:
            if v.lang == lang:
                return v
        return None

    @property
    def langs(self) -> list[str]:
        return [v.lang for v in self.versions]


@dataclass
class Row:
    """One alignment row: the 1-based segment indices of each version."""

    cells: dict[str, list[int]]
    score: float = 0.0
    # how closely the row's texts correspond, per pair of versions, computed the
    # same way with two or three versions: zh <-> en the embedding cosine,
    # zh-Hans <-> zh-Hant the character similarity after OpenCC conversion,
    # e.g. {("zh-Hans", "en"): 0.71}
    pair_scores: dict[tuple[str, str], float] = field(default_factory=dict)
    # embedding cosine of the row's texts per pair (zh-Hant read in Simplified
    # against zh-Hans): how close the meanings are
    meaning: dict[tuple[str, str], float] = field(default_factory=dict)

    def get(self, lang: str) -> list[int]:
        return self.cells.get(lang, [])


@dataclass
class Alignment:
    langs: list[str]
    rows: list[Row]

    def pairs(self, a: str, b: str):
        """Rows where both ``a`` and ``b`` have segments."""
        for row in self.rows:
            if row.get(a) and row.get(b):
                yield row

    def row_of(self, lang: str, index: int) -> Row | None:
        for row in self.rows:
            if index in row.get(lang):
                return row
        return None


@dataclass(frozen=True)
class Span:
    """A typed source range: what reporters point at (never the evidence).

    Lines and columns are 1-based; ``end_column`` is exclusive (like SARIF's
    ``endColumn``) and ``None`` when only the lines are known (the range then
    runs to the end of ``end_line``). ``paragraph`` is the 1-based segment
    index in its version (0 when unknown).
    """

    path: str
    lang: str
    line: int
    column: int
    end_line: int
    end_column: int | None = None
    paragraph: int = 0

    @property
    def start(self) -> tuple[int, int]:
        return self.line, self.column


@dataclass(frozen=True)
class Fix:
    """A safe mechanical edit: replace the source range with ``replacement``.

    Lines and columns are 1-based character positions in the decoded file, like
    :class:`Span`; ``end_col`` is exclusive. ``tcheck audit --diff`` shows the
    fixes of a run as a unified diff, ``--fix`` applies them (:mod:`tcheck.fix`).
    """

    path: str
    line: int
    col: int
    end_line: int
    end_col: int
    replacement: str
    original: str = ""  # the text the fix expects there ('' = not checked); a mismatch skips the fix

    def to_json(self) -> dict:
        return {
            "line": self.line,
            "column": self.col,
            "end_line": self.end_line,
            "end_column": self.end_col,
            "replacement": self.replacement,
        }


@dataclass
class Location:
    lang: str
    path: str
    paragraph: int
    line: int
    end_line: int
    column: int = 1
    # precise (line, column) of the offending text, when it is not on the
    # segment's first line; used by SARIF / GitHub annotations
    at: tuple[int, int] | None = None
    # precise (end_line, end_column exclusive) of the offending text, when known
    end: tuple[int, int] | None = None

    @property
    def start(self) -> tuple[int, int]:
        return self.at or (self.line, self.column)

    @property
    def span(self) -> Span:
        """The exact range of the offending text (or the segment from ``start`` on)."""
        line, col = self.start
        if self.end is not None:
            end_line, end_col = self.end
            return Span(self.path, self.lang, line, col, max(end_line, line), end_col, self.paragraph)
        return Span(self.path, self.lang, line, col, max(self.end_line or line, line), None, self.paragraph)

    def to_json(self) -> dict:
        return {
            "lang": self.lang,
            "path": self.path,
            "paragraph": self.paragraph,
            "line": self.line,
            "end_line": self.end_line,
            "column": self.column,
        }


def location(version: Version, seg: Segment, needle: str | None = None) -> Location:
    """A Location for ``seg``; ``at`` points at ``needle`` when it is found."""
    line, col = seg.locate(needle) if needle else (seg.line, seg.column)
    return Location(
        version.lang,
        version.path,
        seg.index,
        seg.line,
        seg.end_line,
        col if line == seg.line else seg.column,
        at=(line, col),
    )


def _norm_for_fp(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(text.split())


@dataclass
class Finding:
    rule: str
    severity: Severity
    message: str
    locations: list[Location]  # locations[0] carries the problem
    counterparts: list[Location] = field(default_factory=list)
    evidence: dict = field(default_factory=dict)
    suggestion: str | None = None
    texts: tuple[str, ...] = ()  # normalised texts the fingerprint is built from
    fingerprint: str = ""
    # every text range the finding is about (primary version and counterparts),
    # for highlighting; set by RuleContext.finding
    highlights: tuple[Span, ...] = ()
    # safe mechanical edits that resolve the finding (script-mix, broken-spacing,
    # do-not-translate terms); set by RuleContext.fix
    fixes: tuple[Fix, ...] = ()

    @property
    def span(self) -> Span:
        """Where the problem is: the primary location's exact range."""
        return self.locations[0].span

    @property
    def related(self) -> list[Span]:
        """The other versions' (and further) locations, as spans."""
        return [loc.span for loc in self.locations[1:] + self.counterparts]

    def finalize(self) -> Finding:
        """Compute the line-independent fingerprint."""
        h = hashlib.sha256()
        h.update(self.rule.encode())
        for loc in self.locations + self.counterparts:
            h.update(b"\x00" + loc.lang.encode())
        for t in self.texts:
            h.update(b"\x01" + _norm_for_fp(t).encode())
        key = self.evidence.get("key")
        if key is not None:
            h.update(b"\x02" + str(key).encode())
        self.fingerprint = h.hexdigest()[:32]
        return self

    def to_json(self) -> dict:
        out = {
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "locations": [loc.to_json() for loc in self.locations],
            "counterparts": [loc.to_json() for loc in self.counterparts],
            "evidence": self.evidence,
            "fingerprint": self.fingerprint,
        }
        if self.suggestion:
            out["suggestion"] = self.suggestion
        if self.fixes:
            out["fixes"] = [fx.to_json() for fx in self.fixes]
        return out


class InputError(Exception):
    """Bad input: reported as one line on stderr, exit status 2.

    Line breaks and other unprintable characters in the message (from a file
    name, a glossary cell) are shown escaped, so it stays one line.
    """

    def __str__(self) -> str:
        return one_line(super().__str__())


def one_line(text: str) -> str:
    """``text`` with line breaks and other unprintable characters shown as escapes (``\\n``)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
