"""broken-spacing: a stray space inside a Chinese word (泄 露), left by line-wrapped PDFs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Severity
from ..text.han import HAN as _HAN
from ..text.han import HAN_RE as _HAN_RE
from ..text.scripts import convert
from ..text.snippets import snippet
from ..text.spans import RawText, mask_markup
from .base import Rule, RuleContext
from .options import RuleOptions, opt

_GAP_RE = re.compile(f"(?<={_HAN})[ \u00a0\u3000]+(?={_HAN})")
_WINDOW = 4  # Han characters looked at on each side of the space
_SINGLE_GAP_RE = re.compile(f"(?<={_HAN})[ \u00a0](?={_HAN})")
_ADJ_RE = re.compile(f"(?={_HAN}{_HAN})")
_PARTICLES = set("的了地得着著过過们們吗嗎呢吧")
# honorifics a legal text sets off with a full-width space (　貴用戶, 　台端): deliberate
_HONORIFICS = ("貴", "贵", "台端", "您", "閣下", "阁下", "貴公司", "贵公司")
_PUNCT_RE = re.compile("[，。；！？、：]")
_PHRASE = 4  # Han characters on both sides of a space that make it a separator between phrases


_LABEL_RE = re.compile(r"[\s\d.、()（）*#>\-]*")


def _run_in_heading(text: str, gap: int) -> bool:
    """2.1 信息存储的地点 我们会…: a short title (up to 12 Han characters, after a
    section number at most) before the first space of the paragraph."""
    start = gap
    while start > 0 and _HAN_RE.match(text[start - 1]):
        start -= 1
    return gap - start <= 12 and bool(_LABEL_RE.fullmatch(text[:start]))


def _letter_spaced(text: str) -> bool:
    """第 一 章, 目 录: most Han characters stand alone between spaces."""
    runs = [len(r) for r in re.findall(f"{_HAN}+", text)]
    return len(runs) >= 2 and sum(1 for r in runs if r == 1) * 2 >= len(runs)


def spacing_norm(texts) -> tuple[int, int]:
    """(Han-Han boundaries without a space, with one space) over a version's texts,
    letter-spaced headings left out."""
    adj = gaps = 0
    for text in texts:
        if _letter_spaced(text):
            continue
        adj += len(_ADJ_RE.findall(text))
        gaps += len(_SINGLE_GAP_RE.findall(text))
    return adj, gaps


def _tokenizer():
    """jieba's dictionary tokenizer (:mod:`tcheck.text.segmenter`), or None when jieba is not installed."""
    from ..text.segmenter import tokenizer

    return tokenizer()


def _run(text: str, start: int, step: int) -> str:
    """The Han characters next to ``start`` going left (step -1) or right (+1), up to _WINDOW."""
    out = []
    i = start
    while 0 <= i < len(text) and _HAN_RE.match(text[i]) and len(out) < _WINDOW + 1:
        out.append(text[i])
        i += step
    return "".join(reversed(out)) if step < 0 else "".join(out)


def split_word(left: str, right: str, doc_words: set[str] | None = None) -> tuple[str, int] | None:
    """(word, characters of it left of the space) for the word the space cuts, or None.

    ``left``/``right`` are the Han characters just before and after the
    space. The join is segmented with jieba's dictionary (no guessing of
    unknown words); when a dictionary word straddles the gap, the space is
    inside that word. Without jieba, a two-character join counts only when the
    document writes it elsewhere without a space (``doc_words``).
    """
    joined = left + right
    cut = len(left)
    original = joined
    simp = convert(joined, "t2s")  # jieba's dictionary is in Simplified: 設定 is found as 设定
    if len(simp) == len(joined):
        joined = simp
    tok = _tokenizer()
    if tok is None:
        pair = left[-1:] + right[:1]
        return (pair, 1) if doc_words and pair in doc_words else None
    pos = 0
    for word in tok.lcut(joined, HMM=False):
        end = pos + len(word)
        if pos < cut < end and len(word) >= 2 and all(_HAN_RE.match(c) for c in word):
            return original[pos:end], cut - pos
        pos = end
    return None


class BrokenSpacing(Rule):
    """A stray space inside a Chinese word, such as 泄 露 or 关联公 司.

    ## What it catches
    A space between two Han characters whose two sides join into a dictionary
    word (jieba's dictionary): 信息泄 露 → 泄露. The suggestion is the text
    with the space removed.

    ## Why
    Text copied from a line-wrapped PDF keeps a space where the line broke,
    often in the middle of a word.

    ## Example
    "我们不会泄 露您的信息" → "泄露".

    ## Not reported
    Spaces around Latin words and numbers, after punctuation, between two
    whole words (例如 密码), and deliberate letter-spacing of single
    characters (第 一 章, 目 录); a version with more spaced pairs than
    ``max_spaced_ratio`` is spaced on purpose. The full-width space a legal
    text puts before an honorific (本公司　貴用戶, 　台端) is deliberate; a
    space between two phrases of four or more Han characters each in a text
    without Chinese punctuation (a label, a table cell) stands for punctuation
    and is reported only when it cuts a dictionary word.
    """

    id = "broken-spacing"
    severity = Severity.WARNING
    scope = "single"

    @dataclass(frozen=True)
    class Options(RuleOptions):
        max_spaced_ratio: float = opt(
            0.02, "a version with more spaced-out Han pairs than this share is deliberately spaced and left alone"
        )

    def check(self, ctx: RuleContext):
        max_ratio = float(ctx.option(self, "max_spaced_ratio"))
        for v in ctx.versions:
            if not v.is_zh:
                continue
            masked = [(seg, RawText(seg)) for seg in v.segments]
            masked = [(seg, raw, mask_markup(raw.text, "\x00")) for seg, raw in masked]
            if not any(_GAP_RE.search(t) for _s, _r, t in masked):
                continue  # no candidate: jieba is not even loaded
            adj, gaps = spacing_norm(t for _s, _r, t in masked)
            # the author does not space words: a space between two Han characters is a slip
            sparse = gaps <= max_ratio * (adj + gaps)
            for seg, raw, text in masked:
                hits = []
                edits = []
                spaced_out = _letter_spaced(text)
                for m in _GAP_RE.finditer(text):
                    left = _run(text, m.start() - 1, -1)
                    right = _run(text, m.end(), 1)
                    if spaced_out or (len(left) == 1 and len(right) == 1):
                        continue  # letter-spaced single characters: 第 一 章, 姓 名
                    if "\u3000" in m.group() and text.startswith(_HONORIFICS, m.end()):
                        continue  # 　貴用戶: the respectful space of a (Taiwanese) legal text
                    found = split_word(left[-_WINDOW:], right[:_WINDOW])
                    # two phrases in a text without punctuation (a label, a table cell): the space is the punctuation
                    phrases = len(left) >= _PHRASE and len(right) >= _PHRASE and not _PUNCT_RE.search(text)
                    if not found and sparse and not phrases and m.end() - m.start() == 1:
                        if len(left) >= 3 and len(right) >= 3 and not _run_in_heading(text, m.start()):
                            found = left[-1] + right[0], 1  # 领导者 回报: two words run together in the source
                        elif len(left) >= 2 and right[0] in _PARTICLES:
                            found = left[-1] + right[0], 1  # 请求 的: a particle cut from its word
                    if not found:
                        continue
                    word, k = found
                    a, b = m.start() - k, m.end() + (len(word) - k)
                    span = raw.span(a, b)
                    span.update({"word": word, "gap_line": raw.pos(m.start())[0], "gap_column": raw.pos(m.start())[1]})
                    hits.append(span)
                    gap_end = raw.pos(m.end() - 1)
                    edits.append(ctx.fix(v.lang, raw.pos(m.start()), (gap_end[0], gap_end[1] + 1), "", m.group()))
                if not hits:
                    continue
                words = ", ".join(f'"{h["text"]}" → "{h["word"]}"' for h in hits)
                msg = (
                    f"{v.lang} {seg.kind} has {'a stray space' if len(hits) == 1 else f'{len(hits)} stray spaces'} "
                    f"{'inside a word or between words'} (line-wrap artifact): {words} "
                    f'in "{snippet(seg.text, 40)}"'
                )
                loc = ctx.loc_at(v.lang, seg, hits[0]["gap_line"], hits[0]["gap_column"])
                yield ctx.finding(
                    self,
                    msg,
                    loc,
                    evidence={"spans": hits, "key": ",".join(h["word"] for h in hits)},
                    suggestion="; ".join(f"{h['text']} → {h['word']}" for h in hits),
                    texts=[seg.text],
                    fixes=edits,
                )
