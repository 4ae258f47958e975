"""Finding the other language versions of a file ("siblings").

pre-commit passes only the files that changed, so for every file tcheck
looks for its other versions on disk by the usual conventions:

* a language suffix on the name: ``policy.md`` + ``policy.zh-CN.md`` +
  ``policy.zh-TW.md`` (also ``_zh-CN``, ``-zh-CN``, ``.zh-Hans``, ``.zh_TW``,
  ``.zh-Hant``, ``.zh-HK``, ``.en.md``, MkDocs' ``x.zh.md``);
* a folder of files named by language: ``doc/en.md`` + ``doc/zh-CN.md``;
* a language folder with the same relative path below it: ``en/x.md`` +
  ``zh-CN/x.md`` (also ``zh-Hans``, ``zh_CN``, ``zh`` ...), including a
  language folder next to unmarked default-language files (VitePress:
  ``guide/x.md`` + ``zh/guide/x.md``);
* ``i18n/<lang>/…`` mirroring the default tree (Docusaurus:
  ``i18n/zh-CN/docusaurus-plugin-content-docs/current/x.md`` ↔ ``docs/x.md``,
  ``…-blog/`` ↔ ``blog/``, ``…-pages/`` ↔ ``src/pages/``), or generically
  ``i18n/<lang>/x.md`` ↔ ``x.md``.

Every file gets a *document key*: the path with its language marker removed.
Files with the same key are versions of one document (:mod:`.grouping` makes
the groups, config groups included); :func:`lang_hint` is the language a path
marks, the only place path conventions are read. Discovery only reads
directory listings, never file contents.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .. import langs
from .files import is_text, unsafe_file

# name.zh-CN / name_zh-CN / name-zh-CN / name.en / name_en
_SUFFIX_RE = re.compile(
    rf"^(?P<base>.+?)(?:[._](?P<tag>{langs.marker_pattern('zh')}|{langs.marker_pattern('en')})"
    rf"|-(?P<ztag>{langs.marker_pattern('zh')}))$",
    re.IGNORECASE,
)

_DOCUSAURUS = "docusaurus-plugin-content-"


tag_lang = langs.marker_lang  # the language a file or folder name marks


def _split_ext(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        return name, ""
    ext = "." + ext.lower()
    return stem, ".md" if ext in (".markdown", ".mdown") else ext


@dataclass(frozen=True)
class Marked:
    """A file's document key and the language its path marks (None: unmarked)."""

    key: tuple[str, str, str]  # (directory without the language folder, stem without the tag, extension)
    lang: str | None
    style: str  # suffix | name | folder | i18n | none
    tag: str = ""  # the marker as written (zh-TW, zh_CN, en ...)
    in_name: bool = True  # the marker is in the file name (False: a folder)

    @property
    def secondary(self) -> bool:
        """A regional variant that yields to the main one (zh-HK after zh-TW, zh-SG after zh-CN)."""
        return langs.is_secondary(self.tag)


def _docusaurus_to_default(rest: list[str]) -> list[str]:
    """Map the part of a Docusaurus i18n path below ``i18n/<lang>/`` to the default tree."""
    if not rest:
        return rest
    head = rest[0]
    if head == _DOCUSAURUS + "docs" and len(rest) > 1:
        if rest[1] == "current":
            return ["docs", *rest[2:]]
        return ["versioned_docs", *rest[1:]]
    if head.startswith(_DOCUSAURUS + "docs-") and len(rest) > 1:  # multi-instance docs plugin: id = folder
        inst = head[len(_DOCUSAURUS + "docs-") :]
        return [inst, *rest[2:]] if rest[1] == "current" else [f"{inst}_versioned_docs", *rest[1:]]
    if head == _DOCUSAURUS + "blog":
        return ["blog", *rest[1:]]
    if head == _DOCUSAURUS + "pages":
        return ["src", "pages", *rest[1:]]
    return rest


def _default_to_docusaurus(rel: list[str]) -> list[list[str]]:
    """The possible i18n paths (below ``i18n/<lang>/``) of a default-tree path."""
    out = [rel]
    if len(rel) > 1 and rel[0] == "docs":
        out.append([_DOCUSAURUS + "docs", "current", *rel[1:]])
    elif len(rel) > 2 and rel[0] == "versioned_docs":
        out.append([_DOCUSAURUS + "docs", *rel[1:]])
    elif len(rel) > 1 and rel[0] == "blog":
        out.append([_DOCUSAURUS + "blog", *rel[1:]])
    elif len(rel) > 2 and rel[:2] == ["src", "pages"]:
        out.append([_DOCUSAURUS + "pages", *rel[2:]])
    return out


def mark(path: str | os.PathLike) -> Marked:
    """Document key and marked language of a path (made absolute)."""
    p = Path(os.path.abspath(path))
    parts = list(p.parts)
    name = parts[-1]
    dirs = parts[:-1]
    stem, ext = _split_ext(name)
    # 1. the file name is a language tag: doc/en.md, doc/zh-CN.md
    lang = tag_lang(stem)
    if lang:
        return Marked((os.path.join(*dirs), "\x00", ext), lang, "name", stem)
    # 2. a language suffix: name.zh-CN.md, name_zh-TW.md, name.en.md, name.zh.md
    m = _SUFFIX_RE.match(stem)
    suffix_lang = None
    tag = ""
    if m:
        tag = m.group("tag") or m.group("ztag")
        suffix_lang = tag_lang(tag)
        if suffix_lang:
            stem = m.group("base")
    # 3. i18n/<lang>/... mirrors the default tree
    for i in range(len(dirs) - 2, -1, -1):
        if dirs[i] == "i18n" and tag_lang(dirs[i + 1]):
            mapped = _docusaurus_to_default(dirs[i + 2 :])
            d = os.path.join(*dirs[:i], *mapped) if i or mapped else dirs[0]
            if suffix_lang:
                return Marked((d, stem, ext), suffix_lang, "i18n", tag)
            return Marked((d, stem, ext), tag_lang(dirs[i + 1]), "i18n", dirs[i + 1], in_name=False)
    if suffix_lang:
        return Marked((os.path.join(*dirs), stem, ext), suffix_lang, "suffix", tag)
    # 4. the nearest language folder: en/x.md, zh-CN/guide/x.md, docs/zh/x.md
    for i in range(len(dirs) - 1, 0, -1):
        lang = tag_lang(dirs[i])
        if lang:
            return Marked((os.path.join(*dirs[:i], *dirs[i + 1 :]), stem, ext), lang, "folder", dirs[i], in_name=False)
    return Marked((os.path.join(*dirs), stem, ext), None, "none")


def lang_hint(path: str | os.PathLike) -> tuple[str, str] | None:
    """(language, region) the path marks, or None.

    File names (``policy.zh-TW.md``, ``zh-CN.md``, ``policy_en.md``) and
    language folders named in ``path`` as given (``zh-CN/x.md``,
    ``i18n/zh-TW/docs/x.md``), nearest first; a bare ``zh`` gives no hint
    (the script is read from the text).
    """
    m = mark(path)
    if m.lang is None or m.lang == langs.ZH:
        return None
    if not m.in_name and m.tag not in Path(path).parts[:-1]:
        return None  # a folder above the path as given (the user's home, the checkout)
    return m.lang, langs.region(m.tag) if m.lang == "zh-Hant" else ""


# ---------------------------------------------------------------------------
# candidates on disk


class Listing:
    """Cached directory listings."""

    def __init__(self):
        self._cache: dict[str, tuple[list[str], list[str]]] = {}

    def get(self, d: str) -> tuple[list[str], list[str]]:
        """(sub-directories, files) of ``d``; empty when it cannot be read."""
        if d not in self._cache:
            dirs, files = [], []
            try:
                with os.scandir(d) as it:
                    for e in it:
                        try:
                            (dirs if e.is_dir() else files).append(e.name)
                        except OSError:
                            continue
            except OSError:
                pass
            self._cache[d] = (sorted(dirs), sorted(files))
        return self._cache[d]


def _search_root(p: Path) -> Path:
    """How far up to look for language folders: the repository root, else the working directory."""
    cwd = Path(os.getcwd())
    for folder in p.parents:
        if (folder / ".git").exists():
            return folder
        if folder == cwd:
            return folder
    return p.parents[min(3, len(p.parents) - 1)]


def _candidates(p: Path, listing: Listing, root: Path):
    """Paths that could be other versions of ``p`` (they still have to exist and share its key)."""
    parent = str(p.parent)
    for name in listing.get(parent)[1]:
        yield Path(parent, name)
    parts = list(p.parts)
    dirs = parts[:-1]
    root_depth = len(root.parts)
    # p is below a language folder or i18n/<lang>/: look at the other languages and the unmarked path
    for i in range(len(dirs) - 1, max(root_depth - 1, 0), -1):
        if dirs[i] == "i18n":
            continue
        if tag_lang(dirs[i]):
            base = os.path.join(*dirs[:i])
            rest = parts[i + 1 :]
            if i > 0 and dirs[i - 1] == "i18n":
                top = os.path.join(*dirs[: i - 1]) if i > 1 else dirs[0]
                mapped = _docusaurus_to_default(rest[:-1])
                yield _with_name(Path(top, *mapped), parts[-1])
                for t in listing.get(base)[0]:
                    if tag_lang(t):
                        yield from _siblings_in(Path(base, t, *rest[:-1]), parts[-1], listing)
            else:
                yield from _siblings_in(Path(base, *rest[:-1]), parts[-1], listing)
                for t in listing.get(base)[0]:
                    if tag_lang(t):
                        yield from _siblings_in(Path(base, t, *rest[:-1]), parts[-1], listing)
            break
    # p is unmarked by folder: language folders (or i18n/<lang>/) in any ancestor up to the root
    for depth in range(len(dirs), root_depth - 1, -1):
        base = os.path.join(*dirs[:depth]) if depth else dirs[0]
        rel = parts[depth:]
        subdirs = listing.get(base)[0]
        for t in subdirs:
            if tag_lang(t):
                yield from _siblings_in(Path(base, t, *rel[:-1]), parts[-1], listing)
        if "i18n" in subdirs:
            for t in listing.get(os.path.join(base, "i18n"))[0]:
                if tag_lang(t):
                    for alt in _default_to_docusaurus(rel[:-1] + ["_"]):
                        yield from _siblings_in(Path(base, "i18n", t, *alt[:-1]), parts[-1], listing)
        if depth <= root_depth:
            break


def _with_name(d: Path, name: str) -> Path:
    return d / name


def _siblings_in(d: Path, name: str, listing: Listing):
    """Files in ``d`` that could be ``name`` in another language (same name, or a suffixed one)."""
    files = listing.get(str(d))[1]
    stem = _split_ext(name)[0].lower()
    for f in files:
        if f.lower().startswith(stem[:1]) or tag_lang(_split_ext(f)[0]):
            yield d / f


def siblings(path: str | os.PathLike, *, listing: Listing | None = None, excluded=None) -> list[Path]:
    """Other versions of ``path`` that exist on disk (absolute paths, sorted; ``path`` not included)."""
    listing = listing or Listing()
    p = Path(os.path.abspath(path))
    me = mark(p)
    root = _search_root(p)
    out = set()
    for c in _candidates(p, listing, root):
        if c == p or c in out or not is_text(c.name) and c.suffix.lower() != p.suffix.lower():
            continue
        if excluded and excluded(c):
            continue
        if mark(c).key == me.key and unsafe_file(c, root) is None:
            out.add(c)
    return sorted(out)
