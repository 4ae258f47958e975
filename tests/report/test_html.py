"""HTML report: escaping, self-containment, aligned rows, highlights, and a real headless browser.

The browser tests need Debian's chromium (CI installs it in .ci/run); when it
is missing they fail, they never skip.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tcheck.report import render

from .test_sarif_github import XSS1, XSS2, build_tiny

SEVS = ("error", "warning", "info")


@pytest.fixture
def tiny(tmp_path):
    return build_tiny(tmp_path / "repo")


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def card_id(soup, rule: str) -> str:
    cards = soup.select(f'article.finding[data-rule="{rule}"]')
    assert len(cards) == 1, rule
    return cards[0]["id"]


def marked(soup, fid: str, attr: str = "data-fp") -> list:
    return [el for el in soup.find_all(attrs={attr: True}) if fid in el[attr].split()]


# --------------------------------------------------------------------------- static checks


def test_document_text_is_escaped(tiny):
    html = render([tiny], "html")
    assert XSS1 not in html and XSS2 not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    soup = soup_of(html)
    assert soup.find_all("img") == []
    scripts = soup.find_all("script")
    assert len(scripts) == 1
    # the text is there, as text: in the zh-Hans cell of row 4 and in the message
    row4 = soup.select("tr.row")[3]
    assert XSS1 in row4.select_one('td[lang="zh-Hans"]').get_text()
    assert XSS2 in row4.select_one('td[lang="en"]').get_text()
    mp = soup.select_one('article.finding[data-rule="missing-paragraph"] .msg')
    assert XSS1 in mp.get_text()


def test_report_is_self_contained(tiny):
    html = render([tiny], "html")
    soup = soup_of(html)
    assert soup.find_all("link") == []
    assert [el.name for el in soup.find_all(attrs={"src": True})] == []
    for a in soup.find_all("a", href=True):
        assert a["href"].startswith("#"), a["href"]
    styles = "".join(s.get_text() for s in soup.find_all("style"))
    assert "@import" not in styles and "url(" not in styles and "@font-face" not in styles
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    assert soup.find("script")["nonce"] == nonce
    # a fresh nonce each time
    assert nonce not in render([tiny], "html")


def test_aligned_rows_columns_and_gaps(tiny):
    soup = soup_of(render([tiny], "html"))
    heads = [th["lang"] for th in soup.select("table.align thead th[lang]")]
    assert heads == ["zh-Hans", "zh-Hant", "en"]
    rows = soup.select("tr.row")
    assert len(rows) == len(tiny.alignment.rows) == 5
    doc = tiny.document
    for row, arow in zip(rows, tiny.alignment.rows):
        cells = row.select("td.cell")
        assert [c["lang"] for c in cells] == heads
        for cell, lg in zip(cells, heads):
            if arow.get(lg):
                assert "gap" not in cell["class"]
                assert doc.get(lg)[arow.get(lg)[0]].text.split()[0] in cell.get_text()
            else:
                assert "gap" in cell["class"]
    gap = rows[3].select_one('td[lang="zh-Hant"]')
    assert "gap" in gap["class"]
    assert card_id(soup, "missing-paragraph") in gap["data-fp"].split()
    # only the row without findings has no details panel
    assert [("has" in r["class"]) for r in rows] == [True, True, True, True, False]
    assert len(soup.select("tr.details")) == 4


def test_highlights_at_spans(tiny):
    soup = soup_of(render([tiny], "html"))
    num = card_id(soup, "number-mismatch")
    prim = marked(soup, num)
    assert [m.name for m in prim] == ["mark"] and prim[0].get_text() == "60"
    assert prim[0].find_parent("td")["lang"] == "en"
    assert prim[0]["data-sev"] == "warning"
    cp = marked(soup, num, "data-fc")
    assert [m.get_text() for m in cp] == ["30"] and cp[0].find_parent("td")["lang"] == "zh-Hans"
    assert cp[0]["data-sev"] == "ref"

    sm = marked(soup, card_id(soup, "script-mix"))
    assert [m.get_text() for m in sm] == ["隐"] and sm[0]["data-sev"] == "error"
    assert sm[0].find_parent("td")["lang"] == "zh-Hant"

    bs = marked(soup, card_id(soup, "broken-spacing"))  # from evidence "found"
    assert [m.get_text() for m in bs] == ["Policy"] and bs[0]["data-sev"] == "info"

    mp = card_id(soup, "missing-paragraph")  # no span: the whole segment
    whole = [el for el in marked(soup, mp) if el.name == "div"]
    assert len(whole) == 1 and "whole" in whole[0]["class"]
    assert XSS1 in whole[0].get_text()

    # negatives: nothing else is highlighted
    assert len(soup.find_all("mark")) == 4
    rows = soup.select("tr.row")
    assert rows[4].find("mark") is None and rows[4].find(attrs={"data-fp": True}) is None
    assert rows[2].select_one('td[lang="zh-Hant"]').find("mark") is None  # its 30 agrees


def test_counts_and_finding_panels(tiny):
    soup = soup_of(render([tiny], "html"))
    counts = Counter(f.severity.label for f in tiny.findings)
    assert int(soup.select_one("[data-count-total]").get_text()) == len(tiny.findings)
    for s in SEVS:
        assert int(soup.select_one(f'[data-count-sev="{s}"]').get_text()) == counts[s]
    by_rule = Counter(f.rule for f in tiny.findings)
    shown = {
        tr["data-count-rule"]: int(tr.select_one("td.total")["data-count"]) for tr in soup.select("[data-count-rule]")
    }
    assert shown == dict(by_rule)
    card = soup.select_one('article.finding[data-rule="number-mismatch"]')
    assert card["data-sev"] == "warning"
    assert "en says 60 days" in card.select_one(".msg").get_text()
    assert "use 30 as in zh-Hans" in card.select_one(".sugg").get_text()
    assert "zh-Hans" in card.select_one(".cmp").get_text()
    assert soup.select_one('article.finding[data-rule="broken-spacing"] .sugg') is None


def test_several_documents_one_section_each(tmp_path, tiny):
    other = build_tiny(tmp_path / "other")
    other.findings = other.findings[:2]
    soup = soup_of(render([tiny, other], "html"))
    sections = soup.select("section.doc")
    assert len(sections) == 2
    assert [len(s.select("article.finding")) for s in sections] == [4, 2]
    assert int(soup.select_one("[data-count-total]").get_text()) == 6
    ids = [el["id"] for el in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert len(soup.select("nav.toc li")) == 2


def test_no_findings(tiny):
    tiny.findings = []
    soup = soup_of(render([tiny], "html"))
    assert "No findings" in soup.select_one(".clean").get_text()
    assert soup.find("mark") is None and soup.select("tr.details") == []
    assert len(soup.select("tr.row")) == 5


# --------------------------------------------------------------------------- real browser


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("chromium is not installed (apt-get install chromium): the HTML report is tested in a real browser")


def run_chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / "chromium-profile"
    cmd = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        *args,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def dump_dom(tmp_path: Path, html_file: Path, query: str = "") -> BeautifulSoup:
    out = run_chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", html_file.as_uri() + query)
    assert "<html" in out
    return soup_of(out)


def selftest(soup) -> dict:
    pre = soup.find(id="tcheck-selftest")
    assert pre is not None and pre.get_text(), "the page's self-test did not run"
    data = json.loads(pre.get_text())
    assert "error" not in data, data.get("error")
    return data


def test_browser_runs_filters_and_keyboard(tmp_path, tiny):
    page = tmp_path / "report.html"
    page.write_text(render([tiny], "html"), encoding="utf-8")
    soup = dump_dom(tmp_path, page, "?selftest=1")
    st = selftest(soup)
    counts = Counter(f.severity.label for f in tiny.findings)
    total = len(tiny.findings)
    assert st["total"] == st["visible_initial"] == total and st["shown_text"] == str(total)
    for s in SEVS:
        assert st["without_sev"][s]["visible"] == total - counts[s]
        assert st["without_sev"][s]["shown"] == total - counts[s]
        assert st["without_sev"][s]["lit"] == 0  # that severity's highlights are switched off
    assert st["only_rule"] == dict(Counter(f.rule for f in tiny.findings))
    assert st["marks_lit_without_all"] == 0 and st["pins_visible_without_all"] == 0
    cards = [c["id"] for c in soup.select("article.finding")]
    # j j n k p p: three forward, back to the first, and it stays there
    assert st["nav"] == [cards[0], cards[1], cards[2], cards[1], cards[0], cards[0]]
    assert st["focused_marks"] >= 1
    assert st["rows"] == 5 and st["rows_hidden_only"] == 1 and st["rows_hidden_after"] == 0
    assert st["help_shown"] is True and st["help_hidden_after"] is True
    # after JS ran: rows, highlights, counts, escaping
    assert len(soup.select("tr.row")) == 5
    assert len(soup.select("mark.hl")) == 4 and len(soup.select(".seg.whole")) >= 1
    assert soup.select_one("#shown").get_text() == str(total)
    assert int(soup.select_one("[data-count-total]").get_text()) == total
    assert soup.find_all("img") == [] and len(soup.find_all("script")) == 1
    assert soup.title.get_text().startswith("tcheck report")
    assert XSS1 in soup.select("tr.row")[3].get_text()


def test_browser_without_selftest_leaves_page_alone(tmp_path, tiny):
    page = tmp_path / "report.html"
    page.write_text(render([tiny], "html"), encoding="utf-8")
    soup = dump_dom(tmp_path, page)
    assert soup.find(id="tcheck-selftest").get_text() == ""
    assert [m["data-sev"] for m in soup.select("mark.hl")].count("error") == 1
    assert "press j" in soup.select_one("#pos").get_text()


def png_info(path: Path) -> tuple[int, int, int]:
    """(width, height, distinct byte values in the decompressed image data)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    idat, pos = b"", 8
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + n]
        pos += 12 + n
    return width, height, len(set(zlib.decompress(idat)))


def test_browser_screenshot_seed(tmp_path, seed000_result):
    page = tmp_path / "seed.html"
    page.write_text(render([seed000_result], "html"), encoding="utf-8")
    shot = tmp_path / "report.png"
    run_chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,900", page.as_uri())
    assert shot.exists() and shot.stat().st_size > 20_000
    width, height, variety = png_info(shot)
    assert (width, height) == (1400, 900)
    assert variety > 100  # a blank page compresses to a handful of byte values

    soup = dump_dom(tmp_path, page, "?selftest=1")
    st = selftest(soup)
    res = seed000_result
    counts = Counter(f.severity.label for f in res.findings)
    assert st["total"] == len(res.findings)
    for s in SEVS:
        assert int(soup.select_one(f'[data-count-sev="{s}"]').get_text()) == counts[s]
        assert st["without_sev"][s]["visible"] == len(res.findings) - counts[s]
    assert len(soup.select("tr.row")) == len(res.alignment.rows)
    # each version's paragraphs all appear, once, in the aligned rows
    for v in res.document.versions:
        metas = soup.select(f'td.cell[lang="{v.lang}"] .seg')
        assert len(metas) == len(v.segments)
