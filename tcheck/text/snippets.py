"""Small text helpers shared by rules and reporters."""

from __future__ import annotations


def snippet(text: str, n: int = 60) -> str:
    """One-line excerpt of at most ``n`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def embedding_text(label: str, text: str) -> str:
    """The text a segment is embedded as.

    Sentence encoders handle ALL-CAPS legal boilerplate ("THE SERVICES ARE
    PROVIDED AS IS…") badly, so mostly-uppercase Latin text is lower-cased.
    """
    letters = [c for c in text if c.isascii() and c.isalpha()]
    if len(letters) >= 20 and sum(c.isupper() for c in letters) > 0.7 * len(letters):
        text = text.lower()
    return f"{label} {text}" if label else text
