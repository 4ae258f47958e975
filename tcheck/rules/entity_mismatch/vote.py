"""entity-mismatch with three versions: the Chinese version that drops a name the other two write.

In a row where en and one Chinese version write the same Latin-script name or setting
identifier ("Hexo", `theme_config`), the other Chinese version, closely aligned with the
first, writes neither that name nor a spelling of it: the odd version is the one reported.
"""

from __future__ import annotations

import re
from collections import Counter

from ...model import Segment, Severity
from ...text.name_match import _name_shaped, _name_tokens, _norm_tok, _token_set
from ...text.names import (
    common_english_word,
    contains_name,
    english_clauses,
    english_word,
    latin_names,
    name_key,
    token_kind,
)
from ...text.patterns import compiled
from ..base import RuleContext
from .rows import _col_span

# a setting or code identifier: snake_case or dotted ("theme_config", "deploy.type")
_IDENT_RE = re.compile(r"(?<![A-Za-z0-9_.])[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)+(?![A-Za-z0-9_])")
_ZH = ("zh-Hans", "zh-Hant")


def _marks(s: Segment) -> dict[str, tuple[Segment, str]]:
    """Name key -> (segment, name as written) for the names and identifiers of segment ``s``."""
    out: dict[str, tuple[Segment, str]] = {}
    prose = english_clauses(s.text)
    for sp in latin_names(s.text):
        if (
            _name_shaped(sp)
            and not any(a <= sp.start < b for a, b in prose)
            # a kept English word ("Default", "Faucet") or phrase ("Maintainer Community") is
            # untranslated text, not a name
            and not (token_kind(sp.text) == "cap" and common_english_word(sp.text, 3.0))
            and not (" " in sp.text and all(english_word(w) for w in sp.text.split()))
        ):
            out.setdefault(sp.key, (s, sp.text))
    for m in _IDENT_RE.finditer(s.text):
        if "_" in m.group() or any(c.isupper() for c in m.group()):
            out.setdefault(name_key(m.group()), (s, m.group()))
    return out


def _union(marks) -> dict[str, tuple[Segment, str]]:
    """The marks of several segments, in order: a name written in two is the first one's."""
    out: dict[str, tuple[Segment, str]] = {}
    for m in marks:
        for k, v in m.items():
            out.setdefault(k, v)
    return out


def check_vote(rule, ctx: RuleContext):
    """A name en and one Chinese version write in a row, that the other Chinese version drops."""
    if any(ctx.version(lg) is None for lg in (*_ZH, "en")):
        return
    # segments of each Chinese version per name: a name that version keeps in Latin elsewhere
    # the marks of every segment, read once (a row's marks are those of its segments)
    seg_marks = {lg: [_marks(seg) for seg in ctx.version(lg).segments] for lg in (*_ZH, "en")}
    elsewhere = {lg: Counter(k for m in seg_marks[lg] for k in m) for lg in _ZH}
    en_rows = Counter(k for m in seg_marks["en"] for k in m)  # English segments per name
    en_text = "\n".join(seg.text for seg in ctx.version("en").segments)
    plural: dict[str, bool] = {}  # name -> _plural_in(name, en_text)

    def kept_elsewhere(lg: str, k: str, name: str) -> bool:
        """The version writes the name in Latin in most other rows that have it ("Kaia",
        `theme_config`), so here it translated, transliterated or dropped it ("Ethereum" /
        以太坊 throughout is a usage); a word the English puts in the plural ("dApps") is a
        common noun, not a name."""
        n_en = en_rows[k]  # "theme_config", not "Theme configuration"
        if elsewhere[lg][k] < max(2, (n_en - 1) / 2):
            return False
        if name not in plural:
            plural[name] = _plural_in(name, en_text)
        return not plural[name]

    for row in ctx.alignment.rows:
        segs = {lg: [ctx.version(lg)[i] for i in row.get(lg)] for lg in (*_ZH, "en")}
        if not all(segs.values()) or any(s.kind == "code" for ss in segs.values() for s in ss):
            continue
        texts = {lg: "\n".join(s.text for s in ss) for lg, ss in segs.items()}
        keys = {lg: name_key(t) for lg, t in texts.items()}
        marks = {lg: _union(seg_marks[lg][i - 1] for i in row.get(lg)) for lg in _ZH}
        for has, lacks in (("zh-Hans", "zh-Hant"), ("zh-Hant", "zh-Hans")):
            # the version that has the name must translate the English here; the other one may
            # be the garbled one ("theme_config" replaced by a description)
            if not ctx.corresponds(row, has, "en"):
                continue
            lacks_toks = _token_set(texts[lacks])
            # a row that drops several names is rewritten or stale, not one slip
            dropped = [
                (k, v)
                for k, v in marks[has].items()
                if k in keys["en"]
                and kept_elsewhere(lacks, k, v[1])
                and not any(k in m for m in marks[lacks])
                and not _initials_in(v[1], texts[lacks])
                and not contains_name(texts[lacks], v[1])
                and not any(_norm_tok(t) in lacks_toks for t in _name_tokens(v[1]) or [v[1]])
            ]
            if len(dropped) != 1:
                continue
            _, (seg, name) = dropped[0]
            yield _finding(rule, ctx, has, lacks, segs, seg, name)


def _plural_in(name: str, text: str) -> bool:
    """The English writes the word both singular and plural ("dApp", "dApps"): a common noun."""
    if " " in name or "_" in name:
        return False
    other = name[:-1] if name.endswith("s") else name + "s"
    return bool(compiled(rf"(?<![A-Za-z0-9]){re.escape(other)}(?![A-Za-z0-9])", re.IGNORECASE).search(text))


def _initials_in(name: str, text: str) -> bool:
    """The version writes the name's short form ("JS" for "JavaScript")."""
    caps = "".join(c for c in name if c.isupper())
    return len(caps) >= 2 and caps != name and bool(compiled(rf"(?<![A-Za-z]){caps}(?![A-Za-z])").search(text))


def _finding(rule, ctx: RuleContext, has: str, lacks: str, segs: dict, seg: Segment, name: str):
    at = segs[lacks][0]
    en_seg = next((s for s in segs["en"] if name_key(name) in name_key(s.text)), segs["en"][0])
    return ctx.finding(
        rule,
        f"{lacks} does not write '{name}' here, where en and {has} both do: {lacks} probably dropped or replaced it",
        ctx.loc(lacks, at),
        counterparts=[ctx.loc(has, seg, name), ctx.loc("en", en_seg)],
        evidence={
            "expected": name,
            "found": None,
            "source_term": name,
            "source_lang": has,
            "support": 0,
            "source_span": {"lang": has, **_col_span(seg, name)},
            "key": f"{name_key(name)}>-",
        },
        suggestion=f"write '{name}' in {lacks} as en and {has} do",
        severity=Severity.WARNING,
        texts=[at.text, name],
    )
