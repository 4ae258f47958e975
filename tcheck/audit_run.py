"""One ``tcheck audit`` run: the command line's options turned into plan, audit, fixes, baseline and report.

:mod:`tcheck.cli` parses the arguments; :class:`Run` does the rest in the
order a user sees it: config and rule selection, the documents (standard
input included), the audit (with a progress display on a terminal),
``per-file-ignores``, ``--diff`` / ``--fix``, the baseline (stale entries,
``--prune``), then the report and the exit status.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import click

from .model import InputError
from .report.escape import one_line

EXIT_CLEAN, EXIT_FINDINGS = 0, 1
STDIN = "-"
MAX_STALE_SHOWN = 10


def use_color(choice: str, stream) -> bool:
    """``--color``: always / never, or auto: NO_COLOR turns it off, FORCE_COLOR on, else a terminal decides."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force and force != "0":
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


class Progress:
    """Documents done / total and the elapsed time, redrawn on one stderr line; only on a terminal.

    A background thread redraws the line every second, so the elapsed time moves
    while a long document is being aligned.
    """

    def __init__(self, total: int, stream=None, enabled: bool = True, tick: float = 1.0):
        import threading

        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.start = time.monotonic()
        self.enabled = enabled and total > 0 and bool(getattr(self.stream, "isatty", lambda: False)())
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = None
        if self.enabled:
            self._draw()
            if tick > 0:
                self._thread = threading.Thread(target=self._tick, args=(tick,), daemon=True)
                self._thread.start()

    def _tick(self, every: float) -> None:
        while not self._stop.wait(every):
            self._draw()

    def _draw(self) -> None:
        with self._lock:
            if not self.enabled:
                return
            elapsed = int(time.monotonic() - self.start)
            width = 24
            filled = width * self.done // max(1, self.total)
            bar = "#" * filled + "-" * (width - filled)
            line = f"tcheck: auditing [{bar}] {self.done}/{self.total} documents, {elapsed // 60}:{elapsed % 60:02d}"
            try:
                self.stream.write(f"\r\x1b[2K{line}")
                self.stream.flush()
            except (OSError, ValueError):  # the terminal went away: stop drawing
                self.enabled = False

    def step(self) -> None:
        self.done += 1
        self._draw()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(1.0)
        with self._lock:
            if self.enabled:
                self.stream.write("\r\x1b[2K")
                self.stream.flush()
                self.enabled = False


@dataclass
class Run:
    paths: list[str]
    langs: list[str]
    fmt: str = "text"
    output: str | None = None
    fail_on: str | None = None
    model: str | None = None
    no_cache: bool = False
    config_path: str | None = None
    no_config: bool = False
    glossary: str | None = None
    baseline_path: str | None = None
    write_baseline_path: str | None = None
    prune: bool = False
    jobs: int = 1
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    statistics: bool = False
    quiet: bool = False
    color: str = "auto"
    stdin_filename: str | None = None
    show_diff: bool = False
    apply_fix: bool = False
    shard: str | None = None  # --shard K/N (tcheck.shard)
    warnings: list[str] = field(default_factory=list)

    # ------------------------------------------------------------------ checks
    def _check_options(self) -> None:
        if self.config_path and self.no_config:
            raise InputError("--config and --no-config cannot be used together")
        if self.show_diff and self.apply_fix:
            raise InputError("--diff and --fix cannot be used together (--diff shows what --fix would change)")
        if self.statistics and self.fmt != "text":
            raise InputError("--statistics prints text; it cannot be combined with --format " + self.fmt)
        if self.prune and not self.write_baseline_path:
            raise InputError("--prune needs --write-baseline FILE (the baseline to prune)")
        if self.paths.count(STDIN) > 1:
            raise InputError("standard input (-) can be given only once")
        if STDIN in self.paths and len(self.paths) > 1:
            raise InputError("standard input (-) cannot be combined with other paths")
        if self.stdin_filename and STDIN not in self.paths:
            raise InputError("--stdin-filename needs '-' as the path (the text comes from standard input)")
        if STDIN in self.paths and self.apply_fix:
            raise InputError("--fix cannot write to standard input; use --diff")
        if self.shard is not None:
            from .shard import parse_shard

            self._shard = parse_shard(self.shard)
            if STDIN in self.paths:
                raise InputError("--shard cannot be combined with standard input")

    # -------------------------------------------------------------------- run
    def execute(self) -> int:
        try:
            return self._execute()
        finally:
            tmp = getattr(self, "_stdin_tmp", None)
            if tmp is not None:
                import shutil

                shutil.rmtree(tmp.parent, ignore_errors=True)

    def _execute(self) -> int:
        from .pipeline import Settings
        from .report.output import check_targets
        from .workspace.config import resolve_config
        from .workspace.selection import select_rules, split_selectors

        self._check_options()
        cfg = resolve_config(self.config_path, self.no_config)
        self.cfg = cfg
        rules = select_rules(
            dict(cfg.rules),
            select=split_selectors(self.select),
            extend_select=split_selectors(self.extend_select),
            ignore=split_selectors(self.ignore),
        )
        if not self.paths and not cfg.groups:
            raise InputError("no input files given (tcheck audit FILE... or DIRECTORY, or - for standard input)")
        jobs, all_files = self._jobs(cfg)
        gloss_path = self.glossary or cfg.glossary
        inputs = [*all_files, *(str(p) for p in (gloss_path, self.baseline_path, cfg.path) if p)]
        check_targets({"--output": self.output, "--write-baseline": self.write_baseline_path}, inputs)
        self.settings = Settings(
            model=self.model or cfg.model or "use-m3",
            rules=rules,
            options=dict(cfg.options),
            glossary=_load_glossary(gloss_path) if gloss_path else None,
            use_cache=not self.no_cache,
            max_file_size=cfg.max_file_size,
        )
        baseline = None
        if self.baseline_path:
            from .workspace.baseline import load_baseline

            baseline = load_baseline(self.baseline_path)
        results = self._audit(jobs)
        for msg in self.warnings:
            click.echo(f"tcheck: warning: {one_line(msg)}", err=True)
        if self.show_diff or self.apply_fix:
            fixed = self._fixes(results)
            if self.show_diff:
                return fixed
            results = self._audit(self._reload(jobs))
        if baseline is not None and not self.write_baseline_path:
            baseline.apply(results)
            self._report_stale(baseline)
        self._publish(results)
        from .pipeline import fails

        threshold = self.fail_on or cfg.fail_on or "error"
        return EXIT_FINDINGS if any(fails(r, threshold) for r in results) else EXIT_CLEAN

    # ------------------------------------------------------------- documents
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
            try:
                parse_tag(tag)
            except ValueError as exc:
                raise InputError(str(exc)) from None
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

    # ------------------------------------------------------------------ audit
    def _audit(self, jobs):
        from .pipeline import Planned, audit_jobs, audit_planned

        walk = any(Path(p).is_dir() for p in self.paths)
        shown: list[Progress] = []

        def start(total: int) -> None:
            shown.append(Progress(total, enabled=walk and not self.quiet))

        def step() -> None:
            shown[0].step()

        try:
            if isinstance(jobs, Planned):
                results, warnings, self._shard_order = audit_planned(
                    jobs, self.settings, workers=self.jobs, on_total=start, on_done=step
                )
                self.warnings.extend(warnings)
            else:
                start(len(jobs))
                results = audit_jobs(jobs, self.settings, workers=self.jobs, on_done=step)
        finally:
            for p in shown:
                p.close()
        self._per_file_ignores(results)
        return results

    def _per_file_ignores(self, results) -> None:
        """Drop findings of rules ``per-file-ignores`` switches off for their file (counted as suppressed)."""
        if not self.cfg.per_file_ignores:
            return
        for res in results:
            kept = []
            for f in res.findings:
                path = f.locations[0].path
                if f.rule in self.cfg.ignored_rules(path):
                    res.suppressed += 1
                else:
                    kept.append(f)
            res.findings = kept

    # ------------------------------------------------------------------ fixes
    def _fixes(self, results) -> int:
        """--diff: print the diff (exit 1 when there is one); --fix: write the files, report what was fixed."""
        from .fix import plan_fixes, unified_diff, write_fixes
        from .report.output import write_stdout

        sources = {}
        if getattr(self, "_stdin_tmp", None) is not None:
            sources[display_stdin_path(self.stdin_filename)] = str(self._stdin_tmp)
        plans, warnings = plan_fixes(results, sources)
        for w in warnings:
            click.echo(f"tcheck: warning: {one_line(w)}", err=True)
        n_findings = sum(len(p.findings) for p in plans)
        n_edits = sum(p.edits for p in plans)
        what = _plural(n_findings, "finding") + f" ({_plural(n_edits, 'edit')}) in " + _plural(len(plans), "file")
        if self.show_diff:
            if plans:
                write_stdout(unified_diff(plans))
            if not self.quiet:
                click.echo(f"tcheck: {what} can be fixed with --fix" if plans else "tcheck: nothing to fix", err=True)
            return EXIT_FINDINGS if plans else EXIT_CLEAN
        write_fixes(plans)
        if not self.quiet:
            if plans:
                rules: dict[str, int] = {}
                for p in plans:
                    for r, n in p.rules.items():
                        rules[r] = rules.get(r, 0) + n
                detail = ", ".join(f"{r} {n}" for r, n in sorted(rules.items()))
                click.echo(f"tcheck: fixed {what}: {detail}", err=True)
            else:
                click.echo("tcheck: nothing to fix", err=True)
        return EXIT_CLEAN

    # --------------------------------------------------------------- baseline
    def _report_stale(self, baseline) -> None:
        stale = baseline.stale
        if not stale or self.quiet:
            return
        for e in stale[:MAX_STALE_SHOWN]:
            click.echo(
                f"tcheck: warning: {one_line(str(self.baseline_path))}: stale entry ({e.get('rule', '?')} in "
                f"{one_line(e.get('path', '?'))}): {one_line(str(e.get('message', ''))[:120])}",
                err=True,
            )
        more = f" ({len(stale) - MAX_STALE_SHOWN} more not shown)" if len(stale) > MAX_STALE_SHOWN else ""
        click.echo(
            f"tcheck: {_plural(len(stale), 'baseline entry', 'baseline entries')} "
            f"no longer match{'es' if len(stale) == 1 else ''} a finding{more}; "
            f"drop them with --write-baseline {one_line(str(self.baseline_path))} --prune",
            err=True,
        )

    # ----------------------------------------------------------------- report
    def _publish(self, results) -> None:
        """Write the baseline and the report together, atomically, or neither."""
        from .report import render
        from .report.output import STDOUT, Outputs, write_stdout
        from .report.text import summary_line
        from .workspace.baseline import load_baseline, write_baseline, write_pruned

        output, baseline_path = self.output, self.write_baseline_path
        to_stdout = output in (None, STDOUT)
        written: list[tuple[int, int]] = []
        with Outputs() as outputs:
            if baseline_path:

                def stage_baseline(tmp):
                    if self.prune:  # the existing entries minus the stale ones; nothing added
                        old = load_baseline(baseline_path) if Path(baseline_path).exists() else None
                        if old is None:
                            raise InputError(f"--prune: {baseline_path}: baseline file not found")
                        old.apply(results)
                        written.append(write_pruned(tmp, old))
                    else:  # every current finding (an older --baseline is superseded), then report as baselined
                        written.append((write_baseline(tmp, results), 0))
                        load_baseline(tmp).apply(results)

                outputs.stage(baseline_path, stage_baseline)
            color = self.fmt == "text" and (self.color == "always" or (to_stdout and use_color(self.color, sys.stdout)))
            text = render(results, self.fmt, color=color, quiet=self.quiet, statistics=self.statistics)
            if self.shard is not None and self.fmt == "json":  # what tcheck merge needs
                from .shard import annotate

                text = annotate(text, self._shard, self._shard_order, results)
            if not to_stdout:
                outputs.stage_text(output, text)
            outputs.commit()
        if written and not self.quiet:
            n, dropped = written[0]
            shown = one_line(baseline_path)
            if self.prune:
                click.echo(
                    f"tcheck: pruned {_plural(dropped, 'stale entry', 'stale entries')} from {shown}; "
                    f"{_plural(n, 'entry', 'entries')} kept",
                    err=True,
                )
            else:
                click.echo(f"tcheck: wrote {_plural(n, 'finding')} to baseline {shown}", err=True)
        if to_stdout:
            write_stdout(text)
        elif not self.quiet:
            click.echo(f"tcheck: {summary_line(results)} Report written to {one_line(output)}.", err=True)


def display_stdin_path(name: str | None) -> str:
    from .workspace.files import display_path

    return display_path(name) if name else "stdin.txt"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _parse_langs(values, files: list[str]) -> dict[str, str]:
    """``--lang FILE=TAG`` options as {input file: tag}; a FILE may name an input by another path."""
    from .langs import parse_tag

    out: dict[str, str] = {}
    for item in values:
        if "=" not in item:
            raise InputError(f"--lang expects FILE=TAG (e.g. --lang policy.txt=zh-TW), got {item!r}")
        path, tag = item.rsplit("=", 1)
        try:
            parse_tag(tag)
        except ValueError as exc:
            raise InputError(str(exc)) from None
        match = next((f for f in files if f == path or _same_file(f, path)), None)
        if match is None:
            raise InputError(f"--lang names {path!r}, which is not one of the input files")
        out[match] = tag
    return out


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
