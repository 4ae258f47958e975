"""Site-generator markup that is not prose, removed before Markdown is parsed.

Documentation sites wrap their text in template and component syntax that a
reader never sees: Liquid/Jekyll and Hexo/Nunjucks tags (``{% note %}``,
``{% codeblock %}…{% endcodeblock %}``, ``{% raw %}``), Hugo shortcodes
(``{{< ref >}}``, ``{{% notice %}}``), Docusaurus/Starlight admonition fences
(``:::note`` … ``:::``), MDX ``import``/``export`` lines and JSX components
(``<Steps>``, ``<Tabs>``, ``<Aside type="tip">``, ``<Release.Provider>``,
``<Foo bar="x" />``). :func:`prepare` rewrites a Markdown text line by line
so that markdown-it sees only what a reader would:

* lines that are only markup are blanked (``import …``, a tag alone on its
  line, a JSX opening tag spread over several lines, an admonition fence);
* code-bearing template blocks (``{% codeblock %}``, ``{% highlight %}``,
  ``{% raw %}`` alone on a line) are blanked with their content, like fenced
  code;
* an admonition title (``:::warning[Keep a deposit]``) becomes a heading;
* template tags that open or close a line (``{% note warn %} Text``) become
  blanks of the same length in the source lines; inline, markdown-it's text
  drops them (:func:`.inline.strip_templates`); JSX tags are dropped from
  the text markdown-it parses (their children stay).

Two texts come out, both with the input's line count: ``parse`` (what
markdown-it reads) and ``source`` (the lines segments point into: the input
with template tags blanked in place, so columns stay valid and the
single-version rules, which read source lines, never see ``{% … %}``).

Everything here is linear in the input: delimiters are found with
``str.find``, and the few regexes have no nested quantifiers.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

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
_FENCE_RE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_ADMONITION_RE = re.compile(r"[ \t]*:{3,}(?:[ \t]*[A-Za-z][\w-]*)?")
_IMPORT_START_RE = re.compile(r"import(?:\s+[\w*{$]|\s*[{'\"])")
_FROM_RE = re.compile(r"\sfrom\s*['\"]")
_EXPORT_RE = re.compile(r"export\s+(?:default\s+|const\s+|let\s+|var\s+|function\s+|async\s+|\{|\*)")
# a JSX element name: Capitalised (<Steps>, <TabItem>) or dotted (<Release.Provider>)
_JSX_NAME_RE = re.compile(r"[A-Z][\w]*(?:\.[\w]+)*|[a-z][\w]*(?:\.[\w]+)+")
_TAG_NAME_RE = re.compile(r"[ \t]*(/?[A-Za-z_][\w-]*)")
_TITLE_PROP_RE = re.compile(r"""(?<![\w-])title=(?:"([^"\n]*)"|'([^'\n]*)')""")
_QUOTED_RE = re.compile(r"""["']([^"'\n]*)["']""")
MAX_TAG_LINES = 60  # a JSX opening tag spread over more lines than this is not one
MAX_TAG_CHARS = 2000  # a one-line JSX tag longer than this is kept as text
MAX_LONG_MISSES = 20  # tag scans per line allowed to run to MAX_TAG_CHARS without finding a ">"


@dataclass
class Prepared:
    parse: str  # the text markdown-it reads
    source: list[str]  # source lines for segments (template tags blanked in place)
    code_lines: int = 0  # lines blanked as code (template code blocks)
    markup_lines: int = 0  # lines blanked as markup (imports, tags, fences)


def prepare(text: str) -> Prepared:
    """``text`` with non-prose markup removed; see the module docstring."""
    lines = text.split("\n")
    parse = list(lines)
    source = list(lines)
    out = Prepared("", source)
    fence = ""  # the open code fence ("```", "~~~~"), "" when outside code
    code_until = ""  # the end tag of an open template code block ("endcodeblock")
    jsx_open = 0  # lines left in a JSX opening tag spread over several lines
    in_export = False
    closers = None
    jsx_depth: dict[int, int] = {}  # JSX-only line -> elements it opens (+) or closes (-)
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            i += 1
            continue
        if code_until:
            if _tag_names(stripped) and code_until in _tag_names(stripped):
                code_until = ""
            _blank(parse, source, i)
            out.code_lines += 1
            i += 1
            continue
        if jsx_open:
            _blank(parse, source, i)
            _shown_prop(line, parse, source, i)
            out.markup_lines += 1
            jsx_open = 0 if stripped.endswith(">") else jsx_open - 1
            if not jsx_open and not stripped.endswith("/>"):
                jsx_depth[i] = 1
            i += 1
            continue
        if in_export:
            if not stripped:
                in_export = False
            else:
                _blank(parse, source, i)
                out.markup_lines += 1
            i += 1
            continue
        m = _FENCE_RE.match(line)
        if m:
            fence = m.group(1)
            i += 1
            continue
        if not stripped:
            i += 1
            continue
        # MDX import / export statements (a multi-line import ends at its "from '…'")
        if _is_import(stripped):
            j = i
            while j < n and j - i < MAX_TAG_LINES and not _ends_import(lines[j], j == i):
                j += 1
            for k in range(i, min(j, n - 1) + 1):
                _blank(parse, source, k)
                out.markup_lines += 1
            i = min(j, n - 1) + 1
            continue
        if _EXPORT_RE.match(stripped):
            _blank(parse, source, i)
            out.markup_lines += 1
            in_export = not stripped.endswith(";") and stripped.count("{") > stripped.count("}")
            i += 1
            continue
        # admonition fences: ":::note", ":::tip[Title]", ":::warning Title", ":::"
        am = _ADMONITION_RE.match(line)
        if am:
            title = _admonition_title(line, am.end())
            if title:
                start, end = title
                indent = line[: len(line) - len(line.lstrip(" \t"))]  # stays inside its list item
                parse[i] = indent + "###### " + line[start:end]
                source[i] = " " * start + line[start:end]
            else:
                _blank(parse, source, i)
            out.markup_lines += 1
            i += 1
            continue
        # template tags: a line that is only tags is markup; a code tag opens a code block
        if "{%" in stripped or "{{" in stripped:
            names = _tag_names(stripped)
            opener = next((nm for nm in names if nm in CODE_TAGS), "")
            if only_templates(stripped):
                _blank(parse, source, i)
                out.markup_lines += 1
                closed = opener and f"end{opener}" in names
                if closers is None:
                    closers = _closer_lines(lines)
                if opener and not closed and _has_closer(closers, i + 1, f"end{opener}"):
                    code_until = f"end{opener}"
                title = _note_title(line) if names[:1] == ["note"] else None
                if title:  # {% note info Title %}: the title is shown, as an admonition's
                    start, end = title
                    indent = line[: len(line) - len(line.lstrip(" \t"))]
                    parse[i] = indent + "###### " + line[start:end]
                    source[i] = " " * start + line[start:end]
                i += 1
                continue
            source[i] = blank_edge_templates(line)
        # JSX: a line of tags only is markup; a tag spread over lines is markup to its ">"
        if "<" in stripped:
            if stripped.startswith("<") and _jsx_only(stripped):
                jsx_depth[i] = _depth_change(stripped)
                _blank(parse, source, i)
                _shown_prop(line, parse, source, i)
                out.markup_lines += 1
                i += 1
                continue
            if _opens_multiline_jsx(stripped):
                _blank(parse, source, i)
                _shown_prop(line, parse, source, i)
                out.markup_lines += 1
                jsx_open = MAX_TAG_LINES
                i += 1
                continue
            parse[i] = strip_jsx(parse[i])
        i += 1
    if jsx_depth:
        _dedent_jsx_children(parse, jsx_depth)
    out.parse = "\n".join(parse)
    return out


def _shown_prop(line: str, parse: list[str], source: list[str], i: int) -> None:
    """A component's ``title="…"`` (``<Card title="Take a guided tour">``, ``<Aside title="提示">``) is
    text a reader sees: it becomes a heading on the tag's line, with its source columns."""
    m = _TITLE_PROP_RE.search(line)
    if not m:
        return
    start, end = m.span(1) if m.group(1) is not None else m.span(2)
    value = line[start:end]
    if not value.strip() or not any(ch.isalpha() for ch in value):
        return
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    parse[i] = indent + "###### " + value
    source[i] = " " * start + value


def _depth_change(line: str) -> int:
    d = 0
    for _a, b, _name, closing in _jsx_tags(line):
        if closing:
            d -= 1
        elif line[b - 2 : b] != "/>":
            d += 1
    return d


def _dedent_jsx_children(parse: list[str], jsx_depth: dict[int, int]) -> None:
    """Unindent the children of JSX elements, as MDX does: indented text inside ``<Card>`` is
    prose, not an indented code block (MDX has none), and an indented fence stays a fence."""
    stack: list[int] = []  # per open element: indentation of its first child line (-1: not seen)
    for i, line in enumerate(parse):
        d = jsx_depth.get(i)
        if d is not None:
            if d > 0:
                stack.extend([-1] * min(d, MAX_TAG_LINES))
            elif d < 0:
                del stack[max(0, len(stack) + d) :]
            continue
        if not stack or not line.strip():
            continue
        ind = len(line) - len(line.lstrip(" \t"))
        if stack[-1] < 0:
            stack[-1] = ind
        k = min(ind, stack[-1])
        if k:
            parse[i] = line[k:]


def _blank(parse: list[str], source: list[str], i: int) -> None:
    parse[i] = ""
    source[i] = ""


def _is_import(s: str) -> bool:
    """An MDX/ES ``import`` statement's first line (``import X from '…'``, ``import '…'``, ``import {``)."""
    if not _IMPORT_START_RE.match(s):
        return False
    rest = s[6:].lstrip()
    return rest[:1] in "'\"" or bool(_FROM_RE.search(s)) or s.rstrip(";").rstrip().endswith(("{", ","))


def _ends_import(line: str, first: bool) -> bool:
    s = line.strip()
    if first:
        return not s.rstrip(";").rstrip().endswith(("{", ","))
    return bool(_FROM_RE.search(" " + s)) or s.endswith(";") or s.startswith("}")


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


def _admonition_title(line: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of an admonition's title in ``line`` (``[Title]`` or text after the type), or None."""
    rest = line[pos:]
    body = rest.strip()
    if not body:
        return None
    start = pos + (len(rest) - len(rest.lstrip()))
    end = pos + len(rest.rstrip())
    if line[start] == "[" and line[end - 1] in "]］":
        start, end = start + 1, end - 1
    elif line[start] == "{":
        return None  # ":::note{.class}" attributes only
    while start < end and line[start] == " ":
        start += 1
    return (start, end) if start < end else None


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


# ---------------------------------------------------------------------------
# JSX


def _jsx_tags(text: str, start: int = 0):
    """Yield (start, end, name, closing) for every JSX tag in ``text`` from ``start``.

    A tag is ``<Name …>``, ``</Name>`` or ``<Name … />`` on one line, Name
    Capitalised or dotted; a ``>`` inside quotes or braces does not end it.
    """
    i = start
    n = len(text)
    long_misses = 0
    while True:
        j = text.find("<", i)
        if j < 0 or j + 1 >= n:
            return
        k = j + 1
        closing = text[k] == "/"
        if closing:
            k += 1
        m = _JSX_NAME_RE.match(text, k)
        if not m or (m.end() < n and text[m.end()] not in " \t/>"):
            i = j + 1
            continue
        end = _tag_end(text, m.end())
        if end < 0:
            if end == -2:
                long_misses += 1
                if long_misses > MAX_LONG_MISSES:
                    return
            i = j + 1
            continue
        yield j, end, m.group(), closing
        i = end


def _tag_end(text: str, k: int) -> int:
    """Index after the ``>`` closing a tag whose attributes start at ``k``; -1 when a ``<``
    comes first, -2 when the line or ``MAX_TAG_CHARS`` ends first."""
    quote = ""
    depth = 0
    n = min(len(text), k + MAX_TAG_CHARS)
    while k < n:
        c = text[k]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'`":
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif c == ">" and not depth:
            return k + 1
        elif c == "<" and not depth:
            return -1
        k += 1
    return -2


def _jsx_only(line: str) -> bool:
    """Is ``line`` only JSX tags (and blanks)?"""
    pos = 0
    seen = False
    for a, b, _name, _closing in _jsx_tags(line):
        if line[pos:a].strip():
            return False
        pos = b
        seen = True
    return seen and not line[pos:].strip()


def _opens_multiline_jsx(line: str) -> bool:
    """``<Card`` or ``<Tabs syncKey="x"`` with no ``>`` on the line: an opening tag spread over lines."""
    if not line.startswith("<") or len(line) < 2:
        return False
    m = _JSX_NAME_RE.match(line, 1)
    if not m or (m.end() < len(line) and line[m.end()] not in " \t"):
        return False
    return _tag_end(line, m.end()) == -2 and line.count("<") == 1


def strip_jsx(line: str) -> str:
    """``line`` without its JSX tags (their text children stay)."""
    if "<" not in line:
        return line
    code = _code_ranges(line) if "`" in line else []
    starts = [c0 for c0, _ in code]
    out, pos = [], 0
    for a, b, _name, _closing in _jsx_tags(line):
        k = bisect.bisect_right(starts, a) - 1
        if k >= 0 and a < code[k][1]:
            continue  # `<Steps>` written as code is text
        out.append(line[pos:a])
        pos = b
    if not pos:
        return line
    out.append(line[pos:])
    return "".join(out)
