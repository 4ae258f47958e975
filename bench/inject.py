"""Inject known drift into clean trilingual documents, with labels.

Every injector takes a clean trio (en, zh-Hans, zh-Hant files), a seeded
``random.Random`` and returns the mutated texts plus the labels the audit is
expected to produce: ``{"rule", "lang", "line", "required"}``. A finding
matches a label when rule and language match and the finding's line span
(any of its locations or counterparts in that language) covers the line.
``required: false`` labels are acceptable side effects (e.g. a number
changed only in zh-Hant is also a number mismatch): they count neither
towards recall nor as false alarms.

Where a label must point at the counterpart of the injected paragraph
(missing-paragraph), the counterpart comes from tcheck's own alignment of
the clean documents, restricted to confident 1-1-1 rows (all three versions
one segment, pair similarities high), so a wrong alignment cannot produce a
wrong label in practice.

Injected drift, by rule (the rule ids tcheck uses):

=====================  =====================================================
number-mismatch        a number present in every version is changed in one
link-mismatch          an e-mail/URL present in every version is altered or
                       removed in one
entity-mismatch        a capitalized name that the Chinese versions also
                       write in Latin letters is replaced in the English by
                       another capitalized name
missing-paragraph      a paragraph is deleted from one version
untranslated           an English sentence is pasted into a Chinese paragraph
script-mix             Traditional characters of zh-Hant are replaced by
                       their Simplified forms
duplicate-paragraph    a paragraph is repeated further down in one version
broken-spacing         stray spaces between Han characters
hans-hant-divergence   a number or a negation changed only in zh-Hant
name-variant           one occurrence of a name repeated in a version is
                       written another way
=====================  =====================================================

Usage: ``python bench/inject.py OUTDIR [--seed N]`` writes one folder per
(document, rule) with en.md, zh-CN.md, zh-TW.md and labels.json.
"""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
FILES = {"en": "en.md", "zh-Hans": "zh-CN.md", "zh-Hant": "zh-TW.md"}
ZH = ("zh-Hans", "zh-Hant")
RULES = (
    "number-mismatch",
    "link-mismatch",
    "entity-mismatch",
    "missing-paragraph",
    "untranslated",
    "script-mix",
    "duplicate-paragraph",
    "broken-spacing",
    "hans-hant-divergence",
    "name-variant",
)
# documents used for the injected set: full trios of modest size, several sources
DEFAULT_DOCS = (
    "contributor-covenant/v2.1",
    "contributor-covenant/v1.4",
    "mozilla-legal/common_voice_terms_2025-11-12",
    "mozilla-legal/firefox_about_rights",
    "mozilla-legal/firefox_privacy_notice_2022-05-23",
    "mozilla-legal/websites_privacy_notice_2022-05-17",
    "mdn/web_http_guides_session",
    "opensource-guide/code-of-conduct",
)
# replacement names for entity-mismatch: invented, capitalized, not in any fixture
FAKE_NAMES = ("Zentrova", "Quillmark", "Brightwave", "Orvanta", "Kestrelin", "Lumacore", "Vantrix", "Heliora")

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_NUM = re.compile(r"(?<![\w.\-/#:])\d{1,4}(?![\w.\-/%])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"https?://[^\s)\]>\"'`]+")
_NAME = re.compile(r"\b[A-Z][a-z]+[A-Za-z0-9]*\b")
_SENT = re.compile(r"[A-Z][^.!?]{25,160}[.!?]")


@dataclass
class Trio:
    name: str
    texts: dict[str, str]  # lang -> file text

    def lines(self, lang: str) -> list[str]:
        return self.texts[lang].split("\n")


@dataclass
class Injection:
    doc: str
    rule: str
    texts: dict[str, str]
    labels: list[dict] = field(default_factory=list)
    note: str = ""


def load_trio(path: Path | str) -> Trio:
    path = Path(path)
    texts = {lang: (path / fn).read_text(encoding="utf-8") for lang, fn in FILES.items()}
    return Trio(str(path.relative_to(CORPUS)) if path.is_relative_to(CORPUS) else path.name, texts)


def _label(rule, lang, line, required=True):
    return {"rule": rule, "lang": lang, "line": int(line), "required": bool(required)}


# ---------------------------------------------------------------------------
# which lines are prose (not front matter, code, tables, HTML, headings)


def prose_lines(text: str, lang: str) -> list[int]:
    """1-based numbers of single-line prose paragraphs/list items."""
    lines = text.split("\n")
    out = []
    fence = False
    front = bool(lines) and lines[0].strip() == "---"
    for i, raw in enumerate(lines):
        s = raw.strip()
        if front:
            if i > 0 and s == "---":
                front = False
            continue
        if s.startswith(("```", "~~~")):
            fence = not fence
            continue
        if fence or not s or s.startswith(("#", "|", "<", ">", "{%", "[", "!", "-->", "*Last", "_")):
            continue
        prev_blank = i == 0 or not lines[i - 1].strip() or re.match(r"\s*([-*+]|\d+\.)\s", raw)
        next_blank = i + 1 >= len(lines) or not lines[i + 1].strip() or re.match(r"\s*([-*+]|\d+\.)\s", lines[i + 1])
        if not (prev_blank and next_blank):
            continue  # part of a wrapped paragraph: keep labels exact
        body = re.sub(r"^\s*([-*+]|\d+\.)\s+", "", raw)
        if lang == "en":
            if len(body) < 50 or _HAN.search(body):
                continue
        else:
            if len(_HAN.findall(body)) < 15:
                continue
        out.append(i + 1)
    return out


def _replace_at(line: str, start: int, end: int, new: str) -> str:
    return line[:start] + new + line[end:]


def _set_line(texts: dict[str, str], lang: str, number: int, new: str) -> dict[str, str]:
    lines = texts[lang].split("\n")
    lines[number - 1] = new
    out = dict(texts)
    out[lang] = "\n".join(lines)
    return out


# ---------------------------------------------------------------------------
# injectors (rng, trio, rows) -> Injection | None


def _shared_tokens(trio: Trio, pattern: re.Pattern, langs=("en", "zh-Hans", "zh-Hant")) -> list[str]:
    sets = []
    for lg in langs:
        toks = set()
        for n in prose_lines(trio.texts[lg], lg):
            toks |= set(pattern.findall(trio.lines(lg)[n - 1]))
        sets.append(toks)
    return sorted(set.intersection(*sets)) if sets else []


def _occurrences(trio: Trio, lang: str, pattern: re.Pattern, value: str) -> list[tuple[int, int, int]]:
    out = []
    lines = trio.lines(lang)
    for n in prose_lines(trio.texts[lang], lang):
        for m in pattern.finditer(lines[n - 1]):
            if m.group(0) == value:
                out.append((n, m.start(), m.end()))
    return out


def inj_number(rng, trio, rows):
    nums = [v for v in _shared_tokens(trio, _NUM) if v not in ("0", "1")]
    if not nums:
        return None
    value = rng.choice(nums)
    lang = rng.choice(["en", "zh-Hans", "zh-Hant"])
    occ = _occurrences(trio, lang, _NUM, value)
    if not occ:
        return None
    n, a, b = rng.choice(occ)
    new_value = str(int(value) + rng.choice([1, 2, 3, 5, 7, 10]))
    line = trio.lines(lang)[n - 1]
    texts = _set_line(trio.texts, lang, n, _replace_at(line, a, b, new_value))
    labels = [_label("number-mismatch", lang, n)]
    if lang in ZH:
        labels.append(_label("hans-hant-divergence", lang, n, required=False))
    return Injection(trio.name, "number-mismatch", texts, labels, f"{lang}:{n} {value} -> {new_value}")


def inj_link(rng, trio, rows):
    cands = _shared_tokens(trio, _EMAIL) + _shared_tokens(trio, _URL)
    if not cands:
        return None
    value = rng.choice(cands)
    pat = _EMAIL if "@" in value and not value.startswith("http") else _URL
    lang = rng.choice(["en", "zh-Hans", "zh-Hant"])
    occ = _occurrences(trio, lang, pat, value)
    if not occ:
        return None
    n, a, b = rng.choice(occ)
    if "@" in value and pat is _EMAIL:
        user, dom = value.split("@", 1)
        new_value = rng.choice([f"{user}s@{dom}", f"{user}@{dom.replace('.', '-mail.', 1)}", f"info@{dom}"])
    else:
        new_value = rng.choice([value.rstrip("/") + "/old", value.replace("://", "://www2.", 1)])
    if new_value == value:
        return None
    line = trio.lines(lang)[n - 1]
    texts = _set_line(trio.texts, lang, n, _replace_at(line, a, b, new_value))
    return Injection(
        trio.name, "link-mismatch", texts, [_label("link-mismatch", lang, n)], f"{lang}:{n} {value} -> {new_value}"
    )


def inj_entity(rng, trio, rows):
    names = [v for v in _shared_tokens(trio, _NAME) if len(v) >= 4]
    if not names:
        return None
    value = rng.choice(names)
    occ = _occurrences(trio, "en", _NAME, value)
    if not occ:
        return None
    n, a, b = rng.choice(occ)
    new_value = rng.choice([x for x in FAKE_NAMES if x != value])
    line = trio.lines("en")[n - 1]
    texts = _set_line(trio.texts, "en", n, _replace_at(line, a, b, new_value))
    labels = [_label("entity-mismatch", "en", n), _label("name-variant", "en", n, required=False)]
    return Injection(trio.name, "entity-mismatch", texts, labels, f"en:{n} {value} -> {new_value}")


def _confident_rows(rows, kind_ok=True):
    return [r for r in rows if r["confident"]]


def inj_missing(rng, trio, rows):
    cands = _confident_rows(rows)
    if not cands:
        return None
    row = rng.choice(cands)
    lang = rng.choice(["en", "zh-Hans", "zh-Hant"])
    n = row[lang]
    lines = trio.lines(lang)
    # drop the paragraph and the blank line after it: everything below moves up two lines
    stop = n + 1 if n < len(lines) and not lines[n].strip() else n
    del lines[n - 1 : stop]
    texts = dict(trio.texts)
    texts[lang] = "\n".join(lines)
    labels = [_label("missing-paragraph", lg, row[lg]) for lg in ("en", "zh-Hans", "zh-Hant") if lg != lang]
    # one finding naming both surviving versions is enough: the second label is optional
    labels[1]["required"] = False
    return Injection(trio.name, "missing-paragraph", texts, labels, f"deleted {lang}:{n}")


def inj_untranslated(rng, trio, rows):
    lang = rng.choice(list(ZH))
    cands = prose_lines(trio.texts[lang], lang)
    sents = []
    for n in prose_lines(trio.texts["en"], "en"):
        sents += [s for s in _SENT.findall(trio.lines("en")[n - 1]) if "](" not in s and "`" not in s]
    if not cands or not sents:
        return None
    n = rng.choice(cands)
    sent = rng.choice(sents)
    line = trio.lines(lang)[n - 1].rstrip()
    texts = _set_line(trio.texts, lang, n, f"{line}{sent}")
    labels = [_label("untranslated", lang, n), _label("semantic-drift", lang, n, required=False)]
    return Injection(trio.name, "untranslated", texts, labels, f"{lang}:{n} + {sent[:40]!r}")


def inj_script_mix(rng, trio, rows):
    import opencc

    t2s = opencc.OpenCC("t2s")
    cands = []
    lines = trio.lines("zh-Hant")
    for n in prose_lines(trio.texts["zh-Hant"], "zh-Hant"):
        line = lines[n - 1]
        conv = t2s.convert(line)
        if len(conv) == len(line):
            pos = [i for i, (x, y) in enumerate(zip(line, conv)) if x != y]
            if len(pos) >= 2:
                cands.append((n, pos, conv))
    if not cands:
        return None
    n, pos, conv = rng.choice(cands)
    pick = sorted(rng.sample(pos, min(len(pos), rng.choice([1, 2, 3]))))
    chars = list(lines[n - 1])
    for p in pick:
        chars[p] = conv[p]
    texts = _set_line(trio.texts, "zh-Hant", n, "".join(chars))
    labels = [_label("script-mix", "zh-Hant", n)]
    return Injection(
        trio.name, "script-mix", texts, labels, f"zh-Hant:{n} {[lines[n - 1][p] + '->' + conv[p] for p in pick]}"
    )


def inj_duplicate(rng, trio, rows):
    lang = rng.choice(["en", "zh-Hans", "zh-Hant"])
    cands = prose_lines(trio.texts[lang], lang)
    if len(cands) < 4:
        return None
    k = rng.randrange(0, len(cands) - 2)
    src = cands[k]
    dest = rng.choice(cands[k + 2 :])  # repeated out of place, after a later paragraph
    lines = trio.lines(lang)
    copy = lines[src - 1]
    new_lines = lines[:dest] + ["", copy] + lines[dest:]
    texts = dict(trio.texts)
    texts[lang] = "\n".join(new_lines)
    at = dest + 2
    labels = [_label("duplicate-paragraph", lang, at), _label("missing-paragraph", lang, at, required=False)]
    return Injection(trio.name, "duplicate-paragraph", texts, labels, f"{lang}:{src} repeated at {at}")


def inj_spacing(rng, trio, rows):
    lang = rng.choice(list(ZH))
    lines = trio.lines(lang)
    cands = []
    for n in prose_lines(trio.texts[lang], lang):
        line = lines[n - 1]
        pos = [i for i in range(1, len(line)) if _HAN.match(line[i - 1]) and _HAN.match(line[i])]
        if len(pos) >= 6:
            cands.append((n, pos))
    if not cands:
        return None
    n, pos = rng.choice(cands)
    pick = sorted(rng.sample(pos, rng.choice([1, 2])), reverse=True)
    line = lines[n - 1]
    for p in pick:
        line = line[:p] + " " + line[p:]
    texts = _set_line(trio.texts, lang, n, line)
    return Injection(
        trio.name, "broken-spacing", texts, [_label("broken-spacing", lang, n)], f"{lang}:{n} spaces at {pick}"
    )


_NEGATE = (("可以", "不可以"), ("會", "不會"), ("應", "不應"), ("將", "不將"), ("能", "不能"), ("必須", "無須"))


def inj_hans_hant(rng, trio, rows):
    lines = trio.lines("zh-Hant")
    cands = [r for r in _confident_rows(rows)]
    rng.shuffle(cands)
    for row in cands:
        n = row["zh-Hant"]
        line = lines[n - 1]
        nums = [m for m in _NUM.finditer(line) if m.group(0) in trio.lines("zh-Hans")[row["zh-Hans"] - 1]]
        if nums and rng.random() < 0.5:
            m = rng.choice(nums)
            new = _replace_at(line, m.start(), m.end(), str(int(m.group(0)) + rng.choice([1, 2, 5])))
            note = f"zh-Hant:{n} number {m.group(0)}"
        else:
            opts = [(a, b) for a, b in _NEGATE if a in line and b not in line]
            if not opts:
                continue
            a, b = rng.choice(opts)
            new = line.replace(a, b, 1)
            note = f"zh-Hant:{n} {a} -> {b}"
        texts = _set_line(trio.texts, "zh-Hant", n, new)
        labels = [
            _label("hans-hant-divergence", "zh-Hant", n),
            _label("number-mismatch", "zh-Hant", n, required=False),
            _label("semantic-drift", "zh-Hant", n, required=False),
        ]
        return Injection(trio.name, "hans-hant-divergence", texts, labels, note)
    return None


def inj_name_variant(rng, trio, rows):
    lang = rng.choice(["en", "zh-Hans", "zh-Hant"])
    lines = trio.lines(lang)
    counts: dict[str, list[tuple[int, int, int]]] = {}
    for n in prose_lines(trio.texts[lang], lang):
        for m in _NAME.finditer(lines[n - 1]):
            if len(m.group(0)) >= 5 and (m.start() == 0 or lines[n - 1][m.start() - 1] != "."):
                counts.setdefault(m.group(0), []).append((n, m.start(), m.end()))
    names = sorted(k for k, v in counts.items() if len(v) >= 3 and len({x[0] for x in v}) >= 3)
    if not names:
        return None
    name = rng.choice(names)
    n, a, b = rng.choice(counts[name])
    style = rng.choice(["prefix", "case", "split"])
    if style == "prefix":
        variant = f"{rng.choice(FAKE_NAMES)} {name}"
    elif style == "case":
        k = rng.randrange(1, len(name) - 1)
        variant = name[:k] + name[k].swapcase() + name[k + 1 :]
    else:
        k = rng.randrange(2, len(name) - 1)
        variant = name[:k] + "-" + name[k:]
    texts = _set_line(trio.texts, lang, n, _replace_at(lines[n - 1], a, b, variant))
    labels = [_label("name-variant", lang, n), _label("entity-mismatch", lang, n, required=False)]
    return Injection(trio.name, "name-variant", texts, labels, f"{lang}:{n} {name} -> {variant}")


INJECTORS = {
    "number-mismatch": inj_number,
    "link-mismatch": inj_link,
    "entity-mismatch": inj_entity,
    "missing-paragraph": inj_missing,
    "untranslated": inj_untranslated,
    "script-mix": inj_script_mix,
    "duplicate-paragraph": inj_duplicate,
    "broken-spacing": inj_spacing,
    "hans-hant-divergence": inj_hans_hant,
    "name-variant": inj_name_variant,
}


# ---------------------------------------------------------------------------
# clean alignment (for counterpart lines)


def confident_rows(trio: Trio, align) -> list[dict]:
    """Rows of the clean alignment as start lines, with a ``confident`` flag.

    ``align(trio) -> (document, alignment)``; injected paragraphs are drawn
    from prose lines only, so rows are keyed by their start lines.
    """
    doc, al = align(trio)
    prose = {lg: set(prose_lines(trio.texts[lg], lg)) for lg in FILES}
    rows = []
    for row in al.rows:
        cells = {lg: row.get(lg) for lg in FILES}
        if not all(len(c) == 1 for c in cells.values()):
            continue
        lines = {lg: doc.get(lg)[cells[lg][0]].line for lg in FILES}
        single = all(doc.get(lg)[cells[lg][0]].end_line == lines[lg] for lg in FILES)
        ps = row.pair_scores
        zz = ps.get(("zh-Hans", "zh-Hant"), 0)
        ze = min(ps.get(("zh-Hans", "en"), 0), ps.get(("zh-Hant", "en"), 0))
        ok = single and all(lines[lg] in prose[lg] for lg in FILES) and zz >= 0.5 and ze >= 0.5
        rows.append({**lines, "confident": bool(ok)})
    return rows


def make_injections(trio: Trio, rows: list[dict], seed: int = 0, rules=RULES) -> list[Injection]:
    out = []
    for rule in rules:
        rng = random.Random(f"{seed}:{trio.name}:{rule}")
        inj = INJECTORS[rule](rng, trio, rows)
        if inj is not None and inj.texts != trio.texts:
            out.append(inj)
    return out


def tcheck_aligner(embedder=None, cache=None):
    """``align(trio)`` using tcheck's own loader and aligner on temp files."""
    import tempfile

    from tcheck.align import align_document
    from tcheck.embed import get_embedder
    from tcheck.pipeline import SegmentEmbedder, load_document

    model = embedder or get_embedder()

    def align(trio: Trio):
        with tempfile.TemporaryDirectory() as d:
            paths = write_trio(Path(d), trio.texts)
            doc = load_document(paths)
            # a fresh SegmentEmbedder per document: it memoises by version identity
            return doc, align_document(doc, SegmentEmbedder(model, cache.vectors if cache is not None else None))

    return align


def write_trio(directory: Path, texts: dict[str, str]) -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for lang, fn in FILES.items():
        p = directory / fn
        p.write_text(texts[lang], encoding="utf-8")
        paths.append(str(p))
    return paths


def main(argv=None):
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    from tcheck.cache import Cache

    align = tcheck_aligner(cache=Cache.default())
    out = Path(args.outdir)
    for name in DEFAULT_DOCS:
        trio = load_trio(CORPUS / name)
        rows = confident_rows(trio, align)
        for inj in make_injections(trio, rows, args.seed):
            d = out / name.replace("/", "__") / inj.rule
            write_trio(d, inj.texts)
            (d / "labels.json").write_text(
                json.dumps(
                    {"doc": name, "rule": inj.rule, "note": inj.note, "labels": inj.labels},
                    ensure_ascii=False,
                    indent=1,
                )
            )
            print(f"{name}\t{inj.rule}\t{inj.note}")


if __name__ == "__main__":
    sys.exit(main())
