"""untranslated: English clauses left in a Chinese version, Chinese left in the English one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..load.kinds import PROSE_KINDS, reads
from ..model import Segment, Severity
from ..text.han import HAN, HAN_CLASS, han_count
from ..text.han import HAN_RE as _HAN_CHAR_RE
from ..text.scripts import latin_letter_count
from ..text.snippets import snippet
from ..text.spans import RawText, mask_markup
from .base import Rule, RuleContext
from .options import RuleOptions, opt

# Closed-class English words: a run of English with several of them is a
# clause or sentence, not a name ("Firefox Focus", "Cross-Origin Resource Policy").
FUNCTION_WORDS = frozenset(
    """
a an the this that these those it its we our us you your they their them he she his her i my me
of to in on at by for with from into onto about as than over under after before between through during
and or but nor if then so because while when where which who whom whose what how why
is are was were be been being am do does did done have has had will would shall should can could may might must
not no all any each every some such other more most only also just very there here
""".split()
)

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*")
# a run of English: Latin words with the spaces, digits and ASCII punctuation between them
_LATIN_RUN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-\s.,;:!?()\"“”‘’/&%$#+*_]*[A-Za-z0-9.!?)\"”’]|[A-Za-z]")
_HAN_RUN_RE = re.compile(f"{HAN}[{HAN_CLASS}\u3000-\u303f\uff01-\uff5e·…—]*")
_SENTENCE_STOP = set("。！？；")


def dnt_terms(glossary) -> list[str]:
    """Do-not-translate terms of a glossary (None -> none), longest first."""
    if glossary is None:
        return []
    out = set()
    try:
        entries = list(glossary)
    except TypeError:
        entries = list(getattr(glossary, "entries", []) or [])
    for e in entries:
        if getattr(e, "dnt", False):
            term = getattr(e, "dnt_term", "") or getattr(e, "en", "")
            if term:
                out.add(term)
        en = getattr(e, "en", "")
        # a term written the same in every version is kept as is on purpose
        if en and en in (getattr(e, "zh_hans", ""), getattr(e, "zh_hant", "")):
            out.add(en)
    return sorted(out, key=len, reverse=True)


def _mask_terms(text: str, terms: list[str]) -> str:
    for t in terms:
        if not t:
            continue
        text = re.sub(re.escape(t), lambda m: "\x00" * len(m.group(0)), text, flags=re.IGNORECASE)
    return text


def clause_stats(text: str) -> tuple[int, int, int]:
    """(words, function words, lowercase content words) of an English run."""
    words = _WORD_RE.findall(text)
    func = sum(1 for w in words if w.lower() in FUNCTION_WORDS)
    lower_content = sum(1 for w in words if w.lower() not in FUNCTION_WORDS and w[0].islower() and len(w) > 1)
    return len(words), func, lower_content


def is_clause(text: str) -> bool:
    """Whether an English run reads as a clause rather than a name or a term.

    At least five words, two of them function words (the, of, we, will...)
    and two lowercase content words: "We will occasionally update this"
    is a clause; "Mozilla Public License Version 2.0", "Terms of Service",
    "Firefox Focus for Android" are not.
    """
    n, func, lower = clause_stats(text)
    return n >= 5 and func >= 2 and lower >= 2


def _short_gap(gap: str) -> bool:
    """Between two English runs: a few Han characters or quotes, no sentence end."""
    if any(c in _SENTENCE_STOP for c in gap):
        return False
    return han_count(gap) <= 6 and len(gap.strip()) <= 10


_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'", "《": "》", "「": "」", "『": "』", "〈": "〉"}


def _quoted(text: str, a: int, b: int) -> bool:
    """text[a:b] wholly inside quotation marks: a cited title or a UI label, kept on purpose."""
    run = text[max(0, a - 1) : b + 1].strip()
    if len(run) < 3 or run[0] not in _QUOTES:
        return False
    close = _QUOTES[run[0]]
    body = run[1:].rstrip()
    if body.endswith(close):
        body = body[:-1]
    elif text[a:b].rstrip().endswith(close):
        body = text[a:b].rstrip()[:-1]
    else:
        return False
    return run[0] not in body and close not in body


_MENU_SEPS = (">", "→", "›", "»")
_MENU_SEP_RE = re.compile(r"\s*(?:%s)\s*" % "|".join(map(re.escape, _MENU_SEPS)))
_MARKS = "\x00 *_`"  # masked text and emphasis around a label


def _menu_path(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] is (part of) a menu path of an English user interface: short labels
    joined by > or → ("Settings > CI/CD > Runners > Enable shared runners for this project")."""
    run = text[a:b]
    parts = [p.strip(_MARKS) for p in _MENU_SEP_RE.split(run.strip()) if p.strip(_MARKS)]
    if len(parts) >= 2 and all(len(p.split()) <= 7 and p[:1].isupper() for p in parts):
        return True  # capitalised labels: "Runners > Enable shared runners for this project"
    # one label of a path whose other labels are masked (code, paths) or separate runs
    if len(parts) != 1 or len(run.split()) > 7:
        return False
    before, after = text[:a].rstrip(_MARKS), text[b:].lstrip(_MARKS)
    # a separator with a Latin label on its other side (not a blockquote's "> ")
    prev = before[:-1].rstrip(_MARKS) if before.endswith(_MENU_SEPS) else ""
    nxt = after[1:].lstrip(_MARKS) if after.startswith(_MENU_SEPS) else ""
    return (prev[-1:].isascii() and prev[-1:].isalnum()) or (nxt[:1].isascii() and nxt[:1].isalnum())


def english_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of the English clauses inside a Chinese text (masked already)."""
    runs = [(m.start(), m.end()) for m in _LATIN_RUN_RE.finditer(text) if not _quoted(text, m.start(), m.end())]
    groups: list[list[int]] = []
    for a, b in runs:
        if groups and _short_gap(text[groups[-1][1] : a]):
            groups[-1][1] = b
        else:
            groups.append([a, b])
    out = []
    for a, b in groups:
        piece = _HAN_CHAR_RE.sub(" ", text[a:b])
        if _menu_path(text, a, b):
            continue  # "Settings > CI/CD > Runners": the labels of an English user interface
        if is_clause(piece):
            while a < b and not text[a].isalpha():
                a += 1  # a list label or number before the first word
            out.append((a, b))
    return out


def chinese_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of Chinese runs (two Han characters or more) inside an English text."""
    out = []
    for m in _HAN_RUN_RE.finditer(text):
        if han_count(m.group(0)) < 2:
            continue
        a, b = m.start(), m.end()
        while b > a and not _HAN_CHAR_RE.match(text[b - 1]) and text[b - 1] not in "」』”》）":
            b -= 1
        out.append((a, b))
    return out


class Untranslated(Rule):
    """Text left in the wrong language: English clauses in a Chinese version, Chinese in the English one.

    ## What it catches
    In a Chinese version, a run of English that reads as a clause: five words
    or more with several function words. In the English version, any run of
    two Chinese characters or more. The evidence gives the span of each run.
    Consecutive segments wholly in the wrong language are one finding with
    the line range; a Chinese version that is mostly English (at least
    ``mostly_share`` of its prose segments, and ``mostly_min`` of them: a
    page never translated) is one finding with the count.

    ## Why
    A sentence a translator skipped stays in the source language and the
    reader of that version cannot read it.

    ## Example
    zh-Hans "We will occasionally update this 隐私政策 to reflect changes。" →
    the English clause is reported.

    ## Not reported
    Names, product names, acronyms, code (code segments, checksum lines,
    code comments left in the text), file names and paths, URLs, e-mail
    addresses and the glossary's do-not-translate terms ("Firefox Focus",
    "Cross-Origin Resource Policy"), and quoted titles.
    """

    id = "untranslated"
    severity = Severity.WARNING
    scope = "single"

    @dataclass(frozen=True)
    class Options(RuleOptions):
        mostly_share: float = opt(
            0.5, "a Chinese version with at least this share of its prose segments in English is one finding"
        )
        mostly_min: int = opt(4, "... and at least this many of them")

    def check(self, ctx: RuleContext):
        terms = dnt_terms(ctx.glossary)
        for v in ctx.versions:
            hits = [h for h in (_hit(v, seg, terms) for seg in v.segments if reads(self.id, seg.kind)) if h]
            whole = [h for h in hits if h.whole]
            prose = sum(1 for s in v.segments if s.kind in PROSE_KINDS)
            share = float(ctx.option(self, "mostly_share"))
            if v.is_zh and len(whole) >= int(ctx.option(self, "mostly_min")) and len(whole) >= share * prose:
                yield self._mostly(ctx, v, whole, prose)
                hits = [h for h in hits if not h.whole]
            for run in _runs(hits):
                yield self._finding(ctx, v, run)

    def _mostly(self, ctx: RuleContext, v, whole: list[_Hit], prose: int):
        """One finding for a version that was never (or hardly) translated."""
        first, last = whole[0].seg, whole[-1].seg
        loc = ctx.loc(v.lang, first)
        loc.end_line = max(loc.end_line, last.end_line)
        msg = (
            f"{v.lang} is mostly still in English (not translated into Chinese): {len(whole)} of its "
            f"{prose} paragraphs, lines {first.line}-{last.end_line}"
        )
        return ctx.finding(
            self,
            msg,
            loc,
            evidence={
                "foreign": "english",
                "expected": "chinese",
                "whole_version": True,
                "segments": len(whole),
                "of": prose,
                "lines": [h.seg.line for h in whole],
                "key": "English",
            },
            suggestion=f"translate {v.lang} into Chinese",
            texts=[first.text],
        )

    def _finding(self, ctx: RuleContext, v, run: list[_Hit]):
        """One finding for a segment, or for consecutive segments still wholly in the foreign language."""
        h, last = run[0], run[-1]
        seg = h.seg
        foreign, expected = ("English", "Chinese") if v.is_zh else ("Chinese", "English")
        ev = [e for x in run for e in x.spans]
        if len(run) > 1:
            msg = (
                f"{v.lang} segments {seg.index}-{last.seg.index} (lines {seg.line}-{last.seg.end_line}) are still "
                f'in {foreign} (not translated into {expected}): "{snippet(seg.text)}"'
            )
        elif h.whole:
            msg = f'{v.lang} {seg.kind} is still in {foreign} (not translated into {expected}): "{snippet(seg.text)}"'
        else:
            quoted = "; ".join(f'"{snippet(e["text"].replace(chr(10), " "), 50)}"' for e in ev[:3])
            more = f" and {len(ev) - 3} more" if len(ev) > 3 else ""
            n = len(ev)
            msg = f"{v.lang} {seg.kind} contains untranslated {foreign} ({n} passage{'s' if n > 1 else ''}): {quoted}{more}"
        loc = ctx.loc_at(v.lang, seg, ev[0]["line"], ev[0]["column"])
        loc.end_line = max(loc.end_line, last.seg.end_line)
        return ctx.finding(
            self,
            msg,
            loc,
            evidence={
                "foreign": foreign.lower(),
                "expected": expected.lower(),
                "whole_segment": h.whole,
                "segments": len(run),
                "spans": ev,
                "key": foreign,
            },
            suggestion=f"translate the {foreign} text into {expected}",
            texts=[x.seg.text for x in run],
        )


@dataclass
class _Hit:
    seg: Segment
    spans: list[dict]
    whole: bool


# a code comment line left in the text flow, a path, a file name, a key=value pair of log output:
# never prose to translate
_COMMENT_LINE_RE = re.compile(r"(?m)^[ \t]*(?://|/\*|\*/|#).*$")
# (runs tried only where they start and never backtracked into: linear on a 200,000-character word)
_PATH_RE = re.compile(r"(?<![\w.~-])[\w.~-]*+[/\\][\w./\\~-]+|\b[\w-]++\.(?:[a-z][a-z0-9]{0,4})\b|\b\w++=\S*")


def _hit(v, seg: Segment, terms: list[str]) -> _Hit | None:
    """The foreign-language spans of ``seg`` (None when there are none)."""
    raw = RawText(seg)
    text = mask_markup(raw.text, "\x00")
    text = _PATH_RE.sub(lambda m: "\x00" * len(m.group(0)), text)
    if seg.kind != "heading":
        text = _COMMENT_LINE_RE.sub(lambda m: "\x00" * len(m.group(0)), text)
    text = _mask_terms(text, terms)
    spans = english_spans(text) if v.is_zh else chinese_spans(text)
    if not spans:
        return None
    covered = sum(b - a for a, b in spans)
    whole = (
        v.is_zh
        and han_count(_LATIN_RUN_RE.sub("", text)) <= 0.1 * max(1, latin_letter_count(text))
        and covered >= 0.6 * len(text.strip())
    )
    return _Hit(seg, [raw.span(a, b) for a, b in spans], bool(whole))


def _runs(hits: list[_Hit]) -> list[list[_Hit]]:
    """Consecutive segments wholly in the foreign language grouped; every other hit alone."""
    out: list[list[_Hit]] = []
    for h in hits:
        prev = out[-1][-1] if out else None
        if prev and h.whole and prev.whole and h.seg.index == prev.seg.index + 1:
            out[-1].append(h)
        else:
            out.append([h])
    return out
