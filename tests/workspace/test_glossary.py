"""Glossary loading (CSV/TSV/TBX) and the glossary-violation rule."""

from __future__ import annotations

import pytest

from tcheck.model import InputError
from tcheck.workspace.glossary import Glossary, GlossaryEntry, load_glossary

from ..rules.conftest import plain_doc as _doc
from ..rules.conftest import run_doc as _run
from ..rules.test_entity_mismatch import EN, HANS, HANT

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
  <text><body>
    <termEntry id="1">
      <langSet xml:lang="zh-CN"><tig><term>个人数据</term></tig></langSet>
      <langSet xml:lang="zh-TW"><tig><term>個人資料</term></tig></langSet>
      <langSet xml:lang="en"><tig><term>personal data</term></tig></langSet>
    </termEntry>
    <termEntry id="2">
      <note>do-not-translate</note>
      <langSet xml:lang="en"><tig><term>Slack</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_load_csv_with_aliases_and_dnt(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("zh-CN,zh-TW,en,note\n个人数据,個人資料,personal data,\n,,GitHub,DNT\n\n", encoding="utf-8")
    g = load_glossary(p)
    assert len(g) == 2
    assert g.entries[0] == GlossaryEntry("个人数据", "個人資料", "personal data", "", False, 2)
    assert g.entries[1].dnt and g.entries[1].dnt_term == "GitHub"


def test_load_tsv_with_canonical_headers(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_text("zh-Hans\tzh-Hant\ten\tnote\n讯小通\t訊小通\tTalk123\tproduct name\n", encoding="utf-8")
    g = load_glossary(p)
    e = g.entries[0]
    assert (e.zh_hans, e.zh_hant, e.en, e.note, e.dnt) == ("讯小通", "訊小通", "Talk123", "product name", False)


def test_load_tbx(tmp_path):
    p = tmp_path / "g.tbx"
    p.write_text(TBX, encoding="utf-8")
    g = load_glossary(p)
    assert [(e.zh_hans, e.zh_hant, e.en, e.dnt) for e in g.entries] == [
        ("个人数据", "個人資料", "personal data", False),
        ("", "", "Slack", True),
    ]


@pytest.mark.parametrize(
    "name,content",
    [
        ("missing.csv", None),
        ("nolang.csv", "term,translation\nfoo,bar\n"),
        ("empty.csv", ""),
        ("broken.tbx", "<martif><termEntry></martif>"),
        ("noterms.csv", "zh-Hans,en\n"),
    ],
)
def test_bad_glossary_is_an_input_error_with_one_line(tmp_path, name, content):
    p = tmp_path / name
    if content is not None:
        p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_glossary(p)
    msg = str(exc.value)
    assert msg and "\n" not in msg and name in msg


def _glossary(*entries: GlossaryEntry) -> Glossary:
    return Glossary(list(entries))


PRODUCT = GlossaryEntry("讯小通", "訊小通", "Talk123")
DATA = GlossaryEntry("个人数据", "個人資料", "personal data")


def test_consistent_document_follows_the_glossary():
    doc, al = _doc(zh_Hans=HANS, zh_Hant=HANT, en=EN)
    gl = _glossary(PRODUCT, DATA, GlossaryEntry(en="Slack", dnt=True), GlossaryEntry(en="GitHub", dnt=True))
    assert _run("glossary-violation", doc, al, glossary=gl) == []


def test_no_glossary_no_findings():
    en = EN[:1] + ["Talk123 protects your personal information."] + EN[2:]
    doc, al = _doc(zh_Hans=HANS, en=en)
    assert _run("glossary-violation", doc, al, glossary=None) == []


def test_missing_required_rendering_is_reported():
    en = EN[:1] + ["Talk123 protects your personal information."] + EN[2:]
    doc, al = _doc(zh_Hans=HANS, zh_Hant=HANT, en=en)
    found = _run("glossary-violation", doc, al, glossary=_glossary(PRODUCT, DATA))
    assert len(found) == 1
    f = found[0]
    assert f.locations[0].lang == "en" and f.locations[0].paragraph == 2
    assert f.evidence["expected"] == "personal data" and f.evidence["term"] == "个人数据"
    assert "personal data" in f.message and f.rule == "glossary-violation"


def test_zh_hant_uses_its_own_glossary_term():
    # 個人數據 is the zh-Hant script form of 个人数据, but the glossary requires 個人資料
    hant = HANT[:1] + ["訊小通會保護您的個人數據。"] + HANT[2:]
    doc, al = _doc(zh_Hans=HANS, zh_Hant=hant, en=EN)
    found = _run("glossary-violation", doc, al, glossary=_glossary(DATA))
    assert [(f.locations[0].lang, f.locations[0].paragraph) for f in found] == [("zh-Hant", 2)]
    # a glossary giving only the zh-Hans form accepts the script-converted zh-Hant term ...
    only_hans = GlossaryEntry(zh_hans="个人数据", en="personal data")
    doc, al = _doc(zh_Hans=HANS[1:2], zh_Hant=hant[1:2], en=EN[1:2])
    assert _run("glossary-violation", doc, al, glossary=_glossary(only_hans)) == []
    # ... but not another word (個人資料 is 个人资料, not 个人数据)
    doc, al = _doc(zh_Hans=HANS[1:2], zh_Hant=HANT[1:2], en=EN[1:2])
    found = _run("glossary-violation", doc, al, glossary=_glossary(only_hans))
    assert [f.locations[0].lang for f in found] == ["zh-Hant"]


def test_do_not_translate_term_must_appear_as_is():
    hans = HANS[:-1] + ["我们使用 slack 与 GitHub 协作。"]
    doc, al = _doc(zh_Hans=hans, en=EN)
    found = _run("glossary-violation", doc, al, glossary=_glossary(GlossaryEntry(en="Slack", dnt=True)))
    assert len(found) == 1
    assert found[0].locations[0].lang == "zh-Hans" and found[0].evidence["found"] == "slack"
    assert found[0].evidence["dnt"] is True
