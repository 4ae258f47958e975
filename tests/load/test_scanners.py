"""The linear-time scanners give exactly what the regexes they replace gave.

The reference regexes below backtracked catastrophically on some inputs (see
``test_worst_cases.py``); on short random strings over the characters that
matter they are the specification.
"""

from __future__ import annotations

import random
import re

import pytest

from tcheck.load.inline import strip_attr_lists, strip_leftover_strong, strip_templates
from tcheck.load.labels import parse_ignore

_IGNORE = re.compile(r"tcheck:\s*ignore(?:[\s:]+([A-Za-z0-9_,\s-]+?))?\s*(?:-->|\*/)?\s*$")
_TEMPLATE = re.compile(r"\{\{[<%]?\s*(.*?)\s*[>%]?\}\}|\{%.*?%\}", re.S)
_QUOTED = re.compile(r"""["']([^"']+)["']""")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ATTR = re.compile(r"\s*\{:[^{}\n]*\}|\s*\{#[\w:.-]+(?:\s+[.#][\w:.-]+)*\}\s*$")


def ref_ignore(text):
    m = _IGNORE.search(text)
    if not m:
        return None
    return frozenset([n for n in re.split(r"[\s,]+", m.group(1) or "") if n] or ["all"])


def ref_templates(text):
    def repl(m):
        if m.group(1) is None:
            return ""
        args = _QUOTED.findall(m.group(1))
        return args[-1] if args else ""

    return _TEMPLATE.sub(repl, text)


CASES = [
    (
        parse_ignore,
        ref_ignore,
        ["tcheck:", "ignore", "tcheck: ignore", " ", ":", "-->", "*/", "a", "-", ",", "!", "\n"],
    ),
    (strip_templates, ref_templates, ["{", "}", "%", "<", ">", " ", "a", '"', "'", "\n"]),
    (strip_leftover_strong, lambda t: _STRONG.sub(r"\2", t), ["*", "_", " ", "a", "\n", "中"]),
    (strip_attr_lists, lambda t: _ATTR.sub("", t), ["{", "}", ":", "#", " ", "a", ".", "\n"]),
]


@pytest.mark.parametrize("fn, ref, alphabet", CASES, ids=[c[0].__name__ for c in CASES])
def test_scanner_agrees_with_the_old_regex(fn, ref, alphabet):
    rng = random.Random(20261130)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert fn(text) == ref(text), repr(text)
