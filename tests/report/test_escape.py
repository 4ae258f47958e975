"""Terminal safety: control characters and bidi overrides in documents never reach the terminal raw."""

from types import SimpleNamespace

from tcheck.model import Document, Finding, Location, Severity, Version
from tcheck.report.escape import escape_controls, one_line
from tcheck.report.github import render_github
from tcheck.report.text import render_text

HOSTILE = "title \x1b]0;owned\x07 \x1b[2J \u202eevil\u202c \u2066x\u2069 \x9b31m \x00\x7f end"


def _result(message=HOSTILE, path="doc\x1b[31m.md"):
    v = Version("en", path, [])
    loc = Location("en", path, 1, 3, 3, 5)
    f = Finding("untranslated", Severity.WARNING, message, [loc], suggestion="use \x1b[1mbold\x1b[0m")
    return SimpleNamespace(document=Document([v]), findings=[f.finalize()], suppressed=0, baseline=0, model="fake")


def _unsafe(text: str) -> list[str]:
    return [
        c
        for c in text
        if (ord(c) < 32 and c not in "\t\n")
        or 0x7F <= ord(c) <= 0x9F
        or 0x202A <= ord(c) <= 0x202E
        or 0x2066 <= ord(c) <= 0x2069
    ]


def test_escape_controls_keeps_tab_newline_and_cjk():
    assert escape_controls("a\tb\nc 中文 é") == "a\tb\nc 中文 é"
    assert escape_controls("\x1b[31m") == "\\x1b[31m"
    assert escape_controls("\u202e") == "\\u202e" and escape_controls("\x9b") == "\\x9b"
    assert one_line("two\nlines\r") == "two\\nlines\\r"


def test_text_report_escapes_controls():
    out = render_text([_result()])
    assert _unsafe(out) == []
    assert "\\x1b]0;owned\\x07" in out and "\\u202eevil" in out and "doc\\x1b[31m.md:3:5" in out


def test_text_report_colour_codes_are_still_tcheck_s_own():
    out = render_text([_result()], color=True)
    assert "\\x1b[31m" in out  # the document's escape, made visible
    assert "\x1b[33mwarning" in out  # tcheck's own colour


def test_github_annotations_escape_controls():
    out = render_github([_result()])
    assert _unsafe(out) == []
    assert out.startswith("::warning file=")
    assert "\\x1b]0;owned\\x07" in out
