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
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            candidates.append((enc, data.decode(enc)))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise InputError(
            f"{path}: cannot decode the file (not UTF-8, UTF-16, GB18030/GBK or Big5)"
        )
    if len(candidates) == 1:
        return candidates[0][1]
    # both decode: ask charset-normalizer, then prefer the reading with fewer rare characters
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=["gb18030", "big5", "gbk", "big5hkscs"]).best()
        if best is not None:
            enc = best.encoding.lower()
            for cand, text in candidates:
                if enc.startswith(cand[:3]):
                    return text
    except Exception:  # pragma: no cover - detector failure is not fatal
        pass
    return min(candidates, key=lambda c: _oddness(c[1]))[1]


def _checked(data: bytes, enc: str, path: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: invalid {enc.upper()} at byte {exc.start}") from None


def _oddness(text: str) -> int:
    """Count characters unlikely in real prose (private use, rare CJK blocks)."""
    return sum(1 for c in text if "\ue000" <= c <= "\uf8ff" or "\u3400" <= c <= "\u4dbf" or c == "\ufffd")


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
      | [•·●▪◦‣∙○■□◆◇★☆\-\*–—+](?=\s|[^\x00-\x7f])  # bullets
    )\s*""" % (_CN_NUM, _CN_NUM, _CN_NUM),
    re.VERBOSE,
)

IGNORE_RE = re.compile(r"tcheck:\s*ignore(?:[\s:]+([A-Za-z0-9_,\s-]+?))?\s*(?:-->|\*/)?\s*$")
_COMMENT_LINE_RE = re.compile(r"^\s*(?:#|//|%|;|<!--|/\*)\s*tcheck:\s*ignore\b")

_CJK_PUNCT = "，。、；：？！「」『』（）《》〈〉【】“”‘’…—·"


def split_label(text: str) -> tuple[str, str]:
    m = LABEL_RE.match(text)
    if not m:
        return "", text
    rest = text[m.end():]
    if not rest.strip():
        return "", text  # "2024." alone is not a label
    return text[: m.end()].strip(), rest


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
                if len(lines) == 1 and _looks_like_heading(lines[0].text, seg):
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
        prev_heading = bool(block) and len(block) == 1 and _short_title(src[block[-1] - 1].strip())
        if block and (starts_item or prev_heading):
            flush()
        if not block:
            ignores_for_block = pending_ignore
            pending_ignore = frozenset()
        block.append(n)
    flush()
    return segs


def _short_title(text: str) -> bool:
    text = text.strip(" \t\u00a0\u3000")
    if not text or _HEADING_END_RE.search(text):
        return False
    han = scripts.han_count(text)
    words = len(text.split())
    return (han and len(text) <= 25) or (not han and words <= 8 and len(text) <= 70)


def _looks_like_heading(text: str, seg: Segment) -> bool:
    return _short_title(text)


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


def _inline_plain(token) -> str:
    """Plain text of an inline token: markup, URLs and HTML tags dropped."""
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
                plain = f"{item_stack[-1][0]} {plain}" if item_stack[-1][0] else plain
            seg = _segment(_make_lines(src, start, end), plain, kind, pending_ignore)
            if seg:
                if kind == "item" and seg.kind != "item":
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


_HINT_RE = re.compile(
    r"(?:^|[./_\-])(zh[-_](?:hans|hant|cn|tw|hk|sg|mo))(?=$|[./_\-])|(?:^|[./_])(en)(?:[-_](?:us|gb))?(?=$|[./_])",
    re.IGNORECASE,
)


def lang_hint(path: str) -> tuple[str, str] | None:
    """(lang, region) from a file name or its folders: policy.zh-TW.md, zh-CN/x.md, en/x.md."""
    parts = Path(path).parts
    # the file name first (policy.zh-TW.md, policy_zh-CN.md), then folders nearest first
    name = parts[-1] if parts else path
    stem_bits = name.split(".")[1:-1] if "." in name else []
    candidates = [name] + list(reversed(parts[:-1]))
    for i, cand in enumerate(candidates):
        for m in _HINT_RE.finditer(cand):
            tag = m.group(1) or m.group(2)
            if tag.lower() == "en" and i == 0 and "en" not in [b.lower() for b in stem_bits]:
                continue  # "en" inside a file name only counts as a dotted part: name.en.md
            try:
                return scripts.normalize_tag(tag)
            except ValueError:
                continue
    return None


@dataclass
class _Block:
    lang: str
    start: int  # index into segs
    end: int  # exclusive


def _classify(segs: list[Segment]) -> list[str | None]:
    return [scripts.detect(s.text) for s in segs]


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
    labels = _classify(segs)
    n = len(segs)
    langs = ("zh-Hans", "zh-Hant", "en")

    def cost(a: int, b: int, lang: str) -> int:
        return sum(0 if _agrees(labels[k], lang) else 1 for k in range(a, b))

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
                for j in range(i + min_block, n - min_block + 1):
                    cb, lb = best_single(i, j, exclude=(la,))
                    cc, lc = best_single(j, n, exclude=(la, lb))
                    total = ca + cb + cc
                    if total < best[0] and _pure(cb, j - i) and _pure(cc, n - j):
                        best = (total, [_Block(la, 0, i), _Block(lb, i, j), _Block(lc, j, n)])
    blocks = best[1]
    # a split must clearly beat one version: at least 5 disagreements removed
    if len(blocks) > 1 and c1 - best[0] < max(5, 0.15 * n):
        blocks = [_Block(l1, 0, n)]
    return blocks


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
