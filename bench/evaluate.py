"""Alignment accuracy against a gold file (used by ``make bench`` and the alignment tests).

Gold files (``fixtures/gold/*.align.json``) list, per row, the start lines
of the segments of each version that translate each other. Scores count
links between two versions: (a, b) for aligned segments, (a, None) /
(None, b) for segments without a counterpart.
"""

from __future__ import annotations

import json
from pathlib import Path

from tcheck.langs import LANGS, order
from tcheck.model import Alignment, Document


def _links(rows: list[dict[str, list[int]]], a: str, b: str) -> set:
    out = set()
    for r in rows:
        xa, xb = r.get(a, []), r.get(b, [])
        if xa and xb:
            out |= {(x, y) for x in xa for y in xb}
        elif xa:
            out |= {(x, None) for x in xa}
        elif xb:
            out |= {(None, y) for y in xb}
    return out


def alignment_rows_as_lines(doc: Document, alignment: Alignment) -> list[dict[str, list[int]]]:
    out = []
    for row in alignment.rows:
        out.append({lg: [doc.get(lg)[i].line for i in row.get(lg)] for lg in alignment.langs})
    return out


def score(pred: list[dict], gold: list[dict], a: str, b: str) -> dict[str, float]:
    p, g = _links(pred, a, b), _links(gold, a, b)
    tp = len(p & g)
    prec = tp / len(p) if p else 0.0
    rec = tp / len(g) if g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "gold_links": len(g)}


def load_gold(path: str | Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def gold_inputs(gold: dict, fixtures: str | Path) -> list[str]:
    """The files a gold describes: one ``source`` holding every version, or a
    ``files`` map ``{lang: path}`` (paths relative to ``fixtures``)."""
    base = Path(fixtures)
    if "files" in gold:
        return [str(base / p) for _, p in sorted(gold["files"].items(), key=lambda kv: order(kv[0]))]
    return [str(base / gold["source"])]


def gold_pairs(gold: dict) -> list[tuple[str, str]]:
    langs = [lg for lg in LANGS if any(r.get(lg) for r in gold["rows"])]
    return [(langs[x], langs[y]) for x in range(len(langs)) for y in range(x + 1, len(langs))]
