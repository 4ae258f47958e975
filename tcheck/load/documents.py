"""Files -> Documents: every planned file loaded once, grouped into the documents to audit.

:func:`prepare` takes the discovery groups (:mod:`tcheck.workspace.grouping`),
loads each file once (a ``--lang`` or config tag beats the language its path
marks), leaves out a version that cannot be used with a warning, and splits
a group whose languages turn out to clash. The resulting :class:`Job` s carry
the loaded Documents through alignment and the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import langs
from ..model import Document, InputError, Version, one_line
from ..workspace.discovery import lang_hint
from ..workspace.files import display_path
from . import load_versions
from .decode import MAX_FILE_SIZE


def load_file(path: str, tag: str | None = None, max_size: int = MAX_FILE_SIZE) -> list[Version]:
    """The versions in one file: ``tag`` (``--lang``, config) beats the language its path marks."""
    lang, region = langs.parse_tag(tag) if tag else (lang_hint(path) or (None, ""))
    versions = load_versions(path, lang, region, max_size=max_size)
    for v in versions:
        v.path = display_path(path)
    return versions


def make_document(versions: list[Version]) -> Document:
    """One Document of 1-3 versions in different languages, in the standard order."""
    seen: dict[str, str] = {}
    for v in versions:
        if v.lang in seen:
            raise InputError(
                f"two {v.lang} versions ({seen[v.lang]} and {v.path}); name each file's language with --lang FILE=TAG"
            )
        seen[v.lang] = v.path
    return Document(sorted(versions, key=lambda v: langs.order(v.lang)))


def load_document(
    files: list[str], file_langs: dict[str, str] | None = None, max_size: int = MAX_FILE_SIZE
) -> Document:
    """Load 1-3 files into one Document; InputError on bad input."""
    if not files:
        raise InputError("no input files given")
    file_langs = file_langs or {}
    return make_document([v for f in files for v in load_file(f, file_langs.get(f), max_size)])


@dataclass
class Job:
    """One document to audit: its files, their language tags and the loaded Document."""

    files: list[str]
    langs: dict[str, str]
    document: Document


def prepare(
    groups,
    lang_map: dict[str, str],
    *,
    named: set[str] = frozenset(),
    tolerant: bool = False,
    max_size: int = MAX_FILE_SIZE,
) -> tuple[list[Job], list[str]]:
    """Load every file of the discovery ``groups`` once and make the documents to audit.

    ``lang_map`` holds the ``--lang`` tags by file name. A file that cannot be
    used (unreadable, empty, only front matter) is left out of its document
    with a warning, and the other versions are audited; when it was ``named``
    on the command line outside a directory walk (not ``tolerant``) it is an
    error. Returns the jobs and the warnings (one line each, unprintable characters escaped).
    """
    jobs: list[Job] = []
    warnings: list[str] = []
    for g in groups:
        tags = dict(g.langs)
        tags.update((f, tag) for given, tag in lang_map.items() for f in g.files if _same_file(f, given))
        loaded: dict[str, list[Version]] = {}
        failed: dict[str, InputError] = {}
        for f in g.files:
            try:
                loaded[f] = load_file(f, tags.get(f), max_size)
            except InputError as exc:
                failed[f] = exc
        if not tolerant:
            fatal = [exc for f, exc in failed.items() if f in named or not loaded]
            if fatal:
                raise fatal[0]
        warnings.extend(_left_out(str(exc), f, bool(loaded)) for f, exc in failed.items())
        if not loaded:
            continue
        try:
            parts = _resolve_group(g, [f for f in g.files if f in loaded], tags, loaded)
            for files in parts:
                doc = make_document([v for f in files for v in loaded[f]])
                jobs.append(Job(files, {f: t for f, t in tags.items() if f in files}, doc))
        except InputError as exc:
            if not tolerant:
                raise
            what = str(exc) if any(str(exc).startswith(f"{f}:") for f in g.files) else f"{', '.join(g.files)}: {exc}"
            warnings.append(f"skipped {what}")
    return jobs, [one_line(w) for w in warnings]


def _same_file(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def _left_out(message: str, path: str, others: bool) -> str:
    where = message if message.startswith(f"{path}:") else f"{path}: {message}"
    return f"{where}; audited the other versions without it" if others else f"skipped {where}"


def _resolve_group(group, files: list[str], tags: dict[str, str], loaded: dict[str, list[Version]]) -> list[list[str]]:
    """Split a discovered group whose languages are only known from the text.

    Explicit files with no siblings are one document unless two share a
    language (then each is audited alone); an unmarked file next to marked
    ones (``README.md`` beside ``en/README.md``) is audited alone when its
    language is already taken.
    """

    def langs_of(f: str) -> list[str]:
        return [v.lang for v in loaded[f]]

    if group.tentative:
        if tags:  # the user said which version each file is
            if len(files) > 3:
                raise InputError(
                    f"{len(files)} files given as one document; a document has at most 3 versions "
                    "(files named like policy.zh-CN.md or in zh-CN/ folders are grouped automatically)"
                )
            return [files]
        seen = [lg for f in files for lg in langs_of(f)]
        if len(seen) == len(set(seen)) and len(files) <= 3:
            return [files]
        return [[f] for f in files]
    if group.verify:
        loose = [f for f in group.unmarked() if f in files and f not in tags]
        others = [f for f in files if f not in loose]
        taken = {lg for f in others for lg in langs_of(f)}
        keep, alone = [], []
        for f in loose:
            mine = set(langs_of(f))
            if mine & taken or len(others) + len(keep) >= 3:
                alone.append(f)
            else:
                keep.append(f)
                taken |= mine
        return [others + keep] + [[f] for f in alone] if others + keep else [[f] for f in alone]
    return [files]
