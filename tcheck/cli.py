"""Command-line interface (click). Only argument handling lives here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .model import InputError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class TcheckGroup(click.Group):
    """Turns every expected failure into one line on stderr and exit 2."""

    def main(self, *args, **kwargs):
        kwargs.setdefault("standalone_mode", True)
        try:
            return super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("tcheck: aborted", err=True)
            sys.exit(EXIT_USAGE)
        except click.ClickException as exc:
            msg = exc.format_message()
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            click.echo(f"tcheck: error: {msg}{hint}", err=True)
            sys.exit(EXIT_USAGE)
        except InputError as exc:
            click.echo(f"tcheck: error: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        except KeyboardInterrupt:
            click.echo("tcheck: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # never a traceback for the user
            if os.environ.get("TCHECK_DEBUG"):
                raise
            click.echo(f"tcheck: internal error: {type(exc).__name__}: {exc} (set TCHECK_DEBUG=1 for details)", err=True)
            sys.exit(EXIT_USAGE)


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
    from .scripts import normalize_tag

    out: dict[str, str] = {}
    for item in values:
        if "=" not in item:
            raise InputError(f"--lang expects FILE=TAG (e.g. --lang policy.txt=zh-TW), got {item!r}")
        path, tag = item.rsplit("=", 1)
        normalize_tag(tag)  # validates
        match = None
        for f in files:
            if f == path or (Path(f).exists() and Path(path).exists() and Path(f).resolve() == Path(path).resolve()):
                match = f
        if match is None:
            raise InputError(f"--lang names {path!r}, which is not one of the input files")
        out[match] = tag
    return out


def _wrap_value_errors(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except ValueError as exc:
        raise InputError(str(exc)) from None


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--lang", "langs", multiple=True, metavar="FILE=TAG",
              help="Language of a file: en, zh-Hans, zh-Hant (aliases zh-CN, zh-SG, zh-TW, zh-HK, zh-MO). Overrides detection.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "html"]), default="text",
              show_default=True, help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file instead of stdout.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True,
              help="Exit 1 when a finding at or above this severity is reported.")
@click.option("--model", default=None, metavar="NAME",
              help="Embedding model: use-m3 (default, bundled) or st:<local path or cached name>.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
def audit(files, langs, fmt, output, fail_on, model, no_cache):
    """Audit FILE... (1 to 3 files; a file may hold several versions in sequence)."""
    from .audit import Settings, audit_files, fails
    from .report import render

    files = list(files)
    if len(files) > 3:
        raise InputError(f"audit takes 1 to 3 files (one per version), got {len(files)}")
    lang_map = _parse_langs(langs, files)
    if output:
        out_path = Path(output).resolve()
        for f in files:
            if Path(f).exists() and Path(f).resolve() == out_path:
                raise InputError(f"--output {output} is one of the input files; tcheck never writes to its inputs")
    settings = Settings(model=model or "use-m3", use_cache=not no_cache)
    result = audit_files(files, lang_map, settings)
    color = fmt == "text" and not output and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    text = render([result], fmt, color=color)
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot write {output}: {exc.strerror}") from None
    else:
        click.echo(text, nl=False)
    sys.exit(EXIT_FINDINGS if fails(result, fail_on) else EXIT_CLEAN)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def rules_cmd(fmt):
    """List the rules: id, default severity and what each catches."""
    import json

    from .rules import all_rules

    rules = all_rules()
    if fmt == "json":
        click.echo(json.dumps([{"id": r.id, "severity": r.severity.label, "scope": r.scope, "summary": r.summary(),
                                "description": r.description()} for r in rules.values()], ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        click.echo("| rule | default severity | what it catches |\n|---|---|---|")
        for r in rules.values():
            click.echo(f"| `{r.id}` | {r.severity.label} | {r.summary()} |")
    else:
        width = max(len(r) for r in rules)
        for r in rules.values():
            click.echo(f"{r.id:<{width}}  {r.severity.label:<7}  {r.summary()}")


@main.group()
def cache():
    """Inspect or clear the embedding cache."""


@cache.command("info")
def cache_info():
    """Show where the cache is and how many vectors it holds."""
    from .embed.cache import EmbeddingCache

    info = EmbeddingCache.default().info()
    click.echo(f"directory: {info['directory']}")
    if not info["files"]:
        click.echo("empty")
    for f in info["files"]:
        click.echo(f"{f['name']}: {f['entries']} vectors, {f['bytes']} bytes")


@cache.command("clear")
def cache_clear():
    """Delete every cached vector."""
    from .embed.cache import EmbeddingCache

    n = EmbeddingCache.default().clear()
    click.echo(f"removed {n} cache file{'s' if n != 1 else ''}")


if __name__ == "__main__":  # pragma: no cover
    main()
