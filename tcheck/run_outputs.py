"""What a ``tcheck audit`` run writes: ``--diff`` / ``--fix``, stale baseline entries, the baseline and the report.

:class:`RunOutputs` is the part of :class:`tcheck.audit_run.Run` that runs
after the audit.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .model import InputError
from .report.escape import one_line
from .run_inputs import display_stdin_path
from .run_terminal import use_color

EXIT_CLEAN, EXIT_FINDINGS = 0, 1
MAX_STALE_SHOWN = 10


def warn(message: str) -> None:
    """One ``tcheck: warning:`` line on stderr."""
    click.echo(f"tcheck: warning: {one_line(message)}", err=True)


class RunOutputs:
    """Results out for :class:`tcheck.audit_run.Run` (uses its options, ``_stdin_tmp`` and ``_shard``)."""

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
            warn(w)
        n_findings = sum(len(p.findings) for p in plans)
        n_edits = sum(p.edits for p in plans)
        what = plural(n_findings, "finding") + f" ({plural(n_edits, 'edit')}) in " + plural(len(plans), "file")
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
            f"tcheck: {plural(len(stale), 'baseline entry', 'baseline entries')} "
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
                    f"tcheck: pruned {plural(dropped, 'stale entry', 'stale entries')} from {shown}; "
                    f"{plural(n, 'entry', 'entries')} kept",
                    err=True,
                )
            else:
                click.echo(f"tcheck: wrote {plural(n, 'finding')} to baseline {shown}", err=True)
        if to_stdout:
            write_stdout(text)
        elif not self.quiet:
            click.echo(f"tcheck: {summary_line(results)} Report written to {one_line(output)}.", err=True)


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
