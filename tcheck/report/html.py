"""HTML report for translators: one self-contained, offline file.

The versions stand side by side in aligned rows (zh-Hans | zh-Hant | en);
each finding is highlighted where its spans are (see :mod:`.highlights`) and
explained in a panel under its row: rule, severity, message, suggestion,
counterparts, evidence. Counts by severity and by rule at the top; filters
by severity and rule, and keyboard navigation (j/k, n/p) in inline JS.

Documents are untrusted input: every piece of document text, path, message
and evidence is HTML-escaped, and a Content-Security-Policy only lets the
report's own nonce'd script run and forbids loading anything.
"""

from __future__ import annotations

import json as _json
import secrets
from collections import Counter, defaultdict
from functools import cache
from html import escape as _escape
from importlib import resources

from .. import __version__
from ..model import LANGS, Finding, Segment, Span, Version
from .highlights import Highlights, seg_lines

SEVERITIES = ("error", "warning", "info")
_RANK = {"error": 3, "warning": 2, "info": 1}
LANG_NAMES = {"zh-Hans": "简体中文 · zh-Hans", "zh-Hant": "繁體中文 · zh-Hant", "en": "English · en"}


@cache
def asset(name: str) -> str:
    """A stylesheet or script shipped in ``tcheck/report/assets`` (inlined: the report loads nothing)."""
    return resources.files("tcheck.report").joinpath("assets", name).read_text(encoding="utf-8")


def esc(value) -> str:
    return _escape(str(value), quote=True)


# ---------------------------------------------------------------------------
# rendering


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


def _count_chips(counts: dict[str, int], total_attr: str = "") -> str:
    chips = []
    for s in SEVERITIES:
        n = counts.get(s, 0)
        word = s if s == "info" or n == 1 else s + "s"
        attr = f' data-count-sev="{s}"' if total_attr else ""
        chips.append(f'<span class="chip sev-{s}{" zero" if not n else ""}"><b{attr}>{n}</b> {word}</span>')
    return "".join(chips)


def _render_document(d: int, res, fids: dict[int, str], numbering: list, sev_of, rule_summaries) -> str:
    nums: dict[int, int] = {}
    doc = res.document
    present = [lg for lg in LANGS if doc.get(lg) is not None]
    langs = present + [lg for lg in doc.langs if lg not in present]
    versions = {lg: doc.get(lg) for lg in langs}
    rowmap: dict[tuple[str, int], int] = {}
    rows = [r for r in res.alignment.rows if any(r.get(lg) for lg in langs)]
    for ri, row in enumerate(rows):
        for lg in langs:
            for i in row.get(lg):
                rowmap.setdefault((lg, i), ri)
    # findings per row, in severity and position order
    per_row: dict[int, list[Finding]] = defaultdict(list)
    unplaced: list[Finding] = []
    for f in res.findings:
        ri = rowmap.get((f.span.lang, f.span.paragraph))
        (per_row[ri] if ri is not None else unplaced).append(f)
    hl = Highlights(doc)
    ordered: list[tuple[Finding, int | None]] = []
    for ri in range(len(rows)):
        fs = sorted(
            per_row.get(ri, []),
            key=lambda f: (
                -int(f.severity),
                langs.index(f.span.lang) if f.span.lang in langs else 9,
                f.span.start,
                f.rule,
            ),
        )
        ordered += [(f, ri) for f in fs]
    ordered += [(f, None) for f in unplaced]
    for f, _ri in ordered:
        fid = f"f{len(numbering) + 1}"
        numbering.append(f)
        nums[id(f)] = len(numbering)
        fids[id(f)] = fid
        sev_of[fid] = f.severity.label
        hl.place(f, fid)

    counts = Counter(f.severity.label for f in res.findings)
    out = [f'<section class="doc" id="d{d}">']
    paths = list(dict.fromkeys(v.path for v in versions.values()))
    out.append(f'<h2><span class="docno">Document {d + 1}</span> {esc(" · ".join(paths))}</h2>')
    vinfo = "".join(
        f'<li><span class="lang">{esc(lg)}</span>'
        + (f" {esc(v.path)}" if len(paths) > 1 else "")
        + f' <span class="dim">lines {v.first_line}–{v.last_line} · {len(v)} paragraphs</span></li>'
        for lg, v in versions.items()
    )
    out.append(
        f'<div class="docmeta"><ul class="versions">{vinfo}</ul><div class="chips">{_count_chips(counts)}</div></div>'
    )
    ncol = len(langs) + 1
    out.append(
        '<table class="align"><colgroup><col class="c-gutter">'
        + "".join('<col class="c-lang">' for _ in langs)
        + "</colgroup>"
    )
    out.append(
        '<thead><tr><th class="gutter">#</th>'
        + "".join(f'<th lang="{esc(lg)}">{esc(LANG_NAMES.get(lg, lg))}</th>' for lg in langs)
        + "</tr></thead><tbody>"
    )
    by_row: dict[int | None, list[Finding]] = defaultdict(list)
    for f, ri in ordered:
        by_row[ri].append(f)
    for ri, row in enumerate(rows):
        rid = f"d{d}-r{ri + 1}"
        fs = by_row.get(ri, [])
        ids = [fids[id(f)] for f in fs]
        pins = "".join(
            f'<button type="button" class="pin sev-{f.severity.label}" data-goto="{fids[id(f)]}" '
            f'title="{esc(f.rule)}: {esc(f.severity.label)}">{nums[id(f)]}</button>'
            for f in fs
        )
        cls = "row has" if fs else "row"
        rsev = f' data-sev="{_sev_attr(ids, [], sev_of)}"' if ids else ""
        out.append(
            f'<tr class="{cls}" id="{rid}" data-fids="{" ".join(ids)}"{rsev}>'
            f'<th class="gutter"><a class="rn" href="#{rid}">{ri + 1}</a><div class="pins">{pins}</div></th>'
        )
        for lg in langs:
            idxs = row.get(lg)
            if not idxs:
                # the row's findings that point at no text in this version: the gap is what they are about
                gap_ids = [(fids[id(f)], "p") for f in fs if lg not in {s.lang for s in (f.span, *f.related)}]
                out.append(
                    f'<td class="cell gap" lang="{esc(lg)}"{_ids_attrs(gap_ids, sev_of)}>'
                    f'<span class="gapnote">no {esc(lg)} text in this row</span></td>'
                )
                continue
            v = versions[lg]
            segs = "".join(_render_segment(v, v[i], hl, sev_of) for i in idxs if 1 <= i <= len(v))
            out.append(f'<td class="cell" lang="{esc(lg)}">{segs}</td>')
        out.append("</tr>")
        if fs:
            cards = "".join(
                _render_finding(f, fids[id(f)], nums[id(f)], rid, rule_summaries.get(f.rule, "")) for f in fs
            )
            out.append(
                f'<tr class="details" data-row="{rid}"><td colspan="{ncol}"><div class="cards">{cards}</div></td></tr>'
            )
    out.append("</tbody></table>")
    if by_row.get(None):
        cards = "".join(
            _render_finding(f, fids[id(f)], nums[id(f)], None, rule_summaries.get(f.rule, "")) for f in by_row[None]
        )
        out.append(
            f'<div class="unplaced"><h3>Findings outside the alignment</h3><div class="cards">{cards}</div></div>'
        )
    out.append("</section>")
    return "".join(out)


def render_html(results) -> str:
    try:
        from ..rules import all_rules

        registry = all_rules()
    except Exception:  # pragma: no cover - the report must render even so
        registry = {}
    rule_summaries = {rid: cls.summary() for rid, cls in registry.items()}
    numbering: list[Finding] = []
    fids: dict[int, str] = {}
    sev_of: dict[str, str] = {}
    sections = [_render_document(d, res, fids, numbering, sev_of, rule_summaries) for d, res in enumerate(results)]

    totals = Counter(f.severity.label for f in numbering)
    by_rule: dict[str, Counter] = defaultdict(Counter)
    for f in numbering:
        by_rule[f.rule][f.severity.label] += 1
    rule_order = [r for r in registry if r in by_rule] + sorted(r for r in by_rule if r not in registry)
    models = sorted({getattr(r, "model", "") for r in results if getattr(r, "model", "")})
    suppressed = sum(getattr(r, "suppressed", 0) for r in results)
    total = len(numbering)

    rule_rows = "".join(
        f'<tr data-count-rule="{esc(r)}"><td class="rid"><code>{esc(r)}</code></td>'
        + "".join(f'<td class="n sev-{s}{"" if by_rule[r][s] else " zero"}">{by_rule[r][s]}</td>' for s in SEVERITIES)
        + f'<td class="n total" data-count="{sum(by_rule[r].values())}">{sum(by_rule[r].values())}</td>'
        f'<td class="rsum" title="{esc(rule_summaries.get(r, ""))}">{esc(rule_summaries.get(r, ""))}</td></tr>'
        for r in rule_order
    )
    by_rule_table = (
        '<table class="byrule"><thead><tr><th>Rule</th><th class="n">Errors</th><th class="n">Warnings</th>'
        '<th class="n">Info</th><th class="n">Total</th><th>What it checks</th></tr></thead>'
        f"<tbody>{rule_rows}</tbody></table>"
        if rule_order
        else '<p class="clean">No findings: the versions agree.</p>'
    )

    sev_filters = "".join(
        f'<label class="fchk sev-{s}"><input type="checkbox" data-filter="sev" value="{s}" checked>'
        f'<span>{s}</span> <span class="dim">{totals.get(s, 0)}</span></label>'
        for s in SEVERITIES
    )
    rule_filters = "".join(
        f'<label class="fchk"><input type="checkbox" data-filter="rule" value="{esc(r)}" checked>'
        f'<span>{esc(r)}</span> <span class="dim">{sum(by_rule[r].values())}</span></label>'
        for r in rule_order
    )
    toc = ""
    if len(results) > 1:
        items = "".join(
            f'<li><a href="#d{d}">Document {d + 1}: {esc(" · ".join(dict.fromkeys(v.path for v in r.document.versions)))}</a>'
            f' <span class="dim">{len(r.findings)} findings</span></li>'
            for d, r in enumerate(results)
        )
        toc = f'<nav class="toc"><ol>{items}</ol></nav>'

    nonce = secrets.token_urlsafe(18)
    csp = (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    sub = [f"tcheck {esc(__version__)}", f"{len(results)} document{'s' if len(results) != 1 else ''}"]
    if models:
        sub.append("model " + esc(", ".join(models)))
    if suppressed:
        sub.append(f"{suppressed} suppressed inline")
    head = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tcheck {esc(__version__)}">
<title>tcheck report: {total} finding{"s" if total != 1 else ""}</title>
<style>{asset("report.css")}</style>
</head>
<body>
<header class="top">
<div class="titlebar"><h1>Translation consistency report</h1><p class="sub">{" · ".join(sub)}</p></div>
<div class="summary">
<div class="totals"><div class="big"><b data-count-total>{total}</b> finding{"s" if total != 1 else ""}</div>
<div class="chips">{_count_chips(totals, total_attr="y")}</div></div>
{by_rule_table}
</div>
{toc}
</header>
<div class="toolbar" role="toolbar" aria-label="Filters and navigation">
<div class="fgroup"><span class="glabel">Severity</span>{sev_filters}</div>
<div class="fgroup rules"><span class="glabel">Rule</span>{rule_filters or '<span class="dim">none</span>'}</div>
<div class="fgroup"><label class="fchk"><input type="checkbox" id="only-findings"><span>rows with findings only</span></label>
<span class="status">showing <b id="shown">{total}</b> of {total} · <span id="pos">–</span></span></div>
<div class="keys" id="keys">Keys: <kbd>j</kbd>/<kbd>n</kbd> next finding · <kbd>k</kbd>/<kbd>p</kbd> previous ·
<kbd>o</kbd> open/close details · <kbd>f</kbd> rows with findings only · <kbd>?</kbd> help</div>
</div>
<div class="help" id="help" hidden><div class="helpbox"><h3>Keyboard</h3><dl>
<dt><kbd>j</kbd> <kbd>n</kbd></dt><dd>next finding</dd><dt><kbd>k</kbd> <kbd>p</kbd></dt><dd>previous finding</dd>
<dt><kbd>o</kbd> <kbd>Enter</kbd></dt><dd>open or close the current row's details</dd>
<dt><kbd>f</kbd></dt><dd>show only rows with findings</dd><dt><kbd>?</kbd></dt><dd>this help</dd>
<dt><kbd>Esc</kbd></dt><dd>close</dd></dl>
<p>Highlights: the text a finding is about is marked in its severity's colour; the counterparts
it compares with are marked in violet; a hatched cell has no text in that version.</p></div></div>
<main>
"""
    tail = f"""</main>
<footer>Generated by tcheck {esc(__version__)}. Everything in this file is offline: no scripts, styles or fonts are loaded from anywhere.</footer>
<pre id="tcheck-selftest" hidden></pre>
<script nonce="{nonce}">{asset("report.js")}</script>
</body>
</html>
"""
    return head + "".join(sections) + tail
