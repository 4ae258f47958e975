"""Loading files into :class:`~tcheck.model.Version` objects.

Steps: read bytes -> decode (BOM, UTF-8, GB18030/GBK, Big5, detected) ->
normalise line endings -> segment (plain text or Markdown) -> split a file
that holds several language versions in sequence.

Segments keep their 1-based start/end lines in the file, so every finding can
point at the exact place a translator has to edit.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import scripts
from .model import InputError, Line, Segment, Version

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdx", ".mdown"}

# ---------------------------------------------------------------------------
# decoding


def decode(data: bytes, path: str) -> str:
    """Decode a file's bytes; InputError when it is empty, binary or undecodable."""
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:], "utf-8", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data, "utf-16", path)
    if b"\x00" in data:
        raise InputError(f"{path}: looks like a binary file (contains NUL bytes), not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _utf8_suspicious(text):
        return text
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            candidates.append((enc, data.decode(enc)))
        except UnicodeDecodeError:
            continue
    if text is not None:  # valid UTF-8 but reads like mojibake: keep it unless GB/Big5 reads clean
        rare = dict(zip(("gb18030", "big5"), _rare_pairs(data)))
        clean = [t for enc, t in candidates if not rare[enc] and not _oddness(t) and scripts.han_count(t)]
        return clean[0] if clean else text
    if not candidates:
        raise InputError(
            f"{path}: cannot decode the file (not UTF-8, UTF-16, GB18030/GBK or Big5)"
        )
    if len(candidates) == 1:
        return candidates[0][1]
    return _gb_or_big5(data, dict(candidates))


def _gb_or_big5(data: bytes, readings: dict[str, str]) -> str:
    """Choose between the GB18030 and Big5 readings of bytes valid in both.

    The reading with the lower badness wins (GB on a tie); badness counts
    implausible characters (kana, Greek, Cyrillic, box drawing, bopomofo,
    private use, rare CJK: punctuation and the commonest characters of one
    encoding land in such rows of the other), minus the common zh/en
    punctuation it shows (“”，。、), plus byte pairs outside each
    encoding's common rows: common Simplified text uses GB2312 level 1 (lead
    bytes 0xB0-0xD7), which Big5 reads largely as its rare level 2 (lead 0xC9
    and up); common Traditional text uses Big5 level 1 (0xA4-0xC6) and has
    trail bytes 0x40-0x7E in about 40% of its characters, which GB2312 never
    has.
    """
    gb, big5 = readings["gb18030"], readings["big5"]
    rare_gb, rare_big5 = _rare_pairs(data)
    bad_gb = 2 * _oddness(gb) + rare_gb - _common_punct(gb)
    bad_big5 = 2 * _oddness(big5) + rare_big5 - _common_punct(big5)
    return big5 if bad_big5 < bad_gb else gb


_COMMON_PUNCT = frozenset("“”‘’—…、。，：；？！（）《》〈〉「」『』【】·％")


def _common_punct(text: str) -> int:
    return sum(1 for c in text if c in _COMMON_PUNCT)


def _rare_pairs(data: bytes) -> tuple[int, int]:
    """Double-byte pairs outside the common rows of GB2312 and of Big5."""
    rare_gb = rare_big5 = 0
    i, n = 0, len(data)
    while i < n:
        lead = data[i]
        if lead < 0x81 or i + 1 >= n:
            i += 1
            continue
        trail = data[i + 1]
        i += 2
        # GB: common are punctuation rows A1-A3 and level 1 (B0-D7), trail >= A1
        if trail < 0xA1 or not (0xA1 <= lead <= 0xA3 or 0xB0 <= lead <= 0xD7):
            rare_gb += 1
        # Big5: common are symbols A1-A3 and level 1 (A440-C67E)
        if not (0xA1 <= lead <= 0xC5 or (lead == 0xC6 and trail <= 0x7E)):
            rare_big5 += 1
    return rare_gb, rare_big5


def _utf8_suspicious(text: str) -> bool:
    """Valid UTF-8 without Han but with Cyrillic/Greek/rare characters: short
    GBK text can be valid UTF-8 by accident (协 = D0 AD = Cyrillic Э)."""
    return not text.isascii() and scripts.han_count(text) == 0 and _oddness(text) > 0


def _checked(data: bytes, enc: str, path: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: invalid {enc.upper()} at byte {exc.start}") from None


_ODD_RE = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u2500-\u257f\u3040-\u30ff\u3105-\u312f"
    "\u3400-\u4dbf\ue000-\uf8ff\uf900-\ufaff\ufe30-\ufe4f\ufffd]"
)


def _oddness(text: str) -> int:
    """Count characters unlikely in a zh/en policy text: kana, Greek, Cyrillic,
    box drawing, bopomofo, private use, rare CJK blocks."""
    return len(_ODD_RE.findall(text))


def read_text(path: str) -> str:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    text = decode(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.replace("\u200b", "").replace("\ufeff", "").strip():
        raise InputError(f"{path}: file is empty (only whitespace)")
    return text


# ---------------------------------------------------------------------------
# labels, ignores, normalisation

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
    )\s*""" % (_CN_NUM, _CN_NUM, _CN_NUM),
    re.VERBOSE,
)

IGNORE_RE = re.compile(r"tcheck:\s*ignore(?:[\s:]+([A-Za-z0-9_,\s-]+?))?\s*(?:-->|\*/)?\s*$")
_COMMENT_LINE_RE = re.compile(r"^\s*(?:#|//|%|;|<!--|/\*)\s*tcheck:\s*ignore\b")

_CJK_PUNCT = "，。、；：？！「」『』（）《》〈〉【】“”‘’…—·"


# a dotted number followed by one of these is a quantity ("1.5 million", "0.5%",
# "3.5 MB", "1.5万"), not a section number ("1.1 Scope", "2.3 个人信息")
_QUANTITY_AFTER_RE = re.compile(
    r"[a-z%‰％万亿倍元]|(?:[KMGTP]i?B|[kMG]?Hz|USD|EUR|GBP|RMB|CNY|HKD|TWD|NT\$|US\$)(?![A-Za-z])"
)


def split_label(text: str) -> tuple[str, str]:
    """Split a list label (``1.``, ``a)``, ``•``, ``一、``, ``（一）``, ``1.1``) off ``text``.

    Returns ("", text) when the text does not start with a label; numbers that
    only look like labels ("2024. Something", "1.5 million", "0.5%") are kept.
    """
    m = LABEL_RE.match(text)
    if not m:
        return "", text
    label, rest = text[: m.end()].strip(), text[m.end():]
    if not rest.strip():
        return "", text  # "2024." alone is not a label
    if re.fullmatch(r"\d+(?:\.\d+)+", label):
        first = label.split(".")[0]
        if first.startswith("0") or _QUANTITY_AFTER_RE.match(rest.lstrip()):
            return "", text  # a decimal number, not a section number
        if m.end() < len(text) and not text[m.end() - 1].isspace() and text[m.end()].isascii():
            return "", text  # "1.5x", "3.14abc": glued to ASCII, a number
    return label, rest


def parse_ignore(text: str) -> frozenset[str] | None:
    """Rule ids named by an inline ``tcheck: ignore RULE`` comment (``all`` if none named)."""
    m = IGNORE_RE.search(text)
    if not m:
        return None
    names = [n for n in re.split(r"[\s,]+", m.group(1) or "") if n]
    return frozenset(names or ["all"])


def _is_cjk(ch: str) -> bool:
    return scripts.is_han(ch) or ch in _CJK_PUNCT


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines: no space between two CJK characters, one otherwise."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and not (_is_cjk(out[-1]) and _is_cjk(part[0])):
            out += " "
        out += part
    return out


def normalize_ws(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u3000", " ").replace("\u200b", "")
    return re.sub(r"[ \t]+", " ", text).strip()


def _make_lines(src_lines: list[str], start: int, end: int) -> tuple[Line, ...]:
    """Line objects for 1-based lines start..end (inclusive), blank ones skipped."""
    out = []
    for n in range(start, end + 1):
        s = src_lines[n - 1]
        stripped = s.lstrip(" \t\u00a0\u3000")
        if stripped.strip():
            out.append(Line(n, len(s) - len(stripped) + 1, stripped.rstrip()))
    return tuple(out)


def _segment(lines: tuple[Line, ...], plain: str, kind: str, ignores: frozenset[str]) -> Segment | None:
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


# ---------------------------------------------------------------------------
# plain text

_HEADING_END_RE = re.compile(r"[。.;；:：,，!！?？)）]$")


def segment_plain(text: str) -> list[Segment]:
    src = text.split("\n")
    segs: list[Segment] = []
    block: list[int] = []  # 1-based line numbers of the current segment
    pending_ignore: frozenset[str] = frozenset()
    ignores_for_block: frozenset[str] = frozenset()

    def flush():
        nonlocal block, ignores_for_block
        if block:
            lines = _make_lines(src, block[0], block[-1])
            seg = _segment(lines, join_lines([ln.text for ln in lines]), "paragraph", ignores_for_block)
            if seg:
                if len(lines) == 1 and _short_title(lines[0].text):
                    seg.kind = "heading" if seg.kind == "paragraph" else seg.kind
                segs.append(seg)
        block = []
        ignores_for_block = frozenset()

    for n, line in enumerate(src, 1):
        content = line.strip(" \t\u00a0\u3000\u200b\ufeff")
        if not content:
            flush()
            continue
        if _COMMENT_LINE_RE.match(content):
            flush()
            pending_ignore = pending_ignore | (parse_ignore(content) or frozenset())
            continue
        starts_item = bool(LABEL_RE.match(content)) and bool(split_label(content)[0])
        prev_heading = bool(block) and len(block) == 1 and _title_before(src[block[-1] - 1], content)
        if block and (starts_item or prev_heading or _leaves_item(src, block, line)):
            flush()
        if not block:
            ignores_for_block = pending_ignore
            pending_ignore = frozenset()
        block.append(n)
    flush()
    return segs


_SENTENCE_END_RE = re.compile(r"[。！？.!?；;]\s*$")
_INDENT_CHARS = " \t\u00a0\u3000"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(_INDENT_CHARS))


def _leaves_item(src: list[str], block: list[int], line: str) -> bool:
    """A line that is dedented below an indented list item whose text ended a
    sentence starts a new paragraph (`` • item。`` then ``Next paragraph``)."""
    first = src[block[0] - 1]
    head = first.strip(_INDENT_CHARS)
    if not (LABEL_RE.match(head) and split_label(head)[0]):
        return False
    return _indent(line) < _indent(first) and bool(_SENTENCE_END_RE.search(src[block[-1] - 1]))


def _title_before(prev: str, content: str) -> bool:
    """Is ``prev`` (the only line so far) a title above ``content``, rather than
    the first line of a hard-wrapped paragraph? A title is short, has no
    closing punctuation, is clearly shorter than the line below it, and the
    line below does not continue a sentence (lower-case start)."""
    prev = prev.strip(_INDENT_CHARS)
    if not _short_title(prev) or content[:1].islower():
        return False
    return len(prev) < 0.8 * len(content)


def _short_title(text: str) -> bool:
    text = text.strip(" \t\u00a0\u3000")
    if not text or _HEADING_END_RE.search(text):
        return False
    han = scripts.han_count(text)
    words = len(text.split())
    return (han and len(text) <= 25) or (not han and words <= 8 and len(text) <= 70)


# ---------------------------------------------------------------------------
# Markdown


def _strip_front_matter(text: str) -> str:
    """Blank out YAML/TOML front matter, keeping line numbers."""
    lines = text.split("\n")
    if lines and lines[0].strip() in ("---", "+++"):
        fence = lines[0].strip()
        for i in range(1, min(len(lines), 400)):
            if lines[i].strip() in (fence, "..."):
                return "\n".join([""] * (i + 1) + lines[i + 1:])
    return text


# kramdown / Python-Markdown attribute lists and Pandoc heading ids:
# "## Search {: #defaultsearch }", "# Title {#title}"
_ATTR_LIST_RE = re.compile(r"\s*\{:[^{}\n]*\}|\s*\{#[\w:.-]+(?:\s+[.#][\w:.-]+)*\}\s*$")


def _inline_plain(token) -> str:
    """Plain text of an inline token: markup, URLs, HTML tags, attribute lists and templates dropped."""
    text = _LEFTOVER_STRONG_RE.sub(r"\2", _ATTR_LIST_RE.sub("", _inline_text(token)))
    if "{{" in text or "{%" in text:
        text = strip_templates(text)
    return text


# template syntax of documentation generators: MDN/KumaScript {{Glossary("CORS", "跨源")}},
# Jinja/Liquid {{ var }} {% tag %}, Hugo {{< ref "x" >}}. A macro shows its last quoted
# argument (the text a reader sees); anything else is dropped.
_TEMPLATE_RE = re.compile(r"\{\{[<%]?\s*(.*?)\s*[>%]?\}\}|\{%.*?%\}", re.S)
_QUOTED_RE = re.compile(r"""["']([^"']+)["']""")


def strip_templates(text: str) -> str:
    def repl(m: re.Match) -> str:
        inner = m.group(1)
        if inner is None:
            return ""
        args = _QUOTED_RE.findall(inner)
        return args[-1] if args else ""

    return _TEMPLATE_RE.sub(repl, text)


# CommonMark does not close "**安全浏览：**不推荐" (punctuation before the
# closing ** and a CJK letter after it), so the delimiters stay in the text
_LEFTOVER_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def _inline_text(token) -> str:
    out = []
    for child in token.children or []:
        t = child.type
        if t in ("text", "code_inline"):
            out.append(child.content)
        elif t in ("softbreak", "hardbreak"):
            out.append("\n")
        elif t == "image":
            out.append(child.content or "")
        elif t == "html_inline":
            continue
    return "".join(out)


_HTML_BREAK_TAGS = frozenset(
    "p div li ul ol dl dt dd td th tr table thead tbody tfoot caption h1 h2 h3 h4 h5 h6 br hr "
    "aside blockquote section article header footer nav summary details figure figcaption pre".split()
)
_HTML_SKIP_TAGS = frozenset(["script", "style", "template", "svg", "math"])


def _html_texts(html: str, first_line: int, md) -> list[tuple[int, int, str]]:
    """Text blocks of an HTML block: (start line, end line, plain text).

    A block-level tag (``<p>``, ``<li>``, ``<td>``, ``<br>``...) ends a text
    block; Markdown inside the HTML (``markdown="1"``) is reduced to plain text.
    """
    from html.parser import HTMLParser

    out: list[tuple[int, int, str]] = []
    cur: list[tuple[int, str]] = []  # (absolute line, text piece)

    def flush():
        if cur:
            text = "".join(piece for _, piece in cur)
            lines = [ln for ln, piece in cur if piece.strip()]
            if text.strip() and lines:
                plain = text
                try:
                    toks = md.parseInline(text.strip())
                    if toks:
                        plain = _inline_plain(toks[0])
                except Exception:  # pragma: no cover - markdown-it never fails on text
                    pass
                plain = join_lines(plain.split("\n"))
                if plain.strip():
                    out.append((min(lines), max(lines), plain))
        cur.clear()

    class Parser(HTMLParser):
        skip = 0

        def handle_starttag(self, tag, attrs):
            if tag in _HTML_SKIP_TAGS:
                self.skip += 1
            if tag in _HTML_BREAK_TAGS:
                flush()

        def handle_startendtag(self, tag, attrs):
            if tag in _HTML_BREAK_TAGS:
                flush()

        def handle_endtag(self, tag):
            if tag in _HTML_SKIP_TAGS and self.skip:
                self.skip -= 1
            if tag in _HTML_BREAK_TAGS:
                flush()

        def handle_data(self, data):
            if self.skip or not data.strip():
                if data and cur:
                    cur.append((cur[-1][0], " " if "\n" not in data else "\n"))
                return
            line = first_line + self.getpos()[0] - 1
            pieces = data.split("\n")
            for k, piece in enumerate(pieces):
                cur.append((line + k, piece + ("\n" if k < len(pieces) - 1 else "")))

    try:
        parser = Parser(convert_charrefs=True)
        parser.feed(html)
        parser.close()
    except Exception:  # pragma: no cover - html.parser is lenient
        return out
    flush()
    return out


def segment_markdown(text: str) -> list[Segment]:
    from markdown_it import MarkdownIt

    text = _strip_front_matter(text)
    src = text.split("\n")
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(text)
    segs: list[Segment] = []
    pending_ignore: frozenset[str] = frozenset()
    item_stack: list[list] = []  # [label, first_paragraph_pending]
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        t = tok.type
        if t in ("html_block",):
            ig = parse_ignore(tok.content.strip())
            if ig:
                pending_ignore = pending_ignore | ig
            elif tok.map:
                for start, end, plain in _html_texts(tok.content, tok.map[0] + 1, md):
                    seg = _segment(_make_lines(src, start, end), plain, "paragraph", pending_ignore)
                    if seg:
                        segs.append(seg)
                    pending_ignore = frozenset()
        elif t in ("bullet_list_open", "ordered_list_open"):
            pass
        elif t == "list_item_open":
            marker = (tok.info + tok.markup) if tok.info else tok.markup
            item_stack.append([marker, True])
        elif t == "list_item_close":
            if item_stack:
                item_stack.pop()
        elif t in ("paragraph_open", "heading_open") and tok.map:
            inline = tokens[i + 1]
            start, end = tok.map[0] + 1, tok.map[1]
            plain = join_lines(_inline_plain(inline).split("\n"))
            kind = "heading" if t == "heading_open" else "paragraph"
            if kind == "paragraph" and item_stack and item_stack[-1][1]:
                item_stack[-1][1] = False
                kind = "item"
                marker = item_stack[-1][0]
                # "2024. A year" parses as an ordered list starting at 2024:
                # keep the number as text when it is not a plausible label
                if marker and split_label(f"{marker} {plain}")[0]:
                    plain = f"{marker} {plain}"
                elif marker and marker[0].isdigit():
                    plain, kind = f"{marker} {plain}", "paragraph"
            seg = _segment(_make_lines(src, start, end), plain, kind, pending_ignore)
            if seg:
                if kind == "item" and seg.kind != "item" and seg.label:
                    seg.kind = "item"
                segs.append(seg)
            pending_ignore = frozenset()
        elif t == "tr_open" and tok.map:
            cells = []
            j = i + 1
            while j < len(tokens) and tokens[j].type != "tr_close":
                if tokens[j].type == "inline":
                    cells.append(join_lines(_inline_plain(tokens[j]).split("\n")))
                j += 1
            plain = " | ".join(c for c in cells if c.strip())
            if plain.strip() and not re.fullmatch(r"[\s|:\-]*", plain):
                start = tok.map[0] + 1
                seg = _segment(_make_lines(src, start, tok.map[1]), plain, "table", pending_ignore)
                if seg:
                    seg.label, seg.text = "", normalize_ws(plain)
                    segs.append(seg)
            pending_ignore = frozenset()
            i = j
        i += 1
    return segs


# ---------------------------------------------------------------------------
# files -> versions


def is_markdown(path: str, text: str) -> bool:
    if Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
        return True
    return False


def segment(text: str, markdown: bool) -> list[Segment]:
    segs = segment_markdown(text) if markdown else segment_plain(text)
    for i, s in enumerate(segs, 1):
        s.index = i
    return segs


_ZH_HINT_RE = re.compile(
    r"(?:^|[._\-])zh[-_](hans|hant|cn|tw|hk|sg|mo)(?:[-_](cn|tw|hk|sg|mo))?(?=$|[._\-])", re.IGNORECASE
)
_EN_HINT_RE = re.compile(r"(?:^|[._\-])en(?:[-_](?:us|gb|au|ca|in|nz|ie|sg|hk))?(?=$|[._\-])", re.IGNORECASE)
_EN_DIR_RE = re.compile(r"^en(?:[-_][a-z]{2})?$", re.IGNORECASE)


def _zh_hint(text: str) -> tuple[str, str] | None:
    m = _ZH_HINT_RE.search(text)
    if not m:
        return None
    first, second = m.group(1).lower(), (m.group(2) or "").lower()
    lang, region = scripts.normalize_tag(f"zh-{first}")
    if second:  # zh-Hant-TW, zh_Hant_HK: the region names the standard
        _, region2 = scripts.normalize_tag(f"zh-{second}") if second != "cn" else ("", "")
        region = region2 or region
    return lang, (region if lang == "zh-Hant" else "")


def lang_hint(path: str) -> tuple[str, str] | None:
    """(lang, region) from a file name or its folders, or None.

    File names: ``policy.zh-TW.md``, ``policy_zh-CN.md``, ``policy.zh_TW.md``,
    ``policy.zh-Hant.md``, ``zh-CN.md``, ``en.md``, ``policy.en.md``,
    ``policy_en.md``. Folders, nearest first: ``zh-CN/``, ``zh_TW/``,
    ``i18n/zh-TW/docs/``, ``en/``, ``en-US/``. A tag must stand between
    separators (. _ -), so ``open.md``, ``token.md`` or ``zh/`` give no hint.
    """
    parts = Path(path).parts
    if not parts:
        return None
    name = parts[-1]
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    hint = _zh_hint(stem)
    if hint:
        return hint
    if _EN_HINT_RE.search(stem):
        return "en", ""
    for folder in reversed(parts[:-1]):
        hint = _zh_hint(folder)
        if hint and _ZH_HINT_RE.fullmatch(folder):
            return hint
        if _EN_DIR_RE.match(folder):
            return "en", ""
    return None


@dataclass
class _Block:
    lang: str
    start: int  # index into segs
    end: int  # exclusive


def _classify(segs: list[Segment]) -> list[str | None]:
    """Language evidence per segment; short Latin-only segments (product
    names, "Firefox Sync", "Cloudflare") occur in every version: neutral."""
    out = []
    for s in segs:
        lang = scripts.detect(s.text)
        if lang == "en" and not scripts.han_count(s.text) and len(scripts.latin_words(s.text)) < 4:
            lang = None
        out.append(lang)
    return out


def _agrees(label: str | None, lang: str) -> bool:
    if label is None:
        return True
    if label == "zh":
        return lang in ("zh-Hans", "zh-Hant")
    return label == lang


def split_versions(segs: list[Segment]) -> list[_Block]:
    """Find contiguous language blocks (at most one per language).

    A file is split only when every block is large and pure; a Chinese
    document with some untranslated English paragraphs stays one version.
    """
    import numpy as np

    labels = _classify(segs)
    n = len(segs)
    langs = ("zh-Hans", "zh-Hant", "en")
    # prefix counts of disagreements: any block's cost in O(1), the split search in O(n^2) vector ops
    pre = {lg: np.concatenate([[0], np.cumsum([0 if _agrees(lab, lg) else 1 for lab in labels])]).astype(np.int64)
           for lg in langs}

    def cost(a: int, b: int, lang: str) -> int:
        return int(pre[lang][b] - pre[lang][a])

    def best_single(a: int, b: int, exclude=()):
        opts = [(cost(a, b, lg), lg) for lg in langs if lg not in exclude]
        return min(opts)

    c1, l1 = best_single(0, n)
    # a block with only "zh" labels: decide by majority of Hans/Hant votes
    best = (c1, [_Block(l1, 0, n)])
    min_block = max(3, n // 10)
    if n >= 2 * min_block:
        for i in range(min_block, n - min_block + 1):
            ca, la = best_single(0, i)
            cb, lb = best_single(i, n, exclude=(la,))
            total = ca + cb
            if total < best[0] and _pure(ca, i) and _pure(cb, n - i):
                best = (total, [_Block(la, 0, i), _Block(lb, i, n)])
        if n >= 3 * min_block:
            for i in range(min_block, n - 2 * min_block + 1):
                ca, la = best_single(0, i)
                if not _pure(ca, i):
                    continue
                js = np.arange(i + min_block, n - min_block + 1)
                if not len(js):
                    continue
                x, y = sorted(lg for lg in langs if lg != la)  # min() breaks cost ties by name
                cbx, cby = pre[x][js] - pre[x][i], pre[y][js] - pre[y][i]
                take_x = cbx <= cby
                cb = np.where(take_x, cbx, cby)
                cc = np.where(take_x, pre[y][n] - pre[y][js], pre[x][n] - pre[x][js])
                total = ca + cb + cc
                ok = _pure(cb, js - i) & _pure(cc, n - js)
                if not ok.any():
                    continue
                k = int(np.argmin(np.where(ok, total, np.iinfo(np.int64).max)))  # first j with the row minimum
                if total[k] < best[0]:
                    j = int(js[k])
                    lb, lc = (x, y) if take_x[k] else (y, x)
                    best = (int(total[k]), [_Block(la, 0, i), _Block(lb, i, j), _Block(lc, j, n)])
    blocks = best[1]
    # a split must clearly beat one version: at least 5 disagreements removed,
    # and 15% of the file, or 60% of the smallest block when the blocks are of
    # comparable size (a short version followed by a long one); a few
    # untranslated paragraphs at the end of a Chinese text are not a version
    if len(blocks) > 1:
        gain = c1 - best[0]
        sizes = [b.end - b.start for b in blocks]
        comparable = min(sizes) >= 0.2 * max(sizes) and gain >= 0.6 * min(sizes)
        if gain < 5 or (gain < 0.15 * n and not comparable):
            blocks = [_Block(l1, 0, n)]
    for k in range(len(blocks) - 1):
        _refine_boundary(segs, labels, blocks[k], blocks[k + 1])
    return blocks


def _refine_boundary(segs: list[Segment], labels: list[str | None], a: _Block, b: _Block) -> None:
    """Move the boundary between two adjacent blocks to the most visible break.

    Neutral segments (names, dates, lines that read the same in Simplified
    and Traditional) make several boundaries equally cheap; among those,
    prefer the largest gap of blank lines, then a heading, then the earliest.
    """
    def cost(p: int) -> int:
        return sum(0 if _agrees(labels[k], a.lang) else 1 for k in range(a.start, p)) + sum(
            0 if _agrees(labels[k], b.lang) else 1 for k in range(p, b.end)
        )

    lo, hi = a.start + 1, b.end - 1
    if hi < lo:
        return
    costs = {p: cost(p) for p in range(lo, hi + 1)}
    cmin = min(costs.values())

    def score(p: int):
        gap = segs[p].line - segs[p - 1].end_line
        return (gap, segs[p].kind == "heading", -p)

    best = max((p for p, c in costs.items() if c == cmin), key=score)
    a.end = b.start = best


def _pure(mistakes: int, size: int) -> bool:
    return mistakes <= 0.12 * size


def _decide_zh(segs: list[Segment], default: str = "zh-Hans") -> str:
    text = "".join(s.text for s in segs)
    hans = len(scripts.simplified_only(text))
    hant = len(scripts.traditional_only(text))
    if hant > hans:
        return "zh-Hant"
    if hans > hant:
        return "zh-Hans"
    return default


def load_versions(path: str, lang: str | None = None, region: str = "") -> list[Version]:
    """Read one file into one or more Versions.

    ``lang`` (from ``--lang`` or a file-name hint) forces a single version.
    """
    text = read_text(path)
    segs = segment(text, is_markdown(path, text))
    if not segs:
        raise InputError(f"{path}: no text to audit (the file has no paragraphs)")
    if lang is None:
        hint = lang_hint(path)
        if hint:
            lang, region = hint
    if lang is not None:
        return [_version(lang, path, segs, region)]
    blocks = split_versions(segs)
    out = []
    for b in blocks:
        part = segs[b.start:b.end]
        blang = b.lang
        if blang in ("zh-Hans", "zh-Hant") and len(blocks) == 1:
            blang = _decide_zh(part, blang)
        out.append(_version(blang, path, part, region if blang == "zh-Hant" else ""))
    return out


def _version(lang: str, path: str, segs: list[Segment], region: str) -> Version:
    for i, s in enumerate(segs, 1):
        s.index = i
    return Version(
        lang=lang,
        path=path,
        segments=segs,
        region=region,
        first_line=segs[0].line,
        last_line=segs[-1].end_line,
    )


def display_path(path: str) -> str:
    """Path as shown in reports: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel
