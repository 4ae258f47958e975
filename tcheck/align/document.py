"""Align the versions of one document: rows with their pairwise scores."""

from __future__ import annotations

from copy import copy

import numpy as np
from rapidfuzz import fuzz

from ..langs import LANGS
from ..model import Alignment, Document, Row, Version
from ..text import scripts
from .dp import align_pair
from .repair import repair
from .scorers import EmbeddingScorer, FuzzyScorer
from .stats import is_stub


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
    """Align every version of ``doc``. ``embed(version) -> ndarray`` gives segment vectors.

    The front-matter fields a page renders (title, description, a banner) are paired by their
    key; the body is aligned without them, so they never move the body's alignment.
    """
    heads = {v.lang: sum(1 for s in v.segments if s.front) for v in doc.versions}
    bodies = Document([_tail(v, heads[v.lang]) for v in doc.versions])
    if len(doc.versions) < 2 or not any(heads.values()) or not all(len(v) for v in bodies.versions):
        return _align_body(doc, embed)  # no front matter, or a version that is nothing else
    body = _align_body(bodies, embed)  # the vector cache answers the body's texts again
    for row in body.rows:
        row.cells = {lg: [i + heads[lg] for i in idx] for lg, idx in row.cells.items()}
    return Alignment(body.langs, _front_rows(doc, heads, embed) + body.rows)


def _tail(v: Version, n: int) -> Version:
    """``v`` without its first ``n`` segments, renumbered from 1."""
    segs = []
    for s in v.segments[n:]:
        t = copy(s)
        t.index = s.index - n
        segs.append(t)
    return Version(v.lang, v.path, segs, v.region, v.first_line, v.last_line)


def _front_rows(doc: Document, heads: dict[str, int], embed) -> list[Row]:
    """The front-matter fields paired by their key path, in the order of every version.

    The versions' key sequences are matched in order (a field that moved or that one version
    lacks gets a row of its own), so each version's fields stay in order and each is in one row;
    a key that repeats (``items.title`` of a list) is paired by its occurrence."""
    import difflib

    rows: list[tuple[str, dict[str, list[int]]]] = []
    for v in doc.versions:
        segs = v.segments[: heads[v.lang]]
        seen: dict[str, int] = {}
        keys = []
        for s in segs:
            seen[s.front] = seen.get(s.front, 0) + 1
            keys.append(f"{s.front}#{seen[s.front]}")
        if not rows:
            rows = [(k, {v.lang: [s.index]}) for k, s in zip(keys, segs)]
            continue
        matcher = difflib.SequenceMatcher(None, [k for k, _ in rows], keys, autojunk=False)
        merged = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for (key, cells), s in zip(rows[i1:i2], segs[j1:j2]):
                    cells[v.lang] = [s.index]
                    merged.append((key, cells))
            else:
                merged.extend(rows[i1:i2])
                merged.extend((k, {v.lang: [s.index]}) for k, s in zip(keys[j1:j2], segs[j1:j2]))
        rows = merged
    by = {v.lang: v for v in doc.versions}
    emb = {v.lang: embed(v) for v in doc.versions}
    hant_s = embed(simplified_view(by["zh-Hant"])) if "zh-Hans" in by and "zh-Hant" in by else None
    langs = [v.lang for v in doc.versions]
    return [_scored_row({lg: cells.get(lg, []) for lg in langs}, emb, by, hant_s) for _, cells in rows]


def _align_body(doc: Document, embed) -> Alignment:
    """Align every version of ``doc``. ``embed(version) -> ndarray`` gives segment vectors.

    Every row carries ``pair_scores`` and ``meaning`` for each pair of
    versions it holds, computed the same way whatever the number of versions.
    """
    vs = doc.versions
    langs = [v.lang for v in vs]
    if len(vs) == 1:
        v = vs[0]
        return Alignment(langs, [Row({v.lang: [s.index]}, 1.0) for s in v.segments])
    by = {v.lang: v for v in vs}
    zh = [v for v in vs if v.is_zh]
    en = by.get("en")
    emb = {v.lang: embed(v) for v in vs}
    # zh-Hant read in Simplified, for the meaning of zh-Hans <-> zh-Hant pairs
    hant_s = embed(simplified_view(by["zh-Hant"])) if len(zh) == 2 else None
    if len(zh) == 2 and en is not None and (short := _stub_zh(by)) is not None:
        return Alignment(langs, _repaired(_around_stub(by, short, emb, hant_s), langs, emb, by, hant_s))
    if len(zh) == 2:
        hans, hant = by["zh-Hans"], by["zh-Hant"]
        zz = align_pair(
            FuzzyScorer(
                _texts(hans),
                _texts(hant),
                heads_a=_heads(hans),
                heads_b=_heads(hant),
                ea=emb["zh-Hans"],
                eb=emb["zh-Hant"],
            )
        )
        pivot = [(b.a, b.b, b.score) for b in zz]
        if en is None:
            rows = []
            for a, b, s in pivot:
                row = _scored_row({"zh-Hans": [i + 1 for i in a], "zh-Hant": [j + 1 for j in b]}, emb, by, hant_s)
                row.score = s  # the aligner's own zh/zh similarity (fuzzy or embedding)
                rows.append(row)
            return Alignment(langs, _repaired(rows, langs, emb, by, hant_s))
        rows = _third_against(pivot, hans, hant, en, emb, by, hant_s)
        return Alignment(langs, _repaired(rows, langs, emb, by, hant_s))
    # one Chinese version and English
    z = zh[0]
    rows = [
        _scored_row({z.lang: [i + 1 for i in a], "en": [j + 1 for j in b]}, emb, by) for a, b, _ in _zh_en(z, en, emb)
    ]
    return Alignment(langs, _repaired(rows, langs, emb, by))


def _zh_en(z: Version, en: Version, emb: dict) -> list[tuple[list[int], list[int], float]]:
    """The beads (0-based) of one Chinese version against English, by embeddings."""
    ez, ee = emb[z.lang], emb["en"]
    beads = align_pair(EmbeddingScorer(ez, ee, _lengths(z), _lengths(en), heads_a=_heads(z), heads_b=_heads(en)))
    return [(bd.a, bd.b, bd.score) for bd in beads]


def _third_against(pivot, va: Version, vb: Version, third: Version, emb: dict, by, hant_s) -> list[Row]:
    """Rows of ``third`` aligned against the pivot rows of ``va`` and ``vb``."""
    beads = align_pair(_pivot_scorer(pivot, va, vb, third, emb))
    rows = []
    for bd in beads:
        cells = {va.lang: [], vb.lang: [], third.lang: [j + 1 for j in bd.b]}
        for k in bd.a:
            a, b, _ = pivot[k]
            cells[va.lang] += [i + 1 for i in a]
            cells[vb.lang] += [j + 1 for j in b]
        rows.append(_scored_row({lg: cells[lg] for lg in LANGS if lg in cells}, emb, by, hant_s))
    return rows


def _stub_zh(by: dict[str, Version]) -> str | None:
    """The Chinese version that is a stub next to the other two (those two of a size), if one is:
    pairing the two Chinese versions first would merge the full version's paragraphs into the stub's few."""
    n = {lg: len(v.segments) for lg, v in by.items()}
    for short, full in (("zh-Hant", "zh-Hans"), ("zh-Hans", "zh-Hant")):
        if is_stub(n[short], min(n[full], n["en"])) and 0.7 * n["en"] <= n[full] <= n["en"] / 0.7:
            return short
    return None


def _around_stub(by: dict[str, Version], short: str, emb: dict, hant_s) -> list[Row]:
    """Rows when ``short`` is a stub: the full Chinese version and English are the pivot."""
    full = by["zh-Hant" if short == "zh-Hans" else "zh-Hans"]
    pivot = _zh_en(full, by["en"], emb)
    return _third_against(pivot, full, by["en"], by[short], emb, by, hant_s)


def _repaired(rows: list[Row], langs: list[str], emb: dict, by: dict[str, Version], hant_s=None) -> list[Row]:
    """The rows after the structure post-passes of :mod:`.repair` (weak pairs, moved neighbours, split pieces)."""
    order = [lg for lg in LANGS if lg in langs]

    def rescore(cells: dict[str, list[int]]) -> Row:
        return _scored_row({lg: cells.get(lg, []) for lg in order}, emb, by, hant_s)

    def substantial(lg: str, idx: list[int]) -> bool:
        text = "".join(by[lg][i].text for i in idx)
        han = scripts.han_count(text)
        return han >= 8 if han else len(text.split()) >= 4

    def same_kind(lg: str, idx: list[int]) -> bool:
        return len({by[lg][i].kind == "heading" for i in idx}) == 1

    return repair(rows, order, rescore, substantial, same_kind)


def _pivot_scorer(pivot, va: Version, vb: Version, third: Version, emb: dict) -> EmbeddingScorer:
    """Scorer of the pivot rows (``va`` with ``vb``, 0-based beads) against ``third``."""
    ea, eb, et = emb[va.lang], emb[vb.lang], emb[third.lang]
    la, lb = _lengths(va), _lengths(vb)
    pe = np.zeros((len(pivot), et.shape[1]), dtype=np.float32)
    pl = np.zeros(len(pivot))
    for k, (a, b, _) in enumerate(pivot):
        v = (ea[a].sum(axis=0) if a else 0) + (eb[b].sum(axis=0) if b else 0)
        pe[k] = v / (np.linalg.norm(v) or 1.0)
        pl[k] = la[a].sum() if a else lb[b].sum()
    ph = np.array(
        [
            float(all(va[i + 1].kind == "heading" for i in a) if a else all(vb[j + 1].kind == "heading" for j in b))
            for a, b, _ in pivot
        ]
    )
    return EmbeddingScorer(pe, et, pl, _lengths(third), heads_a=ph, heads_b=_heads(third))


def simplified_view(v: Version) -> Version:
    """``v`` with its text and labels converted to Simplified (for embedding zh-Hant against zh-Hans)."""
    segs = []
    for s in v.segments:
        t = copy(s)
        t.text = scripts.to_simplified(s.text)
        t.label = scripts.to_simplified(s.label) if s.label else s.label
        segs.append(t)
    return Version(v.lang, v.path, segs, v.region, v.first_line, v.last_line)


def merged_vector(e: np.ndarray, idx: list[int]) -> np.ndarray:
    """Unit vector of the summed embeddings of 1-based segments ``idx`` (a merged bead)."""
    v = e[[i - 1 for i in idx]].sum(axis=0)
    return v / (np.linalg.norm(v) or 1.0)


def _scored_row(
    cells: dict[str, list[int]], emb: dict[str, np.ndarray], by: dict[str, Version], hant_s: np.ndarray | None = None
) -> Row:
    """The row with its pair scores (correspondence) and meaning scores; ``score`` is their mean."""
    row = Row(cells)
    present = [lg for lg in cells if cells[lg]]
    scores = []
    for x in range(len(present)):
        for y in range(x + 1, len(present)):
            a, b = present[x], present[y]
            if a.startswith("zh") and b.startswith("zh"):
                ta = scripts.to_simplified("".join(by[a][i].text for i in cells[a]))
                tb = scripts.to_simplified("".join(by[b][i].text for i in cells[b]))
                s = fuzz.ratio(ta, tb) / 100.0
                eb = hant_s if (b == "zh-Hant" and hant_s is not None) else emb[b]
                row.meaning[(a, b)] = round(float(merged_vector(emb[a], cells[a]) @ merged_vector(eb, cells[b])), 4)
            else:
                s = float(merged_vector(emb[a], cells[a]) @ merged_vector(emb[b], cells[b]))
                row.meaning[(a, b)] = round(s, 4)
            row.pair_scores[(a, b)] = round(s, 4)
            scores.append(s)
    row.score = round(float(np.mean(scores)), 4) if scores else 0.0
    return row
