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

The pieces live in :mod:`.template_tags` (tags, shortcodes) and :mod:`.mdx`
(import/export, JSX, admonitions); this module walks the lines.

Everything here is linear in the input: delimiters are found with
``str.find``, and the few regexes have no nested quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .mdx import (
    _ADMONITION_RE,
    _EXPORT_RE,
    MAX_TAG_LINES,
    _admonition_title,
    _dedent_jsx_children,
    _depth_change,
    _ends_import,
    _is_import,
    _jsx_only,
    _opens_multiline_jsx,
    strip_jsx,
)
from .template_tags import (
    CODE_TAGS,
    _closer_lines,
    _has_closer,
    _note_title,
    _tag_names,
    blank_edge_templates,
    only_templates,
)

__all__ = ["Prepared", "prepare", "blank_edge_templates", "only_templates", "strip_jsx"]

_FENCE_RE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_TITLE_PROP_RE = re.compile(r"""(?<![\w-])title=(?:"([^"\n]*)"|'([^'\n]*)')""")


@dataclass
class Prepared:
    parse: str  # the text markdown-it reads
    source: list[str]  # source lines for segments (template tags blanked in place)
    code_lines: int = 0  # lines blanked as code (template code blocks)
    markup_lines: int = 0  # lines blanked as markup (imports, tags, fences)


def prepare(text: str) -> Prepared:
    """``text`` with non-prose markup removed; see the module docstring."""
    return _Scan(text).run()


class _Scan:
    """One pass over the lines; each ``_…`` step handles line ``i`` and returns the next line to read."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.parse = list(self.lines)
        self.source = list(self.lines)
        self.out = Prepared("", self.source)
        self.fence = ""  # the open code fence ("```", "~~~~"), "" when outside code
        self.code_until = ""  # the end tag of an open template code block ("endcodeblock")
        self.jsx_open = 0  # lines left in a JSX opening tag spread over several lines
        self.in_export = False
        self.closers: dict[str, list[int]] | None = None
        self.jsx_depth: dict[int, int] = {}  # JSX-only line -> elements it opens (+) or closes (-)

    def run(self) -> Prepared:
        i = 0
        while i < len(self.lines):
            i = self._line(i)
        if self.jsx_depth:
            _dedent_jsx_children(self.parse, self.jsx_depth)
        self.out.parse = "\n".join(self.parse)
        return self.out

    def _line(self, i: int) -> int:
        line = self.lines[i]
        stripped = line.strip()
        if self.fence:
            if stripped.startswith(self.fence) and not stripped.strip(self.fence[0]):
                self.fence = ""
            return i + 1
        if self.code_until:
            if _tag_names(stripped) and self.code_until in _tag_names(stripped):
                self.code_until = ""
            self._blank(i)
            self.out.code_lines += 1
            return i + 1
        if self.jsx_open:
            self._markup(i, line)
            self.jsx_open = 0 if stripped.endswith(">") else self.jsx_open - 1
            if not self.jsx_open and not stripped.endswith("/>"):
                self.jsx_depth[i] = 1
            return i + 1
        if self.in_export:
            if not stripped:
                self.in_export = False
            else:
                self._blank(i)
                self.out.markup_lines += 1
            return i + 1
        m = _FENCE_RE.match(line)
        if m:
            self.fence = m.group(1)
            return i + 1
        if not stripped:
            return i + 1
        return self._markup_line(i, line, stripped)

    def _markup_line(self, i: int, line: str, stripped: str) -> int:
        # MDX import / export statements (a multi-line import ends at its "from '…'")
        if _is_import(stripped):
            return self._import(i)
        if _EXPORT_RE.match(stripped):
            self._blank(i)
            self.out.markup_lines += 1
            self.in_export = not stripped.endswith(";") and stripped.count("{") > stripped.count("}")
            return i + 1
        # admonition fences: ":::note", ":::tip[Title]", ":::warning Title", ":::"
        am = _ADMONITION_RE.match(line)
        if am:
            title = _admonition_title(line, am.end())
            if title:
                self._heading(i, line, *title)
            else:
                self._blank(i)
            self.out.markup_lines += 1
            return i + 1
        if ("{%" in stripped or "{{" in stripped) and self._template_line(i, line, stripped):
            return i + 1
        # JSX: a line of tags only is markup; a tag spread over lines is markup to its ">"
        if "<" in stripped:
            if stripped.startswith("<") and _jsx_only(stripped):
                self.jsx_depth[i] = _depth_change(stripped)
                self._markup(i, line)
            elif _opens_multiline_jsx(stripped):
                self._markup(i, line)
                self.jsx_open = MAX_TAG_LINES
            else:
                self.parse[i] = strip_jsx(self.parse[i])
        return i + 1

    def _import(self, i: int) -> int:
        lines, n = self.lines, len(self.lines)
        j = i
        while j < n and j - i < MAX_TAG_LINES and not _ends_import(lines[j], j == i):
            j += 1
        for k in range(i, min(j, n - 1) + 1):
            self._blank(k)
            self.out.markup_lines += 1
        return min(j, n - 1) + 1

    def _template_line(self, i: int, line: str, stripped: str) -> bool:
        """A line that is only template tags is markup (True); a code tag opens a code block.
        Otherwise the tags at the line's edges are blanked in its source (False)."""
        names = _tag_names(stripped)
        opener = next((nm for nm in names if nm in CODE_TAGS), "")
        if not only_templates(stripped):
            self.source[i] = blank_edge_templates(line)
            return False
        self._blank(i)
        self.out.markup_lines += 1
        closed = opener and f"end{opener}" in names
        if self.closers is None:
            self.closers = _closer_lines(self.lines)
        if opener and not closed and _has_closer(self.closers, i + 1, f"end{opener}"):
            self.code_until = f"end{opener}"
        title = _note_title(line) if names[:1] == ["note"] else None
        if title:  # {% note info Title %}: the title is shown, as an admonition's
            self._heading(i, line, *title)
        return True

    def _markup(self, i: int, line: str) -> None:
        """Blank a JSX tag line, keeping a title it shows."""
        self._blank(i)
        self._shown_prop(i, line)
        self.out.markup_lines += 1

    def _shown_prop(self, i: int, line: str) -> None:
        """A component's ``title="…"`` (``<Card title="Take a guided tour">``, ``<Aside title="提示">``) is
        text a reader sees: it becomes a heading on the tag's line, with its source columns."""
        m = _TITLE_PROP_RE.search(line)
        if not m:
            return
        start, end = m.span(1) if m.group(1) is not None else m.span(2)
        value = line[start:end]
        if not value.strip() or not any(ch.isalpha() for ch in value):
            return
        self._heading(i, line, start, end)

    def _heading(self, i: int, line: str, start: int, end: int) -> None:
        """``line[start:end]`` becomes a heading (in its list item's indentation), at its source columns."""
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        self.parse[i] = indent + "###### " + line[start:end]
        self.source[i] = " " * start + line[start:end]

    def _blank(self, i: int) -> None:
        self.parse[i] = ""
        self.source[i] = ""
