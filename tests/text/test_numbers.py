"""Number extraction and normalisation (tcheck.numbers)."""

import pytest

from tcheck.text.numbers import compare, describe, extract


def strong_diff(a: str, b: str):
    """Values a translator would be told about: unmatched and not weak, on each side."""
    only_a, only_b = compare(extract(a), extract(b))
    return [q.key for q in only_a if not q.weak], [q.key for q in only_b if not q.weak]


def keys(text: str):
    return [q.key for q in extract(text) if not q.weak]


# --- pairs that say the same thing: must NOT be flagged --------------------------------
SAME = [
    ("总额不超过1,000元。", "The total shall not exceed 1000 yuan."),
    ("人民币1,000元", "RMB 1,000"),
    ("责任以人民币1000元为限", "liability is limited to RMB 1,000"),
    ("5美元", "US$5"),
    ("5美元", "5 US dollars"),
    ("不超过收费的两倍", "not exceed twice the fees"),
    ("两倍", "double"),
    ("2024年", "2024"),
    ("本政策于2024年6月12日生效", "This policy takes effect on June 12, 2024"),
    ("本政策于2024年6月12日生效", "effective 2024-06-12"),
    ("二〇二四年六月十二日", "12 June 2024"),
    ("更新于2023年5月", "Updated in May 2023"),
    ("十四周岁以下的儿童", "children under the age of fourteen"),
    ("十四周岁以下的儿童", "children under 14 years old"),
    ("未满14岁", "under fourteen"),
    ("我们将在30天内回复", "we will reply within 30 days"),
    ("三十天", "30 days"),
    ("30日内", "within thirty days"),
    ("三十（30）天", "thirty (30) days"),
    ("十五个工作日内", "within 15 business days"),
    ("百分之五十", "50%"),
    ("50%的用户", "50 percent of users"),
    ("三分之一", "one third"),
    ("一半的用户", "half of the users"),
    ("１０００元", "1,000 yuan"),
    ("3.5万元", "RMB 35,000"),
    ("一千", "one thousand"),
    ("超过十万用户", "more than 100,000 users"),
    ("保存6个月", "kept for six months"),
    ("一个统一的账户", "a unified account"),
    ("我们的唯一目的", "our one purpose"),
    ("一些第三方", "some third parties"),
    ("一般情况下", "in general"),
    ("其中之一", "one of them"),
    ("进一步处理", "further processing"),
    ("十分重要", "very important"),
    ("二维码", "QR code"),
    ("二次验证", "two-step verification"),
    ("第三方服务", "third-party services"),
    ("第一条 总则", "Article 1 General"),
    ("请参阅第三条", "see Section 4"),  # cross-references are not compared
    ("您可能(1)有权访问;(2)要求更正", "you may (1) access; (2) correct"),
    ("您可能（一）有权访问", "you may (a) access"),
    ("Talk123 账户", "a Talk123 account"),
    ("支持 IPv6 和 5G", "supports IPv6 and 5G"),
    ("HTTP/2 禁止此机制", "HTTP/1.1 only"),
    ("版本 2.1.0", "version 3.0.1"),
    ("请致电 400-123-4567", "call 400 123 4567"),
    ("联系 privacy@example.com 或访问 https://example.com/2024/", "write to privacy@example.com"),
    ("在 2024 年", "in 2024"),
    ("1000", "1,000"),
    ("一年内", "within a year"),
    ("we cannot guarantee they are 100% accurate", "我们无法保证这些资料完全正确"),
    ("一起使用", "used together"),
    ("no one", "没有人"),
    ("one or more", "一个或多个"),
]


@pytest.mark.parametrize("a,b", SAME)
def test_equivalent_pairs_are_not_flagged(a, b):
    assert strong_diff(a, b) == ([], []), (a, b)
    assert strong_diff(b, a) == ([], []), (b, a)


# --- pairs with a real difference: MUST be flagged ----------------------------------------
DIFFERENT = [
    ("我们将在15天内回复", "we will reply within 30 days"),
    ("1,000", "10,000"),
    ("人民币1000元", "RMB 10,000"),
    ("本政策于2024年6月12日生效", "This policy takes effect on June 21, 2024"),
    ("本政策于2024年6月12日生效", "effective 2023-06-12"),
    ("十四周岁以下", "under 16 years old"),
    ("不超过收费的两倍", "not exceed three times the fees"),
    ("百分之五十", "15%"),
    ("三十天", "thirteen days"),
    ("5美元", "US$50"),
    ("保存6个月", "kept for 12 months"),
    ("2024年", "2025"),
]


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_changed_values_are_flagged(a, b):
    only_a, only_b = strong_diff(a, b)
    assert only_a and only_b, (a, b, only_a, only_b)


def test_value_present_on_one_side_only():
    only_a, only_b = strong_diff("我们将保存您的数据180天。", "We keep your data.")
    assert only_a == ["180"] and only_b == []


def test_count_differences_are_not_reported():
    # the same value said twice in one version and once in the other
    assert strong_diff("30天内，即30天", "within 30 days") == ([], [])


# --- normalisation details ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        ("1,000", ["1000"]),
        ("１２３４", ["1234"]),
        ("十四", ["14"]),
        ("一千零五元", ["1005"]),
        ("两千", ["2000"]),
        ("兩萬元", ["20000"]),
        ("fourteen", ["14"]),
        ("twenty-one days", ["21"]),
        ("three hundred", ["300"]),
        ("2.5 million", ["2500000"]),
        ("1.5亿", ["150000000"]),
        ("百分之五十", ["50"]),
        ("12.5%", ["12.5"]),
        ("2024年6月12日", ["2024-06-12"]),
        ("June 12, 2024", ["2024-06-12"]),
        ("2024/6/12", ["2024-06-12"]),
        ("6月12日", ["--06-12"]),
    ],
)
def test_values(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text,kind,unit",
    [
        ("30 days", "duration", "day"),
        ("三十天", "duration", "day"),
        ("30日", "duration", "day"),
        ("两周", "duration", "week"),
        ("十四周岁", "age", "year"),
        ("fourteen years old", "age", "year"),
        ("两倍", "multiplier", ""),
        ("twice", "multiplier", ""),
        ("人民币1000元", "money", "CNY"),
        ("新臺幣500元", "money", "TWD"),
        ("US$5", "money", "USD"),
        ("€20", "money", "EUR"),
        ("50%", "percent", "%"),
    ],
)
def test_kinds(text, kind, unit):
    qs = [q for q in extract(text) if not q.weak]
    assert len(qs) == 1 and (qs[0].kind, qs[0].unit) == (kind, unit), qs


@pytest.mark.parametrize(
    "text",
    [
        "一个",
        "一些",
        "一般",
        "统一",
        "唯一",
        "one of the",
        "no one",
        "第三方",
        "third parties",
        "the 4th floor",
        "Talk123",
        "IPv6",
        "5G",
        "v2.1",
        "version 1.4.0",
        "+86 10 1234 5678",
        "1-800-352-5267",
        "privacy@example.com",
        "https://example.com/page/2024",
        "www.example.org/10",
        "(1)",
        "（二）",
        "二维码",
        "十分",
        "you may",
        "a third party",
        "{{RFC(7230)}}",
        "the MPL 2.0 license",
        "HTTP/2",
        "乱七八糟",
    ],
)
def test_not_quantities(text):
    assert keys(text) == [], text


def test_inline_code_numbers_match_but_are_never_reported_alone():
    text = "the parameter depth=16 is optional"
    assert keys(text) == ["16"]
    assert [q.key for q in extract(text, code=("depth=16",)) if not q.weak] == []
    # but they still satisfy the same number written as prose on the other side
    only_a, only_b = compare(extract("发送 101 状态码"), extract("send the 101 status", code=("101",)))
    assert only_a == [] and only_b == []


def test_small_spelled_counts_are_weak_but_units_are_not():
    assert strong_diff("two good examples", "都是很好的例子") == ([], [])
    assert strong_diff("两个例子", "examples") == ([], [])
    assert strong_diff("kept for two weeks", "保存") == (["2"], [])
    assert strong_diff("12 examples", "例子") == (["12"], [])


@pytest.mark.parametrize(
    "a,b",
    [("超过2/3的人", "Two-thirds said yes"), ("乱七八糟的东西", "messy things"), ("一两个问题", "a question or two")],
)
def test_fractions_and_approximations(a, b):
    assert strong_diff(a, b) == ([], [])


def test_spans_point_at_the_original_text():
    text = "您需在３０天内联系我们"
    (q,) = extract(text)
    assert text[q.start : q.end] == q.text == "３０天"
    assert describe(q) == "30 days"


def test_traditional_and_simplified_agree():
    hans = "我们将在十五个工作日内答复，费用不超过人民币一万元，适用于十四岁以下儿童。"
    hant = "我們將在十五個工作日內答覆，費用不超過人民幣一萬元，適用於十四歲以下兒童。"
    assert keys(hans) == keys(hant) == ["15", "10000", "14"]
    assert strong_diff(hans, hant.replace("十五", "三十")) == (["15"], ["30"])


def test_fast_chinese_numeral_reader_agrees_with_cn2an():
    """The cn2an-free fast path (numbers._fast_cn) must give cn2an's value wherever it answers."""
    import itertools

    import cn2an

    from tcheck.text.numbers.numerals import _FALLBACK, _fast_cn

    alphabet = "零一二两三四五六七八九十百千万亿"
    answered = 0
    for n in range(1, 4):
        for chars in itertools.product(alphabet, repeat=n):
            s = "".join(chars)
            v = _fast_cn(s)
            if v is _FALLBACK:
                continue
            answered += 1
            assert v == cn2an.cn2an(s, "smart"), s
    assert answered > 200
    for i in list(range(0, 2000, 7)) + [10**4, 10**4 + 5, 250300, 10**8 + 3 * 10**4, 123456789]:
        s = cn2an.an2cn(i)
        assert _fast_cn(s) == i, s
    # colloquial or ambiguous forms are left to cn2an, never guessed
    for s in ("三百五", "三万五", "一百五万", "二亿一千", "一二三", "一千零一百", "百", "壹佰"):
        assert _fast_cn(s) is _FALLBACK, s
    from tcheck.text.numbers.numerals import _cn_value

    assert _cn_value("三百五") == 350 and _cn_value("兩千") == 2000 and _cn_value("一千零五") == 1005


def test_nfkc_same_length_maps_full_width_and_keeps_normalised_text():
    from tcheck.text.numbers import nfkc_same_length

    assert nfkc_same_length("共１０００元，３０％") == "共1000元,30%"
    assert nfkc_same_length("１ｍ²") == "1m2"
    text = "我们保存30天。We keep it for 30 days."
    assert nfkc_same_length(text) == text
    # a character whose NFKC form is longer keeps its place (offsets stay valid)
    assert nfkc_same_length("㍻１") == "㍻1" and len(nfkc_same_length("ﬁ１")) == 2


def test_minutes_written_with_chinese_numerals_are_durations_and_very_is_not():
    # "The build takes twenty minutes" / 建置時間為二十分鐘 (issue 8: read as absent in zh)
    from tcheck.text.numbers.extract import extract

    for text in ("构建时间为二十分钟。", "建置時間為二十分鐘。"):
        assert [(q.kind, q.key) for q in extract(text)] == [("duration", "20")]
    assert [(q.kind, q.key) for q in extract("十分钟后重试。")] == [("duration", "10")]
    assert extract("这一点十分重要。") == []  # 十分 "very"


def test_weekdays_and_dates_without_a_year_are_described_in_words():
    from tcheck.text.numbers.compare import describe
    from tcheck.text.numbers.extract import extract

    assert [describe(q) for q in extract("办公室星期三至星期五开放，6 月 4 日关闭。")] == [
        "Wednesday",
        "Friday",
        "June 4",
    ]
