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


def render(results, fmt: str, color: bool = False) -> str:
    """Render a list of AuditResults in the given format (``color``: ANSI colours in text)."""
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown format {fmt!r}")
    module, function = _RENDERERS[fmt]
    renderer = getattr(import_module(f".{module}", __name__), function)
    return renderer(results, color=color) if fmt == "text" else renderer(results)
