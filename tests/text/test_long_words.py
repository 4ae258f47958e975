"""Masks and gloss finders on one very long word: each scan is linear, not once per position.

Before the fix, a single 200,000-character word made the e-mail mask, the untranslated rule's
path mask and the abbreviation-gloss finder try every start position with a greedy run and
backtrack (minutes). The timeout is a hang guard, not a speed measurement (that is bench/).
"""

import pytest

from tcheck.rules.untranslated import _PATH_RE
from tcheck.text.name_gloss import glosses
from tcheck.text.spans import mask_markup

WORD = "y" * 200_000


@pytest.mark.timeout(20)
@pytest.mark.parametrize("text", [WORD, "中文" + WORD, WORD.upper() + " (ABC)", WORD + "@"])
def test_masks_and_glosses_finish_on_a_long_word(text):
    assert len(mask_markup(text)) == len(text)
    assert _PATH_RE.sub("", text) == text
    glosses(text, is_zh=True)
    glosses(text, is_zh=False)


def test_the_masks_still_find_what_they_mask():
    assert mask_markup("write to a.b+c@example.org now", "#") == "write to " + "#" * len("a.b+c@example.org") + " now"
    assert _PATH_RE.sub("", "see docs/x.md and key=value") == "see  and "
    (g,) = glosses("跨源资源策略（CORP）", is_zh=True)
    assert (g.expansion, g.abbr) == ("跨源资源策略", "CORP")
    (g,) = glosses("the Cross-Origin Resource Policy (CORP) header", is_zh=False)
    assert (g.expansion, g.abbr) == ("Cross-Origin Resource Policy", "CORP")
