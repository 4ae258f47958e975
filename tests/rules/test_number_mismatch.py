"""number-mismatch: quantities that differ between aligned paragraphs."""

from __future__ import annotations

from tcheck.model import Row, Severity
from tcheck.rules import all_rules

from .conftest import run_texts as run
from .conftest import texts_context as make_ctx


def test_changed_duration_is_an_error_with_evidence():
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": ["我们将在30天内删除您的数据。"],
            "en": ["We will delete your data within 15 days."],
        },
    )
    assert len(fs) == 1
    f = fs[0]
    assert f.severity == Severity.ERROR
    assert "15 days" in f.message and "30天" in f.message and "30 days" in f.message
    # en is the source: the Chinese version is the one to change
    assert f.locations[0].lang == "zh-Hans"
    assert f.evidence["found"] == "30 days" and f.evidence["expected"] == "15 days"
    spans = f.evidence["spans"]
    assert spans["en"][0]["text"] == "15 days"
    assert spans["en"][0]["column"] == len("We will delete your data within ") + 1
    assert spans["zh-Hans"][0]["column"] == len("我们将在") + 1
    assert f.locations[0].lang == "zh-Hans" and f.counterparts[0].lang == "en"


def test_number_only_on_one_side_is_a_warning():
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": ["我们将保存您的数据180天。"],
            "en": ["We will keep your data."],
        },
    )
    assert [f.severity for f in fs] == [Severity.WARNING]
    assert fs[0].locations[0].lang == "zh-Hans" and "180" in fs[0].message


def test_faithful_translations_are_not_flagged():
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": [
                "1. 我们将在三十天内回复。",
                "赔偿以人民币1,000元为限，且不超过收费的两倍。",
                "本政策自2024年6月12日起生效。",
                "我们不会收集十四周岁以下儿童的信息。",
                "一、一般条款：我们统一处理一些第三方的请求。",
                "您可以(1)访问；(2)更正您的数据。",
            ],
            "zh-Hant": [
                "1. 我們將在三十天內回覆。",
                "賠償以人民幣1,000元為限，且不超過收費的兩倍。",
                "本政策自2024年6月12日起生效。",
                "我們不會收集十四周歲以下兒童的資訊。",
                "一、一般條款：我們統一處理一些第三方的請求。",
                "您可以(1)存取；(2)更正您的資料。",
            ],
            "en": [
                "1. We will reply within 30 days.",
                "Compensation is limited to RMB 1000 and shall not exceed twice the fees.",
                "This policy takes effect on June 12, 2024.",
                "We do not collect information from children under fourteen.",
                "a) General terms: we handle the requests of some third parties in one place.",
                "You may (1) access; (2) correct your data.",
            ],
        },
    )
    assert fs == []


def test_hans_hant_difference_is_reported_once_at_the_odd_version():
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": ["我们将在三十天内回复。"],
            "zh-Hant": ["我們將在十三天內回覆。"],
            "en": ["We will reply within 30 days."],
        },
    )
    assert len(fs) == 1
    f = fs[0]
    assert f.severity == Severity.ERROR
    assert f.locations[0].lang == "zh-Hant"
    assert {c.lang for c in f.counterparts} == {"zh-Hans", "en"}
    assert f.evidence["expected"] == "30 days" and f.evidence["found"] == "13 days"


def test_hans_hant_amount_changed():
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": ["费用为人民币1,000元。"],
            "zh-Hant": ["費用為人民幣10,000元。"],
        },
    )
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR
    assert fs[0].evidence["found"] == "CNY 10000" and fs[0].evidence["expected"] == "CNY 1000"


def test_changed_date_is_flagged():
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": ["本政策更新于2024年6月12日。"],
            "en": ["This policy was updated on June 21, 2024."],
        },
    )
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR
    assert fs[0].evidence["expected"] == "2024-06-21"  # en, the source, decides


def test_merged_rows_compare_all_segments():
    ctx = make_ctx(
        {
            "zh-Hans": ["您需在30天内提出申请，我们将在15个工作日内答复。", "谢谢。"],
            "en": ["You must apply within 30 days.", "We will reply within 15 business days. Thanks."],
        }
    )
    ctx.alignment.rows = [Row({"zh-Hans": [1, 2], "en": [1, 2]})]
    fs = list(all_rules()["number-mismatch"]().check(ctx))
    assert fs == []


# --- issue 8, item 2: real documents (kaia-docs: kaiachain/kaia-docs, MIT; opensource-guide:
# github/opensource.guide, CC-BY-4.0; hexo-site: hexojs/site, CC-BY-4.0; sources in
# /work/shared/corpus/MANIFEST.tsv) ----------------------------------------------------------

from .conftest import context, paragraphs  # noqa: E402


def test_value_in_the_neighbouring_row_is_not_missing():
    # kaia-docs learn/governance: the en sentence with 0.96 KAIA sits one row further down
    versions = paragraphs(
        {
            "zh-Hans": ["所有 GC 成员至少持有 500 万 KAIA。 每位成员可获得每个区块 0.96 KAIA。", "完成。"],
            "en": ["All GC members stake at least 5M KAIA.", "Each GC member receives 0.96 KAIA per block proposed."],
        }
    )
    ctx = context(versions, [{"zh-Hans": [1], "en": [1]}, {"zh-Hans": [2], "en": [2]}])
    assert list(all_rules()["number-mismatch"]().check(ctx)) == []


def test_equivalent_quantities_are_not_flagged():
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": [
                "GC 的投票权与所投注的 KAIA 数量成正比（每 500 万 KAIA 1 票）。",
                "定标信息每 86 400 个区块更新一次。",
                "Kaia 使用标准以太坊地址格式（`0x` + 40 十六进制字符）。",
                "我只在每两周的星期四的6-7点审查问题。",
                "Hexo 3.0 版把服务器独立成了个别模块。",
            ],
            "en": [
                "The GC's voting power is proportional to the amount of staked KAIA (1 vote per 5M KAIA).",
                "Staking information is updated every 86,400 blocks.",
                "Kaia uses the standard Ethereum address format (`0x` + 40 hex chars).",
                "I only review issues on alternate Thursdays from 6 -7 pm.",
                "With the release of Hexo 3, the server has been separated from the main module.",
            ],
        },
    )
    assert fs == [], [f.message for f in fs]


def test_rewritten_row_does_not_report_a_missing_value():
    # the en row is a loose rewrite (pair score well below the document's typical row)
    versions = paragraphs(
        {
            "zh-Hans": ["第一段。", "第二段。", "第三段。", "第四段。", "这项服务支持 20 种语言。"],
            "en": ["One.", "Two.", "Three.", "Four.", "The service speaks your language."],
        }
    )
    rows = [{"zh-Hans": [i], "en": [i]} for i in range(1, 6)]
    ctx = context(versions, rows, scores={("zh-Hans", "en"): [0.8, 0.82, 0.79, 0.81, 0.6]})
    assert list(all_rules()["number-mismatch"]().check(ctx)) == []
    ctx = context(versions, rows, scores={("zh-Hans", "en"): [0.8, 0.82, 0.79, 0.81, 0.8]})
    assert [f.severity for f in all_rules()["number-mismatch"]().check(ctx)] == [Severity.WARNING]


def test_changed_values_from_real_documents_are_errors():
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": [
                "贡献者公约已经被用在超过4000个开源项目。",
                "生效日期：2024 年 5 月 31 日",
                "Astro v6 已发布。",
                "活动时间为星期三至星期五。",
            ],
            "en": [
                "The Contributor Covenant is used by over 40,000 open source projects.",
                "Effective December 17, 2025",
                "Astro v7 is here.",
                "The event runs from Thursday to Saturday.",
            ],
        },
    )
    assert [f.severity for f in fs] == [Severity.ERROR] * 5, [f.message for f in fs]
    assert {f.evidence["kind"] for f in fs} == {"number", "date", "version", "weekday"}


def test_the_odd_version_is_blamed():
    # hexo-site docs/helpers: zh-Hant gives the gravatar size as 40, zh-Hans and en as 80
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": ["`s` 输出的图片大小，默认为 80。"],
            "zh-Hant": ["`s` 輸出的圖片大小，預設為 40。"],
            "en": ["`s` Output image size, default 80."],
        },
    )
    assert len(fs) == 1 and fs[0].locations[0].lang == "zh-Hant"
    assert {c.lang for c in fs[0].counterparts} == {"zh-Hans", "en"}


def test_the_rest_of_a_share_is_not_missing():
    # opensource-guide best-practices: "the unicorns" rendered as 那 20% (the rest of the 80%)
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": ["我迎合 80% 的用户需求。但是如果你是那 20% 中的一个，那么 fork 我的项目吧。"],
            "en": ["I cater to the 80% use case. If you are one of the unicorns, please fork my work."],
        },
    )
    assert fs == []


def test_a_value_in_the_neighbouring_row_of_both_versions_does_not_hide_a_change():
    # kaia-docs erc-20 sample: the Chinese versions give 10^18 tokens where en gives 10^22;
    # the next row of every version says 10^22 (so the value did not move between rows)
    fs = run(
        "number-mismatch",
        {
            "zh-Hans": [
                "您会发现账户中有 1000000000000000000 个代币。",
                "总供应量也应该是 10000000000000000000000，即 10^18。",
            ],
            "en": [
                "You will find there are 10000000000000000000000 tokens.",
                "It should be 10000000000000000000000, i.e. 10^18.",
            ],
        },
    )
    assert len(fs) == 1 and fs[0].severity == Severity.ERROR
    assert fs[0].evidence["key"] in (
        "10000000000000000000000|1000000000000000000",
        "1000000000000000000|10000000000000000000000",
    )


def test_a_period_of_the_source_is_missing_even_in_a_loose_row():
    # mozilla-legal focus privacy notice (mozilla/legal-docs, CC-BY-SA-3.0): the stale Chinese
    # versions lack "retained for no more than 25 months"; an idiom a translation adds
    # (opensource-guide finding-users: 种一棵树最好是在十年前) is not reported in a loose row
    versions = paragraphs(
        {
            "zh-Hans": ["一。", "二。", "三。", "四。", "我们收集少量技术数据。", "种一棵树最好是在十年前，也是现在。"],
            "en": [
                "One.",
                "Two.",
                "Three.",
                "Four.",
                "This data is retained for no more than 25 months.",
                "It's never too late.",
            ],
        }
    )
    rows = [{"zh-Hans": [i], "en": [i]} for i in range(1, 7)]
    ctx = context(versions, rows, scores={("zh-Hans", "en"): [0.8, 0.82, 0.79, 0.81, 0.6, 0.6]})
    fs = list(all_rules()["number-mismatch"]().check(ctx))
    assert [(f.locations[0].lang, f.evidence["found"]) for f in fs] == [("en", "25 months")]
