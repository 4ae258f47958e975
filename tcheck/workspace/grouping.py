"""Which files are audited together: the groups of one run, from paths, siblings and config groups."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .discovery import Listing, mark, siblings
from .files import display_path, walk

MAX_VERSIONS = 3


@dataclass
class Group:
    """Files audited together as versions of one document."""

    files: list[str]  # as given on the command line, or paths relative to the working directory
    langs: dict[str, str] = field(default_factory=dict)  # file -> language tag (from config groups)
    tentative: bool = False  # explicit files with no discovered structure (see plan())
    verify: bool = False  # holds unmarked files whose language may duplicate another version's

    def unmarked(self) -> list[str]:
        return [f for f in self.files if mark(f).lang is None]


def split_group(files: list[Path]) -> list[list[Path]]:
    """Split a key group into auditable groups: at most one file per marked language.

    An unmarked file (``policy.md`` next to ``policy.zh-CN.md``) joins the
    first group; its language is only known from its text, so :func:`plan`
    marks such groups ``verify`` and the caller audits the unmarked file on
    its own when its language turns out to duplicate another version's
    (``README.md`` next to ``en/README.md``). Extra files for a language
    already present (``x.zh-TW.md`` and ``x.zh-HK.md``) form further groups.
    """
    marks = {f: mark(f) for f in files}
    marked = sorted((f for f in files if marks[f].lang), key=lambda f: (marks[f].secondary, str(f)))
    unmarked = [f for f in files if not marks[f].lang]
    rest = list(marked)
    groups: list[list[Path]] = []
    first = True
    while rest:
        seen: set[str] = set()
        g, left = [], []
        for f in rest:
            lg = marks[f].lang
            clash = lg in seen or (lg == "zh" and seen & {"zh-Hans", "zh-Hant"} == {"zh-Hans", "zh-Hant"})
            if clash or len(g) >= MAX_VERSIONS:
                left.append(f)
            else:
                seen.add(lg)
                g.append(f)
        if first and unmarked and len(g) < MAX_VERSIONS:
            g.insert(0, unmarked.pop(0))
        first = False
        groups.append(g)
        rest = left
    groups.extend([u] for u in unmarked)
    return groups


def plan(paths: list[str], config=None, excluded=None, warnings: list[str] | None = None) -> list[Group]:
    """Groups of files to audit for the command-line ``paths`` (files and directories).

    * A directory is walked; every document below it is audited once.
    * A file is audited with its siblings; several files of one document are
      audited once.
    * Files declared together in the config's ``groups`` stay together.
    * Explicit files with no discovered siblings are one document (the
      ``tcheck audit a.txt b.txt --lang …`` case): such a group is marked
      ``tentative`` and the caller splits it when two of the files turn out
      to be in the same language.

    Files skipped by the directory walk are reported in ``warnings``.
    """
    planner = _Planner(config, excluded)
    explicit: list[tuple[Path, str]] = []
    walked: list[Path] = []
    for raw in paths:
        p = Path(os.path.abspath(raw))
        if p.is_dir():
            walked.extend(walk(p, excluded, warnings))
        elif not (excluded and excluded(p) and p.exists()):
            explicit.append((p, raw))
    planner.given_name = {p: raw for p, raw in explicit}
    planner.add_explicit(explicit, walked=bool(walked))
    planner.add_walked(walked)
    return planner.groups


class _Planner:
    """The groups of one run, built file by file; every file is placed once."""

    def __init__(self, config, excluded):
        self.excluded = excluded
        self.listing = Listing()
        self.config_groups = list(getattr(config, "groups", []) or [])
        self.declared: dict[Path, int] = {}
        for gi, g in enumerate(self.config_groups):
            for f in g.files:
                self.declared.setdefault(Path(os.path.abspath(f)), gi)
        self.given_name: dict[Path, str] = {}
        self.groups: list[Group] = []
        self.placed: set[Path] = set()

    def name_of(self, f: Path) -> str:
        return self.given_name.get(f, display_path(f))

    def free_siblings(self, p: Path) -> list[Path]:
        found = siblings(p, listing=self.listing, excluded=self.excluded)
        return [s for s in found if s not in self.placed and s not in self.declared]

    def add(self, part: list[Path]) -> None:
        self.placed.update(part)
        langs = [mark(f).lang for f in part]
        self.groups.append(Group([self.name_of(f) for f in part], verify=len(part) > 1 and None in langs))

    def add_declared(self, p: Path) -> bool:
        """Place the config group holding ``p``; False when ``p`` is in none."""
        if p not in self.declared:
            return False
        g = self.config_groups[self.declared[p]]
        fs = [Path(os.path.abspath(f)) for f in g.files]
        self.placed.update(fs)
        langs = {self.name_of(Path(os.path.abspath(k))): v for k, v in g.langs.items()}
        self.groups.append(Group([self.name_of(f) for f in fs], langs))
        return True

    def add_explicit(self, explicit: list[tuple[Path, str]], walked: bool) -> None:
        """Files named on the command line, each with its siblings."""
        lonely: list[str] = []  # no sibling anywhere: candidates for the "one document" reading
        for p, raw in explicit:
            if p in self.placed or self.add_declared(p):
                continue
            sib = self.free_siblings(p) if p.exists() else []
            if not sib:
                lonely.append(raw)
                self.placed.add(p)
                continue
            self.add(next(part for part in split_group([p, *sib]) if p in part))
        if len(lonely) > 1 and not self.groups and not walked:
            self.groups.append(Group(lonely, tentative=True))
        else:
            self.groups.extend(Group([raw]) for raw in lonely)

    def add_walked(self, walked: list[Path]) -> None:
        """Files found in directories, grouped by document key, with versions found outside them."""
        by_key: dict[tuple, list[Path]] = {}
        for p in walked:
            if p not in self.placed and not self.add_declared(p):
                by_key.setdefault(mark(p).key, []).append(p)
        for fs in by_key.values():
            fs = [f for f in fs if f not in self.placed]
            if not fs:
                continue
            found = set(fs)
            for f in fs:  # versions outside the walked directory (i18n/, a sibling language folder)
                found.update(self.free_siblings(f))
            for part in split_group(sorted(found)):
                self.add(part)
