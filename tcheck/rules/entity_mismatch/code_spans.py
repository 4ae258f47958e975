"""entity-mismatch, inline code: a code span one version alters by a character or two."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from ...model import Severity
from ...text.han import has_han
from ..base import RuleContext

_SPAN_RE = re.compile(r"`([^`\n]*)`")
MIN_LENGTH = 6
MAX_EDITS = 2  # a slip of the keyboard ("<username>/github.io" for "<username>.github.io")
# characters whose change alters what the code does; spacing, a prompt sign, a trailing colon
# or backslash are style ("$ hexo server" / "hexo server", "include:" / "include")
_MEANINGFUL = set("._/-~@#=?&%+*<>{}[]()") | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _spans(raw: str) -> set[str]:
    """The inline code spans of a raw text (backticks paired in order), whitespace normalised;
    short spans and spans with Chinese left out (a placeholder translated on purpose: {{路径/到/文件}})."""
    out = set()
    for m in _SPAN_RE.finditer(raw):
        span = " ".join(m.group(1).split())
        if len(span) >= MIN_LENGTH and not has_han(span):
            out.add(span)
    return out


def _style_only(a: str, b: str) -> bool:
    """Whether two spans differ only in spacing, a leading prompt sign or trailing punctuation."""

    def bare(x: str) -> str:
        x = x.removeprefix("$ ").replace(" ", "")
        return x.rstrip(":;,/\\")

    if bare(a) == bare(b):
        return True
    changed = [
        c
        for op in Levenshtein.editops(a, b)
        for c in (a[op.src_pos] if op.tag != "insert" else "", b[op.dest_pos] if op.tag != "delete" else "")
    ]
    return not any(c in _MEANINGFUL for c in changed)


def check_code_spans(rule, ctx: RuleContext):
    """A row where a Chinese version writes an inline code span (a command, an address, an
    identifier) a character or two off the span the other versions write alike: a typo in code
    the reader copies. English, the source, is never the one reported."""
    for _k, row, present in ctx.corresponding_rows():
        segs = {lg: [ctx.version(lg)[i] for i in row.get(lg)] for lg in present}
        spans = {lg: set().union(*(_spans(s.raw) for s in segs[lg])) for lg in present}
        for lg in present:
            others = [o for o in present if o != lg]
            for span in sorted(spans[lg]):
                if any(span in spans[o] for o in others):
                    continue
                near = _near(span, [spans[o] for o in others])
                if near is None or near in spans[lg] or _style_only(span, near):
                    continue  # both written here (APlayer.min.css and .min.js), or only the style differs
                agree = [o for o in others if near in spans[o]]
                # the odd version: the others agree on the other spelling; with two versions, zh
                if len(present) == 3 and len(agree) < 2:
                    continue
                if lg == "en":
                    continue  # English is the source: code it writes otherwise is not a slip of a translation
                seg = next(s for s in segs[lg] if span in " ".join(s.raw.split()))
                yield ctx.finding(
                    rule,
                    f"{lg} writes the code `{span}` where {' and '.join(agree)} write{'s' if len(agree) == 1 else ''} "
                    f"`{near}`: a character or two differ in code the reader copies",
                    ctx.loc(lg, seg, span[:20]),
                    counterparts=[ctx.loc(o, segs[o][0]) for o in agree],
                    evidence={"expected": near, "found": span, "key": f"code:{span}"},
                    suggestion=f"write `{near}`",
                    severity=Severity.WARNING,
                    texts=[span, near],
                )


def _near(span: str, others: list[set[str]]) -> str | None:
    """The span of the other versions one or two edits from ``span`` (the only one), or None."""
    hits = {
        t
        for spans in others
        for t in spans
        if t != span and abs(len(t) - len(span)) <= MAX_EDITS and Levenshtein.distance(t, span) <= MAX_EDITS
    }
    return next(iter(hits)) if len(hits) == 1 else None
