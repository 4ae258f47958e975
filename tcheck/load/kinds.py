"""What a segment is: prose, a heading, a list item, a table row, code, a link list or markup.

The loader gives every :class:`~tcheck.model.Segment` a ``kind``:

========== =====================================================================
paragraph  prose
heading    a heading (Markdown ``#``, a short title line in plain text, ``<h1>``)
item       a list item (its label in ``Segment.label``)
table      a table row (cells joined by `` | ``) or an HTML table cell
code       code in the text flow: a paragraph that is only an inline code span
           (tldr-pages commands), checksum and hash lines (``SHA256: 3f…``,
           ``size: 12345``), file listings (lines of file names, archive names
           and URLs only), code comments and statements left outside a fence
linklist   a paragraph or list item whose visible text is only links
meta       text that comes from markup rather than from the body (an HTML
           ``<title>``)
========== =====================================================================

Fenced and indented code, template code blocks (``{% codeblock %}``,
``{% highlight %}``, ``{% raw %}``), HTML ``<pre>``/``<script>``/``<style>``,
MDX ``import``/``export`` lines, JSX-only lines and admonition fences are not
segments at all (see :mod:`.templates`): they render no translatable text.

:func:`reads` says whether a rule reads a segment of a kind (:data:`SKIPS`);
the pipeline drops a finding whose segment is of a kind its rule does not
read, so a rule that has not looked at kinds yet still never reports code.

Every check here is linear: token tests with ``str`` methods and regexes
without nested quantifiers.
"""

from __future__ import annotations

import re

from ..langs import AUTONYMS
from ..model import Segment
from ..text.han import has_han
from .inline import strip_attr_lists

PROSE = "paragraph"
HEADING = "heading"
ITEM = "item"
TABLE = "table"
CODE = "code"
LINKLIST = "linklist"
META = "meta"
KINDS = (PROSE, HEADING, ITEM, TABLE, CODE, LINKLIST, META)
#: kinds whose text a translator writes as sentences
PROSE_KINDS = frozenset({PROSE, HEADING, ITEM, TABLE})

#: rule id -> kinds the rule does not read (a rule not named here reads every kind but code and meta)
SKIPS: dict[str, frozenset[str]] = {
    "missing-paragraph": frozenset({CODE, META}),
    "semantic-drift": frozenset({CODE, LINKLIST, META}),
    "odd-version": frozenset({CODE, LINKLIST, META}),
    "entity-mismatch": frozenset({CODE, LINKLIST, META}),
    "name-variant": frozenset({CODE, LINKLIST, META}),
    "number-mismatch": frozenset({CODE, LINKLIST, META}),
    "link-mismatch": frozenset({CODE}),
    "untranslated": frozenset({CODE, META}),
    "script-mix": frozenset({CODE, META}),
    "hans-hant-divergence": frozenset({CODE, META}),
    "duplicate-paragraph": frozenset({CODE, LINKLIST, META, HEADING}),
    "broken-spacing": frozenset({CODE, META}),
    "glossary-violation": frozenset({CODE, META}),
    "regional-vocabulary": frozenset({CODE, META}),
    "missing-sentence": frozenset({CODE, LINKLIST, META}),
    "meaning-flip": frozenset({CODE, LINKLIST, META}),
    "stale-translation": frozenset({CODE, META}),
}
_DEFAULT_SKIPS = frozenset({CODE, META})


def reads(rule_id: str, kind: str) -> bool:
    """Does rule ``rule_id`` read segments of ``kind``?"""
    return kind not in SKIPS.get(rule_id, _DEFAULT_SKIPS)


def is_prose(seg: Segment) -> bool:
    return seg.kind in PROSE_KINDS


# ---------------------------------------------------------------------------
# classification

_HEX_RE = re.compile(r"[0-9a-fA-F]{32,128}")
_HASH_LABEL_RE = re.compile(
    r"(?:sha-?(?:1|224|256|384|512)|md5|size|sha3-\d+|blake2b?|crc32|checksum)(?:sum)?s?:?", re.IGNORECASE
)
_NUMBER_RE = re.compile(r"[\d.,]+(?:[kKMG]i?B|B|bytes?)?")
_URL_RE = re.compile(r"(?:https?|ftp)://\S+|www\.\S+", re.IGNORECASE)
_FILE_EXTS = frozenset(
    "gz tgz bz2 tbz xz txz zip 7z rar tar zst lz lzma msi exe dmg pkg deb rpm apk appimage iso img bin jar war whl "
    "asc sig sha256 sha1 md5 txt pdf sum sums".split()
)
_FILE_RE = re.compile(r"[\w.+~-]+\.[A-Za-z0-9]{1,9}")
_MD_LINK_RE = re.compile(r"!?\[[^\[\]\n]*\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)|\[[^\[\]\n]*\]\[[^\[\]\n]*\]")
_AUTOLINK_RE = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>", re.IGNORECASE)
_HTML_A_RE = re.compile(r"<a\s[^<>]*>[^<]*</a>", re.IGNORECASE)
_LINK_SEPARATORS = set(" \t|·•,，、/;；:：-–—()（）[]*_→»›.。")
_COMMENT_STARTS = ("//", "/*", "*/", "#!", "<!--")
_CODE_ENDS = (";", "{", "}", ");", "})", "=>", "};", "),")
_CODE_WORD_RE = re.compile(r"[=(){}\[\];]")
_CODE_TOKEN_RE = re.compile(r"\w[.(]\w|\w\(|\)\s*[;{]|\s=\s|=>|\w\s*=\s*\S")  # a.b  f(  ) {  x = y
_LABEL_WORDS = frozenset("sha1 sha256 sha512 md5 size checksum file files download sha-256 sha-1".split())


def assign_kinds(segs: list[Segment]) -> None:
    """Give every segment its kind (:func:`classify`); a language switcher (two or more language
    names in one segment, or a run of segments that are one language name each) is ``meta``.

    A code segment keeps its comparison text (placeholders such as ``{{path/to/file}}`` dropped,
    so ``cat`` aligns with ``cat`` whatever the placeholder's language); ``raw`` has it as written."""
    names = [language_names(s.text) for s in segs]
    for k, seg in enumerate(segs):
        n = names[k]
        if n >= 2 or (n == 1 and ((k and names[k - 1] == 1) or (k + 1 < len(segs) and names[k + 1] == 1))):
            seg.kind = META
            continue
        seg.kind = classify(seg)


def classify(seg: Segment) -> str:
    """The kind ``seg`` should have: its own kind, or code / linklist when its text is that."""
    lines = [_no_attrs(ln.text) for ln in seg.lines] or [seg.raw or seg.text]
    if seg.kind == HEADING:
        # a Markdown heading stays one; a short plain-text or HTML line read as a title may be a file name
        if lines[0].startswith("#") or not _hash_or_files(lines):
            return seg.kind
        return CODE
    if seg.kind not in (PROSE, ITEM, TABLE):
        return seg.kind
    if seg.kind == TABLE:  # a row of a download or checksum table
        return CODE if _hash_line(seg.text) or (_has_file(seg.text) and _file_line(seg.text)) else seg.kind
    if _only_inline_code(seg):
        return CODE
    if _only_links("\n".join(lines)):
        return LINKLIST
    if _hash_or_files(lines) or (_code_line(lines[-1]) and all(_code_line(ln) for ln in _body_lines(seg))):
        return CODE
    return seg.kind


def _no_attrs(line: str) -> str:
    return strip_attr_lists(line) if "{" in line else line


def _wordy(line: str) -> bool:
    """Three or more plain words: a sentence, never a hash, file or code line (a quick test first)."""
    n = 0
    for t in line.split():
        if t.isalpha() and len(t) > 1 and t.lower() not in _LABEL_WORDS:
            n += 1
            if n >= 3:
                return True
    return False


def _hash_or_files(lines: list[str]) -> bool:
    """Checksum, hash and size lines, file names, archive names and URLs, and nothing else."""
    if any(_wordy(ln) for ln in lines):
        return False
    hashes = [_hash_line(ln) for ln in lines]
    return all(h or _file_line(ln) for h, ln in zip(hashes, lines)) and any(
        h or _has_file(ln) for h, ln in zip(hashes, lines)
    )


def _body_lines(seg: Segment) -> list[str]:
    lines = [_no_attrs(ln.text) for ln in seg.lines] or [seg.raw]
    if seg.label and lines and lines[0].lstrip().startswith(seg.label):
        lines[0] = lines[0].lstrip()[len(seg.label) :]
    elif lines and lines[0][:2] in ("- ", "* ", "+ "):
        lines[0] = lines[0][2:]
    return lines


def _only_inline_code(seg: Segment) -> bool:
    """The segment's source is one or more inline code spans and punctuation only."""
    if "`" not in seg.raw:
        return False
    body = "\n".join(_body_lines(seg)).strip()
    if not body.startswith("`"):
        return False
    from .template_tags import _code_ranges

    rest = []
    pos = 0
    for a, b in _code_ranges(body):
        rest.append(body[pos:a])
        pos = b
    if not pos:
        return False
    rest.append(body[pos:])
    left = "".join(rest)
    return not any(ch.isalnum() for ch in left)


def _tokens(line: str) -> list[str]:
    return line.replace("|", " ").replace("\t", " ").split()


def _hash_line(line: str) -> bool:
    """``3f2a…e9  node-v20.tar.gz``, ``SHA256: 3f2a…``, ``size: 12345``: a checksum, hash or size line."""
    toks = [t.strip("`*_,;()[]") for t in _tokens(_strip_item(line))]
    toks = [t for t in toks if t]
    if not toks:
        return False
    has_hash = False
    has_size_label = False
    for t in toks:
        if _HEX_RE.fullmatch(t) and len(t) in (32, 40, 56, 64, 96, 128):
            has_hash = True
        elif _HASH_LABEL_RE.fullmatch(t):
            has_size_label = has_size_label or t.lower().startswith("size")
        elif (
            t.lower() in _FILE_LINE_WORDS
            or not t.strip("|-:=+")
            or _NUMBER_RE.fullmatch(t)
            or _FILE_RE.fullmatch(t)
            or _URL_RE.fullmatch(t)
            or t in ("*", "-", "=", ":", "bytes", "B")
        ):
            continue
        else:
            return False
    return has_hash or (has_size_label and any(_NUMBER_RE.fullmatch(t) and any(c.isdigit() for c in t) for t in toks))


def _strip_item(line: str) -> str:
    s = line.strip()
    if s[:2] in ("- ", "* ", "+ "):
        s = s[2:]
    return s


def _is_file(tok: str) -> bool:
    tok = tok.strip("`*_,;()[]<>\"'")
    if _URL_RE.fullmatch(tok):
        return True
    if "/" in tok:
        tok = tok.rstrip("/").rsplit("/", 1)[-1]
    if not _FILE_RE.fullmatch(tok):
        return False
    ext = tok.rsplit(".", 1)[-1].lower()
    return ext in _FILE_EXTS


def _file_line(line: str) -> bool:
    """A line of file names, archive names, URLs, sizes and version numbers only."""
    toks = _tokens(_strip_md_links(_strip_item(line)))
    if not toks:
        return False
    for t in toks:
        s = t.strip("`*_,;()[]<>\"'")
        if not s or _is_file(s) or _NUMBER_RE.fullmatch(s) or s.lower().rstrip(":") in _LABEL_WORDS:
            continue
        if s.lower() in _FILE_LINE_WORDS or (t.startswith("<") and t.endswith(">")) or not t.strip("|-:=+"):
            continue
        return False
    return True


_FILE_LINE_WORDS = frozenset("- – — | / · • bytes b kb mb gb kib mib gib br".split())


def _has_file(line: str) -> bool:
    return any(_is_file(t) for t in _tokens(_strip_md_links(line)))


def _strip_md_links(line: str) -> str:
    """Markdown links replaced by their text, or by the file they download
    (``[Ruby 3.3.0](…/ruby-3.3.0.tar.gz)`` is the archive ``ruby-3.3.0.tar.gz``)."""

    def repl(m):
        s = m.group()
        k = s.find("]")
        if s.endswith(")") and s[k + 1 : k + 2] == "(":
            target = s[k + 2 : -1].split()
            if (
                target
                and _is_file(target[0])
                and not _URL_RE.fullmatch(target[0].rstrip("/"))
                or (target and _is_file(target[0].rsplit("/", 1)[-1]))
            ):
                return " " + target[0].rsplit("/", 1)[-1] + " "
        return " " + s[s.find("[") + 1 : k] + " "

    return _MD_LINK_RE.sub(repl, line)


def _code_line(line: str) -> bool:
    """A comment or a statement: starts with a comment marker, or ends like code and has code punctuation."""
    s = line.strip()
    if not s:
        return False
    if s.startswith(_COMMENT_STARTS):
        return True
    if not s.endswith(_CODE_ENDS) or len(_CODE_WORD_RE.findall(s)) < 3 or not _CODE_TOKEN_RE.search(s):
        return False
    if has_han(s):
        return False
    toks = s.split()
    words = sum(t.isalpha() for t in toks)
    return not (words >= 4 and words >= 0.5 * len(toks))  # "Use the settings (see below);" is prose


def _only_links(text: str) -> bool:
    """Is the visible text only links (Markdown, autolinks, ``<a>``, bare URLs) and separators?"""
    body = _strip_item(text)
    if seg_label_only(body) or not ("[" in body or "<" in body or "://" in body or "www." in body):
        return False
    found = False
    for rx in (_MD_LINK_RE, _AUTOLINK_RE, _HTML_A_RE, _URL_RE):
        body, k = rx.subn(" ", body)
        found = found or k > 0
    if not found:
        return False
    return all(ch in _LINK_SEPARATORS or ch.isspace() for ch in body)


def seg_label_only(text: str) -> bool:
    return not text.strip()


# ---------------------------------------------------------------------------
# language switchers

#: language names as language switchers write them (compared case-insensitively)
LANGUAGE_NAMES = frozenset(n.lower() for n in AUTONYMS)
_NAME_SEPARATORS = "|/·•,，、;；"


def language_names(text: str) -> int:
    """How many language names ``text`` is made of (0 when anything else is in it)."""
    if len(text) > 400:
        return 0
    for tok in text.split():  # quick test: every word must belong to some language name
        tok = tok.strip(_NAME_SEPARATORS).lower()
        if tok and tok not in _NAME_WORDS:
            return 0
    t = text
    for sep in _NAME_SEPARATORS:
        if sep in t:
            t = t.replace(sep, "\n")
    parts = [p.strip() for p in t.split("\n") if p.strip()]
    if not parts or len(parts) > 40:
        return 0
    count = 0
    for p in parts:
        if p.lower() in LANGUAGE_NAMES:
            count += 1
            continue
        words = p.split()
        if 1 < len(words) <= 40 and all(w.lower() in LANGUAGE_NAMES for w in words):
            count += len(words)
            continue
        return 0
    return count


_NAME_WORDS = frozenset(w for n in LANGUAGE_NAMES for w in n.split()) | LANGUAGE_NAMES
