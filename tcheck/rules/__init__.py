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
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from ..model import Alignment, Document, Finding, Location, Segment, Severity, Version, location

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
        return Finding(
            rule=rule.id,
            severity=severity or rule.severity,
            message=message,
            locations=[at],
            counterparts=counterparts or [],
            evidence=evidence or {},
            suggestion=suggestion,
            texts=tuple(texts),
        )
