"""Plain-text report: ``path:line:col: severity rule message``, grouped by file."""

from __future__ import annotations

from collections import defaultdict

from .escape import escape_controls

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render_text(results, color: bool = False, quiet: bool = False) -> str:
    """The findings grouped by file and a summary line (``quiet``: the findings only, nothing when clean)."""
    by_file: dict[str, list] = defaultdict(list)
    order: list[str] = []
    for res in results:
        for v in res.document.versions:
            if v.path not in by_file:
                order.append(v.path)
                by_file[v.path]
        for f in res.findings:
            by_file[f.span.path].append(f)
    lines: list[str] = []
    for path in order:
        fs = by_file[path]
        if not fs:
            continue
        shown = escape_controls(path)
        lines.append(f"{_BOLD}{shown}{_RESET}" if color else shown)
        fs.sort(key=lambda f: (f.span.start, f.rule))
        for f in fs:
            ln, col = f.span.start
            sev = f.severity.label
            sev_s = f"{_COLORS[sev]}{sev}{_RESET}" if color else sev
            rule = f"{_DIM}{f.rule}{_RESET}" if color else f.rule
            lines.append(f"{shown}:{ln}:{col}: {sev_s} {rule} {escape_controls(f.message)}")
            if f.suggestion:
                lines.append(f"    suggestion: {escape_controls(f.suggestion)}")
        lines.append("")
    if quiet:
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines) + "\n" if lines else ""
    lines.append(summary_line(results))
    return "\n".join(lines) + "\n"


def summary_line(results) -> str:
    """``Found 3 findings (1 error, 2 warnings) in 2 documents; 1 suppressed.`` (or ``No findings …``)."""
    totals = {"error": 0, "warning": 0, "info": 0}
    for res in results:
        for f in res.findings:
            totals[f.severity.label] += 1
    docs = len(results)
    suppressed = sum(res.suppressed for res in results)
    baselined = sum(getattr(res, "baseline", 0) for res in results)
    total = sum(totals.values())
    if total == 0:
        summary = "No findings"
    else:
        parts = [f"{n} {k}{'s' if n != 1 and k != 'info' else ''}" for k, n in totals.items() if n]
        summary = f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)})"
    summary += f" in {docs} document{'s' if docs != 1 else ''}"
    if suppressed:
        summary += f"; {suppressed} suppressed"
    if baselined:
        summary += f"; {baselined} in baseline"
    return summary + "."


def render_statistics(results, color: bool = False) -> str:
    """Counts per rule, most frequent first, like ``ruff --statistics``: ``  12  warning  script-mix``."""
    from collections import Counter

    counts: Counter[tuple[str, str]] = Counter()
    for res in results:
        for f in res.findings:
            counts[(f.rule, f.severity.label)] += 1
    if not counts:
        return ""
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))
    width = max(len(str(n)) for n in counts.values())
    out = []
    for (rule, sev), n in rows:
        sev_s = f"{_COLORS[sev]}{sev:<7}{_RESET}" if color else f"{sev:<7}"
        out.append(f"{n:>{width}}  {sev_s}  {rule}")
    return "\n".join(out) + "\n"
