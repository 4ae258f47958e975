"""Compatibility: moved to :mod:`tcheck.text.snippets`."""

from .text.snippets import embedding_text, snippet  # noqa: F401
