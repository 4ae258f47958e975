"""CSV export for reviewers who work in spreadsheets (Excel, LibreOffice, Xbench/Verifika habits).

One row per finding::

    file, line, column, lang, severity, rule, message, zh-Hans, zh-Hant, en, suggestion

``zh-Hans`` / ``zh-Hant`` / ``en`` hold the text of the alignment row the
finding sits in (the finding's paragraph and its counterparts in the other
versions; several paragraphs of one version in one row are separated by a
newline), so a reviewer sees the three versions side by side without opening
the files.

The text starts with a UTF-8 byte order mark so Excel opens Chinese text
correctly when the file is double-clicked. Every text cell that a spreadsheet
would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is prefixed with ``'``: document text is untrusted input.
"""

from __future__ import annotations

import csv as _csv
import io

from ..langs import LANGS as LANG_COLUMNS  # the column order

HEADER = ("file", "line", "column", "lang", "severity", "rule", "message", *LANG_COLUMNS, "suggestion")
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32767  # Excel's limit on the characters of one cell


def neutralise(value) -> str:
    """A cell value a spreadsheet shows as text, never evaluates."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"
    return text


def _row_texts(res, f) -> dict[str, str]:
    """The texts of the alignment row holding the finding's primary paragraph, per language."""
    doc, alignment = res.document, res.alignment
    loc = f.locations[0]
    cells: dict[str, list[int]] = {}
    row = alignment.row_of(loc.lang, loc.paragraph) if loc.paragraph else None
    if row is not None:
        cells = {lg: list(row.get(lg)) for lg in LANG_COLUMNS}
    else:  # no row (should not happen): the locations themselves
        for other in [*f.locations, *f.counterparts]:
            if other.paragraph:
                cells.setdefault(other.lang, []).append(other.paragraph)
    out = {}
    for lg in LANG_COLUMNS:
        v = doc.get(lg)
        idx = cells.get(lg) or []
        if v is None or not idx:
            out[lg] = ""
            continue
        out[lg] = "\n".join(v[i].text for i in idx if 1 <= i <= len(v))
    return out


def finding_rows(results):
    """Yield one tuple per finding (the cells in HEADER order, not yet neutralised)."""
    for res in results:
        findings = sorted(res.findings, key=lambda f: (f.locations[0].path, f.locations[0].start, f.rule))
        for f in findings:
            loc = f.locations[0]
            line, col = loc.start
            texts = _row_texts(res, f)
            yield (
                loc.path,
                int(line),
                int(col),
                loc.lang,
                f.severity.label,
                f.rule,
                f.message,
                *(texts[lg] for lg in LANG_COLUMNS),
                f.suggestion or "",
            )


def render_csv(results) -> str:
    buf = io.StringIO()
    # LF line ends (Excel, LibreOffice and the csv module all read them); cells with newlines are quoted
    w = _csv.writer(buf, lineterminator="\n", quoting=_csv.QUOTE_MINIMAL)
    w.writerow(HEADER)
    for row in finding_rows(results):
        w.writerow([c if isinstance(c, int) else neutralise(c) for c in row])
    return BOM + buf.getvalue()
