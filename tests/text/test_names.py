"""Name candidates: what counts as a proper name in English and Chinese text."""

from tcheck.text.names import english_names, english_vocab, han_ngrams, latin_names


def test_name_candidates_skip_sentence_starts_and_possessives():
    text = "In 2020 the People's Republic of China and China Telecom signed. Talk123's app is the 52Phone."
    vocab = english_vocab([text, "in the morning"])
    names = [n.text for n in english_names(text, vocab)]
    assert "China Telecom" in names and "Talk123" in names and "52Phone" in names
    assert "People's Republic of China" in names
    assert not any(n.startswith("In") for n in names)
    assert [n.text for n in latin_names("请下载JusTalk Family和 GB/T 35273 标准")] == ["JusTalk Family", "GB/T 35273"]
    assert "讯小通" in han_ngrams("訊小通的服務")
