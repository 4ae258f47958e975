"""The prepared English word table answers exactly as wordfreq does."""

from __future__ import annotations

import random

import pytest

wordfreq = pytest.importorskip("wordfreq")

from tcheck.data import wordfreq_en  # noqa: E402
from tcheck.text import word_freq  # noqa: E402
from tcheck.text.names import common_english_word, english_word  # noqa: E402

THRESHOLDS = (2.0, 3.0, 4.0, 2.5, 5.0)


def _same(words, thresholds=THRESHOLDS):
    """Every word the table answers gets wordfreq's answer; returns how many it answered."""
    answered = 0
    for w in words:
        z = wordfreq.zipf_frequency(w, "en")
        for t in thresholds:
            got = word_freq.zipf_at_least(w, t)
            if got is not None:
                answered += 1
                assert got == (z >= t), (w, t, z)
    return answered


def test_the_table_is_built_from_the_installed_wordfreq():
    from importlib.metadata import version

    assert wordfreq_en.WORDFREQ_VERSION == version("wordfreq")
    assert word_freq._groups() is not None  # else every answer would come from wordfreq itself


def test_every_listed_word_in_three_casings():
    words = [w for w in wordfreq.iter_wordlist("en") if word_freq._SIMPLE.fullmatch(w)]
    assert len(words) > 250_000
    rng = random.Random(12)
    sample = rng.sample(words, 40_000) + words[:5000]
    cased = [v for w in sample for v in (w, w.capitalize(), w.upper())]
    assert _same(cased, (2.0, 3.0, 4.0)) == 3 * len(cased)


def test_thresholds_at_the_edges_of_a_bucket():
    table = {w: word_freq._bucket(w) for line in wordfreq_en.WORDS.splitlines() for w in line.split()[1::2]}
    near = [w for w, b in table.items() if 290 <= b <= 310 or 390 <= b <= 410 or 490 <= b <= 510 or b >= 680]
    assert _same(near, (2.0, 2.99, 3.0, 3.01, 4.0, 4.01, 5.0)) > 0


def test_phrases_digits_and_separators():
    rng = random.Random(7)
    common = [w for w in wordfreq.top_n_list("en", 3000) if w.isalpha() and w.isascii()]
    rare = [w for w in wordfreq.iter_wordlist("en") if w.isalpha() and w.isascii()][200_000:200_500]
    made = ["Zentrova", "Talk123", "52Phone", "Win10", "3D", "2FA", "COVID19", "H2O", "x86", "mp3", "IPv6"]
    numbers = ["1", "7", "10", "42", "99", "100", "365", "1999", "2019", "2024", "2039", "2050", "1066", "12345"]
    words = made + numbers
    for _ in range(6000):
        parts = [rng.choice(common if rng.random() < 0.8 else rare + made + numbers) for _ in range(rng.randint(1, 4))]
        parts = [p.capitalize() if rng.random() < 0.5 else p for p in parts]
        seps = [rng.choice([" ", "-", "/", "  ", " - ", "-/"]) for _ in parts[1:]]
        words.append(parts[0] + "".join(s + p for s, p in zip(seps, parts[1:])))
    words += [f"{rng.choice(common)}{rng.randint(0, 3000)}" for _ in range(2000)]
    words += [f"{rng.randint(0, 3000)}{rng.choice(common)}" for _ in range(2000)]
    words += [f"{a}{rng.randint(10, 99)}{b}" for a, b in zip(rng.sample(common, 500), rng.sample(common, 500))]
    assert _same(words) > 0.95 * len(words) * len(THRESHOLDS)


def test_everything_else_is_left_to_wordfreq():
    for w in ["don't", "U.S.A", "Node.js", "café", "e-mail.", "-x", "", " ", "a_b", "Wi\u00a0Fi", "naïve", "x@y"]:
        for t in (2.0, 3.0, 4.0):
            assert word_freq.zipf_at_least(w, t) is None, w
    assert word_freq.zipf_at_least("the", 1.5) is None  # below the table's floor


def test_the_public_functions_agree_with_wordfreq():
    words = ["Foundation", "Join", "Platform", "Zentrova", "Reintroduce", "Firefix", "don't", "Node.js", "U.S.A"]
    words += ["Content-Length", "Markdown/MDX", "Web API", "Talk123", "Windows 10", "Third-party", "Mozilla Firefox"]
    for w in words:
        z = wordfreq.zipf_frequency(w, "en")
        assert common_english_word(w) == (z >= 4.0), w
        assert common_english_word(w, 3.0) == (z >= 3.0), w
        assert english_word(w) == (z >= 2.0), w
