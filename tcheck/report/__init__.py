"""Reporters: turn AuditResults into text, JSON, SARIF, GitHub annotations, CSV or HTML."""

from __future__ import annotations

from importlib import import_module

# format -> (module in tcheck.report, its render function)
_RENDERERS = {
    "text": ("text", "render_text"),
    "json": ("json", "render_json"),
    "sarif": ("sarif", "render_sarif"),
    "github": ("github", "render_github"),
    "csv": ("csv", "render_csv"),
    "html": ("html", "render_html"),
}
FORMATS = tuple(_RENDERERS)


def render(results, fmt: str, color: bool = False, quiet: bool = False, statistics: bool = False) -> str:
    """Render a list of AuditResults in the given format.

    Text only: ``color`` (ANSI colours), ``quiet`` (findings only, nothing when
    clean), ``statistics`` (counts per rule instead of the findings).
    """
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown format {fmt!r}")
    if fmt == "text" and statistics:
        from .text import render_statistics

        return render_statistics(results, color=color)
    module, function = _RENDERERS[fmt]
    renderer = getattr(import_module(f".{module}", __name__), function)
    return renderer(results, color=color, quiet=quiet) if fmt == "text" else renderer(results)
