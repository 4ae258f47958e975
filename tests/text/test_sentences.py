"""Sentence and parenthetical splitting (tcheck.text.sentences)."""

from tcheck.text.sentences import content_size, is_label, parentheticals, split


def texts(text, lang):
    return [s.text for s in split(text, lang)]


def test_english_sentences_end_at_period_question_exclamation_and_semicolon():
    t = (
        "If you encounter `EACCES` permission error, please follow the workaround provided by npmjs; "
        "overriding with root/sudo is highly discouraged. Is it safe? Yes!"
    )
    assert texts(t, "en") == [
        "If you encounter `EACCES` permission error, please follow the workaround provided by npmjs;",
        "overriding with root/sudo is highly discouraged.",
        "Is it safe?",
        "Yes!",
    ]


def test_english_abbreviations_decimals_urls_and_code_do_not_end_a_sentence():
    t = (
        "See e.g. the config of Node.js 3.5 at https://nodejs.org/en/docs. Then run `npm i x.y`. "
        "Mr. J. Smith wrote it... really."
    )
    assert texts(t, "en") == [
        "See e.g. the config of Node.js 3.5 at https://nodejs.org/en/docs.",
        "Then run `npm i x.y`.",
        "Mr. J. Smith wrote it... really.",
    ]


def test_a_lower_case_word_after_a_period_continues_the_sentence():
    assert texts("Use the -v. flag to see it. Then stop.", "en") == ["Use the -v. flag to see it.", "Then stop."]


def test_chinese_sentences_keep_their_closing_quotes():
    t = "上一页的网址。如果此页是第一页的话则为 `''`。他说：“好。”然后走了！真的？是的；好吧"
    assert texts(t, "zh-Hans") == [
        "上一页的网址。",
        "如果此页是第一页的话则为 `''`。",
        "他说：“好。”",
        "然后走了！",
        "真的？",
        "是的；",
        "好吧",
    ]


def test_line_breaks_end_sentences_and_offsets_point_into_the_text():
    t = "Clears the screen\nMore information: <https://example.com/cls>."
    sents = split(t, "en")
    assert [s.text for s in sents] == ["Clears the screen", "More information: <https://example.com/cls>."]
    assert all(t[s.start : s.end] == s.text for s in sents)


def test_parentheticals_skip_link_targets_code_and_enumerators():
    t = "IPython (which stands for Interactive Shell) is great (1) and see [x](http://a.b/c) or `f(x)`（即交互式外壳）."
    assert [c.inner for c in parentheticals(t)] == ["which stands for Interactive Shell", "即交互式外壳"]


def test_content_size_counts_prose_words_or_han_characters():
    assert content_size("overriding with root/sudo is highly discouraged.", "en") == 6
    assert content_size("More information: https://learn.microsoft.com/windows/cls.", "en") == 2
    assert content_size("更多信息：<https://learn.microsoft.com/cls>。", "zh-Hans") == 4
    assert is_label("For example:") and is_label("例如：") and not is_label("It works.")
