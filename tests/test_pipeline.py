"""One problem, one finding: a rule that yields to another is dropped at the same spot."""

from tcheck.pipeline import _drop_overlaps
from tcheck.model import Finding, Location, Severity
from tcheck.rules import all_rules


def _f(rule, line, col, lang="en"):
    return Finding(rule, Severity.WARNING, "m", [Location(lang, "p", 1, line, line, col)])


def test_name_variant_yields_to_entity_mismatch_at_the_same_spot():
    kept = _drop_overlaps([_f("entity-mismatch", 3, 5), _f("name-variant", 3, 5)], all_rules())
    assert [f.rule for f in kept] == ["entity-mismatch"]


def test_different_spots_or_versions_are_both_kept():
    fs = [_f("entity-mismatch", 3, 5), _f("name-variant", 3, 9), _f("name-variant", 3, 5, lang="zh-Hans")]
    assert len(_drop_overlaps(fs, all_rules())) == 3


def test_seed000_reports_each_wrong_name_once(seed000_result):
    spots = {}
    for f in seed000_result.findings:
        if f.rule in ("entity-mismatch", "name-variant"):
            spots.setdefault((f.locations[0].lang, f.locations[0].start), []).append(f.rule)
    assert spots and all(len(rules) == 1 for rules in spots.values())


def test_missing_paragraph_yields_to_duplicate_paragraph_on_seed000(seed000_result):
    by_spot = {}
    for f in seed000_result.findings:
        by_spot.setdefault((f.locations[0].lang, f.locations[0].start), set()).add(f.rule)
    dup_spots = [k for k, rules in by_spot.items() if "duplicate-paragraph" in rules]
    assert dup_spots, "seed 000's English repeats a paragraph"
    assert all("missing-paragraph" not in by_spot[k] for k in dup_spots)
