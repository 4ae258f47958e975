"""Terminal safety: document text must not drive the terminal that shows a report.

Control characters (C0 and C1, except tab and newline, and DEL) and the
bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, which
can make text read differently from how it is stored) are shown as visible
escapes (``\\x1b``, ``\\u202e``) in text and GitHub output and in messages on
stderr.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match) -> str:
    ch = m.group()
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def escape_controls(text: str) -> str:
    """``text`` with every unsafe character written as a visible escape."""
    return _UNSAFE.sub(_visible, text)


def one_line(text: str) -> str:
    """A message for stderr: unsafe characters escaped, line breaks shown as ``\\n``."""
    return escape_controls(text.replace("\r", "\\r").replace("\n", "\\n"))
