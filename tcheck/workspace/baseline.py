"""Baselines: accept today's findings, report only new ones.

``tcheck audit … --write-baseline tcheck-baseline.json`` records every
current finding; ``--baseline tcheck-baseline.json`` then hides findings
recorded there and the exit status follows the new ones only.

An entry identifies its finding by the rule, the languages involved and the
finding's own evidence (:func:`evidence_id`): the evidence key the rule gives
(the number, link, term or characters at fault) and the offending text at the
finding's exact span. The paragraph around it counts only when the finding has
no precise span (a missing paragraph *is* its text). So editing a paragraph
elsewhere, or fixing one of two problems in it, leaves the other's entry
valid; line numbers never count. Version 1 files (paragraph fingerprints) are
still read and matched by fingerprint.

Entries are matched with multiplicity: a baseline holding one copy of a
finding hides one copy; a second identical finding is new. Entries for the
same file are used first, so a finding that moves to another file is still
matched when nothing in its own file claims the entry.

Entries of documents audited in the run that match no finding are *stale*
(the problem was fixed): :meth:`Baseline.apply` lists them, and
``--write-baseline FILE --prune`` rewrites FILE without them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from ..limits import read_bytes
from ..model import Finding, InputError, _norm_for_fp

BASELINE_VERSION = 2
READABLE_VERSIONS = (1, 2)


def offending_text(f: Finding, document) -> str | None:
    """The source text at the finding's exact span (one line, end known), else None."""
    span = f.span
    if span.end_column is None or span.end_line != span.line or document is None:
        return None
    v = document.get(span.lang) if hasattr(document, "get") else None
    if v is None or not 1 <= span.paragraph <= len(v):
        return None
    for ln in v[span.paragraph].lines:
        if ln.number == span.line:
            a, b = span.column - ln.column, span.end_column - ln.column
            if 0 <= a < b <= len(ln.text):
                return ln.text[a:b]
    return None


def evidence_texts(f: Finding) -> list[str]:
    """The texts of the ranges the finding's evidence names (``{"line", "column", "text"}`` dicts), sorted."""
    from ..rules.base import evidence_ranges

    lang = f.locations[0].lang if f.locations else ""
    found = {r["text"] for r in evidence_ranges(f.evidence, lang) if r.get("text") and r["text"].strip()}
    return sorted(found)


def evidence_id(f: Finding, document=None) -> str:
    """The finding's identity for the baseline: rule, languages, evidence key and offending text."""
    h = hashlib.sha256(b"tcheck-baseline-2\x00" + f.rule.encode())
    for loc in f.locations + f.counterparts:
        h.update(b"\x00" + loc.lang.encode())
    key = f.evidence.get("key") if isinstance(f.evidence, dict) else None
    if key is not None:
        h.update(b"\x02" + str(key).encode())
    anchors = evidence_texts(f)
    if not anchors:
        text = offending_text(f, document)
        anchors = [text] if text is not None and text.strip() else []
    if anchors:
        for text in anchors:
            h.update(b"\x03" + _norm_for_fp(text).encode())
    else:  # no precise span: the texts involved are the evidence
        for t in f.texts:
            h.update(b"\x01" + _norm_for_fp(t).encode())
    return h.hexdigest()[:32]


def entry_of(f: Finding, document=None) -> dict:
    return {
        "rule": f.rule,
        "id": evidence_id(f, document),
        "fingerprint": f.fingerprint,
        "path": f.locations[0].path,
        "message": f.message,
    }


def entries_of(results) -> list[dict]:
    out = [entry_of(f, res.document) for res in results for f in res.findings]
    out.sort(key=lambda e: (e["path"], e["rule"], e["id"], e["message"]))
    return out


def _dump(path: str | os.PathLike, entries: list[dict]) -> None:
    data = {"version": BASELINE_VERSION, "tool": "tcheck", "entries": entries}
    try:
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write baseline {path}: {exc.strerror}") from None


def write_baseline(path: str | os.PathLike, results) -> int:
    """Write every finding of ``results`` to ``path``; returns how many were written."""
    entries = entries_of(results)
    _dump(path, entries)
    return len(entries)


def write_pruned(path: str | os.PathLike, baseline: Baseline) -> tuple[int, int]:
    """Write ``baseline`` without the stale entries :meth:`Baseline.apply` found; (kept, dropped)."""
    stale = Counter(id(e) for e in baseline.stale)
    kept = [e for e in baseline.entries if not stale.get(id(e))]
    _dump(path, kept)
    return len(kept), len(baseline.entries) - len(kept)


def _ident(e: dict) -> str:
    """What an entry matches: its evidence id (version 2) or its fingerprint (version 1)."""
    return e.get("id") or "fp:" + e["fingerprint"]


class Baseline:
    """Entries with their counts, per path and overall."""

    def __init__(self, entries: list[dict]):
        self.entries = entries
        self.stale: list[dict] = []  # set by apply: entries of audited documents that matched nothing

    def __len__(self) -> int:
        return len(self.entries)

    def apply(self, results) -> int:
        """Remove baselined findings from ``results`` (sets each result's ``baseline``); returns the total.

        Afterwards :attr:`stale` holds the entries for files of these results that matched no finding.
        """
        pool: dict[tuple[str, str], list[dict]] = {}
        for e in self.entries:
            pool.setdefault((_norm_path(e.get("path", "")), _ident(e)), []).append(e)
        hidden: dict[int, set[int]] = {}
        idents: dict[tuple[int, int], tuple[str, str]] = {}
        for ri, res in enumerate(results):
            for fi, f in enumerate(res.findings):
                idents[ri, fi] = (evidence_id(f, res.document), "fp:" + f.fingerprint)
        # pass 1: the same file; pass 2: any file (the document was renamed or moved)
        for same_path in (True, False):
            for ri, res in enumerate(results):
                for fi, f in enumerate(res.findings):
                    if fi in hidden.get(ri, ()):
                        continue
                    if self._take(pool, _norm_path(f.locations[0].path), idents[ri, fi], same_path):
                        hidden.setdefault(ri, set()).add(fi)
        audited = {_norm_path(v.path) for res in results for v in getattr(res.document, "versions", [])}
        self.stale = [e for (path, _), left in pool.items() if path in audited for e in left]
        total = 0
        for ri, res in enumerate(results):
            gone = hidden.get(ri, set())
            res.findings = [f for fi, f in enumerate(res.findings) if fi not in gone]
            res.baseline = getattr(res, "baseline", 0) + len(gone)
            total += len(gone)
        return total

    @staticmethod
    def _take(pool: dict, path: str, idents: tuple[str, str], same_path: bool) -> bool:
        for ident in idents:
            if same_path:
                if pool.get((path, ident)):
                    pool[(path, ident)].pop()
                    return True
                continue
            for key, left in pool.items():
                if left and key[1] == ident:
                    left.pop()
                    return True
        return False


def _norm_path(p: str) -> str:
    return Path(p).as_posix() if p else ""


def load_baseline(path: str | os.PathLike) -> Baseline:
    """Read and validate a baseline file; InputError (one line) when it is not a usable baseline."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: baseline file not found (create it with --write-baseline {path})")
    try:
        data = json.loads(read_bytes(str(path)).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a tcheck baseline (invalid JSON: {exc})") from None
    except (RecursionError, ValueError):  # nested too deeply, an integer of thousands of digits
        raise InputError(f"{path}: not a tcheck baseline (JSON nested too deeply or a number too large)") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise InputError(f"{path}: not a tcheck baseline (expected an object with 'version' and 'entries')")
    version = data.get("version")
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise InputError(f"{path}: unsupported baseline version {version!r} (expected {BASELINE_VERSION})")
    for i, e in enumerate(data["entries"]):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) or not e["fingerprint"]:
            raise InputError(f"{path}: entries[{i}] has no fingerprint")
        if not isinstance(e.get("id", ""), str):
            raise InputError(f"{path}: entries[{i}].id must be a string, got {_kind(e['id'])}")
        if not isinstance(e.get("path", ""), str):
            raise InputError(f"{path}: entries[{i}].path must be a string, got {_kind(e['path'])}")
    return Baseline(data["entries"])


def _kind(value) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__
    )
