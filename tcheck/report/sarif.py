"""SARIF 2.1.0 report, as GitHub code scanning reads it.

One run; every registered rule is declared in ``tool.driver.rules`` (so a
result's ``ruleIndex`` is stable), each finding becomes one result with one
physical location (the text to fix) and ``relatedLocations`` for the aligned
counterparts in the other versions. Paths are relative to the repository
root (the nearest enclosing git work tree, else the working directory) under
the ``%SRCROOT%`` base, with forward slashes, as GitHub expects.
"""

from __future__ import annotations

import json as _json
import re
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..model import Finding, Span
from .paths import repo_relative

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "tcheck/v1"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: a stable URL per rule. tcheck has no public home yet, so this is a placeholder on the
#: reserved ``.invalid`` domain (it never resolves, and never points at someone else's
#: site); the full help travels inside the SARIF file (``fullDescription``, ``help``) and
#: ``tcheck rule ID`` prints the same text.
HELP_URI = "https://tcheck.invalid/rules/{id}"


# ---------------------------------------------------------------------------
# paths


def _uri(rel: str) -> str:
    """Percent-encode a relative path for use as a URI reference."""
    return quote(rel, safe="/-._~!$&'()*+,;=@")


def _file_uri(base: Path) -> str:
    s = base.as_posix()
    if not s.endswith("/"):
        s += "/"
    if not s.startswith("/"):  # Windows drive paths
        s = "/" + s
    return "file://" + quote(s, safe="/:-._~")


# ---------------------------------------------------------------------------
# rules


def _pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", rule_id) if part)


def rule_descriptor(rule_id: str, cls=None) -> dict:
    if cls is None:
        return {
            "id": rule_id,
            "name": _pascal(rule_id),
            "shortDescription": {"text": rule_id},
            "defaultConfiguration": {"level": "warning"},
        }
    summary = cls.summary() or rule_id
    full = cls.description() or summary
    help_text = cls.help()
    title, _, rest = help_text.partition("\n")
    return {
        "id": rule_id,
        "name": _pascal(rule_id),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": f"**{title}**\n{rest}"},
        "helpUri": HELP_URI.format(id=rule_id),
        "defaultConfiguration": {"level": LEVELS[cls.severity.label]},
        "properties": {"tags": ["translation", "consistency", getattr(cls, "scope", "cross")]},
    }


# ---------------------------------------------------------------------------
# results


class _Paths:
    """Caches each input path's relative URI and base directory."""

    def __init__(self):
        self.cwd = Path.cwd()
        self._memo: dict[str, tuple[str, Path | None]] = {}
        self.bases: set[Path | None] = set()

    def __call__(self, path: str) -> dict:
        if path not in self._memo:
            self._memo[path] = repo_relative(path, self.cwd)
        rel, base = self._memo[path]
        self.bases.add(base)
        if base is None:
            return {"uri": _file_uri(Path(rel)).rstrip("/")}
        return {"uri": _uri(rel), "uriBaseId": SRCROOT}


def _physical(paths: _Paths, span: Span) -> dict:
    region: dict = {
        "startLine": max(1, span.line),
        "startColumn": max(1, span.column),
        "endLine": max(span.end_line, span.line, 1),
    }
    if span.end_column is not None:
        region["endColumn"] = max(1, span.end_column)
    return {"artifactLocation": paths(span.path), "region": region}


def _message(f: Finding) -> str:
    text = f.message.strip()
    if f.suggestion:
        text += f"\nSuggestion: {f.suggestion.strip()}"
    return text


def _result(f: Finding, index: int, paths: _Paths, seen: dict[str, int]) -> dict:
    if not f.fingerprint:
        f.finalize()
    # two findings can share a fingerprint (the same stray paragraph twice);
    # keep them apart for code scanning, which merges equal fingerprints
    n = seen.get(f.fingerprint, 0) + 1
    seen[f.fingerprint] = n
    fp = f.fingerprint if n == 1 else f"{f.fingerprint}:{n}"
    primary = f.span
    res = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS[f.severity.label],
        "message": {"text": _message(f)},
        "locations": [
            {
                "physicalLocation": _physical(paths, primary),
                "logicalLocations": [{"name": f"{primary.lang} paragraph {primary.paragraph}", "kind": "paragraph"}],
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
        "properties": {"lang": primary.lang, "paragraph": primary.paragraph, "severity": f.severity.label},
    }
    related = []
    for i, span in enumerate(f.related, 1):
        related.append(
            {
                "id": i,
                "physicalLocation": _physical(paths, span),
                "message": {"text": f"{span.lang} counterpart: paragraph {span.paragraph} (line {span.line})"},
            }
        )
    if related:
        res["relatedLocations"] = related
    if f.evidence:
        res["properties"]["evidence"] = f.evidence
    if f.suggestion:
        res["properties"]["suggestion"] = f.suggestion
    return res


def sarif_dict(results) -> dict:
    from ..rules import all_rules

    registry = all_rules()
    rules = [rule_descriptor(rid, cls) for rid, cls in registry.items()]
    index = {r["id"]: i for i, r in enumerate(rules)}
    paths = _Paths()
    seen: dict[str, int] = {}
    out_results = []
    for res in results:
        for f in res.findings:
            if f.rule not in index:  # a rule outside the registry (plugins, tests)
                index[f.rule] = len(rules)
                rules.append(rule_descriptor(f.rule))
            out_results.append(_result(f, index[f.rule], paths, seen))
    run: dict = {
        "tool": {
            "driver": {
                "name": "tcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": out_results,
    }
    bases = {b for b in paths.bases if b is not None}
    if len(bases) == 1:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": _file_uri(next(iter(bases)))}}
    models = sorted({r.model for r in results if getattr(r, "model", None)})
    if models:
        run["properties"] = {"model": models[0] if len(models) == 1 else models}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(results) -> str:
    return _json.dumps(sarif_dict(results), ensure_ascii=False, indent=2) + "\n"
