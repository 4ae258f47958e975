"""One document of the HTML report: its versions side by side in aligned rows, findings under their rows.

Every piece of document text, path, message and evidence is HTML-escaped:
documents are untrusted input.
"""

from __future__ import annotations

import json as _json
from collections import Counter, defaultdict
from html import escape as _escape

from ..langs import LANGS
from ..model import Finding, Segment, Span, Version
from .highlights import Highlights, seg_lines

SEVERITIES = ("error", "warning", "info")
_RANK = {"error": 3, "warning": 2, "info": 1}
LANG_NAMES = {"zh-Hans": "简体中文 · zh-Hans", "zh-Hant": "繁體中文 · zh-Hant", "en": "English · en"}


def esc(value) -> str:
    return _escape(str(value), quote=True)


class Numbering:
    """Findings numbered across the whole report: element id (``f3``), number and severity of each."""

    def __init__(self):
        self.findings: list[Finding] = []
        self.sev_of: dict[str, str] = {}  # element id -> severity label
        self._ids: dict[int, str] = {}

    def add(self, f: Finding) -> str:
        self.findings.append(f)
        fid = self._ids[id(f)] = f"f{len(self.findings)}"
        self.sev_of[fid] = f.severity.label
        return fid

    def fid(self, f: Finding) -> str:
        return self._ids[id(f)]

    def num(self, f: Finding) -> int:
        return int(self.fid(f)[1:])


def _sev_attr(fp: list[str], fc: list[str], sev_of: dict[str, str]) -> str:
    if fp:
        return max((sev_of[i] for i in fp), key=_RANK.__getitem__)
    return "ref" if fc else "off"


def _ids_attrs(items, sev_of) -> str:
    fp = list(dict.fromkeys(i for i, role in items if role == "p"))
    fc = list(dict.fromkeys(i for i, role in items if role == "c" and i not in fp))
    out = ""
    if fp:
        out += f' data-fp="{esc(" ".join(fp))}"'
    if fc:
        out += f' data-fc="{esc(" ".join(fc))}"'
    if fp or fc:
        out += f' data-sev="{_sev_attr(fp, fc, sev_of)}"'
    return out


def _render_line(text: str, spans, sev_of) -> str:
    if not spans:
        return esc(text)
    cuts = sorted(
        {
            0,
            len(text),
            *(max(0, min(len(text), s)) for s, _e, _f, _r in spans),
            *(max(0, min(len(text), e)) for _s, e, _f, _r in spans),
        }
    )
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        piece = esc(text[a:b])
        cover = [(f, r) for s, e, f, r in spans if s <= a and e >= b]
        if cover:
            out.append(f'<mark class="hl"{_ids_attrs(cover, sev_of)}>{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def _render_segment(v: Version, seg: Segment, hl: Highlights, sev_of) -> str:
    key = (v.lang, seg.index)
    whole = hl.whole.get(key, [])
    lines = hl.spans.get(key, {})
    body = "<br>".join(_render_line(t, lines.get(no, []), sev_of) for no, _c, t in seg_lines(seg))
    where = f"{v.path}:{seg.line}" + (f"-{seg.end_line}" if seg.end_line != seg.line else "")
    rng = f"L{seg.line}" + (f"–{seg.end_line}" if seg.end_line != seg.line else "")
    cls = f"seg k-{esc(seg.kind)}" + (" whole" if whole else "")
    return (
        f'<div class="{cls}"{_ids_attrs(whole, sev_of)}>'
        f'<div class="meta" title="{esc(where)}">¶{seg.index} · {rng}</div>'
        f'<div class="txt">{body}</div></div>'
    )


def _loc_text(span: Span) -> str:
    return f"{span.lang} ¶{span.paragraph} · line {span.line}, col {span.column}"


def _loc_title(span: Span) -> str:
    return f"{span.path}:{span.line}:{span.column}"


def _render_finding(f: Finding, fid: str, n: int, row_id: str | None, rule_summary: str) -> str:
    sev = f.severity.label
    parts = [
        f'<article class="finding" id="{fid}" data-n="{n}" data-sev="{sev}" data-rule="{esc(f.rule)}"'
        + (f' data-row="{row_id}"' if row_id else "")
        + ' tabindex="-1">',
        '<div class="fhead">',
        f'<span class="num">#{n}</span>',
        f'<span class="badge sev-{sev}">{sev}</span>',
        f'<code class="rule" title="{esc(rule_summary)}">{esc(f.rule)}</code>',
        f'<span class="where" title="{esc(_loc_title(f.span))}">{esc(_loc_text(f.span))}</span>',
        "</div>",
        f'<p class="msg">{esc(f.message)}</p>',
    ]
    if f.suggestion:
        parts.append(f'<p class="sugg"><span class="lbl">Suggestion</span> {esc(f.suggestion)}</p>')
    if f.related:
        items = "".join(f'<li title="{esc(_loc_title(o))}">{esc(_loc_text(o))}</li>' for o in f.related)
        parts.append(f'<div class="cmp"><span class="lbl">Compare with</span><ul>{items}</ul></div>')
    if f.evidence:
        ev = _json.dumps(f.evidence, ensure_ascii=False, indent=1, default=str)
        parts.append(f'<details class="ev"><summary>Evidence</summary><pre>{esc(ev)}</pre></details>')
    parts.append("</article>")
    return "".join(parts)


def count_chips(counts: dict[str, int], total_attr: str = "") -> str:
    chips = []
    for s in SEVERITIES:
        n = counts.get(s, 0)
        word = s if s == "info" or n == 1 else s + "s"
        attr = f' data-count-sev="{s}"' if total_attr else ""
        chips.append(f'<span class="chip sev-{s}{" zero" if not n else ""}"><b{attr}>{n}</b> {word}</span>')
    return "".join(chips)


def _findings_by_row(res, langs: list[str], rows, numbering: Numbering, hl: Highlights) -> dict:
    """{row index or None (outside the alignment): findings}, numbered and placed in reading order."""
    rowmap: dict[tuple[str, int], int] = {}
    for ri, row in enumerate(rows):
        for lg in langs:
            for i in row.get(lg):
                rowmap.setdefault((lg, i), ri)
    by_row: dict[int | None, list[Finding]] = defaultdict(list)
    for f in res.findings:
        by_row[rowmap.get((f.span.lang, f.span.paragraph))].append(f)

    def reading_order(f: Finding):
        return -int(f.severity), langs.index(f.span.lang) if f.span.lang in langs else 9, f.span.start, f.rule

    ordered = {ri: sorted(by_row[ri], key=reading_order) for ri in range(len(rows)) if ri in by_row}
    if None in by_row:
        ordered[None] = by_row[None]
    for fs in ordered.values():
        for f in fs:
            hl.place(f, numbering.add(f))
    return ordered


def _document_header(d: int, versions: dict[str, Version], counts: Counter) -> str:
    paths = list(dict.fromkeys(v.path for v in versions.values()))
    vinfo = "".join(
        f'<li><span class="lang">{esc(lg)}</span>'
        + (f" {esc(v.path)}" if len(paths) > 1 else "")
        + f' <span class="dim">lines {v.first_line}–{v.last_line} · {len(v)} paragraphs</span></li>'
        for lg, v in versions.items()
    )
    return (
        f'<h2><span class="docno">Document {d + 1}</span> {esc(" · ".join(paths))}</h2>'
        f'<div class="docmeta"><ul class="versions">{vinfo}</ul><div class="chips">{count_chips(counts)}</div></div>'
    )


def _table_head(langs: list[str]) -> str:
    cols = "".join('<col class="c-lang">' for _ in langs)
    heads = "".join(f'<th lang="{esc(lg)}">{esc(LANG_NAMES.get(lg, lg))}</th>' for lg in langs)
    return (
        f'<table class="align"><colgroup><col class="c-gutter">{cols}</colgroup>'
        f'<thead><tr><th class="gutter">#</th>{heads}</tr></thead><tbody>'
    )


def _render_row(rid: str, n: int, row, fs: list[Finding], versions: dict[str, Version], hl, numbering) -> str:
    """One aligned row: gutter with its findings' pins, then each version's cell."""
    sev_of = numbering.sev_of
    ids = [numbering.fid(f) for f in fs]
    pins = "".join(
        f'<button type="button" class="pin sev-{f.severity.label}" data-goto="{numbering.fid(f)}" '
        f'title="{esc(f.rule)}: {esc(f.severity.label)}">{numbering.num(f)}</button>'
        for f in fs
    )
    rsev = f' data-sev="{_sev_attr(ids, [], sev_of)}"' if ids else ""
    out = [
        f'<tr class="{"row has" if fs else "row"}" id="{rid}" data-fids="{" ".join(ids)}"{rsev}>'
        f'<th class="gutter"><a class="rn" href="#{rid}">{n}</a><div class="pins">{pins}</div></th>'
    ]
    for lg, v in versions.items():
        idxs = row.get(lg)
        if not idxs:
            # the row's findings that point at no text in this version: the gap is what they are about
            gap_ids = [(numbering.fid(f), "p") for f in fs if lg not in {s.lang for s in (f.span, *f.related)}]
            out.append(
                f'<td class="cell gap" lang="{esc(lg)}"{_ids_attrs(gap_ids, sev_of)}>'
                f'<span class="gapnote">no {esc(lg)} text in this row</span></td>'
            )
            continue
        segs = "".join(_render_segment(v, v[i], hl, sev_of) for i in idxs if 1 <= i <= len(v))
        out.append(f'<td class="cell" lang="{esc(lg)}">{segs}</td>')
    out.append("</tr>")
    return "".join(out)


def render_document(d: int, res, numbering: Numbering, rule_summaries: dict[str, str]) -> str:
    """The ``<section>`` of document number ``d`` (0-based)."""
    doc = res.document
    langs = [lg for lg in LANGS if doc.get(lg) is not None]
    langs += [lg for lg in doc.langs if lg not in langs]
    versions = {lg: doc.get(lg) for lg in langs}
    rows = [r for r in res.alignment.rows if any(r.get(lg) for lg in langs)]
    hl = Highlights(doc)
    by_row = _findings_by_row(res, langs, rows, numbering, hl)

    def cards(fs: list[Finding], rid: str | None) -> str:
        return "".join(
            _render_finding(f, numbering.fid(f), numbering.num(f), rid, rule_summaries.get(f.rule, "")) for f in fs
        )

    out = [
        f'<section class="doc" id="d{d}">',
        _document_header(d, versions, Counter(f.severity.label for f in res.findings)),
    ]
    out.append(_table_head(langs))
    for ri, row in enumerate(rows):
        rid = f"d{d}-r{ri + 1}"
        fs = by_row.get(ri, [])
        out.append(_render_row(rid, ri + 1, row, fs, versions, hl, numbering))
        if fs:
            out.append(
                f'<tr class="details" data-row="{rid}"><td colspan="{len(langs) + 1}">'
                f'<div class="cards">{cards(fs, rid)}</div></td></tr>'
            )
    out.append("</tbody></table>")
    if by_row.get(None):
        out.append(
            '<div class="unplaced"><h3>Findings outside the alignment</h3>'
            f'<div class="cards">{cards(by_row[None], None)}</div></div>'
        )
    out.append("</section>")
    return "".join(out)
