"""One ``tcheck audit`` run: the command line's options turned into plan, audit, fixes, baseline and report.

:mod:`tcheck.cli` parses the arguments; :class:`Run` does the rest in the
order a user sees it: config and rule selection, the documents (standard
input included; :mod:`tcheck.run_inputs`), the audit (with a progress display
on a terminal; :mod:`tcheck.run_terminal`), ``per-file-ignores``, ``--diff`` /
``--fix``, the baseline (stale entries, ``--prune``), then the report and the
exit status (:mod:`tcheck.run_outputs`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import InputError
from .run_inputs import STDIN, RunInputs, _load_glossary
from .run_outputs import EXIT_CLEAN, EXIT_FINDINGS, RunOutputs, warn
from .run_terminal import Progress, use_color

__all__ = ["EXIT_CLEAN", "EXIT_FINDINGS", "STDIN", "Progress", "Run", "use_color"]


@dataclass
class Run(RunInputs, RunOutputs):
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
        select, extend, ignore = (split_selectors(x) for x in (self.select, self.extend_select, self.ignore))
        # without selectors the config's levels stand, and the rule modules need not load (a warm run)
        rules = (
            select_rules(dict(cfg.rules), select=select, extend_select=extend, ignore=ignore)
            if select or extend or ignore
            else dict(cfg.rules)
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
            warn(msg)
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
