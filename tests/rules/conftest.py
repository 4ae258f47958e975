"""The shared rule-test harness: build versions and aligned rows by hand, run one rule.

Every ``tests/rules/test_<rule>.py`` uses these helpers (import them from
``.conftest``) and, when a test needs real segment vectors without the model,
the ``fake_embedder`` fixture.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from tcheck.load import load_versions, segment
from tcheck.model import Alignment, Document, Finding, Line, Row, Segment, Version
from tcheck.rules import RuleContext, all_rules

from ..conftest import FIXTURES, SEED000, SEEDS  # noqa: F401  (re-exported for the rule tests)


class HashEmbedder:
    """Deterministic stand-in for the embedding model: equal texts get equal vectors."""

    name = "hash"

    def encode(self, texts):
        out = []
        for t in texts:
            seed = int.from_bytes(hashlib.sha1(t.encode()).digest()[:4], "little")
            v = np.random.default_rng(seed).normal(size=16)
            out.append(v / np.linalg.norm(v))
        return np.array(out, dtype=np.float32).reshape(len(texts), 16)


@pytest.fixture
def fake_embedder() -> HashEmbedder:
    return HashEmbedder()


# ---------------------------------------------------------------------------- versions


def version(lang: str, text: str | list[str], region: str = "", markdown: bool = False, path: str = "") -> Version:
    """A version segmented from ``text`` (a list is joined as paragraphs)."""
    if isinstance(text, list):
        text = "\n\n".join(text) + "\n"
    segs = segment(text, markdown)
    path = path or f"doc.{lang}"
    return Version(lang, path, segs, region=region, first_line=1, last_line=text.count("\n") + 1)


def plain_version(lang: str, texts: list[str]) -> Version:
    """A version with one segment per text on lines 2, 4, 6 … (no segmentation)."""
    segs = [
        Segment(index=i, raw=t, text=t, line=i * 2, end_line=i * 2, lines=(Line(i * 2, 1, t),))
        for i, t in enumerate(texts, start=1)
    ]
    return Version(lang, f"doc.{lang}.md", segs)


def paragraphs(texts: dict[str, list[str]], markdown: bool = False) -> list[Version]:
    """One version per language, one segment per paragraph (checked)."""
    versions = []
    for lang, paras in texts.items():
        segs = segment("\n\n".join(paras) + "\n", markdown)
        assert len(segs) == len(paras), [s.text for s in segs]
        versions.append(Version(lang, f"doc.{lang}.{'md' if markdown else 'txt'}", segs))
    return versions


# ---------------------------------------------------------------------------- rows and contexts


def diagonal(versions: list[Version]) -> list[dict[str, list[int]]]:
    """Rows pairing the i-th segments of every version (shorter versions drop out)."""
    n = max((len(v) for v in versions), default=0)
    return [{v.lang: [i] for v in versions if i <= len(v)} for i in range(1, n + 1)]


def context(
    versions: list[Version],
    rows: list[dict[str, list[int]]] | None = None,
    *,
    scores: dict[tuple[str, str], list[float]] | None = None,
    glossary=None,
    options: dict | None = None,
) -> RuleContext:
    """A RuleContext over ``versions`` aligned as ``rows``.

    ``scores`` gives, per language pair, one similarity per row; the alignment
    stores it as both the pair score and the meaning score.
    """
    doc = Document(list(versions))
    built = []
    for k, cells in enumerate(rows or []):
        r = Row(dict(cells))
        for pair, vals in (scores or {}).items():
            r.pair_scores[pair] = vals[k]
            r.meaning[pair] = vals[k]
        built.append(r)
    return RuleContext(doc, Alignment(doc.langs, built), options=options or {}, glossary=glossary)


def check(rule_id: str, ctx: RuleContext) -> list[Finding]:
    return list(all_rules()[rule_id]().check(ctx))


def run(rule_id: str, *versions: Version, rows=None, glossary=None, options=None) -> list[Finding]:
    return check(rule_id, context(list(versions), rows, glossary=glossary, options=options))


def run_texts(rule_id: str, texts: dict[str, list[str]], markdown: bool = False, glossary=None) -> list[Finding]:
    """The rule over one version per language, paragraphs aligned one to one."""
    versions = paragraphs(texts, markdown)
    return check(rule_id, context(versions, diagonal(versions), glossary=glossary))


def run_file(rule_id: str, path) -> list[Finding]:
    """The rule over a fixture file's versions, with no alignment (single-version rules)."""
    doc = Document(load_versions(str(path)))
    return check(rule_id, RuleContext(doc, Alignment(doc.langs, [])))


def line_of(path, needle: str, start: int = 1) -> int:
    """1-based number of the first line at or after ``start`` that contains ``needle``."""
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if n >= start and needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def texts_context(texts: dict[str, list[str]], markdown: bool = False, glossary=None) -> RuleContext:
    """One version per language (segmented), paragraphs aligned one to one."""
    versions = paragraphs(texts, markdown)
    return context(versions, diagonal(versions), glossary=glossary)


def rows_context(texts: dict[str, list[str]], rows: list[dict[str, list[int]]]) -> RuleContext:
    """One version per language (segmented), aligned as ``rows``."""
    return context(paragraphs(texts), rows)


def plain_doc(**texts: list[str]) -> tuple[Document, Alignment]:
    """Versions given as zh_Hans=[...], zh_Hant=[...], en=[...] (one segment per text), aligned row by row."""
    versions = [plain_version(k.replace("_", "-"), v) for k, v in texts.items()]
    ctx = context(versions, diagonal(versions))
    return ctx.document, ctx.alignment


def run_doc(rule_id: str, doc: Document, al: Alignment, glossary=None) -> list[Finding]:
    return check(rule_id, RuleContext(doc, al, glossary=glossary))
