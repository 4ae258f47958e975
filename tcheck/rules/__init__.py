"""Rule registry.

Every rule is a small class in its own module with a stable ``id`` (a
contract: JSON, SARIF, config and suppressions use it), a default
``severity``, and a docstring whose first line is the one-line summary shown
by ``tcheck rules``; the rest of the docstring explains what it catches and
why. ``check(ctx)`` yields :class:`~tcheck.model.Finding` objects.

Rules never see files or the command line, only a :class:`RuleContext`.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator

from ..model import LANGS, Alignment, Document, Finding, Location, Segment, Severity, Span, Version, location

# Module names, in the order rules are listed. Adding a rule = adding a module
# here with one ``Rule`` subclass decorated by ``@register``.
RULE_MODULES = [
    "missing_paragraph",
    "semantic_drift",
    "entity_mismatch",
    "name_variant",
    "number_mismatch",
    "link_mismatch",
    "untranslated",
    "script_mix",
    "hans_hant_divergence",
    "duplicate_paragraph",
    "broken_spacing",
    "glossary_violation",
    "regional_vocabulary",
]

_REGISTRY: dict[str, type["Rule"]] = {}


def register(cls: type["Rule"]) -> type["Rule"]:
    if cls.id in _REGISTRY and _REGISTRY[cls.id] is not cls:
        raise RuntimeError(f"duplicate rule id {cls.id}")
    _REGISTRY[cls.id] = cls
    return cls


class Rule:
    id: str = ""
    severity: Severity = Severity.WARNING
    #: "cross" rules compare aligned versions; "single" rules look at one version.
    scope: str = "cross"
    #: rules that take precedence: a finding of this rule at the same spot (version,
    #: line, column) as one of theirs is dropped, so one problem is reported once
    yields_to: tuple[str, ...] = ()
    #: thresholds this rule reads from config (name -> default)
    options: dict[str, Any] = {}
    #: False for optional rules: they run only when the config turns them on
    #: (``rules.<id> = "on"`` or a severity).
    default_enabled: bool = True

    @classmethod
    def summary(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.strip().splitlines()[0] if doc else ""

    @classmethod
    def description(cls) -> str:
        return inspect.getdoc(cls) or ""

    def check(self, ctx: "RuleContext") -> Iterable[Finding]:  # pragma: no cover - interface
        raise NotImplementedError


def all_rules() -> dict[str, type[Rule]]:
    """Import every rule module once and return {id: class} in listing order."""
    for name in RULE_MODULES:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:  # a rule module not written yet
            if exc.name != f"{__name__}.{name}":
                raise
    # listing order = RULE_MODULES order, whatever order modules were imported in
    rank = {f"{__name__}.{name}": i for i, name in enumerate(RULE_MODULES)}
    ordered = sorted(_REGISTRY.items(), key=lambda kv: (rank.get(kv[1].__module__, len(rank)), kv[0]))
    return dict(ordered)


@dataclass
class RuleContext:
    """What a rule may look at."""

    document: Document
    alignment: Alignment
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule id -> {option: value}
    glossary: Any = None  # tcheck.glossary.Glossary | None
    similarity: Any = None  # callable(lang_a, idx_a_list, lang_b, idx_b_list) -> float | None

    # ---- helpers -------------------------------------------------------
    def option(self, rule: "Rule | str", name: str) -> Any:
        rid = rule if isinstance(rule, str) else rule.id
        cls = _REGISTRY.get(rid)
        default = cls.options.get(name) if cls else None
        return self.options.get(rid, {}).get(name, default)

    @property
    def versions(self) -> list[Version]:
        return self.document.versions

    def version(self, lang: str) -> Version | None:
        return self.document.get(lang)

    def aligned_pairs(self, a: str, b: str) -> Iterator[tuple[list[Segment], list[Segment], Any]]:
        """(segments of a, segments of b, row) for every row where both have text."""
        va, vb = self.version(a), self.version(b)
        if va is None or vb is None:
            return
        for row in self.alignment.pairs(a, b):
            yield [va[i] for i in row.get(a)], [vb[i] for i in row.get(b)], row

    def lang_pairs(self) -> list[tuple[str, str]]:
        langs = self.document.langs
        return [(langs[i], langs[j]) for i in range(len(langs)) for j in range(i + 1, len(langs))]

    def loc(self, lang: str, seg: Segment, needle: str | None = None) -> Location:
        return location(self.version(lang), seg, needle)

    def loc_at(self, lang: str, seg: Segment, line: int, column: int) -> Location:
        """The segment's location, pointing at a precise (line, column) inside it."""
        loc = self.loc(lang, seg)
        loc.at = (line, column)
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
        )
        return self._with_spans(f)

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
            Span(paths.get(r["lang"], f.locations[0].path), r["lang"], r["line"], r["column"],
                 r["end_line"], r["end_column"], r.get("paragraph") or 0)
            for r in ranges if r["column"] is not None
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
            if r not in out:
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


def _is_range(node: dict) -> bool:
    line = node.get("line")
    text = node.get("text") if isinstance(node.get("text"), str) and node.get("text") else None
    return isinstance(line, int) and not isinstance(line, bool) and (_start_col(node) is not None or bool(text))


def _range(node: dict, lang: str) -> dict:
    line, col = node["line"], _start_col(node)
    text = node.get("text") if isinstance(node.get("text"), str) and node.get("text") else None
    end_col = next((node[k] for k in ("end_column", "end_col") if isinstance(node.get(k), int)), None)
    end_line = node.get("end_line") if isinstance(node.get("end_line"), int) else line
    length = node.get("length")
    if end_col is None and col is not None:
        if isinstance(length, int) and length > 0:
            end_col = col + length
        elif text and "\n" not in text:
            end_col = col + len(text)
    para = node.get("paragraph") if isinstance(node.get("paragraph"), int) else None
    return {"lang": lang, "line": line, "column": col, "end_line": max(end_line, line),
            "end_column": end_col, "text": text, "paragraph": para}
