"""GitHub Actions workflow commands: one annotation per finding, then a summary line.

``::error file=PATH,line=L,col=C,endLine=E,title=RULE::message`` (warning ->
``::warning``, info -> ``::notice``). Paths are relative to the repository
root, like the SARIF report's. Values are escaped as the Actions runner
expects, so document text can never end a command early or start a new one.
"""

from __future__ import annotations

from .escape import escape_controls
from .paths import repo_relative

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (``%``, CR, LF; other control characters made visible)."""
    return escape_controls(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a command property's value (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f, path_of=None) -> str:
    path_of = path_of or (lambda p: repo_relative(p)[0])
    span = f.span
    props = [
        ("file", path_of(span.path)),
        ("line", str(span.line)),
        ("col", str(span.column)),
        ("endLine", str(max(span.end_line, span.line))),
        ("title", f.rule),
    ]
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    msg = f.message.strip()
    if f.suggestion:
        msg += f"\nSuggestion: {f.suggestion.strip()}"
    if f.related:
        seen = []
        for o in f.related:
            s = f"{o.lang} {path_of(o.path)}:{o.line}"
            if s not in seen:
                seen.append(s)
        msg += "\nCompare: " + "; ".join(seen)
    return f"::{COMMANDS[f.severity.label]} {head}::{escape_data(msg)}"


def render_github(results) -> str:
    memo: dict[str, str] = {}

    def path_of(p: str) -> str:
        if p not in memo:
            memo[p] = repo_relative(p)[0]
        return memo[p]

    lines = []
    totals = {"error": 0, "warning": 0, "info": 0}
    docs = suppressed = 0
    for res in results:
        docs += 1
        suppressed += getattr(res, "suppressed", 0)
        for f in res.findings:
            totals[f.severity.label] += 1
            lines.append(annotation(f, path_of))
    total = sum(totals.values())
    if total:
        parts = [f"{n} {k}{'s' if n != 1 and k != 'info' else ''}" for k, n in totals.items() if n]
        summary = f"tcheck: {total} finding{'s' if total != 1 else ''} ({', '.join(parts)})"
    else:
        summary = "tcheck: no findings"
    summary += f" in {docs} document{'s' if docs != 1 else ''}"
    if suppressed:
        summary += f"; {suppressed} suppressed"
    lines.append(summary + ".")
    return "\n".join(lines) + "\n"
