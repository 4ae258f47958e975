"""Template tags and shortcodes (Liquid/Jekyll, Hexo/Nunjucks, Hugo): where they are on a line,
their names, and the line with them blanked. Linear: delimiters are found with ``str.find``."""

from __future__ import annotations

import bisect
import re

# template tags whose content is code (shown verbatim, never translated) or never shown
CODE_TAGS = frozenset(
    {
        "comment",  # {% comment %}…{% endcomment %}: never shown
        "codeblock",
        "code",
        "highlight",
        "raw",
        "verbatim",
        "include_code",
        "include-code",
        "backtick_codeblock",
        "jsfiddle",
        "gist",
        "iframe",
        "output",
        "terminal",
    }
)
_TAG_NAME_RE = re.compile(r"[ \t]*(/?[A-Za-z_][\w-]*)")
_QUOTED_RE = re.compile(r"""["']([^"'\n]*)["']""")
_NOTE_CLASSES = frozenset("default primary success info warning warn danger error tip note no-icon flat simple".split())


def _note_title(line: str) -> tuple[int, int] | None:
    """(start, end) of the title of a Hexo ``{% note [class] [no-icon] Title %}`` tag, or None."""
    a = line.find("{%")
    b = line.find("%}", a + 2)
    if a < 0 or b < 0:
        return None
    k = line.find("note", a + 2) + 4
    # skip the class words
    while True:
        while k < b and line[k] in " \t":
            k += 1
        j = k
        while j < b and line[j] not in " \t":
            j += 1
        if k < b and line[k:j].lower() in _NOTE_CLASSES:
            k = j
            continue
        break
    end = b
    while end > k and line[end - 1] in " \t-":
        end -= 1
    if end - k >= 2 and line[k] in "\"'" and line[end - 1] == line[k]:
        k, end = k + 1, end - 1
    return (k, end) if end > k and line[k:end].strip() else None


def _tag_names(line: str) -> list[str]:
    """Names of the ``{% name … %}`` tags and Hugo shortcodes (``{{< name >}}``) in ``line``;
    a Hugo closer ``{{< /name >}}`` is named ``endname`` like a Liquid one."""
    out = []
    for opener in ("{%", "{{<", "{{%"):
        i = 0
        while True:
            j = line.find(opener, i)
            if j < 0:
                break
            k = j + len(opener)
            if k < len(line) and line[k] == "-":  # "{%- tag -%}"
                k += 1
            m = _TAG_NAME_RE.match(line, k)
            if m:
                name = m.group(1)
                out.append("end" + name[1:] if name.startswith("/") else name)
            i = j + len(opener)
    return out


def _closer_lines(lines: list[str]) -> dict[str, list[int]]:
    """For every ``end…`` tag name, the (sorted) line indices where it occurs."""
    out: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        if "{%" in line or "{{" in line:
            for name in _tag_names(line):
                if name.startswith("end"):
                    out.setdefault(name, []).append(k)
    return out


def _has_closer(closers: dict[str, list[int]], start: int, closer: str) -> bool:
    found = closers.get(closer)
    return bool(found) and found[-1] >= start


def _template_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of every closed ``{% … %}`` / ``{{ … }}`` in ``line`` (left to right, not nested)."""
    out, i = [], 0
    n = len(line)
    nxt = {"{%": -2, "{{": -2}  # cached next position of each opener (-2: unknown, -1: none left)
    missing = set()  # closers absent from the rest of the line
    while i < n - 1:
        for op in nxt:
            if nxt[op] == -2 or (0 <= nxt[op] < i):
                nxt[op] = line.find(op, i)
        cands = [x for x in nxt.values() if x >= 0]
        if not cands:
            break
        j = min(cands)
        closer = "%}" if line.startswith("{%", j) else "}}"
        k = -1 if closer in missing else line.find(closer, j + 2)
        if k < 0:  # no closer further on: this opener cannot start a tag any more
            missing.add(closer)
            nxt["{%" if closer == "%}" else "{{"] = -1
            i = j + 1
            continue
        end = k + 2
        while end < n and line[end] == "}" and closer == "}}":  # "{{ {a: 1} }}"
            end += 1
        out.append((j, end))
        i = end
    return out


def only_templates(text: str) -> bool:
    """Is ``text`` (one line) nothing but template tags and blanks? A stray closer left by a typo
    (``{% note warn "Warning!" %} %}``) counts as part of the tags."""
    spans = _template_spans(text)
    if not spans:
        return False
    pos = 0
    for a, b in spans:
        if _stray(text[pos:a]):
            return False
        pos = b
    return not _stray(text[pos:])


def _stray(gap: str) -> bool:
    """Does ``gap`` hold anything but blanks and stray template closers?"""
    return bool(gap.strip()) and bool(gap.replace("%}", "").replace("}}", "").strip())


def blank_edge_templates(line: str) -> str:
    """``line`` with the template tags that open or close it (``{% note warn %} Text``) blanked in place.

    Tags between two words stay: blanks there would read as a stray space
    between two Chinese characters. markdown-it's text drops them anyway
    (:func:`.inline.strip_templates`).
    """
    spans = _template_spans(line)
    if not spans:
        return line
    out = list(line)
    pos = 0
    for a, b in spans:  # leading tags
        if line[pos:a].strip():
            break
        out[a:b] = " " * (b - a)
        pos = b
    end = len(line)
    for a, b in reversed(spans):  # trailing tags
        if line[b:end].strip() or a < pos:
            break
        out[a:b] = " " * (b - a)
        end = a
    return "".join(out)


def blank_templates(line: str, keep_text: bool = True) -> str:
    """``line`` with every template tag replaced by blanks of the same length.

    With ``keep_text``, a ``{{macro(…, "shown")}}`` keeps the text it shows
    (its last quoted argument) at its place. Inline code spans are left
    alone (tldr-pages writes ``{{placeholder}}`` inside commands).
    """
    spans = _template_spans(line)
    if not spans:
        return line
    code = _code_ranges(line)
    starts = [c0 for c0, _ in code]
    out = list(line)
    for a, b in spans:
        k = bisect.bisect_right(starts, a) - 1
        if k >= 0 and a < code[k][1]:
            continue
        shown = None
        if keep_text and line.startswith("{{", a):
            inner = line[a + 2 : b - 2]
            args = list(_QUOTED_RE.finditer(inner))
            if args and inner[:1] not in "<%":
                shown = (a + 2 + args[-1].start(1), a + 2 + args[-1].end(1))
        for k in range(a, b):
            if shown is None or not (shown[0] <= k < shown[1]):
                out[k] = " "
    return "".join(out)


def _code_ranges(line: str) -> list[tuple[int, int]]:
    """(start, end) of inline code spans (single backtick runs matched by length)."""
    out, i = [], 0
    n = len(line)
    missing: set[int] = set()  # run lengths with no closer further on
    while i < n:
        j = line.find("`", i)
        if j < 0:
            break
        k = j
        while k < n and line[k] == "`":
            k += 1
        run = line[j:k]
        close = -1 if len(run) in missing else _run_closer(line, run, k)
        if close < 0:
            missing.add(len(run))
            i = k
            continue
        out.append((j, close + len(run)))
        i = close + len(run)
    return out


def _run_closer(line: str, run: str, k: int) -> int:
    """Start of the next backtick run exactly as long as ``run`` from ``k``; -1 when none."""
    n = len(line)
    while True:
        close = line.find(run, k)
        if close < 0:
            return -1
        end = close + len(run)
        while end < n and line[end] == "`":
            end += 1
        if end - close == len(run):
            return close
        k = end
