"""semantic-drift: decides on the document's own similarity norm, blames the odd version."""

from .conftest import check, context, diagonal, version

ZH = "我们会根据适用的法律法规保护您的个人信息安全第{}条"
ZT = "我們會根據適用的法律法規保護您的個人資訊安全第{}條"
EN = "We protect the security of your personal information under applicable law, clause {}"


def _ctx(n, scores):
    """n aligned rows; ``scores`` maps (lang_a, lang_b) -> list of row similarities."""
    texts = {
        "zh-Hans": [ZH.format(i) for i in range(n)],
        "zh-Hant": [ZT.format(i) for i in range(n)],
        "en": [EN.format(i) for i in range(n)],
    }
    langs = [lg for lg in texts if any(lg in p for p in scores)]
    versions = [version(lg, texts[lg], path=f"doc.{lg}.txt") for lg in langs]
    return context(versions, diagonal(versions), scores=scores)


def _run(ctx):
    return check("semantic-drift", ctx)


def _norm(n, base=0.8):
    return [base + 0.01 * ((i * 7) % 5) for i in range(n)]


def test_row_far_below_the_norm_is_flagged_on_the_translation():
    s = _norm(20)
    s[7] = 0.2
    fs = _run(_ctx(20, {("zh-Hans", "en"): s}))
    assert len(fs) == 1
    f = fs[0]
    assert f.locations[0].lang == "en" and f.locations[0].paragraph == 8
    assert f.counterparts[0].lang == "zh-Hans"
    assert "0.20" in f.message


def test_consistent_document_gives_nothing():
    assert _run(_ctx(20, {("zh-Hans", "en"): _norm(20)})) == []


def test_low_but_normal_for_this_document_is_not_flagged():
    # a loosely translated document: every row scores ~0.4; none is an outlier
    assert _run(_ctx(20, {("zh-Hans", "en"): _norm(20, base=0.38)})) == []


def test_three_versions_blame_the_zh_version_that_disagrees():
    a, b = _norm(20), _norm(20)
    b[5] = 0.15  # zh-Hant / en is low, zh-Hans / en is normal: zh-Hant drifted
    fs = _run(_ctx(20, {("zh-Hans", "en"): a, ("zh-Hant", "en"): b, ("zh-Hans", "zh-Hant"): _norm(20, 0.9)}))
    assert len(fs) == 1 and fs[0].locations[0].lang == "zh-Hant"


def test_three_versions_blame_en_when_both_chinese_disagree_with_it():
    a, b = _norm(20), _norm(20)
    a[5] = b[5] = 0.15
    fs = _run(_ctx(20, {("zh-Hans", "en"): a, ("zh-Hant", "en"): b, ("zh-Hans", "zh-Hant"): _norm(20, 0.9)}))
    assert len(fs) == 1 and fs[0].locations[0].lang == "en"


def test_too_few_rows_to_know_the_norm():
    s = _norm(5)
    s[2] = 0.1
    assert _run(_ctx(5, {("zh-Hans", "en"): s})) == []


def test_untranslated_copy_is_left_to_the_untranslated_rule():
    s = [1.0] * 20
    s[3] = 0.5
    assert _run(_ctx(20, {("zh-Hans", "en"): s})) == []


def test_semantic_drift_is_off_by_default_with_its_measured_precision():
    # issue 8 item 9: 3 of 9 decided findings real on the corpus sites, below the 0.85 bar
    from tcheck.rules.registry import all_rules

    rule = all_rules()["semantic-drift"]
    assert rule.default_enabled is False and rule.severity.label == "info"
    assert "0.33" in rule.description()
