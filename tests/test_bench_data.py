"""The benchmark's data: seed hand labels and the drift injector (no timing)."""

import importlib.util
import json
import re
import sys

import pytest

from bench.evaluate import gold_inputs, gold_pairs, load_gold

from .conftest import FIXTURES, ROOT

spec = importlib.util.spec_from_file_location("bench_inject", ROOT / "bench" / "inject.py")
inject = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = inject  # dataclasses look their module up
spec.loader.exec_module(inject)

LANGS = {"en", "zh-Hans", "zh-Hant"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_seed_labels_are_well_formed_and_point_at_real_lines():
    data = json.loads((ROOT / "bench" / "labels" / "seeds.json").read_text(encoding="utf-8"))
    labels = data["labels"]
    assert labels
    assert any(lab["true"] for lab in labels) and any(not lab["true"] for lab in labels)
    seen = set()
    from tcheck.pipeline import load_document

    docs = {}
    for lab in labels:
        assert set(lab) <= {"file", "rule", "lang", "line", "true", "optional", "alt_lines", "also", "why"}, lab
        if "also" in lab:  # alternative rules must be ones this rule yields to
            from tcheck.rules import all_rules

            assert set(lab["also"]) <= set(all_rules()[lab["rule"]].yields_to), lab
        assert lab["rule"] in inject.RULES and lab["lang"] in LANGS and isinstance(lab["true"], bool)
        assert lab["why"].strip()
        path = FIXTURES / "seeds" / lab["file"]
        assert path.exists(), lab
        if path not in docs:
            docs[path] = load_document([str(path)])
        version = docs[path].get(lab["lang"])
        assert version is not None, f"{lab['file']} has no {lab['lang']} version"
        for line in [lab["line"], *lab.get("alt_lines", [])]:
            # the line starts a segment of that language
            assert any(s.line <= line <= s.end_line for s in version.segments), lab
        key = (lab["file"], lab["rule"], lab["lang"], lab["line"])
        assert key not in seen, f"duplicate label {key}"
        seen.add(key)


def test_seed_labels_match_the_text_they_describe():
    by = {}
    for lab in json.loads((ROOT / "bench" / "labels" / "seeds.json").read_text(encoding="utf-8"))["labels"]:
        lines = by.setdefault(lab["file"], (FIXTURES / "seeds" / lab["file"]).read_text(encoding="utf-8").split("\n"))
        text = lines[lab["line"] - 1]
        if lab["rule"] == "broken-spacing" and lab["true"]:
            assert re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", text), lab
        if lab["rule"] == "untranslated":
            assert len(re.findall(r"[A-Za-z]", text)) > 40, lab
        if lab["rule"] == "duplicate-paragraph":
            assert any(lines[alt - 1].strip() == text.strip() for alt in lab["alt_lines"]), lab


def test_gold_files_load_and_cover_every_segment():
    from tcheck.pipeline import load_document

    for g in sorted((FIXTURES / "gold").glob("*.align.json")):
        gold = load_gold(g)
        doc = load_document(gold_inputs(gold, FIXTURES))
        for lang in {lg for a, b in gold_pairs(gold) for lg in (a, b)}:
            starts = sorted(x for r in gold["rows"] for x in r.get(lang, []))
            assert starts == [s.line for s in doc.get(lang).segments], (g.name, lang)


@pytest.fixture(scope="module")
def trio():
    return inject.load_trio(inject.CORPUS / "contributor-covenant" / "v2.1")


def _fake_rows(trio):
    """Counterpart rows without the embedder: this gold is 1-1-1 except one row."""
    gold = load_gold(FIXTURES / "gold" / "contributor-covenant-v2.1.align.json")
    prose = {lg: set(inject.prose_lines(trio.texts[lg], lg)) for lg in inject.FILES}
    rows = []
    for r in gold["rows"]:
        if all(len(r[lg]) == 1 for lg in inject.FILES):
            lines = {lg: r[lg][0] for lg in inject.FILES}
            rows.append({**lines, "confident": all(lines[lg] in prose[lg] for lg in inject.FILES)})
    return rows


def test_injection_is_deterministic(trio):
    rows = _fake_rows(trio)
    a = inject.make_injections(trio, rows, seed=3)
    b = inject.make_injections(trio, rows, seed=3)
    assert [(x.rule, x.texts, x.labels) for x in a] == [(x.rule, x.texts, x.labels) for x in b]
    c = inject.make_injections(trio, rows, seed=4)
    assert [x.texts for x in a] != [x.texts for x in c]


def _changed(old: str, new: str) -> list[tuple[int, str, str]]:
    o, n = old.split("\n"), new.split("\n")
    return [(i + 1, x, y) for i, (x, y) in enumerate(zip(o, n)) if x != y]


def test_injections_produce_the_documented_drift(trio):
    # a second trio without counterpart rows: the injectors that need none still work there
    other = inject.load_trio(inject.CORPUS / "mozilla-legal" / "firefox_about_rights")
    seen = set()
    for seed in range(6):
        for t, rows in ((trio, _fake_rows(trio)), (other, [])):
            for inj in inject.make_injections(t, rows, seed=seed):
                _check(t, inj)
                seen.add(inj.rule)
    assert {
        "missing-paragraph",
        "untranslated",
        "script-mix",
        "duplicate-paragraph",
        "broken-spacing",
        "link-mismatch",
        "entity-mismatch",
        "name-variant",
    } <= seen


def _check(trio, inj):
    req = [lab for lab in inj.labels if lab["required"]]
    assert req and all(lab["rule"] == inj.rule for lab in req)
    changed_langs = [lg for lg in inject.FILES if inj.texts[lg] != trio.texts[lg]]
    assert len(changed_langs) == 1, inj.rule  # drift goes into exactly one version
    lang = changed_langs[0]
    old, new = trio.texts[lang], inj.texts[lang]
    lab = req[0]
    if inj.rule in ("missing-paragraph",):
        assert len(new.split("\n")) < len(old.split("\n"))
        assert lab["lang"] != lang
        # the label points at the counterpart, which still exists unchanged
        assert trio.texts[lab["lang"]].split("\n")[lab["line"] - 1].strip()
        return
    if inj.rule == "duplicate-paragraph":
        lines = new.split("\n")
        copy = lines[lab["line"] - 1]
        assert copy.strip() and old.split("\n").count(copy) == 1 and lines.count(copy) == 2
        return
    diff = _changed(old, new)
    assert len(diff) == 1 and lab["lang"] == lang and diff[0][0] == lab["line"], (inj.rule, diff, lab)
    _, before, after = diff[0]
    if inj.rule in ("number-mismatch", "hans-hant-divergence"):
        assert re.findall(r"\d+", before) != re.findall(r"\d+", after) or "不" in after or "無須" in after
        if inj.rule == "hans-hant-divergence":
            assert lang == "zh-Hant"
    elif inj.rule == "link-mismatch":
        urls = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+")
        assert urls.findall(before) != urls.findall(after)
    elif inj.rule == "entity-mismatch":
        assert lang == "en" and any(n in after for n in inject.FAKE_NAMES)
    elif inj.rule == "untranslated":
        assert lang in ("zh-Hans", "zh-Hant") and after.startswith(before.rstrip())
        assert len(re.findall(r"[A-Za-z]", after)) > len(re.findall(r"[A-Za-z]", before)) + 20
    elif inj.rule == "script-mix":
        import opencc

        assert lang == "zh-Hant" and opencc.OpenCC("t2s").convert(after) == opencc.OpenCC("t2s").convert(before)
        assert after != before
    elif inj.rule == "broken-spacing":
        assert after.replace(" ", "") == before.replace(" ", "")
        assert re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", after)
    elif inj.rule == "name-variant":
        assert after != before and len(after) >= len(before)


def test_prose_lines_skip_markup(trio):
    lines = trio.texts["en"].split("\n")
    for n in inject.prose_lines(trio.texts["en"], "en"):
        s = lines[n - 1].strip()
        assert not s.startswith(("#", "|", "```", "<", "[")) and len(s) >= 50
    zh = trio.texts["zh-Hans"].split("\n")
    assert all(len(HAN.findall(zh[n - 1])) >= 15 for n in inject.prose_lines(trio.texts["zh-Hans"], "zh-Hans"))


def test_unseen_site_labels_point_at_real_lines():
    """bench/unseen: every judged label names a file of bench/unseen/corpus and lines inside it."""
    unseen = ROOT / "bench" / "unseen"
    files = sorted(unseen.glob("judged_*.jsonl"))
    assert len(files) == 4
    for f in files:
        labels = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert labels, f
        for lab in labels:
            assert lab["verdict"] in ("true", "false", "debatable") and lab["why"].strip(), lab
            path = unseen / "corpus" / lab["path"]
            n = len(path.read_text(encoding="utf-8").split("\n"))
            assert 1 <= lab["line"] <= lab["end_line"] <= n, lab
    for site in ("expressjs", "pnpm", "http3", "electron"):
        assert (unseen / "sources" / f"{site}.txt").is_file()
