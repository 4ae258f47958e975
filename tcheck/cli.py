"""Command-line interface (click). Only argument handling lives here."""

from __future__ import annotations

import os
import sys

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
      tcheck audit docs --select missing,number-mismatch --ignore semantic-drift
      tcheck audit docs --statistics | --quiet | --color always
      tcheck audit docs --diff        (safe fixes as a diff; --fix applies them)
      cat x.md | tcheck audit - --stdin-filename docs/x.md
      tcheck audit docs --baseline b.json   (--write-baseline b.json --prune)
      tcheck rules [--format json]  |  tcheck rule ID

    'tcheck audit --help' lists every option.
    """


def _rules_option(name: str, help_text: str):
    return click.option(name, multiple=True, metavar="RULES", help=help_text)


def _file_option(name: str, dest: str, help_text: str):
    """An option naming one file (not a directory), shown as FILE."""
    return click.option(name, dest, type=click.Path(dir_okay=False), metavar="FILE", help=help_text)


def _output_option(help_text: str):
    return click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), help=help_text)


def _fail_on_option(help_text: str, **default):
    return click.option(
        "--fail-on", type=click.Choice(["error", "warning", "info", "never"]), help=help_text, **default
    )


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--lang",
    "langs",
    multiple=True,
    metavar="FILE=TAG",
    help="Language of a file: en, zh-Hans, zh-Hant (aliases zh-CN, zh-SG, zh-TW, zh-HK, zh-MO). Overrides detection."
    " For standard input: --lang -=TAG (or just --lang TAG).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@_output_option("Write the report to this file (- or nothing: standard output); a summary line goes to stderr.")
@_fail_on_option(
    "Exit 1 when a finding at or above this severity is reported (default: config, else error).", default=None
)
@_rules_option("--select", "Run only these rules: ids or prefixes, comma-separated or repeated (ALL: every rule).")
@_rules_option("--extend-select", "Run these rules in addition to the config's (ids or prefixes).")
@_rules_option("--ignore", "Do not run these rules (ids or prefixes; wins over --select).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary, nothing when clean.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour in text output (auto: on a terminal, unless NO_COLOR is set or FORCE_COLOR asks for it).",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="With PATH '-': the file name of the text read from standard input (its language and other versions).",
)
@click.option("--diff", "show_diff", is_flag=True, help="Print the safe fixes as a unified diff; change nothing.")
@click.option("--fix", "apply_fix", is_flag=True, help="Apply the safe fixes to the files in place, then re-audit.")
@click.option(
    "--model",
    default=None,
    metavar="NAME",
    help="Embedding model: use-m3 (default, bundled) or st:<local path or cached name>.",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
@_file_option(
    "--config", "config_path", "Config file (tcheck.toml or pyproject.toml) instead of the one found upward from here."
)
@click.option("--no-config", is_flag=True, help="Ignore config files.")
@_file_option("--glossary", "glossary", "Term glossary (overrides the config's glossary).")
@_file_option(
    "--baseline",
    "baseline_path",
    "Report only findings not recorded in this baseline file (and list its stale entries).",
)
@_file_option(
    "--write-baseline", "write_baseline_path", "Record the current findings in FILE (then they count as baselined)."
)
@click.option(
    "--prune",
    is_flag=True,
    help="With --write-baseline FILE: keep FILE's entries, drop only the stale ones of the audited documents.",
)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Audit documents in N processes."
)
@click.option(
    "--shard",
    metavar="K/N",
    default=None,
    help="Audit only shard K of N (a balanced share of the documents, for CI matrices); 'tcheck merge' joins them.",
)
def audit(paths, langs, fmt, output, fail_on, model, no_cache, config_path, no_config, glossary, **opts):
    """Audit PATH... (files or directories; - reads standard input).

    \b
    A file is audited with its other language versions, found by naming
    convention (policy.md + policy.zh-CN.md, doc/en.md + doc/zh-TW.md,
    en/x.md + zh-CN/x.md, i18n/zh-CN/...); files given together with no
    such siblings are versions of one document (a file may hold several
    versions in sequence). A directory is searched for .md, .markdown,
    .mdx, .txt, .html and .htm files and every document in it is audited once.
    """
    from .audit_run import Run

    run = Run(
        paths=list(paths),
        langs=list(langs),
        fmt=fmt,
        output=output,
        fail_on=fail_on,
        model=model,
        no_cache=no_cache,
        config_path=config_path,
        no_config=no_config,
        glossary=glossary,
        **opts,
    )
    sys.exit(run.execute())


@main.command("merge")
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True, help="Report format.")
@_output_option("Write the merged report to this file (- or nothing: standard output).")
@_fail_on_option("Exit 1 when a merged finding is at or above this severity.", default="never", show_default=True)
def merge_cmd(reports, fmt, output, fail_on):
    """Merge the JSON reports of 'tcheck audit --shard K/N --format json' into one report.

    \b
    The result equals the report of the same audit run without --shard:
      tcheck merge shard-*.json --format sarif --output tcheck.sarif
    """
    from .pipeline import fails
    from .report import render
    from .report.merge import merge_results
    from .report.output import STDOUT, Outputs, write_stdout

    results = merge_results(list(reports))
    text = render(results, fmt)
    if output in (None, STDOUT):
        write_stdout(text)
    else:
        with Outputs() as outputs:
            outputs.stage_text(output, text)
            outputs.commit()
    sys.exit(EXIT_FINDINGS if any(fails(r, fail_on) for r in results) else EXIT_CLEAN)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def rules_cmd(fmt):
    """List the rules: id, default severity and what each catches."""
    import json

    from .report.sarif import HELP_URI
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
                        "options": dict(r.options),
                        "help_uri": HELP_URI.format(id=r.id),
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
    shared = _prepared_models_line(info["directory"])
    if shared:
        click.echo(shared)


def _prepared_models_line(directory: str) -> str | None:
    """Where prepared models are kept when that is not the cache above (tcheck.embed.prepared.shared_base)."""
    import os

    from .cache import Cache
    from .embed.prepared.store import shared_base

    other = Cache(shared_base())
    if os.path.abspath(other.dir.root) == os.path.abspath(directory):
        return None
    files = other.dir.files("models")
    n = len({p.parent for p in files})
    size = sum(p.stat().st_size for p in files if p.exists())
    return f"prepared models (cleared there with TCHECK_CACHE_DIR={other.dir.base} tcheck cache clear): {other.dir.root / 'models'}: {n}, {size} bytes"


@cache.command("clear")
def cache_clear():
    """Delete the files tcheck wrote to its cache (nothing else)."""
    from .cache import Cache

    n = Cache.default().clear()
    click.echo(f"removed {n} cache file{'s' if n != 1 else ''}")


if __name__ == "__main__":  # pragma: no cover
    main()
