"""Command-line interface (click). Only argument handling lives here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .model import InputError
from .report import FORMATS
from .report.escape import one_line

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class Interrupted(Exception):
    """Ctrl-C, taken out of click's hands (click turns it into a generic Abort)."""


def _fail(message: str, code: int = EXIT_USAGE):
    click.echo(f"tcheck: {one_line(message)}", err=True)
    sys.exit(code)


class TcheckGroup(click.Group):
    """Turns every expected failure into one line on stderr and exit 2 (130 for Ctrl-C)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted() from None

    def main(self, *args, **kwargs):
        try:
            return super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except (Interrupted, KeyboardInterrupt, click.exceptions.Abort):
            _fail("interrupted", EXIT_INTERRUPTED)
        except click.ClickException as exc:
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            _fail(f"error: {exc.format_message()}{hint}")
        except InputError as exc:
            _fail(f"error: {exc}")
        except OSError as exc:  # the file system said no: a clear error, not a bug
            where = f"{exc.filename}: " if exc.filename else ""
            _fail(f"error: {where}{exc.strerror or exc}")
        except Exception as exc:  # never a traceback for the user
            if os.environ.get("TCHECK_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (set TCHECK_DEBUG=1 for details)")


@click.group(cls=TcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="tcheck", message="%(prog)s %(version)s")
def main():
    """tcheck - audit zh-Hans, zh-Hant and en versions of a document for translation drift.

    \b
    Examples:
      tcheck audit policy.md policy.zh-CN.md policy.zh-TW.md
      tcheck audit all-in-one.txt --format json --output report.json
      tcheck rules
    """


def _parse_langs(values: tuple[str, ...], files: list[str]) -> dict[str, str]:
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


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--lang",
    "langs",
    multiple=True,
    metavar="FILE=TAG",
    help="Language of a file: en, zh-Hans, zh-Hant (aliases zh-CN, zh-SG, zh-TW, zh-HK, zh-MO). Overrides detection.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the report to this file (- or nothing: standard output).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Exit 1 when a finding at or above this severity is reported (default: config, else error).",
)
@click.option(
    "--model",
    default=None,
    metavar="NAME",
    help="Embedding model: use-m3 (default, bundled) or st:<local path or cached name>.",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Config file (tcheck.toml or pyproject.toml) instead of the one found upward from here.",
)
@click.option("--no-config", is_flag=True, help="Ignore config files.")
@click.option(
    "--glossary",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Term glossary (overrides the config's glossary).",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Record the current findings in FILE (then they count as baselined).",
)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Audit documents in N processes."
)
def audit(
    paths,
    langs,
    fmt,
    output,
    fail_on,
    model,
    no_cache,
    config_path,
    no_config,
    glossary,
    baseline_path,
    write_baseline_path,
    jobs,
):
    """Audit PATH... (files or directories).

    \b
    A file is audited with its other language versions, found by naming
    convention (policy.md + policy.zh-CN.md, doc/en.md + doc/zh-TW.md,
    en/x.md + zh-CN/x.md, i18n/zh-CN/...); files given together with no
    such siblings are versions of one document (a file may hold several
    versions in sequence). A directory is searched for .md, .markdown and
    .txt files and every document in it is audited once.
    """
    from .pipeline import Settings, audit_jobs, fails, prepare
    from .report.output import check_targets
    from .workspace.config import resolve_config
    from .workspace.grouping import plan

    if config_path and no_config:
        raise InputError("--config and --no-config cannot be used together")
    cfg = resolve_config(config_path, no_config)
    if not paths and not cfg.groups:
        raise InputError("no input files given (tcheck audit FILE... or DIRECTORY)")
    excluded = cfg.is_excluded if cfg.exclude else None
    walk_warnings: list[str] = []
    targets = list(paths) if paths else [str(f) for g in cfg.groups for f in g.files]
    groups = plan(targets, cfg, excluded, walk_warnings)

    all_files = [f for g in groups for f in g.files]
    lang_map = _parse_langs(langs, list(dict.fromkeys([*paths, *all_files])))
    tolerant = any(Path(p).is_dir() for p in paths)  # a directory walk skips unreadable documents
    gloss_path = glossary or cfg.glossary
    inputs = [*all_files, *(str(p) for p in (gloss_path, baseline_path, cfg.path) if p)]
    check_targets({"--output": output, "--write-baseline": write_baseline_path}, inputs)

    gloss = None
    if gloss_path:
        gloss = _load_glossary(gloss_path)
    baseline = None
    if baseline_path:
        from .workspace.baseline import load_baseline

        baseline = load_baseline(baseline_path)
    settings = Settings(
        model=model or cfg.model or "use-m3",
        rules=dict(cfg.rules),
        options=dict(cfg.options),
        glossary=gloss,
        use_cache=not no_cache,
        max_file_size=cfg.max_file_size,
    )
    audit_jobs_list, load_warnings = prepare(
        groups, lang_map, named=set(paths), tolerant=tolerant, max_size=cfg.max_file_size
    )
    results = audit_jobs(audit_jobs_list, settings, workers=jobs)
    for msg in [*walk_warnings, *load_warnings]:
        click.echo(f"tcheck: warning: {one_line(msg)}", err=True)
    if baseline is not None and not write_baseline_path:
        baseline.apply(results)
    _publish(results, fmt, output, write_baseline_path)
    threshold = fail_on or cfg.fail_on or "error"
    sys.exit(EXIT_FINDINGS if any(fails(r, threshold) for r in results) else EXIT_CLEAN)


def _publish(results, fmt: str, output: str | None, baseline_path: str | None) -> None:
    """Write the baseline and the report together, atomically, or neither."""
    from .report import render
    from .report.output import STDOUT, Outputs, write_stdout
    from .workspace.baseline import load_baseline, write_baseline

    to_stdout = output in (None, STDOUT)
    with Outputs() as outputs:
        written: list[int] = []
        if baseline_path:  # every current finding (an older --baseline is superseded), then report as baselined

            def stage_baseline(tmp):
                written.append(write_baseline(tmp, results))
                load_baseline(tmp).apply(results)

            outputs.stage(baseline_path, stage_baseline)
        color = fmt == "text" and to_stdout and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = render(results, fmt, color=color)
        if not to_stdout:
            outputs.stage_text(output, text)
        outputs.commit()
    if written:
        n = written[0]
        click.echo(f"tcheck: wrote {n} finding{'s' if n != 1 else ''} to baseline {one_line(baseline_path)}", err=True)
    if to_stdout:
        write_stdout(text)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def rules_cmd(fmt):
    """List the rules: id, default severity and what each catches."""
    import json

    from .rules import all_rules

    rules = all_rules()
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "severity": r.severity.label,
                        "severities": [s.label for s in r.severities],
                        "scope": r.scope,
                        "enabled_by_default": r.default_enabled,
                        "summary": r.summary(),
                        "description": r.description(),
                    }
                    for r in rules.values()
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    elif fmt == "markdown":
        from .report.rules_table import rules_markdown

        click.echo(rules_markdown(), nl=False)
    else:
        width = max(len(r) for r in rules)
        for r in rules.values():
            off = "" if r.default_enabled else " (off by default)"
            click.echo(f"{r.id:<{width}}  {r.severity_label():<19}  {r.summary()}{off}")


@main.command("rule")
@click.argument("rule_id")
def rule_cmd(rule_id):
    """Explain one rule: what it catches, why, an example, what it does not report, its options."""
    from .rules import all_rules

    rules = all_rules()
    if rule_id not in rules:
        raise click.UsageError(f"unknown rule {rule_id!r}; 'tcheck rules' lists them")
    click.echo(rules[rule_id].help(), nl=False)


@main.group()
def cache():
    """Inspect or clear tcheck's cache (vectors, alignments, audit results)."""


@cache.command("info")
def cache_info():
    """Show where the cache is and what it holds."""
    from .cache import Cache

    info = Cache.default().info()
    click.echo(f"directory: {info['directory']}")
    if not info["owned"]:
        click.echo("not a tcheck cache (no CACHEDIR.TAG from tcheck): left alone")
    elif not info["entries"]:
        click.echo("empty")
    for name, n, what, size in info["entries"]:
        click.echo(f"{name}: {n} {what}, {size} bytes")


@cache.command("clear")
def cache_clear():
    """Delete the files tcheck wrote to its cache (nothing else)."""
    from .cache import Cache

    n = Cache.default().clear()
    click.echo(f"removed {n} cache file{'s' if n != 1 else ''}")


if __name__ == "__main__":  # pragma: no cover
    main()
