"""Plain-text report: ``path:line:col: severity rule message``, grouped by file."""

from __future__ import annotations

from collections import defaultdict

from .escape import escape_controls

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render_text(results, color: bool = False) -> str:
    by_file: dict[str, list] = defaultdict(list)
    order: list[str] = []
    totals = {"error": 0, "warning": 0, "info": 0}
    suppressed = 0
    baselined = 0
    docs = 0
    for res in results:
        docs += 1
        suppressed += res.suppressed
        baselined += getattr(res, "baseline", 0)
        for v in res.document.versions:
            if v.path not in by_file:
                order.append(v.path)
                by_file[v.path]
        for f in res.findings:
            by_file[f.span.path].append(f)
            totals[f.severity.label] += 1
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
    summary += "."
    lines.append(summary)
    return "\n".join(lines) + "\n"
