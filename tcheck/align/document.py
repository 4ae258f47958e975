"""Align the versions of one document: rows with their pairwise scores."""

from __future__ import annotations

import numpy as np

from ..model import Alignment, Document, Row, Version
from ..text import scripts
from .dp import align_pair
from .scorers import EmbeddingScorer, FuzzyScorer


def _lengths(v: Version) -> np.ndarray:
    # a Han character ~ 3 Latin characters of content; count "units" accordingly
    out = []
    for s in v.segments:
        han = scripts.han_count(s.text)
        out.append(float(han * 3 + (len(s.text) - han)))
    return np.array(out)


def _heads(v: Version) -> np.ndarray:
    return np.array([float(s.kind == "heading") for s in v.segments])


def _texts(v: Version) -> list[str]:
    return [s.text if not s.label else f"{s.label} {s.text}" for s in v.segments]


def align_document(doc: Document, embed) -> Alignment:
    """Align every version of ``doc``. ``embed(version) -> ndarray`` gives segment vectors."""
    vs = doc.versions
    langs = [v.lang for v in vs]
    if len(vs) == 1:
        v = vs[0]
        return Alignment(langs, [Row({v.lang: [s.index]}, 1.0) for s in v.segments])
    by = {v.lang: v for v in vs}
    zh = [v for v in vs if v.is_zh]
    en = by.get("en")
    rows: list[Row] = []
    if len(zh) == 2:
        hans, hant = by["zh-Hans"], by["zh-Hant"]
        zz = align_pair(FuzzyScorer(_texts(hans), _texts(hant), heads_a=_heads(hans), heads_b=_heads(hant),
                                    ea=embed(hans), eb=embed(hant)))
        pivot = [(b.a, b.b, b.score) for b in zz]
        if en is None:
            for a, b, s in pivot:
                r = Row({"zh-Hans": [i + 1 for i in a], "zh-Hant": [j + 1 for j in b]}, s)
                if a and b:
                    r.pair_scores[("zh-Hans", "zh-Hant")] = s
                rows.append(r)
            return Alignment(langs, rows)
        eh, et, ee = embed(hans), embed(hant), embed(en)
        lh, lt = _lengths(hans), _lengths(hant)
        dim = ee.shape[1]
        pe = np.zeros((len(pivot), dim), dtype=np.float32)
        pl = np.zeros(len(pivot))
        for k, (a, b, _) in enumerate(pivot):
            v = (eh[a].sum(axis=0) if a else 0) + (et[b].sum(axis=0) if b else 0)
            pe[k] = v / (np.linalg.norm(v) or 1.0)
            pl[k] = (lh[a].sum() if a else lt[b].sum())
        ph = np.array([float(all(hans[i + 1].kind == "heading" for i in a) if a else
                             all(hant[j + 1].kind == "heading" for j in b)) for a, b, _ in pivot])
        beads = align_pair(EmbeddingScorer(pe, ee, pl, _lengths(en), heads_a=ph, heads_b=_heads(en)))
        for bd in beads:
            cells = {"zh-Hans": [], "zh-Hant": [], "en": [j + 1 for j in bd.b]}
            for k in bd.a:
                a, b, _ = pivot[k]
                cells["zh-Hans"] += [i + 1 for i in a]
                cells["zh-Hant"] += [j + 1 for j in b]
            rows.append(_scored_row(cells, {"zh-Hans": eh, "zh-Hant": et, "en": ee}, by))
        return Alignment(langs, rows)
    # one Chinese version and English
    z = zh[0]
    ez, ee = embed(z), embed(en)
    beads = align_pair(EmbeddingScorer(ez, ee, _lengths(z), _lengths(en), heads_a=_heads(z), heads_b=_heads(en)))
    for bd in beads:
        cells = {z.lang: [i + 1 for i in bd.a], "en": [j + 1 for j in bd.b]}
        rows.append(_scored_row(cells, {z.lang: ez, "en": ee}, by))
    return Alignment(langs, rows)


def merged_vector(e: np.ndarray, idx: list[int]) -> np.ndarray:
    """Unit vector of the summed embeddings of 1-based segments ``idx`` (a merged bead)."""
    v = e[[i - 1 for i in idx]].sum(axis=0)
    return v / (np.linalg.norm(v) or 1.0)


def _scored_row(cells: dict[str, list[int]], emb: dict[str, np.ndarray], by: dict[str, Version]) -> Row:
    row = Row(cells)
    present = [lg for lg in cells if cells[lg]]
    scores = []
    for x in range(len(present)):
        for y in range(x + 1, len(present)):
            a, b = present[x], present[y]
            if a.startswith("zh") and b.startswith("zh"):
                from rapidfuzz import fuzz

                ta = scripts.to_simplified("".join(by[a][i].text for i in cells[a]))
                tb = scripts.to_simplified("".join(by[b][i].text for i in cells[b]))
                s = fuzz.ratio(ta, tb) / 100.0
            else:
                s = float(merged_vector(emb[a], cells[a]) @ merged_vector(emb[b], cells[b]))
            row.pair_scores[(a, b)] = round(s, 4)
            scores.append(s)
    row.score = round(float(np.mean(scores)), 4) if scores else 0.0
    return row
