"""English word frequencies on wordfreq's Zipf scale, without importing wordfreq.

Importing wordfreq (ftfy, langcodes, regex) and reading its English list costs
about 0.3 s a process, more than the rest of an edited-paragraph re-audit.
:mod:`tcheck.data.wordfreq_en` holds the same data for every word at Zipf 2.0 or
more (built by ``tools/build_word_table.py``), and :func:`zipf_at_least` repeats
wordfreq's arithmetic on it, so the answer is wordfreq's own, bit for bit.

Only what can be tokenised without wordfreq's Unicode tokenizer is answered
here: ASCII letters and digits, words separated by spaces, hyphens or slashes
(where Unicode word segmentation always breaks: "Content-Length", "Markdown/MDX",
"Talk123", "Windows 10"), at a threshold of Zipf 2.0 or more. Anything else
(an apostrophe, a dot, an accented letter) and an installed wordfreq that is not
the one the table was built from are left to wordfreq (``None``).
"""

from __future__ import annotations

import math
import re
from functools import cache

_SIMPLE = re.compile(r"[A-Za-z0-9]+(?:[ \-/]+[A-Za-z0-9]+)*")
_TOKEN = re.compile(r"[a-z0-9]+")
_MULTI_DIGIT = re.compile(r"[0-9][0-9]+")  # wordfreq's \d[\d.,]+ on a token of letters and digits
_DIGIT = re.compile(r"[0-9]")

# wordfreq.numbers: estimated frequencies of digit sequences
_DIGIT_FREQS = [0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045]
_YEAR_LOG_PEAK = -1.9185
_NOT_YEAR_PROB = 0.1
_REFERENCE_YEAR = 2019
_PLATEAU_WIDTH = 20


@cache
def _groups() -> dict[str, str] | None:
    """{two-letter prefix: its line of the table}, or None when the installed wordfreq is not the table's."""
    import importlib.util
    import os

    from ..data import wordfreq_en

    try:
        spec = importlib.util.find_spec("wordfreq")
        if spec is None or spec.origin is None:
            return None
        data = os.path.join(os.path.dirname(spec.origin), "data", "large_en.msgpack.gz")
        if os.path.getsize(data) != wordfreq_en.SOURCE_SIZE or _version(spec.origin) != wordfreq_en.WORDFREQ_VERSION:
            return None
    except (OSError, ImportError, ValueError):
        return None
    return {line.partition(" ")[0]: line for line in wordfreq_en.WORDS.splitlines()}


@cache
def _group(prefix: str) -> dict[str, int]:
    """{word: centibel bucket} of the words starting with ``prefix`` (parsed on first use:
    the whole table would take ~30 ms, a lookup needs one group)."""
    fields = _groups()[prefix].split()[1:] if prefix in _groups() else []
    return {fields[i]: int(fields[i + 1]) for i in range(0, len(fields), 2)}


def _bucket(word: str) -> int | None:
    return _group(word[:2]).get(word)


def _version(origin: str) -> str | None:
    """The installed wordfreq's version, from its ``*.dist-info`` folder beside the package
    (importlib.metadata would cost more than the lookup saves)."""
    import os

    site = os.path.dirname(os.path.dirname(origin))
    for name in os.listdir(site):
        if name.startswith("wordfreq-") and name.endswith(".dist-info"):
            return name[len("wordfreq-") : -len(".dist-info")]
    return None


def _benford_freq(text: str) -> float:
    return _DIGIT_FREQS[int(text[0])] / 10 ** (len(text) - 1)


def _year_freq(text: str) -> float:
    year = int(text)
    if year <= _REFERENCE_YEAR:
        year_log_freq = _YEAR_LOG_PEAK - 0.0083 * (_REFERENCE_YEAR - year)
    elif _REFERENCE_YEAR < year <= _REFERENCE_YEAR + _PLATEAU_WIDTH:
        year_log_freq = _YEAR_LOG_PEAK
    else:
        year_log_freq = _YEAR_LOG_PEAK - 0.2 * (year - (_REFERENCE_YEAR + _PLATEAU_WIDTH))
    return 10.0**year_log_freq + _NOT_YEAR_PROB * _benford_freq(text)


def _digit_freq(token: str) -> float:
    freq = 1.0
    for run in _MULTI_DIGIT.findall(token):
        freq *= _year_freq(run) if len(run) == 4 else _benford_freq(run)
    return freq


def zipf_at_least(word: str, min_zipf: float) -> bool | None:
    """``wordfreq.zipf_frequency(word, "en") >= min_zipf``, or None when only wordfreq can tell."""
    if min_zipf < 2.0 or not _SIMPLE.fullmatch(word):
        return None
    if _groups() is None:
        return None
    # wordfreq: case-folded tokens; a multi-digit run is looked up as zeros and weighted by
    # its estimated frequency; 1/f = 1/f1 + 1/f2 + ... over the tokens; 3 significant digits
    one_over = 0.0
    for token in _TOKEN.findall(word.lower()):
        smashed = _MULTI_DIGIT.sub(lambda m: _DIGIT.sub("0", m.group(0)), token)
        bucket = _bucket(smashed)
        if bucket is None:  # below Zipf 2.0: so is every phrase holding it
            return False
        freq = 10 ** (-bucket / 100)
        if smashed != token:
            freq *= _digit_freq(token)
        one_over += 1.0 / freq
    freq = max(1.0 / one_over, 10**0 / 1e9)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2) >= min_zipf
