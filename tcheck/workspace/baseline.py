"""Baselines: accept today's findings, report only new ones.

``tcheck audit … --write-baseline tcheck-baseline.json`` records every
current finding by its fingerprint (built from the rule, the languages and
the normalised texts, never from line numbers, so editing elsewhere in the
file does not invalidate it). ``--baseline tcheck-baseline.json`` then hides
findings recorded there and the exit status follows the new ones only.

Entries are matched with multiplicity: a baseline holding one copy of a
finding hides one copy; a second identical finding is new. Entries for the
same file are used first, so a finding that moves to another file is still
matched when nothing in its own file claims the entry.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from ..load.decode import read_bytes
from ..model import InputError

BASELINE_VERSION = 1


def entries_of(results) -> list[dict]:
    out = []
    for res in results:
        for f in res.findings:
            out.append(
                {
                    "rule": f.rule,
                    "fingerprint": f.fingerprint,
                    "path": f.locations[0].path,
                    "message": f.message,
                }
            )
    out.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"], e["message"]))
    return out


def write_baseline(path: str | os.PathLike, results) -> int:
    """Write every finding of ``results`` to ``path``; returns how many were written."""
    entries = entries_of(results)
    data = {"version": BASELINE_VERSION, "tool": "tcheck", "entries": entries}
    try:
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write baseline {path}: {exc.strerror}") from None
    return len(entries)


class Baseline:
    """Fingerprints with their counts, per path and overall."""

    def __init__(self, entries: list[dict]):
        self.by_path: Counter[tuple[str, str]] = Counter()
        for e in entries:
            self.by_path[(_norm_path(e.get("path", "")), e["fingerprint"])] += 1

    def __len__(self) -> int:
        return sum(self.by_path.values())

    def apply(self, results) -> int:
        """Remove baselined findings from ``results`` (sets each result's ``baseline``); returns the total."""
        left = Counter(self.by_path)
        hidden: dict[int, set[int]] = {}
        # pass 1: the same file; pass 2: any file (the document was renamed or moved)
        for same_path in (True, False):
            for ri, res in enumerate(results):
                for fi, f in enumerate(res.findings):
                    if fi in hidden.get(ri, ()):
                        continue
                    key = self._take(left, _norm_path(f.locations[0].path), f.fingerprint, same_path)
                    if key:
                        hidden.setdefault(ri, set()).add(fi)
        total = 0
        for ri, res in enumerate(results):
            gone = hidden.get(ri, set())
            res.findings = [f for fi, f in enumerate(res.findings) if fi not in gone]
            res.baseline = getattr(res, "baseline", 0) + len(gone)
            total += len(gone)
        return total

    @staticmethod
    def _take(left: Counter, path: str, fp: str, same_path: bool) -> bool:
        if same_path:
            if left[(path, fp)] > 0:
                left[(path, fp)] -= 1
                return True
            return False
        for key, n in left.items():
            if n > 0 and key[1] == fp:
                left[key] -= 1
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
    if type(version) is not int or version != BASELINE_VERSION:
        raise InputError(f"{path}: unsupported baseline version {version!r} (expected {BASELINE_VERSION})")
    for i, e in enumerate(data["entries"]):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) or not e["fingerprint"]:
            raise InputError(f"{path}: entries[{i}] has no fingerprint")
        if not isinstance(e.get("path", ""), str):
            raise InputError(f"{path}: entries[{i}].path must be a string, got {_kind(e['path'])}")
    return Baseline(data["entries"])


def _kind(value) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__
    )
