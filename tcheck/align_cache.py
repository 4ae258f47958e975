"""Cache of whole-document alignments, beside the embedding cache.

A warm re-audit of an unchanged document skips the dynamic program. The key
covers everything the alignment depends on: the aligner's own source code,
the model id and version, and every segment's language, kind, label and
text. Files are written atomically (temporary file + rename), so parallel
runs never see half a file; an unreadable file is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from .cachefiles import count_entries, write_atomic
from .model import Alignment, Document, Row

FORMAT = 1


@lru_cache(maxsize=1)
def _code_hash() -> str:
    from . import align

    try:
        return hashlib.sha256(Path(align.__file__).read_bytes()).hexdigest()[:16]
    except OSError:  # pragma: no cover - frozen builds
        return "nocode"


def alignment_key(doc: Document, model: str, model_version: str) -> str:
    h = hashlib.sha256()
    h.update(f"{FORMAT}\0{_code_hash()}\0{model}\0{model_version}".encode())
    for v in doc.versions:
        h.update(f"\1{v.lang}".encode())
        for s in v.segments:
            h.update(f"\2{s.kind}\3{s.label}\3{s.text}".encode())
    return h.hexdigest()


def _path(directory: Path, key: str) -> Path:
    return Path(directory) / "alignments" / f"{key[:2]}" / f"{key}.json"


def load(directory: Path, key: str, langs: list[str]) -> Alignment | None:
    p = _path(directory, key)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        rows = []
        for r in data["rows"]:
            row = Row({lg: [int(i) for i in r["cells"].get(lg, [])] for lg in langs}, float(r["score"]))
            for a, b, s in r.get("pairs", []):
                row.pair_scores[(a, b)] = float(s)
            rows.append(row)
        if data.get("langs") != langs:
            return None
        return Alignment(list(langs), rows)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(directory: Path, key: str, alignment: Alignment) -> None:
    p = _path(directory, key)
    data = {
        "langs": alignment.langs,
        "rows": [
            {"cells": {lg: row.get(lg) for lg in alignment.langs}, "score": row.score,
             "pairs": [[a, b, s] for (a, b), s in row.pair_scores.items()]}
            for row in alignment.rows
        ],
    }
    write_atomic(p, json.dumps(data, separators=(",", ":")).encode("utf-8"))


def count(directory: Path) -> tuple[int, int]:
    return count_entries(Path(directory) / "alignments", "*/*.json")
