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
import os
import re
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..langs import LANGS
from ..model import Finding, Location

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "tcheck/v1"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


# ---------------------------------------------------------------------------
# paths


def find_root(path: str | os.PathLike) -> Path | None:
    """The nearest directory at or above ``path`` that holds ``.git`` (dir or file)."""
    p = Path(path).resolve()
    for d in (p, *p.parents) if p.is_dir() else p.parents:
        if (d / ".git").exists():
            return d
    return None


def repo_relative(path: str, cwd: Path | None = None) -> tuple[str, Path | None]:
    """(path relative to its repository root or ``cwd``, with ``/``; that base).

    The base is None when the file lies outside both: the path is then
    returned absolute (still with forward slashes).
    """
    p = Path(path).resolve()
    cwd = (cwd or Path.cwd()).resolve()
    for base in (find_root(p), cwd):
        if base is None:
            continue
        try:
            return p.relative_to(base).as_posix(), base
        except ValueError:
            continue
    return p.as_posix(), None


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
    return {
        "id": rule_id,
        "name": _pascal(rule_id),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {"text": full, "markdown": full},
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


_LANG_KEYS = frozenset(LANGS)


def evidence_spans(evidence, default_lang: str) -> list[dict]:
    """Every text span the evidence points at, in one shape.

    Rules record spans in several shapes (``spans: [...]``, ``span: {...}``,
    ``found_span``/``source_span``, ``spans: {lang: [...]}``); any dict with
    an integer ``line`` and a start column (``column``/``col``/``start_col``)
    or a ``text`` counts. Returns dicts with lang, line, column (or None),
    end_line, end_column (exclusive, or None) and text (or None).
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
        line = node.get("line")
        col = next((node[k] for k in ("column", "col", "start_col", "start_column") if isinstance(node.get(k), int)), None)
        text = node.get("text") if isinstance(node.get("text"), str) and node.get("text") else None
        if isinstance(line, int) and not isinstance(line, bool) and (col is not None or text):
            end_col = next((node[k] for k in ("end_column", "end_col") if isinstance(node.get(k), int)), None)
            end_line = node.get("end_line") if isinstance(node.get("end_line"), int) else line
            length = node.get("length")
            if end_col is None and col is not None:
                if isinstance(length, int) and length > 0:
                    end_col = col + length
                elif text and "\n" not in text:
                    end_col = col + len(text)
            sp = {"lang": here, "line": line, "column": col, "end_line": max(end_line, line),
                  "end_column": end_col, "text": text}
            if sp not in out:
                out.append(sp)
            return
        for k, v in node.items():
            if isinstance(v, (dict, list)):
                walk(v, k if k in _LANG_KEYS else here, depth + 1)

    if isinstance(evidence, dict):
        walk(evidence, default_lang, 0)
    return out


def _span_end(f: Finding, loc: Location) -> tuple[int, int] | None:
    """(endLine, endColumn) when the evidence gives the extent of the text at the location's start."""
    line, col = loc.start
    for sp in evidence_spans(f.evidence, f.locations[0].lang):
        if sp["lang"] == loc.lang and sp["line"] == line and sp["column"] == col and sp["end_column"]:
            if sp["end_line"] > line or sp["end_column"] > col:
                return sp["end_line"], sp["end_column"]
    return None


def _physical(paths: _Paths, loc: Location, end: tuple[int, int] | None = None) -> dict:
    line, col = loc.start
    region: dict = {"startLine": max(1, int(line)), "startColumn": max(1, int(col))}
    if end is not None:
        region["endLine"] = max(end[0], region["startLine"])
        region["endColumn"] = max(1, end[1])
    else:
        region["endLine"] = max(int(loc.end_line or line), region["startLine"])
    return {"artifactLocation": paths(loc.path), "region": region}


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
    primary = f.locations[0]
    res = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS[f.severity.label],
        "message": {"text": _message(f)},
        "locations": [{
            "physicalLocation": _physical(paths, primary, _span_end(f, primary)),
            "logicalLocations": [{"name": f"{primary.lang} paragraph {primary.paragraph}", "kind": "paragraph"}],
        }],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
        "properties": {"lang": primary.lang, "paragraph": primary.paragraph, "severity": f.severity.label},
    }
    related = []
    for i, loc in enumerate(list(f.locations[1:]) + list(f.counterparts), 1):
        related.append({
            "id": i,
            "physicalLocation": _physical(paths, loc, _span_end(f, loc)),
            "message": {"text": f"{loc.lang} counterpart: paragraph {loc.paragraph} (line {loc.line})"},
        })
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
        "tool": {"driver": {
            "name": "tcheck",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": rules,
        }},
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
