"""Small text helpers shared by rules and reporters."""

from __future__ import annotations


def snippet(text: str, n: int = 60) -> str:
    """One-line excerpt of at most ``n`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
