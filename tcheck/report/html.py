"""HTML report for translators: one self-contained, offline file.

The versions stand side by side in aligned rows (zh-Hans | zh-Hant | en);
each finding is highlighted where it is (the evidence's column spans when
the rule gives them, else the text it names, else the whole paragraph) and
explained in a panel under its row: rule, severity, message, suggestion,
counterparts, evidence. Counts by severity and by rule at the top; filters
by severity and rule, and keyboard navigation (j/k, n/p) in inline JS.

Documents are untrusted input: every piece of document text, path, message
and evidence is HTML-escaped, and a Content-Security-Policy only lets the
report's own nonce'd script run and forbids loading anything.
"""

from __future__ import annotations

import json as _json
import re
import secrets
from collections import Counter, defaultdict
from html import escape as _escape

from .. import __version__
from ..model import LANGS, Finding, Location, Segment, Version
from .sarif import evidence_spans

SEVERITIES = ("error", "warning", "info")
_RANK = {"error": 3, "warning": 2, "info": 1}
LANG_NAMES = {"zh-Hans": "简体中文 · zh-Hans", "zh-Hant": "繁體中文 · zh-Hant", "en": "English · en"}

# evidence keys whose strings name text in the finding's own version / in the counterparts
_PRIMARY_KEYS = ("found", "actual", "extra", "term", "terms", "word", "words", "chars", "characters", "variant")
_COUNTER_KEYS = ("expected", "canonical")


def esc(value) -> str:
    return _escape(str(value), quote=True)


# ---------------------------------------------------------------------------
# locating highlights


class _Highlights:
    """Where each finding is shown: precise spans in lines, or whole segments."""

    def __init__(self):
        # (lang, seg index) -> line number -> [(start, end, fid, role)]
        self.spans: dict[tuple[str, int], dict[int, list[tuple[int, int, str, str]]]] = defaultdict(lambda: defaultdict(list))
        # (lang, seg index) -> [(fid, role)]
        self.whole: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)

    def add_span(self, lang, seg, line_no, start, end, fid, role):
        if end > start:
            self.spans[(lang, seg.index)][line_no].append((start, end, fid, role))

    def add_whole(self, lang, seg, fid, role):
        self.whole[(lang, seg.index)].append((fid, role))


def _as_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            if isinstance(v, str):
                out.append(v)
            elif isinstance(v, dict) and isinstance(v.get("text"), str):
                out.append(v["text"])
        return out
    return []


def _candidates(evidence: dict, lang: str, primary: bool) -> list[str]:
    """Strings the evidence names for a location in ``lang``."""
    out: list[str] = []
    if not isinstance(evidence, dict):
        return out
    keys = _PRIMARY_KEYS if primary else _COUNTER_KEYS
    for k in keys:
        v = evidence.get(k)
        if isinstance(v, dict):
            if lang in v:
                out += _as_strings(v[lang])
        else:
            out += _as_strings(v)
    # {"values": {"zh-Hans": [...], "en": [...]}}-style evidence
    for k, v in evidence.items():
        if k in keys or not isinstance(v, dict) or not v or not set(v) <= set(LANGS):
            continue
        out += _as_strings(v.get(lang))
    return [s for s in dict.fromkeys(out) if s and s.strip()]


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    ascii_word = bool(re.fullmatch(r"[0-9A-Za-z]\w*|\w*[0-9A-Za-z]", needle, re.ASCII))
    while i >= 0:
        ok = True
        if ascii_word:
            before = text[i - 1] if i else ""
            after = text[i + len(needle)] if i + len(needle) < len(text) else ""
            ok = not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())
        if ok:
            out.append(i)
        i = text.find(needle, i + 1)
    return out


def _seg_lines(seg: Segment):
    if seg.lines:
        return [(ln.number, ln.column, ln.text) for ln in seg.lines]
    return [(seg.line + k, 1, t) for k, t in enumerate((seg.raw or seg.text).split("\n"))]


def _resolve_span(sp: dict, linemaps, loc_segs) -> list[tuple]:
    """[(lang, seg, line_no, start, end), ...] for one normalised evidence span."""
    lang = sp["lang"]
    lm = linemaps.get(lang)
    if lm is None:
        return []
    text, line, col, end_line, end_col = sp["text"], sp["line"], sp["column"], sp["end_line"], sp["end_column"]
    if line in lm:
        seg, ln_col, ln_text = lm[line]
        if col is not None:
            s = col - ln_col
            if text and "\n" not in text and ln_text[s:s + len(text)] != text:
                pos = ln_text.find(text)
                if pos >= 0:  # the column is off (e.g. counted differently): trust the text
                    return [(lang, seg, line, pos, pos + len(text))]
            if 0 <= s < len(ln_text):
                if end_line == line:
                    e = (end_col - ln_col) if end_col is not None else s + 1
                    return [(lang, seg, line, s, max(s + 1, min(len(ln_text), e)))]
                out = [(lang, seg, line, s, len(ln_text))]
                for no in range(line + 1, end_line + 1):
                    if no not in lm:
                        continue
                    seg2, c2, t2 = lm[no]
                    e = len(t2) if no < end_line or end_col is None else max(0, min(len(t2), end_col - c2))
                    out.append((lang, seg2, no, 0, e))
                return out
        if text:
            pos = ln_text.find(text)
            if pos >= 0:
                return [(lang, seg, line, pos, pos + len(text))]
        return []
    if text:  # no usable line: look for the text in the finding's segments of that version
        for seg in loc_segs.get(lang, []):
            for no, _c, t in _seg_lines(seg):
                pos = t.find(text)
                if pos >= 0:
                    return [(lang, seg, no, pos, pos + len(text))]
    return []


def _place(f: Finding, fid: str, doc, linemaps, hl: _Highlights) -> None:
    primary = f.locations[0]
    locs: list[tuple[Location, str]] = [(primary, "p")]
    locs += [(loc, "p") for loc in f.locations[1:]] + [(loc, "c") for loc in f.counterparts]
    loc_segs: dict[str, list[Segment]] = defaultdict(list)
    seg_of: list[tuple[Location, str, Segment]] = []
    for loc, role in locs:
        v = doc.get(loc.lang)
        if v is None or not (1 <= loc.paragraph <= len(v)):
            continue
        seg = v[loc.paragraph]
        loc_segs[loc.lang].append(seg)
        seg_of.append((loc, role, seg))
    marked: set[tuple[str, int]] = set()
    ev = f.evidence if isinstance(f.evidence, dict) else {}
    for sp in evidence_spans(ev, primary.lang):
        for lang, seg, line_no, s, e in _resolve_span(sp, linemaps, loc_segs):
            hl.add_span(lang, seg, line_no, s, e, fid, "p" if lang == primary.lang else "c")
            marked.add((lang, seg.index))
    for loc, role, seg in seg_of:
        key = (loc.lang, seg.index)
        if key in marked:
            continue
        found = False
        for needle in _candidates(ev, loc.lang, role == "p"):
            for no, _c, t in _seg_lines(seg):
                for pos in _find_all(t, needle):
                    hl.add_span(loc.lang, seg, no, pos, pos + len(needle), fid, role)
                    found = True
        if not found:
            hl.add_whole(loc.lang, seg, fid, role)
        marked.add(key)


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
    cuts = sorted({0, len(text), *(max(0, min(len(text), s)) for s, _e, _f, _r in spans),
                   *(max(0, min(len(text), e)) for _s, e, _f, _r in spans)})
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


def _render_segment(v: Version, seg: Segment, hl: _Highlights, sev_of) -> str:
    key = (v.lang, seg.index)
    whole = hl.whole.get(key, [])
    lines = hl.spans.get(key, {})
    body = "<br>".join(_render_line(t, lines.get(no, []), sev_of) for no, _c, t in _seg_lines(seg))
    where = f"{v.path}:{seg.line}" + (f"-{seg.end_line}" if seg.end_line != seg.line else "")
    rng = f"L{seg.line}" + (f"–{seg.end_line}" if seg.end_line != seg.line else "")
    cls = f"seg k-{esc(seg.kind)}" + (" whole" if whole else "")
    return (f'<div class="{cls}"{_ids_attrs(whole, sev_of)}>'
            f'<div class="meta" title="{esc(where)}">¶{seg.index} · {rng}</div>'
            f'<div class="txt">{body}</div></div>')


def _loc_text(loc: Location) -> str:
    line, col = loc.start
    return f"{loc.lang} ¶{loc.paragraph} · line {line}, col {col}"


def _loc_title(loc: Location) -> str:
    line, col = loc.start
    return f"{loc.path}:{line}:{col}"


def _render_finding(f: Finding, fid: str, n: int, row_id: str | None, rule_summary: str) -> str:
    sev = f.severity.label
    parts = [
        f'<article class="finding" id="{fid}" data-n="{n}" data-sev="{sev}" data-rule="{esc(f.rule)}"'
        + (f' data-row="{row_id}"' if row_id else "") + ' tabindex="-1">',
        '<div class="fhead">',
        f'<span class="num">#{n}</span>',
        f'<span class="badge sev-{sev}">{sev}</span>',
        f'<code class="rule" title="{esc(rule_summary)}">{esc(f.rule)}</code>',
        f'<span class="where" title="{esc(_loc_title(f.locations[0]))}">{esc(_loc_text(f.locations[0]))}</span>',
        "</div>",
        f'<p class="msg">{esc(f.message)}</p>',
    ]
    if f.suggestion:
        parts.append(f'<p class="sugg"><span class="lbl">Suggestion</span> {esc(f.suggestion)}</p>')
    others = list(f.locations[1:]) + list(f.counterparts)
    if others:
        items = "".join(f'<li title="{esc(_loc_title(o))}">{esc(_loc_text(o))}</li>' for o in others)
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
    linemaps = {}
    for lg, v in versions.items():
        m = {}
        for seg in v.segments:
            for no, col, t in _seg_lines(seg):
                m[no] = (seg, col, t)
        linemaps[lg] = m
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
        loc = f.locations[0]
        ri = rowmap.get((loc.lang, loc.paragraph))
        (per_row[ri] if ri is not None else unplaced).append(f)
    hl = _Highlights()
    ordered: list[tuple[Finding, int | None]] = []
    for ri in range(len(rows)):
        fs = sorted(per_row.get(ri, []), key=lambda f: (-int(f.severity), langs.index(f.locations[0].lang)
                                                       if f.locations[0].lang in langs else 9, f.locations[0].start, f.rule))
        ordered += [(f, ri) for f in fs]
    ordered += [(f, None) for f in unplaced]
    for f, _ri in ordered:
        fid = f"f{len(numbering) + 1}"
        numbering.append(f)
        nums[id(f)] = len(numbering)
        fids[id(f)] = fid
        sev_of[fid] = f.severity.label
        _place(f, fid, doc, linemaps, hl)

    counts = Counter(f.severity.label for f in res.findings)
    out = [f'<section class="doc" id="d{d}">']
    paths = list(dict.fromkeys(v.path for v in versions.values()))
    out.append(f'<h2><span class="docno">Document {d + 1}</span> {esc(" · ".join(paths))}</h2>')
    vinfo = "".join(
        f'<li><span class="lang">{esc(lg)}</span>'
        + (f' {esc(v.path)}' if len(paths) > 1 else "")
        + f' <span class="dim">lines {v.first_line}–{v.last_line} · {len(v)} paragraphs</span></li>'
        for lg, v in versions.items())
    out.append(f'<div class="docmeta"><ul class="versions">{vinfo}</ul>'
               f'<div class="chips">{_count_chips(counts)}</div></div>')
    ncol = len(langs) + 1
    out.append('<table class="align"><colgroup><col class="c-gutter">'
               + "".join('<col class="c-lang">' for _ in langs) + "</colgroup>")
    out.append("<thead><tr><th class=\"gutter\">#</th>"
               + "".join(f'<th lang="{esc(lg)}">{esc(LANG_NAMES.get(lg, lg))}</th>' for lg in langs)
               + "</tr></thead><tbody>")
    by_row: dict[int | None, list[Finding]] = defaultdict(list)
    for f, ri in ordered:
        by_row[ri].append(f)
    for ri, row in enumerate(rows):
        rid = f"d{d}-r{ri + 1}"
        fs = by_row.get(ri, [])
        ids = [fids[id(f)] for f in fs]
        pins = "".join(
            f'<button type="button" class="pin sev-{f.severity.label}" data-goto="{fids[id(f)]}" '
            f'title="{esc(f.rule)}: {esc(f.severity.label)}">{nums[id(f)]}</button>' for f in fs)
        cls = "row has" if fs else "row"
        rsev = f' data-sev="{_sev_attr(ids, [], sev_of)}"' if ids else ""
        out.append(f'<tr class="{cls}" id="{rid}" data-fids="{" ".join(ids)}"{rsev}>'
                   f'<th class="gutter"><a class="rn" href="#{rid}">{ri + 1}</a><div class="pins">{pins}</div></th>')
        for lg in langs:
            idxs = row.get(lg)
            if not idxs:
                gap_ids = [(fids[id(f)], "p") for f in fs
                           if lg in (f.evidence.get("missing_in") or [] if isinstance(f.evidence, dict) else [])]
                out.append(f'<td class="cell gap" lang="{esc(lg)}"{_ids_attrs(gap_ids, sev_of)}>'
                           f'<span class="gapnote">no {esc(lg)} text in this row</span></td>')
                continue
            v = versions[lg]
            segs = "".join(_render_segment(v, v[i], hl, sev_of) for i in idxs if 1 <= i <= len(v))
            out.append(f'<td class="cell" lang="{esc(lg)}">{segs}</td>')
        out.append("</tr>")
        if fs:
            cards = "".join(_render_finding(f, fids[id(f)], nums[id(f)], rid, rule_summaries.get(f.rule, ""))
                            for f in fs)
            out.append(f'<tr class="details" data-row="{rid}"><td colspan="{ncol}"><div class="cards">{cards}</div></td></tr>')
    out.append("</tbody></table>")
    if by_row.get(None):
        cards = "".join(_render_finding(f, fids[id(f)], nums[id(f)], None, rule_summaries.get(f.rule, ""))
                        for f in by_row[None])
        out.append(f'<div class="unplaced"><h3>Findings outside the alignment</h3><div class="cards">{cards}</div></div>')
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
        for r in rule_order)
    by_rule_table = (
        '<table class="byrule"><thead><tr><th>Rule</th><th class="n">Errors</th><th class="n">Warnings</th>'
        '<th class="n">Info</th><th class="n">Total</th><th>What it checks</th></tr></thead>'
        f"<tbody>{rule_rows}</tbody></table>" if rule_order else '<p class="clean">No findings: the versions agree.</p>')

    sev_filters = "".join(
        f'<label class="fchk sev-{s}"><input type="checkbox" data-filter="sev" value="{s}" checked>'
        f'<span>{s}</span> <span class="dim">{totals.get(s, 0)}</span></label>' for s in SEVERITIES)
    rule_filters = "".join(
        f'<label class="fchk"><input type="checkbox" data-filter="rule" value="{esc(r)}" checked>'
        f'<span>{esc(r)}</span> <span class="dim">{sum(by_rule[r].values())}</span></label>' for r in rule_order)
    toc = ""
    if len(results) > 1:
        items = "".join(
            f'<li><a href="#d{d}">Document {d + 1}: {esc(" · ".join(dict.fromkeys(v.path for v in r.document.versions)))}</a>'
            f' <span class="dim">{len(r.findings)} findings</span></li>' for d, r in enumerate(results))
        toc = f'<nav class="toc"><ol>{items}</ol></nav>'

    nonce = secrets.token_urlsafe(18)
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
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
<title>tcheck report: {total} finding{'s' if total != 1 else ''}</title>
<style>{_CSS}</style>
</head>
<body>
<header class="top">
<div class="titlebar"><h1>Translation consistency report</h1><p class="sub">{' · '.join(sub)}</p></div>
<div class="summary">
<div class="totals"><div class="big"><b data-count-total>{total}</b> finding{'s' if total != 1 else ''}</div>
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
<script nonce="{nonce}">{_JS}</script>
</body>
</html>
"""
    return head + "".join(sections) + tail


_CSS = r"""
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#ffffff;--bg2:#f6f8fa;--accent:#0969da;
--err:#cf222e;--err-bg:#ffebe9;--err-hl:#ffcecb;--warn:#9a6700;--warn-bg:#fff8c5;--warn-hl:#ffe58a;
--info:#0969da;--info-bg:#ddf4ff;--info-hl:#b6e3ff;--ref:#8250df;--ref-hl:#eadcff;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;
--mono:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono","Noto Sans Mono CJK SC",monospace}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{background:var(--bg);color:var(--fg);font:15px/1.6 var(--sans);-webkit-text-size-adjust:100%}
body{margin:0}
:lang(zh-Hans){font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
:lang(zh-Hant){font-family:system-ui,-apple-system,"PingFang TC","Hiragino Sans CNS","Microsoft JhengHei","Noto Sans CJK TC","Source Han Sans TC","Noto Sans CJK SC",sans-serif}
code,kbd,pre{font-family:var(--mono);font-size:.86em}
.dim{color:var(--muted)}
header.top{padding:20px 28px 12px;border-bottom:1px solid var(--line);background:linear-gradient(#fbfcfd,#f6f8fa)}
.titlebar{display:flex;align-items:baseline;gap:16px;flex-wrap:wrap}
h1{font-size:22px;margin:0;font-weight:650;letter-spacing:-.01em}
.sub{margin:0;color:var(--muted);font-size:13px}
.summary{display:flex;gap:32px;align-items:flex-start;margin-top:14px;flex-wrap:wrap}
.totals .big{font-size:14px;color:var(--muted)}
.totals .big b{font-size:34px;color:var(--fg);font-weight:650;margin-right:4px;line-height:1.1}
.chips{display:flex;gap:6px;flex-wrap:wrap;margin-top:6px}
.chip{display:inline-flex;align-items:center;gap:4px;padding:1px 10px;border-radius:999px;font-size:13px;border:1px solid transparent}
.chip b{font-weight:650}
.chip.sev-error{background:var(--err-bg);color:var(--err);border-color:#ffcecb}
.chip.sev-warning{background:var(--warn-bg);color:var(--warn);border-color:#f5e0a0}
.chip.sev-info{background:var(--info-bg);color:var(--info);border-color:#b6e3ff}
.chip.zero{opacity:.45}
table.byrule{border-collapse:collapse;font-size:13px;background:#fff;border:1px solid var(--line);border-radius:6px;overflow:hidden}
table.byrule th{background:var(--bg2);font-weight:600;text-align:left;padding:4px 10px;border-bottom:1px solid var(--line);color:var(--muted)}
table.byrule td{padding:3px 10px;border-bottom:1px solid #eef1f4;vertical-align:middle}
table.byrule tr:last-child td{border-bottom:0}
table.byrule td.n{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
table.byrule td.n.zero{color:#c4cbd2;font-weight:400}
td.n.sev-error{color:var(--err)}td.n.sev-warning{color:var(--warn)}td.n.sev-info{color:var(--info)}
.rsum{color:var(--muted);font-size:12px;max-width:52ch;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
table.byrule th.n{text-align:right}
.rid code{font-size:12.5px}
.clean{font-size:15px;color:#1a7f37;font-weight:600}
.toc ol{margin:10px 0 0;padding-left:22px;font-size:14px}
.toc a{color:var(--accent);text-decoration:none}
.toolbar{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:6px 22px;align-items:center;padding:8px 28px;
background:rgba(255,255,255,.96);border-bottom:1px solid var(--line);box-shadow:0 1px 3px rgba(31,35,40,.06);font-size:13px}
.fgroup{display:flex;align-items:center;gap:4px;flex-wrap:wrap}
.glabel{font-weight:600;color:var(--muted);margin-right:4px;text-transform:uppercase;font-size:11px;letter-spacing:.06em}
.fchk{display:inline-flex;align-items:center;gap:4px;padding:1px 8px 1px 4px;border:1px solid var(--line);border-radius:999px;cursor:pointer;background:#fff;user-select:none}
.fchk input{margin:0}
.fchk.sev-error span:first-of-type{color:var(--err)}.fchk.sev-warning span:first-of-type{color:var(--warn)}.fchk.sev-info span:first-of-type{color:var(--info)}
.status{color:var(--muted);margin-left:8px}
.keys{color:var(--muted);margin-left:auto}
kbd{display:inline-block;min-width:1.5em;text-align:center;padding:0 4px;border:1px solid #c9d1d9;border-bottom-width:2px;border-radius:4px;background:#fff;font-size:11px;line-height:1.5;color:var(--fg)}
main{padding:8px 28px 40px}
section.doc{margin-top:18px}
h2{font-size:17px;margin:8px 0 6px;font-weight:600;word-break:break-all}
.docno{display:inline-block;background:var(--fg);color:#fff;border-radius:4px;padding:0 8px;font-size:13px;margin-right:6px;vertical-align:2px}
.docmeta{display:flex;justify-content:space-between;align-items:center;gap:16px;flex-wrap:wrap;margin-bottom:10px}
.versions{list-style:none;margin:0;padding:0;display:flex;gap:18px;flex-wrap:wrap;font-size:13px}
.versions .lang{font-weight:600;background:var(--bg2);border:1px solid var(--line);border-radius:4px;padding:0 6px;margin-right:2px}
table.align{width:100%;border-collapse:separate;border-spacing:0;table-layout:fixed;border:1px solid var(--line);border-radius:8px}
col.c-gutter{width:58px}
table.align thead th{position:sticky;top:var(--tb,44px);z-index:3;background:var(--bg2);text-align:left;font-size:13px;font-weight:600;padding:7px 12px;border-bottom:1px solid var(--line);color:var(--muted)}
table.align thead th:first-child{border-top-left-radius:8px}table.align thead th:last-child{border-top-right-radius:8px}
th.gutter{vertical-align:top;text-align:center;padding:8px 4px;font-weight:400;border-right:1px solid #eef1f4}
tbody th.gutter{background:#fcfdfd}
.rn{color:#8c959f;font-size:12px;text-decoration:none;font-variant-numeric:tabular-nums}
.pins{display:flex;flex-direction:column;align-items:center;gap:3px;margin-top:4px}
.pin{font:600 11px/1 var(--sans);min-width:26px;padding:3px 4px;border-radius:999px;border:0;color:#fff;cursor:pointer}
.pin.sev-error{background:var(--err)}.pin.sev-warning{background:#bf8700}.pin.sev-info{background:var(--info)}
tr.row>td,tr.row>th{border-top:1px solid #eef1f4}
tr.row,.finding{scroll-margin-top:calc(var(--tb,44px) + 48px)}
tr.row.has[data-sev=error]>th.gutter{box-shadow:inset 3px 0 0 var(--err)}
tr.row.has[data-sev=warning]>th.gutter{box-shadow:inset 3px 0 0 #d4a72c}
tr.row.has[data-sev=info]>th.gutter{box-shadow:inset 3px 0 0 var(--info)}
td.cell{vertical-align:top;padding:8px 12px;border-left:1px solid #eef1f4;overflow-wrap:anywhere}
td.cell:lang(zh-Hans),td.cell:lang(zh-Hant){line-height:1.85;font-size:15.5px;letter-spacing:.01em}
td.cell:lang(en){line-height:1.6;hyphens:auto}
.seg+.seg{margin-top:8px;padding-top:8px;border-top:1px dashed #e4e8ec}
.meta{font:11px/1.4 var(--sans);color:#8c959f;margin-bottom:2px;font-variant-numeric:tabular-nums}
.seg.k-heading .txt{font-weight:650}
.seg.whole{border-radius:6px;padding:2px 8px 4px;margin:-2px -8px}
.seg.whole[data-sev=error]{background:var(--err-bg);box-shadow:inset 3px 0 0 var(--err)}
.seg.whole[data-sev=warning]{background:var(--warn-bg);box-shadow:inset 3px 0 0 #d4a72c}
.seg.whole[data-sev=info]{background:var(--info-bg);box-shadow:inset 3px 0 0 var(--info)}
.seg.whole[data-sev=ref]{background:#fbf7ff;box-shadow:inset 3px 0 0 #c297ff}
mark.hl{color:inherit;border-radius:3px;padding:0 1px;background:transparent}
mark.hl[data-sev=error]{background:var(--err-hl);box-shadow:inset 0 -2px 0 var(--err)}
mark.hl[data-sev=warning]{background:var(--warn-hl);box-shadow:inset 0 -2px 0 #d4a72c}
mark.hl[data-sev=info]{background:var(--info-hl);box-shadow:inset 0 -2px 0 var(--info)}
mark.hl[data-sev=ref]{background:var(--ref-hl);box-shadow:inset 0 -2px 0 var(--ref)}
td.gap{background:repeating-linear-gradient(135deg,#f6f8fa 0 8px,#eef1f4 8px 16px);vertical-align:middle;text-align:center}
td.gap[data-sev=error]{background:repeating-linear-gradient(135deg,#fff5f4 0 8px,#ffe3e0 8px 16px)}
td.gap[data-sev=warning]{background:repeating-linear-gradient(135deg,#fffbe6 0 8px,#fff1b8 8px 16px)}
td.gap[data-sev=info]{background:repeating-linear-gradient(135deg,#f0f9ff 0 8px,#dcf1ff 8px 16px)}
.gapnote{font-size:12px;color:#8c959f;background:rgba(255,255,255,.85);padding:1px 8px;border-radius:999px}
.focus{outline:2px solid var(--accent);outline-offset:1px}
tr.details>td{padding:0 12px 10px 70px;background:#fff}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:8px}
.finding{border:1px solid var(--line);border-left:4px solid #d4a72c;border-radius:6px;padding:8px 12px;background:#fffdf5;font-size:13.5px;line-height:1.55}
.finding[data-sev=error]{border-left-color:var(--err);background:#fffafa}
.finding[data-sev=info]{border-left-color:var(--info);background:#f8fcff}
.finding.current{box-shadow:0 0 0 3px rgba(9,105,218,.35);border-color:var(--accent)}
.finding:focus{outline:none}
.fhead{display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.num{font-weight:700;color:var(--muted);font-variant-numeric:tabular-nums}
.badge{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;border-radius:4px;padding:0 6px}
.badge.sev-error{background:var(--err);color:#fff}.badge.sev-warning{background:#d4a72c;color:#fff}.badge.sev-info{background:var(--info);color:#fff}
.rule{background:var(--bg2);border:1px solid var(--line);border-radius:4px;padding:0 5px}
.where{color:var(--muted);font-size:12px;word-break:break-all}
.msg{margin:4px 0 2px}
.sugg{margin:4px 0;padding:3px 8px;background:#dafbe1;border-radius:4px;color:#116329}
.lbl{font-weight:650;font-size:11px;text-transform:uppercase;letter-spacing:.05em;margin-right:4px}
.cmp{color:var(--muted);font-size:12.5px}
.cmp ul{margin:0;padding-left:18px}
.ev summary{cursor:pointer;color:var(--muted);font-size:12px}
.ev pre{margin:4px 0 0;max-height:220px;overflow:auto;background:var(--bg2);border-radius:4px;padding:6px 8px;white-space:pre-wrap;word-break:break-all;font-size:11.5px}
.unplaced{margin-top:14px}.unplaced h3{font-size:14px}
.help{position:fixed;inset:0;background:rgba(31,35,40,.35);z-index:10;display:flex;align-items:center;justify-content:center}
.helpbox{background:#fff;border-radius:10px;padding:18px 24px;max-width:440px;box-shadow:0 10px 30px rgba(0,0,0,.2);font-size:14px}
.helpbox h3{margin:0 0 8px}.helpbox dl{display:grid;grid-template-columns:auto 1fr;gap:4px 14px;margin:0}
.helpbox dd{margin:0}
footer{padding:16px 28px 28px;color:#8c959f;font-size:12px;border-top:1px solid var(--line)}
@media print{.toolbar,.help{display:none!important}table.align thead th{position:static}}
"""


_JS = r"""
(function () {
  "use strict";
  var $$ = function (s, r) { return Array.prototype.slice.call((r || document).querySelectorAll(s)); };
  var RANK = { error: 3, warning: 2, info: 1 };
  var cards = $$("article.finding");
  var byId = {};
  cards.forEach(function (c) { byId[c.id] = c; });
  var state = { sev: {}, rule: {}, only: false, current: null, collapsed: {} };
  $$("input[data-filter]").forEach(function (i) { state[i.dataset.filter][i.value] = i.checked; });
  var only = document.getElementById("only-findings");

  function visible(id) {
    var c = byId[id];
    return !!c && state.sev[c.dataset.sev] !== false && state.rule[c.dataset.rule] !== false;
  }
  function ids(s) { return (s || "").split(" ").filter(function (x) { return x; }); }
  function maxSev(list) {
    var best = null;
    list.forEach(function (id) { var s = byId[id].dataset.sev; if (!best || RANK[s] > RANK[best]) best = s; });
    return best;
  }
  function navList() { return cards.filter(function (c) { return visible(c.id); }); }

  function apply() {
    cards.forEach(function (c) { c.hidden = !visible(c.id); });
    $$("[data-fp],[data-fc]").forEach(function (el) {
      var p = ids(el.dataset.fp).filter(visible), c = ids(el.dataset.fc).filter(visible);
      el.dataset.sev = p.length ? maxSev(p) : (c.length ? "ref" : "off");
    });
    $$(".pin").forEach(function (p) { p.hidden = !visible(p.dataset.goto); });
    $$("tr.row").forEach(function (r) {
      var vis = ids(r.dataset.fids).filter(visible), n = vis.length;
      r.classList.toggle("has", n > 0);
      if (n) r.dataset.sev = maxSev(vis); else delete r.dataset.sev;
      r.hidden = state.only && n === 0;
      var d = r.nextElementSibling;
      if (d && d.classList.contains("details")) d.hidden = r.hidden || n === 0 || !!state.collapsed[r.id];
    });
    var list = navList();
    document.getElementById("shown").textContent = String(list.length);
    if (state.current && !visible(state.current.id)) select(null);
    status();
  }
  function status() {
    var list = navList(), i = state.current ? list.indexOf(state.current) : -1;
    document.getElementById("pos").textContent = i >= 0 ? ("finding " + (i + 1) + " of " + list.length) : "press j for the first finding";
  }
  function select(card, scroll) {
    $$(".focus").forEach(function (e) { e.classList.remove("focus"); });
    if (state.current) state.current.classList.remove("current");
    state.current = card;
    if (card) {
      card.classList.add("current");
      var row = card.dataset.row ? document.getElementById(card.dataset.row) : null;
      if (row && state.collapsed[row.id]) { state.collapsed[row.id] = false; apply(); }
      $$("[data-fp~='" + card.id + "'],[data-fc~='" + card.id + "']").forEach(function (e) { e.classList.add("focus"); });
      if (scroll !== false) {
        var target = row || card;
        target.scrollIntoView({ block: "center" });
      }
      card.focus({ preventScroll: true });
    }
    status();
  }
  function go(delta) {
    var list = navList();
    if (!list.length) return null;
    var i = state.current ? list.indexOf(state.current) : -1;
    if (i < 0) i = delta > 0 ? 0 : list.length - 1;
    else i = Math.min(list.length - 1, Math.max(0, i + delta));
    select(list[i]);
    return list[i].id;
  }
  function toggleDetails() {
    if (!state.current || !state.current.dataset.row) return;
    var rid = state.current.dataset.row;
    state.collapsed[rid] = !state.collapsed[rid];
    apply();
  }
  function setOnly(v) { state.only = v; only.checked = v; apply(); }

  $$("input[data-filter]").forEach(function (i) {
    i.addEventListener("change", function () { state[i.dataset.filter][i.value] = i.checked; apply(); });
  });
  only.addEventListener("change", function () { setOnly(only.checked); });
  document.addEventListener("click", function (e) {
    var t = e.target.closest ? e.target.closest(".pin,[data-fp],[data-fc]") : null;
    if (!t) return;
    var id = t.dataset.goto || ids(t.dataset.fp).filter(visible)[0] || ids(t.dataset.fc).filter(visible)[0];
    if (id && byId[id]) select(byId[id], false);
  });
  var help = document.getElementById("help");
  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    var tag = (e.target && e.target.tagName) || "";
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(tag) && e.key !== "Escape") return false;
    switch (e.key) {
      case "j": case "n": go(1); break;
      case "k": case "p": go(-1); break;
      case "o": case "Enter": toggleDetails(); break;
      case "f": setOnly(!state.only); break;
      case "?": help.hidden = !help.hidden; break;
      case "Escape": help.hidden = true; break;
      default: return false;
    }
    e.preventDefault();
    return true;
  }
  document.addEventListener("keydown", onKey);
  help.addEventListener("click", function () { help.hidden = true; });
  var tb = document.querySelector(".toolbar");
  function tbHeight() { document.documentElement.style.setProperty("--tb", tb.offsetHeight + "px"); }
  window.addEventListener("resize", tbHeight);
  tbHeight();
  apply();

  // Self-test: drives the real controls and key handling, reports what the page showed.
  window.tcheckSelfTest = function () {
    var out = { total: cards.length, visible_initial: navList().length, shown_text: document.getElementById("shown").textContent,
                without_sev: {}, only_rule: {}, marks_lit_without_all: 0, nav: [], rows: 0, rows_hidden_only: 0 };
    function key(k) { document.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true })); }
    function click(input) { input.click(); }
    var sevBoxes = $$("input[data-filter=sev]"), ruleBoxes = $$("input[data-filter=rule]");
    sevBoxes.forEach(function (b) {
      click(b);
      out.without_sev[b.value] = { visible: navList().length, shown: Number(document.getElementById("shown").textContent),
        lit: $$("mark.hl[data-sev=" + b.value + "],.seg.whole[data-sev=" + b.value + "]").length };
      click(b);
    });
    ruleBoxes.forEach(function (b) {
      ruleBoxes.forEach(function (o) { if (o !== b) click(o); });
      out.only_rule[b.value] = navList().length;
      ruleBoxes.forEach(function (o) { if (o !== b) click(o); });
    });
    sevBoxes.forEach(click);
    out.marks_lit_without_all = $$("[data-fp][data-sev]:not([data-sev=off]):not([data-sev=ref])").length;
    out.pins_visible_without_all = $$(".pin").filter(function (p) { return !p.hidden; }).length;
    sevBoxes.forEach(click);
    select(null);
    ["j", "j", "n", "k", "p", "p"].forEach(function (k) { key(k); out.nav.push(state.current ? state.current.id : null); });
    out.focused_marks = state.current ? $$(".focus").length : 0;
    out.rows = $$("tr.row").length;
    key("f");
    out.rows_hidden_only = $$("tr.row").filter(function (r) { return r.hidden; }).length;
    key("f");
    out.rows_hidden_after = $$("tr.row").filter(function (r) { return r.hidden; }).length;
    key("?"); out.help_shown = !help.hidden; key("Escape"); out.help_hidden_after = help.hidden;
    select(null);
    return out;
  };
  var target = location.hash.slice(1);
  if (byId[target]) select(byId[target]);
  if (/selftest/.test(location.search + location.hash)) {
    var pre = document.getElementById("tcheck-selftest");
    try { pre.textContent = JSON.stringify(window.tcheckSelfTest()); }
    catch (err) { pre.textContent = JSON.stringify({ error: String(err && err.stack || err) }); }
  }
})();
"""
