"""align/repair.py: the post-passes on hand-made rows with a table of pair scores."""

from __future__ import annotations

from tcheck.align.repair import absorb_pieces, pair_nearby, repair, split_weak
from tcheck.model import Row

LANGS = ["zh-Hans", "en"]


def scorer(table: dict[tuple[tuple[int, ...], tuple[int, ...]], float], default: float = 0.05):
    """``rescore`` from a table {(zh indices, en indices): similarity}; unknown pairs score ``default``."""

    def rescore(cells):
        zh, en = tuple(cells.get("zh-Hans", [])), tuple(cells.get("en", []))
        row = Row({"zh-Hans": list(zh), "en": list(en)})
        if zh and en:
            row.pair_scores[("zh-Hans", "en")] = table.get((zh, en), default)
        return row

    return rescore


def diagonal(n: int, rescore, skip: set[int] = frozenset()) -> list[Row]:
    return [rescore({"zh-Hans": [i], "en": [i]}) for i in range(1, n + 1) if i not in skip]


def cells(rows: list[Row]) -> list[tuple[list[int], list[int]]]:
    return [(r.get("zh-Hans"), r.get("en")) for r in rows]


def always(*_):
    return True


def test_two_unrelated_additions_paired_with_each_other_are_split():
    table = {((i,), (i,)): 0.8 for i in range(1, 9)}
    table[((5,), (5,))] = 0.1  # each version added its own paragraph at the same place
    rescore = scorer(table)
    out = split_weak(diagonal(8, rescore), LANGS, rescore, always)
    assert ([5], []) in cells(out) and ([], [5]) in cells(out)
    assert len(out) == 9


def test_a_weak_but_real_translation_is_kept():
    table = {((i,), (i,)): 0.8 for i in range(1, 9)}
    table[((5,), (5,))] = 0.45  # loose, still a translation
    rescore = scorer(table)
    assert cells(split_weak(diagonal(8, rescore), LANGS, rescore, always)) == [([i], [i]) for i in range(1, 9)]


def test_swapped_neighbours_become_one_row():
    # en lists items 4 and 5 in the other order: the program pairs 4 and leaves 5 and 3' unmatched
    table = {((i,), (i,)): 0.8 for i in range(1, 9)}
    table[((3,), (4,))] = 0.8  # zh 3 is en 4
    rows = [Row({"zh-Hans": [1], "en": [1]}), Row({"zh-Hans": [2], "en": [2]})]
    rows += [Row({"zh-Hans": [3], "en": []}), Row({"zh-Hans": [4], "en": [3]}), Row({"zh-Hans": [], "en": [4]})]
    rescore = scorer(table | {((3, 4), (3, 4)): 0.8, ((4,), (3,)): 0.8})
    rows = [rescore({"zh-Hans": r.get("zh-Hans"), "en": r.get("en")}) for r in rows]
    rows += diagonal(8, rescore, skip={1, 2, 3, 4})
    out = pair_nearby(rows, LANGS, rescore, lambda a, b: 0.6)
    assert ([3, 4], [3, 4]) in cells(out)
    assert all(z and e for z, e in cells(out))


def test_a_paragraph_split_in_four_is_absorbed():
    table = {((i,), (i,)): 0.8 for i in range(1, 9)}
    table[((4,), (4,))] = 0.5
    table[((4,), (4, 5))] = 0.6
    table[((4,), (4, 5, 6))] = 0.7
    table[((4,), (4, 5, 6, 7))] = 0.85
    rescore = scorer(table)
    rows = diagonal(3, rescore) + [rescore({"zh-Hans": [4], "en": [4]})]
    rows += [rescore({"en": [k]}) for k in (5, 6, 7)]
    out = absorb_pieces(rows, LANGS, rescore, always, always)
    assert cells(out)[-1] == ([4], [4, 5, 6, 7])


def test_a_real_missing_paragraph_next_to_a_row_stays_unmatched():
    table = {((i,), (i,)): 0.8 for i in range(1, 9)}
    table[((4,), (4, 5))] = 0.78  # merging lowers the similarity
    rescore = scorer(table)
    rows = diagonal(4, rescore) + [rescore({"en": [5]})]
    assert cells(repair(rows, LANGS, rescore, always, always))[-1] == ([], [5])
