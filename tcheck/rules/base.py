"""The rule API: :class:`Rule`, typed options, and the :class:`RuleContext` a rule reads.

A rule is a small class with a stable ``id`` (a contract: JSON, SARIF,
config and suppressions use it), a default ``severity`` and the set of
``severities`` it can emit, an ``Options`` dataclass, and a structured
docstring: a one-line summary, then ``## What it catches``, ``## Why``,
``## Example``, ``## Not reported`` sections (``tcheck rule ID`` prints
them; the README table is generated from them). ``check(ctx)`` yields
:class:`~tcheck.model.Finding` objects built with :meth:`RuleContext.finding`.

Rules never see files or the command line, and never import each other:
shared knowledge lives in :mod:`tcheck.text`, similarity in the alignment
(:meth:`RuleContext.corresponds`, ``Row.pair_scores``, ``Row.meaning``).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from ..langs import LANGS
from ..model import Alignment, Document, Finding, Fix, InputError, Location, Row, Segment, Severity, Span, Version
from ..model import location as _location
from .options import OptionError, RuleOptions

SECTIONS = ("What it catches", "Why", "Example", "Not reported")


class Rule:
    id: ClassVar[str] = ""
    #: the default severity: the highest the rule emits
    severity: ClassVar[Severity] = Severity.WARNING
    #: every severity the rule can emit (defaults to ``(severity,)``); a test
    #: runs every rule on the fixtures and checks the emitted ones are listed
    severities: ClassVar[tuple[Severity, ...]] = ()
    #: "cross" rules compare aligned versions; "single" rules look at one version.
    scope: ClassVar[str] = "cross"
    #: rules that take precedence: a finding of this rule at the same spot (version,
    #: line, column) as one of theirs is dropped, so one problem is reported once
    yields_to: ClassVar[tuple[str, ...]] = ()
    #: False for optional rules: they run only when the config turns them on
    #: (``rules.<id> = "on"`` or a severity).
    default_enabled: ClassVar[bool] = True
    Options: ClassVar[type[RuleOptions]] = RuleOptions
    #: {name: default} of ``Options`` (kept for config validation and listings)
    options: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.options = cls.Options.defaults()
        if not cls.severities:
            cls.severities = (cls.severity,)
        elif cls.severity not in cls.severities:
            raise TypeError(f"{cls.__name__}: default severity {cls.severity.label} not among its severities")

    @classmethod
    def summary(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.strip().splitlines()[0] if doc else ""

    @classmethod
    def description(cls) -> str:
        return inspect.getdoc(cls) or ""

    @classmethod
    def severity_label(cls) -> str:
        """``error`` or, for a rule that also emits lower levels, ``error/warning``."""
        return "/".join(s.label for s in sorted(set(cls.severities), reverse=True))

    @classmethod
    def sections(cls) -> dict[str, str]:
        """The docstring's ``## Heading`` sections, {heading: text}."""
        out: dict[str, str] = {}
        doc = cls.description()
        parts = re.split(r"^## +(.+?)\s*$", doc, flags=re.MULTILINE)
        for head, body in zip(parts[1::2], parts[2::2]):
            out[head.strip()] = body.strip()
        return out

    @classmethod
    def help(cls) -> str:
        """What ``tcheck rule ID`` prints: the docstring, severities, overlaps and options."""
        lines = [f"{cls.id} ({cls.severity_label()}, {'one version' if cls.scope == 'single' else 'across versions'})"]
        if not cls.default_enabled:
            lines[0] += ", off by default"
        lines += ["", cls.description(), ""]
        if cls.yields_to:
            lines += ["## Overlaps", "", f"Yields to {', '.join(cls.yields_to)} at the same spot.", ""]
        lines += ["## Options", ""]
        docs = cls.Options.docs()
        if not docs:
            lines.append("None.")
        for name, default in cls.options.items():
            lines.append(f"- {name} = {_toml(default)}: {docs[name]}")
        return "\n".join(lines).rstrip() + "\n"

    def check(self, ctx: RuleContext) -> Iterable[Finding]:  # pragma: no cover - interface
        raise NotImplementedError


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


@dataclass
class RuleContext:
    """What a rule may look at: the document, its alignment, options, the glossary."""

    document: Document
    alignment: Alignment
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule id -> {option: value}
    glossary: Any = None  # tcheck.workspace.glossary.Glossary | None
    #: the pipeline's segment embedder (``embed(version) -> vectors``, cached), for the
    #: alignment stage's lazy sentence alignment (:mod:`tcheck.align.sentences`) only:
    #: rules read similarities from the rows and never embed
    embed: Callable[[Version], Any] | None = field(default=None, repr=False)
    _typed: dict[str, RuleOptions] = field(default_factory=dict, repr=False)
    _cuts: dict[tuple[str, str], float] | None = field(default=None, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)

    # ---- options -----------------------------------------------------------
    def options_for(self, rule: Rule | type[Rule]) -> RuleOptions:
        """The rule's typed options (config values over defaults, validated)."""
        if rule.id not in self._typed:
            try:
                self._typed[rule.id] = rule.Options.parse(self.options.get(rule.id))
            except OptionError as exc:
                raise InputError(f"options.{rule.id}: {exc}") from None
        return self._typed[rule.id]

    def option(self, rule: Rule | type[Rule], name: str) -> Any:
        return getattr(self.options_for(rule), name)

    # ---- versions and rows -------------------------------------------------
    @property
    def versions(self) -> list[Version]:
        return self.document.versions

    def version(self, lang: str) -> Version | None:
        return self.document.get(lang)

    def aligned_pairs(self, a: str, b: str) -> Iterator[tuple[list[Segment], list[Segment], Row]]:
        """(segments of a, segments of b, row) for every row where both have text."""
        va, vb = self.version(a), self.version(b)
        if va is None or vb is None:
            return
        for row in self.alignment.pairs(a, b):
            yield [va[i] for i in row.get(a)], [vb[i] for i in row.get(b)], row

    def corresponding_rows(self) -> Iterator[tuple[int, Row, list[str]]]:
        """(index, row, languages with text) for every row where two or more versions have text
        and every two of them correspond."""
        langs = self.document.langs
        for k, row in enumerate(self.alignment.rows):
            present = [lg for lg in langs if row.get(lg)]
            if len(present) < 2:
                continue
            if any(not self.corresponds(row, a, b) for i, a in enumerate(present) for b in present[i + 1 :]):
                continue
            yield k, row, present

    def lang_pairs(self) -> list[tuple[str, str]]:
        langs = self.document.langs
        return [(langs[i], langs[j]) for i in range(len(langs)) for j in range(i + 1, len(langs))]

    def corresponds(self, row: Row, a: str, b: str) -> bool:
        """Whether the row's ``a`` and ``b`` texts really translate each other.

        False when their pair score falls far below the document's norm for
        that pair (:mod:`tcheck.align.stats`): a rewritten or misplaced
        paragraph, which semantic-drift reports; rules comparing details
        (numbers, links) skip such pairs.
        """
        if self._cuts is None:
            from ..align.stats import pair_cuts

            self._cuts = pair_cuts(self.alignment, self.document.langs)
        key = (a, b) if (a, b) in self._cuts else (b, a)
        return key not in self._cuts or row.pair_scores.get(key, 1.0) >= self._cuts[key]

    def sentence_pairs(self, row: Row, a: str, b: str):
        """The sentences of ``row`` in ``a`` and ``b``, aligned (:mod:`tcheck.align.sentences`; lazy, cached)."""
        from ..align.sentences import aligner_for

        return aligner_for(self).pairs(row, a, b)

    def per_segment(self, what: Callable[[Segment], Any], lang: str, seg: Segment) -> Any:
        """``what(seg)``, computed once per segment (rules reading the same segment in several rows)."""
        key = (what, lang, seg.index)
        if key not in self._memo:
            self._memo[key] = what(seg)
        return self._memo[key]

    # ---- locations and findings --------------------------------------------
    def loc(self, lang: str, seg: Segment, needle: str | None = None) -> Location:
        return _location(self.version(lang), seg, needle)

    def loc_at(self, lang: str, seg: Segment, line: int, column: int, end: tuple[int, int] | None = None) -> Location:
        """The segment's location, pointing at a precise (line, column) inside it (to ``end``)."""
        loc = self.loc(lang, seg)
        loc.at = (line, column)
        loc.end = end
        if line == seg.line:
            loc.column = column
        return loc

    def finding(
        self,
        rule: Rule,
        message: str,
        at: Location,
        *,
        counterparts: list[Location] | None = None,
        evidence: dict | None = None,
        suggestion: str | None = None,
        texts: Iterable[str] = (),
        severity: Severity | None = None,
        fixes: Iterable[Fix] = (),
    ) -> Finding:
        f = Finding(
            rule=rule.id,
            severity=severity or rule.severity,
            message=message,
            locations=[at],
            counterparts=counterparts or [],
            evidence=evidence or {},
            suggestion=suggestion,
            texts=tuple(texts),
            fixes=tuple(fixes),
        )
        return self._with_spans(f)

    def fix(self, lang: str, start: tuple[int, int], end: tuple[int, int], replacement: str, original: str = "") -> Fix:
        """A :class:`Fix` replacing ``start``..``end`` (1-based (line, column), end exclusive) in ``lang``'s
        file; ``original`` is the text expected there (the fix is skipped when the file says otherwise)."""
        version = self.version(lang)
        path = version.path if version is not None else ""
        return Fix(path, start[0], start[1], end[0], end[1], replacement, original)

    def _with_spans(self, f: Finding) -> Finding:
        """Give every location its exact end and the finding its highlight spans.

        The ranges a rule records in its evidence (``{"line", "column",
        "end_column"}``-like dicts, per language) become typed :class:`Span`
        objects here, once, so reporters read spans and never evidence.
        """
        ranges = evidence_ranges(f.evidence, f.locations[0].lang)
        f.locations = [_with_end(loc, ranges) for loc in f.locations]
        f.counterparts = [_with_end(loc, ranges) for loc in f.counterparts]
        paths = {v.lang: v.path for v in self.document.versions}
        f.highlights = tuple(
            Span(
                paths.get(r["lang"], f.locations[0].path),
                r["lang"],
                r["line"],
                r["column"],
                r["end_line"],
                r["end_column"],
                r.get("paragraph") or 0,
            )
            for r in ranges
            if r["column"] is not None
        )
        return f


_LANG_KEYS = set(LANGS)


def _with_end(loc: Location, ranges: list[dict]) -> Location:
    """``loc`` with ``end`` set from the evidence range that starts where it does."""
    if loc.end is not None:
        return loc
    line, col = loc.start
    for r in ranges:
        if r["lang"] == loc.lang and r["line"] == line and r["column"] == col and r["end_column"]:
            if r["end_line"] > line or r["end_column"] > col:
                return replace(loc, end=(r["end_line"], r["end_column"]))
    return loc


def evidence_ranges(evidence, default_lang: str) -> list[dict]:
    """Every text range a rule's evidence names, in one shape.

    Any dict with an integer ``line`` and a start column (``column``/``col``/
    ``start_col``) or a ``text`` counts; a language key (``{"en": [...]}``)
    or a ``lang`` field says which version. Returns dicts with lang, line,
    column (or None), end_line, end_column (exclusive, or None), text (or
    None) and paragraph (or None).
    """
    out: list[dict] = []
    seen: set[tuple] = set()  # one range once, in linear time (an untranslated run can name 20,000)

    def walk(node, lang: str, depth: int):
        if depth > 5:
            return
        if isinstance(node, list):
            for x in node:
                walk(x, lang, depth + 1)
            return
        if not isinstance(node, dict):
            return
        here = node.get("lang") if isinstance(node.get("lang"), str) else lang
        if _is_range(node):
            r = _range(node, here)
            key = tuple(r.items())
            if key not in seen:
                seen.add(key)
                out.append(r)
            return
        for k, v in node.items():
            if isinstance(v, (dict, list)):
                walk(v, k if k in _LANG_KEYS else here, depth + 1)

    if isinstance(evidence, dict):
        walk(evidence, default_lang, 0)
    return out


def _start_col(node: dict) -> int | None:
    return next((node[k] for k in ("column", "col", "start_col", "start_column") if isinstance(node.get(k), int)), None)


def _text(node: dict) -> str | None:
    return node.get("text") if isinstance(node.get("text"), str) and node.get("text") else None


def _is_range(node: dict) -> bool:
    line = node.get("line")
    return isinstance(line, int) and not isinstance(line, bool) and (_start_col(node) is not None or bool(_text(node)))


def _range(node: dict, lang: str) -> dict:
    line, col, text = node["line"], _start_col(node), _text(node)
    end_col = next((node[k] for k in ("end_column", "end_col") if isinstance(node.get(k), int)), None)
    end_line = node.get("end_line") if isinstance(node.get("end_line"), int) else line
    length = node.get("length")
    if end_col is None and col is not None:
        if isinstance(length, int) and length > 0:
            end_col = col + length
        elif text and "\n" not in text:
            end_col = col + len(text)
    para = node.get("paragraph") if isinstance(node.get("paragraph"), int) else None
    return {
        "lang": lang,
        "line": line,
        "column": col,
        "end_line": max(end_line, line),
        "end_column": end_col,
        "text": text,
        "paragraph": para,
    }
