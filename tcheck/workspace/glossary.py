"""Glossaries: required renderings of terms across zh-Hans, zh-Hant and en.

Two formats:

* CSV or TSV with a header row. Language columns ``zh-Hans``, ``zh-Hant``,
  ``en`` (aliases accepted: ``zh-CN``/``zh-SG``, ``zh-TW``/``zh-HK``/``zh-MO``,
  ``English``); an optional ``note`` column (also ``notes``, ``flag``,
  ``comment``). A note containing ``dnt`` / ``do-not-translate`` /
  ``do not translate`` marks a term that must stay as written in every
  version; so does a truthy ``dnt`` column.
* TBX (XML): ``termEntry``/``conceptEntry`` elements holding one
  ``langSet xml:lang="..."`` per language with ``term`` children; notes
  (``note``, ``descrip``, ``termNote``, ``admin``) are read for the
  do-not-translate mark.

Any problem with the file raises :class:`~tcheck.model.InputError` with a
one-line message.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..langs import parse_tag
from ..limits import read_bytes
from ..model import InputError

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DNT_RE = re.compile(
    r"(?<![a-z])(dnt|do[\s_-]*not[\s_-]*translate|untranslatable|keep[\s_-]*as[\s_-]*is)(?![a-z])", re.I
)
_NOTE_COLS = {"note", "notes", "flag", "flags", "comment", "comments", "remark", "remarks"}
_DNT_COLS = {"dnt", "do-not-translate", "do_not_translate", "donottranslate"}
_TRUE = {"1", "y", "yes", "true", "x", "dnt"}


@dataclass(frozen=True)
class GlossaryEntry:
    zh_hans: str = ""
    zh_hant: str = ""
    en: str = ""
    note: str = ""
    dnt: bool = False
    line: int = 0  # line (CSV) or entry number (TBX) in the glossary file

    def term(self, lang: str) -> str:
        return {"zh-Hans": self.zh_hans, "zh-Hant": self.zh_hant, "en": self.en}.get(lang, "")

    @property
    def dnt_term(self) -> str:
        """The form a do-not-translate term keeps everywhere."""
        return self.en or self.zh_hans or self.zh_hant


@dataclass
class Glossary:
    entries: list[GlossaryEntry] = field(default_factory=list)
    path: str = ""

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)


def _lang_of_header(name: str) -> str | None:
    key = name.strip().lower()
    if key in ("zh", "chinese"):
        return "zh-Hans"
    try:
        return parse_tag(key)[0]
    except ValueError:
        return None


def _read_text(path: Path) -> str:
    try:
        data = read_bytes(str(path))
    except InputError as exc:
        raise InputError(f"glossary {exc}") from None
    for enc in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError(f"glossary {path}: not UTF-8 text")


def load_glossary(path: str | Path) -> Glossary:
    """Read a CSV/TSV or TBX glossary; InputError (one line) when it is unusable."""
    p = Path(path)
    text = _read_text(p)
    if p.suffix.lower() in (".tbx", ".xml") or text.lstrip().startswith("<"):
        entries = _parse_tbx(text, p)
    else:
        entries = _parse_table(text, p)
    if not entries:
        raise InputError(f"glossary {p}: no terms found")
    return Glossary(entries, str(p))


def _parse_table(text: str, p: Path) -> list[GlossaryEntry]:
    lines = text.splitlines()
    header_line = next((ln for ln in lines if ln.strip()), "")
    if not header_line:
        raise InputError(f"glossary {p}: empty file")
    if p.suffix.lower() == ".tsv" or "\t" in header_line:
        delim = "\t"
    elif ";" in header_line and "," not in header_line:
        delim = ";"
    else:
        delim = ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delim))
    except csv.Error as exc:
        raise InputError(f"glossary {p}: bad CSV ({exc})") from None
    start = next(i for i, r in enumerate(rows) if any(c.strip() for c in r))
    header = [c.strip() for c in rows[start]]
    cols: dict[str, int] = {}
    note_cols: list[int] = []
    dnt_col = None
    for i, name in enumerate(header):
        low = name.lower()
        lang = _lang_of_header(name)
        if lang and lang not in cols:
            cols[lang] = i
        elif low in _NOTE_COLS:
            note_cols.append(i)
        elif low in _DNT_COLS:
            dnt_col = i
    if not cols:
        raise InputError(
            f"glossary {p}: its first row names no language column "
            f"(expected headers such as zh-Hans, zh-Hant, en; it has {len(header)} column(s))"
        )
    entries = []
    for n, r in enumerate(rows[start + 1 :], start=start + 2):
        if not any(c.strip() for c in r) or r[0].lstrip().startswith("#"):
            continue

        def cell(i: int | None) -> str:
            return r[i].strip() if i is not None and i < len(r) else ""

        note = " ".join(cell(i) for i in note_cols if cell(i))
        dnt = bool(_DNT_RE.search(note)) or cell(dnt_col).lower() in _TRUE
        e = GlossaryEntry(cell(cols.get("zh-Hans")), cell(cols.get("zh-Hant")), cell(cols.get("en")), note, dnt, n)
        if not (e.zh_hans or e.zh_hant or e.en):
            continue
        entries.append(e)
    return entries


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse_tbx(text: str, p: Path) -> list[GlossaryEntry]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise InputError(f"glossary {p}: not well-formed TBX/XML ({exc})") from None
    entries = []
    n = 0
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        n += 1
        terms: dict[str, str] = {}
        notes: list[str] = []
        for el in entry.iter():
            name = _local(el.tag)
            if name == "langSet":
                tag = el.get(_XML_LANG) or el.get("lang") or ""
                lang = _lang_of_header(tag)
                if lang is None:
                    continue
                for t in el.iter():
                    if _local(t.tag) == "term" and (t.text or "").strip() and lang not in terms:
                        terms[lang] = "".join(t.itertext()).strip()
            elif name in ("note", "descrip", "termNote", "admin", "transac", "descripNote"):
                notes.append(" ".join(filter(None, [el.get("type", ""), "".join(el.itertext()).strip()])))
        note = "; ".join(x for x in notes if x)
        if terms:
            entries.append(
                GlossaryEntry(
                    terms.get("zh-Hans", ""),
                    terms.get("zh-Hant", ""),
                    terms.get("en", ""),
                    note,
                    bool(_DNT_RE.search(note)),
                    n,
                )
            )
    return entries


__all__ = ["Glossary", "GlossaryEntry", "load_glossary"]
