"""Paragraph text: list labels, inline ignore comments, whitespace, and building a Segment."""

from __future__ import annotations

import re

from ..model import Line, Segment
from ..text.han import is_han

_CN_NUM = "一二三四五六七八九十百零〇两"
LABEL_RE = re.compile(
    r"""^(?:
        \d{1,3}(?:\.\d{1,3})+\.?(?=\s|[^\d\s.])   # 1.1  2.3.4
      | \d{1,3}\s?[.)、．:](?!\d)               # 1.  1)  1、
      | [(（]\s?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4}|[%s]{1,3})\s?[)）]  # (1) （一） (a)
      | [a-zA-Z][.)](?=\s|[^\x00-\x7f])           # a)  b.
      | [ivxIVX]{1,4}[.)](?=\s)                   # iv.
      | [%s]{1,3}\s?[、.．]                       # 一、
      | 第[%s\d]{1,4}[条章节款部分]+              # 第一条
      | [•·●▪◦‣∙○■□◆◇★☆\-\*–—+](?![•·\-\*–—+=~_])(?=\s|[^\x00-\x7f])  # bullets (not "——", "--")
    )\s*"""
    % (_CN_NUM, _CN_NUM, _CN_NUM),
    re.VERBOSE,
)

# a dotted number followed by one of these is a quantity ("1.5 million", "0.5%",
# "3.5 MB", "1.5万"), not a section number ("1.1 Scope", "2.3 个人信息")
_QUANTITY_AFTER_RE = re.compile(
    r"[a-z%‰％万亿倍元]|(?:[KMGTP]i?B|[kMG]?Hz|USD|EUR|GBP|RMB|CNY|HKD|TWD|NT\$|US\$)(?![A-Za-z])"
)
_DOTTED_RE = re.compile(r"\d+(?:\.\d+)+")

# "tcheck: ignore RULE, RULE" at the end of a comment; the names are checked
# by hand after the last "tcheck: ignore", so no regex backtracks over the line
_IGNORE_RE = re.compile(r"tcheck:\s*ignore")
_IGNORE_SEP_RE = re.compile(r"[\s:]+")
_IGNORE_NAMES_RE = re.compile(r"[A-Za-z0-9_,\s-]+")
_COMMENT_LINE_RE = re.compile(r"^\s*(?:#|//|%|;|<!--|/\*)\s*tcheck:\s*ignore\b")
_CJK_PUNCT = "，。、；：？！「」『』（）《》〈〉【】“”‘’…—·"
_WS_RE = re.compile(r"[ \t]+")


def split_label(text: str) -> tuple[str, str]:
    """Split a list label (``1.``, ``a)``, ``•``, ``一、``, ``（一）``, ``1.1``) off ``text``.

    Returns ("", text) when the text does not start with a label; numbers that
    only look like labels ("2024. Something", "1.5 million", "0.5%") are kept.
    """
    m = LABEL_RE.match(text)
    if not m:
        return "", text
    label, rest = text[: m.end()].strip(), text[m.end() :]
    if not rest.strip():
        return "", text  # "2024." alone is not a label
    if _DOTTED_RE.fullmatch(label):
        first = label.split(".")[0]
        if first.startswith("0") or _QUANTITY_AFTER_RE.match(rest.lstrip()):
            return "", text  # a decimal number, not a section number
        if m.end() < len(text) and not text[m.end() - 1].isspace() and text[m.end()].isascii():
            return "", text  # "1.5x", "3.14abc": glued to ASCII, a number
    return label, rest


def starts_item(text: str) -> bool:
    """Does ``text`` begin with a list label?"""
    return bool(LABEL_RE.match(text)) and bool(split_label(text)[0])


def parse_ignore(text: str) -> frozenset[str] | None:
    """Rule ids named by an inline ``tcheck: ignore RULE`` comment (``all`` if none named), else None.

    After the last ``tcheck: ignore`` come blanks or colons, then the names
    (letters, digits, ``_ , -`` and blanks), then an optional ``-->`` or ``*/``.
    """
    last = None
    for last in _IGNORE_RE.finditer(text):
        pass
    if last is None:
        return None
    rest = text[last.end() :]
    for end in ("-->", "*/"):
        if rest.rstrip().endswith(end):
            rest = rest.rstrip()[: -len(end)]
            break
    if rest.strip():
        sep = _IGNORE_SEP_RE.match(rest)
        if sep is None:
            return None  # "ignored", "ignore!"
        rest = rest[sep.group().rfind(":") + 1 or 1 :]  # the names begin after the last colon
        if not rest or not _IGNORE_NAMES_RE.fullmatch(rest):
            return None
    names = [n for n in re.split(r"[\s,]+", rest) if n]
    return frozenset(names or ["all"])


def is_ignore_comment(line: str) -> bool:
    """A plain-text comment line holding ``tcheck: ignore`` (``# …``, ``// …``, ``<!-- …``)."""
    return bool(_COMMENT_LINE_RE.match(line))


def _is_cjk(ch: str) -> bool:
    return is_han(ch) or ch in _CJK_PUNCT


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines: no space between two CJK characters, one otherwise."""
    out: list[str] = []
    last = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if last and not (_is_cjk(last) and _is_cjk(part[0])):
            out.append(" ")
        out.append(part)
        last = part[-1]
    return "".join(out)


def normalize_ws(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u3000", " ").replace("\u200b", "")
    return _WS_RE.sub(" ", text).strip()


def make_lines(src_lines: list[str], start: int, end: int) -> tuple[Line, ...]:
    """Line objects for 1-based lines start..end (inclusive), blank ones skipped."""
    out = []
    for n in range(start, end + 1):
        s = src_lines[n - 1]
        stripped = s.lstrip(" \t\u00a0\u3000")
        if stripped.strip():
            out.append(Line(n, len(s) - len(stripped) + 1, stripped.rstrip()))
    return tuple(out)


def make_segment(lines: tuple[Line, ...], plain: str, kind: str, ignores: frozenset[str]) -> Segment | None:
    """A Segment of ``kind`` with its label split off; None when there is no text."""
    if not lines:
        return None
    plain = normalize_ws(plain)
    label, body = split_label(plain)
    if kind == "paragraph" and label:
        kind = "item"
    body = body.strip()
    if not body and not label:
        return None
    return Segment(
        index=0,
        raw="\n".join(ln.text for ln in lines),
        text=body or label,
        line=lines[0].number,
        end_line=lines[-1].number,
        kind=kind,
        label=label,
        lines=lines,
        ignores=ignores,
    )
