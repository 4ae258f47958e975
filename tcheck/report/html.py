"""HTML report for translators: one self-contained, offline file.

The versions stand side by side in aligned rows (zh-Hans | zh-Hant | en; see
:mod:`.html_document`), each finding highlighted where its spans are (see
:mod:`.highlights`) and explained in a panel under its row: rule, severity,
message, suggestion, counterparts, evidence. Counts by severity and by rule
at the top; filters by severity and rule, and keyboard navigation (j/k,
n/p). The page skeleton, stylesheet and script are package data in
``tcheck/report/assets``.

Documents are untrusted input: every piece of document text, path, message
and evidence is HTML-escaped, and a Content-Security-Policy only lets the
report's own nonce'd script run and forbids loading anything.
"""

from __future__ import annotations

import secrets
from collections import Counter, defaultdict
from functools import cache
from importlib import resources
from string import Template

from .. import __version__
from .html_document import SEVERITIES, Numbering, count_chips, esc, render_document


@cache
def asset(name: str) -> str:
    """A page template, stylesheet or script shipped in ``tcheck/report/assets`` (inlined: the report loads nothing)."""
    return resources.files("tcheck.report").joinpath("assets", name).read_text(encoding="utf-8")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _rule_table(rule_order: list[str], by_rule: dict[str, Counter], rule_summaries: dict[str, str]) -> str:
    if not rule_order:
        return '<p class="clean">No findings: the versions agree.</p>'
    rows = "".join(
        f'<tr data-count-rule="{esc(r)}"><td class="rid"><code>{esc(r)}</code></td>'
        + "".join(f'<td class="n sev-{s}{"" if by_rule[r][s] else " zero"}">{by_rule[r][s]}</td>' for s in SEVERITIES)
        + f'<td class="n total" data-count="{sum(by_rule[r].values())}">{sum(by_rule[r].values())}</td>'
        f'<td class="rsum" title="{esc(rule_summaries.get(r, ""))}">{esc(rule_summaries.get(r, ""))}</td></tr>'
        for r in rule_order
    )
    return (
        '<table class="byrule"><thead><tr><th>Rule</th><th class="n">Errors</th><th class="n">Warnings</th>'
        '<th class="n">Info</th><th class="n">Total</th><th>What it checks</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _filters(totals: Counter, rule_order: list[str], by_rule: dict[str, Counter]) -> tuple[str, str]:
    sev = "".join(
        f'<label class="fchk sev-{s}"><input type="checkbox" data-filter="sev" value="{s}" checked>'
        f'<span>{s}</span> <span class="dim">{totals.get(s, 0)}</span></label>'
        for s in SEVERITIES
    )
    rules = "".join(
        f'<label class="fchk"><input type="checkbox" data-filter="rule" value="{esc(r)}" checked>'
        f'<span>{esc(r)}</span> <span class="dim">{sum(by_rule[r].values())}</span></label>'
        for r in rule_order
    )
    return sev, rules or '<span class="dim">none</span>'


def _toc(results) -> str:
    if len(results) < 2:
        return ""
    items = "".join(
        f'<li><a href="#d{d}">Document {d + 1}: {esc(" · ".join(dict.fromkeys(v.path for v in r.document.versions)))}</a>'
        f' <span class="dim">{len(r.findings)} findings</span></li>'
        for d, r in enumerate(results)
    )
    return f'<nav class="toc"><ol>{items}</ol></nav>'


def render_html(results) -> str:
    from ..rules import all_rules

    registry = all_rules()
    rule_summaries = {rid: cls.summary() for rid, cls in registry.items()}
    numbering = Numbering()
    sections = "".join(render_document(d, res, numbering, rule_summaries) for d, res in enumerate(results))

    totals = Counter(f.severity.label for f in numbering.findings)
    by_rule: dict[str, Counter] = defaultdict(Counter)
    for f in numbering.findings:
        by_rule[f.rule][f.severity.label] += 1
    rule_order = [r for r in registry if r in by_rule] + sorted(r for r in by_rule if r not in registry)
    models = sorted({r.model for r in results if r.model})
    suppressed = sum(r.suppressed for r in results)
    total = len(numbering.findings)
    sub = [f"tcheck {esc(__version__)}", _plural(len(results), "document")]
    if models:
        sub.append("model " + esc(", ".join(models)))
    if suppressed:
        sub.append(f"{suppressed} suppressed inline")
    sev_filters, rule_filters = _filters(totals, rule_order, by_rule)
    nonce = secrets.token_urlsafe(18)
    return Template(asset("page.html")).substitute(
        csp=f"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; "
        "img-src data:; base-uri 'none'; form-action 'none'",
        version=esc(__version__),
        total=total,
        total_findings=_plural(total, "finding"),
        findings_word="finding" if total == 1 else "findings",
        sub=" · ".join(sub),
        chips=count_chips(totals, total_attr="y"),
        by_rule=_rule_table(rule_order, by_rule, rule_summaries),
        toc=_toc(results),
        sev_filters=sev_filters,
        rule_filters=rule_filters,
        sections=sections,
        nonce=nonce,
        css=asset("report.css"),
        js=asset("report.js"),
    )
