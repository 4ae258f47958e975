"""regional-vocabulary: mainland wording in Taiwan text."""

from __future__ import annotations

from tcheck.model import Severity

from .conftest import run, version


def test_regional_vocabulary_mainland_terms_in_taiwan_text():
    text = "我們會收集您的信息，並在軟件中顯示。\n"
    (f,) = run("regional-vocabulary", version("zh-Hant", text, region="TW"))
    terms = {t["text"]: t["suggestion"] for t in f.evidence["terms"]}
    assert terms == {"信息": "資訊", "軟件": "軟體"}
    assert f.severity == Severity.INFO
    col = {t["text"]: t["column"] for t in f.evidence["terms"]}
    assert col["信息"] == text.index("信息") + 1


def test_regional_vocabulary_quiet_on_taiwan_terms_hk_and_ambiguous_words():
    tw = "我們會收集您的資訊，並在軟體中顯示。請依法律程序提交文件。\n"
    assert run("regional-vocabulary", version("zh-Hant", tw, region="TW")) == []
    assert run("regional-vocabulary", version("zh-Hant", "我們會收集您的信息。\n", region="HK")) == []
    assert run("regional-vocabulary", version("zh-Hans", "我们会收集您的信息。\n")) == []
