"""Reporters: turn AuditResults into text, JSON, SARIF, GitHub annotations or HTML."""

from __future__ import annotations

FORMATS = ("text", "json", "sarif", "github", "html")


def render(results, fmt: str, color: bool = False) -> str:
    """Render a list of AuditResults in the given format."""
    if fmt == "text":
        from .text import render_text

        return render_text(results, color=color)
    if fmt == "json":
        from .json import render_json

        return render_json(results)
    if fmt == "sarif":
        from .sarif import render_sarif

        return render_sarif(results)
    if fmt == "github":
        from .github import render_github

        return render_github(results)
    if fmt == "html":
        from .html import render_html

        return render_html(results)
    raise ValueError(f"unknown format {fmt!r}")
