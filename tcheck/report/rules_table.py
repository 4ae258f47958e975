"""The rule list as a Markdown table (``tcheck rules --format markdown``; the README's rule list)."""

from __future__ import annotations


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _option_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return f'"{v}"'
    return repr(v)


def rules_markdown() -> str:
    """A Markdown table of every rule: id, default severity, scope, summary and options."""
    from ..rules import all_rules

    lines = [
        "| rule | default severity | compares | what it catches | options (default) |",
        "|---|---|---|---|---|",
    ]
    for r in all_rules().values():
        scope = "one version" if r.scope == "single" else "versions"
        opts = ", ".join(f"`{k} = {_option_value(v)}`" for k, v in (r.options or {}).items()) or "—"
        off = "" if r.default_enabled else " (off by default)"
        lines.append(f"| `{r.id}` | {r.severity.label}{off} | {scope} | {_cell(r.summary())} | {opts} |")
    return "\n".join(lines) + "\n"
