"""The documents of a ``tcheck audit`` run: planned groups, ``--lang``, standard input, the glossary.

:class:`RunInputs` is the part of :class:`tcheck.audit_run.Run` that turns the
paths (or the config's groups) into the jobs to audit.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .model import InputError

STDIN = "-"


class RunInputs:
    """Documents for :class:`tcheck.audit_run.Run` (uses its options, ``cfg`` and ``warnings``)."""

    def _jobs(self, cfg):
        from .workspace.grouping import plan

        excluded = cfg.is_excluded if cfg.exclude else None
        targets = list(self.paths) if self.paths else [str(f) for g in cfg.groups for f in g.files]
        stdin = STDIN in targets
        if stdin:
            return self._stdin_jobs(cfg, excluded)
        groups = plan(targets, cfg, excluded, self.warnings)
        all_files = [f for g in groups for f in g.files]
        lang_map = _parse_langs(self.langs, list(dict.fromkeys([*self.paths, *all_files])))
        tolerant = any(Path(p).is_dir() for p in self.paths)  # a directory walk skips unreadable documents
        chosen = list(enumerate(groups))
        if self.shard is not None:  # this machine's share of the groups, with their places in the whole run
            from .shard import select

            chosen = select(groups, self._shard)
        self._prepare_args = ([g for _, g in chosen], lang_map, tolerant)
        from .pipeline import Planned

        # loaded in _audit, only where the run index (tcheck.cache.index) does not hold the group
        return Planned(chosen, lang_map, set(self.paths), tolerant, cfg.max_file_size), all_files

    def _reload(self, jobs):
        """The documents again, from the files as they are now (after --fix)."""
        from .pipeline import Planned, prepare

        if isinstance(jobs, Planned):  # planned groups are read when audited, by their current bytes
            return jobs
        groups, lang_map, tolerant = self._prepare_args
        fresh, _ = prepare(groups, lang_map, named=set(self.paths), tolerant=tolerant, max_size=self.cfg.max_file_size)
        return fresh

    def _stdin_jobs(self, cfg, excluded):
        """The text on standard input as the version at ``--stdin-filename``, with that file's siblings."""
        from .langs import parse_tag
        from .load import load_versions
        from .load.documents import Job, make_document
        from .pipeline import prepare
        from .workspace.discovery import lang_hint
        from .workspace.files import display_path
        from .workspace.grouping import plan

        name = self.stdin_filename or "stdin.txt"
        tag = None
        for item in self.langs:
            key, _, value = item.rpartition("=")
            if not key or key in (STDIN, name) or _same_file(key, name):
                tag = value if key or "=" in item else item
            else:
                raise InputError(f"--lang names {key!r}; with standard input, use --lang -=TAG")
        if tag is not None:
            _check_tag(tag)
        data = sys.stdin.buffer.read(cfg.max_file_size + 1)
        if len(data) > cfg.max_file_size:
            raise InputError(f"standard input is larger than {cfg.max_file_size} bytes (max-file-size)")
        tmpdir = tempfile.mkdtemp(prefix="tcheck-stdin-")
        self._stdin_tmp = Path(tmpdir) / (Path(name).name or "stdin.txt")
        self._stdin_tmp.write_bytes(data)
        lang, region = parse_tag(tag) if tag else (lang_hint(name) or (None, ""))
        versions = load_versions(str(self._stdin_tmp), lang, region, max_size=cfg.max_file_size)
        shown = display_path(name)
        for v in versions:
            v.path = shown
        siblings: list[str] = []
        if self.stdin_filename and Path(name).is_file():
            groups = plan([name], cfg, excluded, self.warnings)
            siblings = [f for g in groups for f in g.files if not _same_file(f, name)]
        others = []
        if siblings:
            from .workspace.grouping import Group

            jobs, warnings = prepare([Group(siblings)], {}, tolerant=True, max_size=cfg.max_file_size)
            self.warnings.extend(warnings)
            others = [v for j in jobs for v in j.document.versions]
            sib_files = [f for j in jobs for f in j.files]
        else:
            sib_files = []
        mine = {v.lang for v in versions}
        doc = make_document([*versions, *(v for v in others if v.lang not in mine)])
        files = [str(self._stdin_tmp), *sib_files]
        self._prepare_args = None
        return [Job(files, {}, doc)], sib_files


def display_stdin_path(name: str | None) -> str:
    from .workspace.files import display_path

    return display_path(name) if name else "stdin.txt"


def _parse_langs(values, files: list[str]) -> dict[str, str]:
    """``--lang FILE=TAG`` options as {input file: tag}; a FILE may name an input by another path."""

    out: dict[str, str] = {}
    for item in values:
        if "=" not in item:
            raise InputError(f"--lang expects FILE=TAG (e.g. --lang policy.txt=zh-TW), got {item!r}")
        path, tag = item.rsplit("=", 1)
        _check_tag(tag)
        match = next((f for f in files if f == path or _same_file(f, path)), None)
        if match is None:
            raise InputError(f"--lang names {path!r}, which is not one of the input files")
        out[match] = tag
    return out


def _check_tag(tag: str) -> None:
    """InputError when ``tag`` is not a language tag tcheck knows."""
    from .langs import parse_tag

    try:
        parse_tag(tag)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _load_glossary(path) -> object:
    from .workspace.glossary import load_glossary

    try:
        return load_glossary(str(path))
    except (ValueError, OSError) as exc:  # InputErrors pass through as they are
        raise InputError(f"{path}: cannot load glossary: {exc}") from None
