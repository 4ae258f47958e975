"""The judged real-world label set: loading, matching findings to labels, scoring.

Two files, both JSON lines, built by reading the versions (never from tcheck's output):

* ``judged*.jsonl``: findings tcheck reported on the corpus, each judged ``true``,
  ``false`` or ``debatable`` by a reviewer (keys: rule, doc, lang, path, line, end_line,
  message, verdict, why). A later finding *matches* a judged one when rule and path are
  the same and their line ranges overlap.
* ``mustfind*.jsonl``: real inconsistencies found by reading page triples side by side
  (keys: doc, lang, path, line, other[], kind, note). A must-find item is *found* when
  some finding's primary location or counterpart touches the item's line (±1) in one of
  the item's files.

Paths are relative to the corpus root (``astro-docs/x/en.mdx``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

CORPUS_MARK = "/corpus/"


def corpus_relative(path: str) -> str:
    """``/work/shared/corpus/a/b/en.md`` -> ``a/b/en.md``; "" for files outside a corpus."""
    path = path.replace("\\", "/")
    if CORPUS_MARK not in path:
        return ""
    rel = path.rsplit(CORPUS_MARK, 1)[1]
    return rel if rel.count("/") >= 2 else ""


def load_jsonl(path: str | Path) -> list[dict]:
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if line:
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: {exc}") from None
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 <= b1 and b0 <= a1


# rules that report at most one finding per version: a label matches wherever on the file it sits
PER_VERSION = {"stale-translation", "unrelated-versions"}


def match_label(finding: dict, labels: list[dict]) -> dict | None:
    """The judged label for ``finding`` (same rule and path, overlapping lines), if any."""
    best = None
    for lab in labels:
        if lab["rule"] != finding["rule"] or lab["path"] != finding["path"]:
            continue
        if finding["rule"] not in PER_VERSION and not _overlap(
            finding["line"], finding["end_line"], lab["line"], lab.get("end_line", lab["line"])
        ):
            continue
        if lab.get("message") == finding.get("message"):
            return lab
        best = best or lab
    if best is None:  # the same finding put on another version: the label's spot is its counterpart
        for lab in labels:
            if lab["rule"] == finding["rule"] and lab["path"] != finding["path"] and _moved_to(finding, lab):
                return lab
    return best


def _moved_to(finding: dict, label: dict) -> bool:
    """Whether a counterpart of ``finding`` covers ``label``'s lines: the same finding, now put on
    the other version (the one to change)."""
    return any(
        c["path"] == label["path"]
        and _overlap(c["line"], c["end_line"], label["line"], label.get("end_line", label["line"]))
        for c in finding.get("counterparts", ())
    )


def touches(finding: dict, path: str, line: int, slack: int = 1) -> bool:
    spots = [(finding["path"], finding["line"], finding["end_line"])]
    spots += [(c["path"], c["line"], c["end_line"]) for c in finding.get("counterparts", [])]
    return any(p == path and _overlap(a - slack, b + slack, line, line) for p, a, b in spots)


# Which rules report each kind of must-find item. A finding near the item's lines from an
# unrelated rule (a missing paragraph next to a changed number) does not count as finding it.
_CONTENT = {"semantic-drift", "missing-sentence", "meaning-flip", "hans-hant-divergence", "odd-version"}
KIND_RULES: dict[str, set[str]] = {
    "number": {"number-mismatch"} | _CONTENT,
    "date": {"number-mismatch"} | _CONTENT,
    "link": {"link-mismatch", "entity-mismatch"},
    "email": {"link-mismatch", "entity-mismatch"},
    "name": {"entity-mismatch", "name-variant", "glossary-violation", "hans-hant-divergence"},
    # a paragraph replaced by another text in place is missing too (odd-version reports the replacement)
    "missing-paragraph": {
        "missing-paragraph",
        "stale-translation",
        "missing-sentence",
        "duplicate-paragraph",
        "odd-version",
    },
    "missing-sentence": {"missing-sentence", "missing-paragraph"} | _CONTENT,
    "meaning": _CONTENT,
    "untranslated": {"untranslated"},
    "script": {"script-mix"},
    # two Chinese versions out of step: a changed word, or one of them a stub or older page
    "hans-hant": _CONTENT
    | {"number-mismatch", "entity-mismatch", "link-mismatch", "missing-paragraph", "stale-translation"},
    "stale-version": {"stale-translation", "missing-paragraph", "untranslated"},
}


_TAGS = {"zh-CN": "zh-Hans", "zh-TW": "zh-Hant", "en": "en"}
# a note that says the drift takes a link with it ("omits ... and its link", "links withastro/compiler")
_LINK_NOTE = re.compile(r"\blinks?\b(?! text)|\blinking\b", re.IGNORECASE)


def found(item: dict, findings: list[dict]) -> list[dict]:
    """The findings that report must-find ``item``.

    A finding reports it when its rule fits the item's kind and its primary location or a
    counterpart touches one of the item's lines (±1). A stale version is found by any
    finding of a fitting rule on that version of the document. When the reader's note says a
    link differs with the text, link-mismatch at that place reports the item too. A stale
    version is also found by a finding on another version that names it as lacking the text
    (a missing run reported on the version that has it); a changed meaning by a missing-paragraph
    finding on the odd version's own line (its text has no counterpart: a replaced passage).
    """
    rules = KIND_RULES.get(item.get("kind", ""))
    if rules is not None and _LINK_NOTE.search(item.get("note", "")):
        rules = rules | {"link-mismatch"}  # the reader names a link that differs with the text
    fits = [f for f in findings if rules is None or f["rule"] in rules]
    if item.get("kind") == "stale-version":
        # on that version, or on the version that has the text, saying that this one lacks it
        lacks = _TAGS.get(item.get("lang", ""), item.get("lang"))
        return [
            f
            for f in fits
            if f["path"] == item["path"] or (f["doc"] == item["doc"] and lacks in f.get("missing_in", ()))
        ]
    if item.get("kind") == "meaning":
        # the odd version's own text reported as having no counterpart: said of a replaced passage
        fits += [
            f
            for f in findings
            if f["rule"] == "missing-paragraph"
            and touches(f, item["path"], item["line"], slack=0)
            and f["path"] == item["path"]
        ]
    places = [(item["path"], item["line"])] + [(o["path"], o["line"]) for o in item.get("other", [])]
    return [f for f in fits if any(touches(f, p, ln) for p, ln in places)]


# A finding of the key rule stands in for a label of the value rules on the same version:
# a stale version is reported once instead of paragraph by paragraph (issue 8, item 3).
SUBSUMES = {"stale-translation": {"missing-paragraph", "untranslated", "duplicate-paragraph"}}
# A label of the key rule is still reported by a finding of a value rule at the same spot (same
# file, overlapping lines): hans-hant-divergence yields a changed number to number-mismatch, and
# a zh-Hant cell left in English (a "different name" to the Simplified text) is untranslated text.
SAME_SPOT = {"hans-hant-divergence": {"number-mismatch", "untranslated", "entity-mismatch"}}


def still_reported(label: dict, findings: list[dict]) -> bool:
    """Whether a judged-true ``label`` is still reported: a finding of its rule on the same
    file overlaps its lines, or a finding of a rule that subsumes it is on the same document
    (a stale version is reported on itself; the label may sit on the version that has the text)."""
    doc = label["path"].rsplit("/", 1)[0]
    for f in findings:
        if label["rule"] in SUBSUMES.get(f["rule"], ()) and f["path"].rsplit("/", 1)[0] == doc:
            return True
        if f["rule"] == label["rule"] and _moved_to(f, label):
            return True
        if f["path"] != label["path"]:
            continue
        if f["rule"] == label["rule"] and f["rule"] in PER_VERSION:
            return True
        if f["rule"] in SAME_SPOT.get(label["rule"], ()) and _overlap(
            f["line"], f["end_line"], label["line"], label.get("end_line", label["line"])
        ):
            return True
        if f["rule"] == label["rule"] and _overlap(
            f["line"], f["end_line"], label["line"], label.get("end_line", label["line"])
        ):
            return True
    return False
