"""Configuration: ``[tool.tcheck]`` in ``pyproject.toml`` or a ``tcheck.toml``.

The file is found by searching upward from the working directory; the first
directory holding a ``tcheck.toml`` or a ``pyproject.toml`` with a
``[tool.tcheck]`` table wins (``tcheck.toml`` first when both are there).
Relative paths in the file (``glossary``, ``groups``, ``exclude``) are
relative to the directory of the config file.

Every key and value is checked: an unknown key, a key given twice (``fail_on``
and ``fail-on``), an unknown rule id, an option a rule does not have, a value
of the wrong type or out of range, and a path leading outside the config
file's directory (the project root) is an :class:`InputError` naming the file
and the key, so a typo never silently does nothing.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..langs import parse_tag
from ..limits import MAX_FILE_SIZE, read_bytes
from ..model import InputError

CONFIG_NAMES = ("tcheck.toml", "pyproject.toml")
RULE_LEVELS = ("off", "on", "error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "never")
TOP_KEYS = (
    "rules",
    "options",
    "model",
    "glossary",
    "fail-on",
    "groups",
    "exclude",
    "max-file-size",
    "per-file-ignores",
)


@dataclass
class Group:
    """A set of files declared to be versions of one document."""

    files: list[Path]
    langs: dict[Path, str] = field(default_factory=dict)  # file -> language tag


@dataclass
class Config:
    path: Path | None = None  # None: no config file
    rules: dict[str, str] = field(default_factory=dict)  # rule id -> off | error | warning | info
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    model: str | None = None
    glossary: Path | None = None
    fail_on: str | None = None
    groups: list[Group] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    max_file_size: int = MAX_FILE_SIZE  # bytes; a larger document is refused
    # (glob pattern, rule ids): findings of those rules in matching files are not reported
    per_file_ignores: list[tuple[str, frozenset[str]]] = field(default_factory=list)

    def ignored_rules(self, path: str | os.PathLike) -> frozenset[str]:
        """The rule ids ``per-file-ignores`` switches off for ``path``."""
        out: set[str] = set()
        for pattern, ids in self.per_file_ignores:
            if is_excluded(path, [pattern], self.root):
                out |= ids
        return frozenset(out)

    @property
    def root(self) -> Path:
        """Directory that relative paths and exclude patterns are relative to."""
        return self.path.parent if self.path else Path.cwd()

    def is_excluded(self, path: str | os.PathLike) -> bool:
        return is_excluded(path, self.exclude, self.root)


# ---------------------------------------------------------------------------
# finding and reading


def _has_tcheck_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "tcheck" not in text:  # cheap test before parsing someone else's file
        return False
    data = _parse(pyproject, text)
    return isinstance(data.get("tool"), dict) and "tcheck" in data["tool"]


def find_config(start: str | os.PathLike | None = None) -> Path | None:
    """The config file that applies to ``start`` (default: the working directory)."""
    d = Path(start or Path.cwd()).resolve()
    for folder in (d, *d.parents):
        own = folder / "tcheck.toml"
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file() and _has_tcheck_table(py):
            return py
    return None


def _parse(path: Path, text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise InputError(f"{path}: invalid TOML: nested too deeply") from None


def load_config(path: str | os.PathLike) -> Config:
    """Read and validate a config file (``tcheck.toml`` or ``pyproject.toml``)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: config file not found")
    try:
        text = read_bytes(str(path)).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: cannot read config file: not UTF-8 text") from None
    data = _parse(p, text)
    if p.name == "pyproject.toml" or "tool" in data and isinstance(data.get("tool"), dict) and "tcheck" in data["tool"]:
        table = data.get("tool", {}).get("tcheck")
        if table is None:
            raise InputError(f"{path}: no [tool.tcheck] table")
        prefix = "tool.tcheck."
    else:
        table = data
        prefix = ""
    if not isinstance(table, dict):
        raise InputError(f"{path}: {prefix.rstrip('.') or 'tcheck'} must be a table")
    return _validate(table, p.resolve(), prefix)


def resolve_config(explicit: str | None = None, no_config: bool = False) -> Config:
    """The config for a run: ``--config FILE``, else the one found upward, else defaults."""
    if explicit:
        return load_config(explicit)
    if no_config:
        return Config()
    found = find_config()
    return load_config(found) if found else Config()


# ---------------------------------------------------------------------------
# validation


class _Err:
    def __init__(self, path: Path, prefix: str):
        self.path, self.prefix = path, prefix

    def __call__(self, key: str, msg: str) -> InputError:
        return InputError(f"{self.path}: {self.prefix}{key}: {msg}")


def _type_name(v: Any) -> str:
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }.get(type(v), type(v).__name__)


def _validate(table: dict, path: Path, prefix: str) -> Config:
    err = _Err(path, prefix)
    cfg = Config(path=path)
    t: dict[str, Any] = {}
    for key, value in table.items():
        norm = key.replace("_", "-")
        if norm not in TOP_KEYS:
            raise err(key, f"unknown key (expected one of: {', '.join(TOP_KEYS)})")
        if norm in t:
            raise err(key, f"given twice (as {norm!r} and {key!r})")
        t[norm] = value
    _rules(t.get("rules", {}), cfg, err)
    _options(t.get("options", {}), cfg, err)
    _scalars(t, cfg, err)
    _exclude(t.get("exclude", []), cfg, err)
    _groups(t.get("groups", []), cfg, err)
    _per_file_ignores(t.get("per-file-ignores", {}), cfg, err)
    return cfg


def _known_rule(err: _Err, key: str, rid: str):
    from ..rules import all_rules

    rules = all_rules()
    if rid not in rules:
        raise err(key, f"unknown rule id {rid!r} (see 'tcheck rules')")
    return rules[rid]


def _rules(r: Any, cfg: Config, err: _Err) -> None:
    """rules = { id = "off" | "on" | severity | true | false }"""
    if not isinstance(r, dict):
        raise err("rules", f"must be a table of rule ids, got {_type_name(r)}")
    for rid, val in r.items():
        _known_rule(err, f"rules.{rid}", rid)
        if isinstance(val, bool):
            val = "on" if val else "off"
        if not isinstance(val, str) or val.strip().lower() not in RULE_LEVELS:
            raise err(f"rules.{rid}", f"expected one of {', '.join(repr(x) for x in RULE_LEVELS)}, got {val!r}")
        # "on" is kept: it enables a rule that is off by default (default_enabled = False)
        cfg.rules[rid] = val.strip().lower()


def _options(o: Any, cfg: Config, err: _Err) -> None:
    """options.<rule> = { name = value }, each value checked by the rule's own Options."""
    from ..rules import OptionError

    if not isinstance(o, dict):
        raise err("options", f"must be a table of rule ids, got {_type_name(o)}")
    for rid, opts in o.items():
        rule = _known_rule(err, f"options.{rid}", rid)
        if not isinstance(opts, dict):
            raise err(f"options.{rid}", f"must be a table of option = value, got {_type_name(opts)}")
        for name, value in opts.items():
            try:
                cfg.options.setdefault(rid, {})[name] = rule.Options.check_value(name, value)
            except OptionError as exc:
                raise err(f"options.{rid}.{name}", f"rule {rid}: {exc}") from None


def _scalars(t: dict, cfg: Config, err: _Err) -> None:
    if "model" in t:
        if not isinstance(t["model"], str) or not t["model"].strip():
            raise err("model", f'expected a model name (e.g. "use-m3"), got {t["model"]!r}')
        cfg.model = t["model"].strip()
    if "glossary" in t:
        g = t["glossary"]
        if not isinstance(g, str) or not g.strip():
            raise err("glossary", f"expected a file path, got {g!r}")
        cfg.glossary = _project_file(g, cfg.root, err, "glossary")
    if "fail-on" in t:
        f = t["fail-on"]
        if not isinstance(f, str) or f.strip().lower() not in FAIL_ON:
            raise err("fail-on", f"expected one of {', '.join(FAIL_ON)}, got {f!r}")
        cfg.fail_on = f.strip().lower()
    if "max-file-size" in t:
        m = t["max-file-size"]
        if isinstance(m, bool) or not isinstance(m, int) or m <= 0:
            raise err("max-file-size", f"expected a positive number of bytes, got {m!r}")
        cfg.max_file_size = m


def _project_file(name: str, root: Path, err: _Err, key: str) -> Path:
    """``name`` resolved against the project root; it must stay inside the root and exist."""
    p = (root / name).resolve()
    if p != root and root.resolve() not in p.parents:
        raise err(key, f"{name!r} is outside the project ({root}); give it on the command line instead")
    if not p.is_file():
        raise err(key, f"file not found: {name} (paths are relative to {root})")
    return p


def _per_file_ignores(pfi: Any, cfg: Config, err: _Err) -> None:
    """per-file-ignores = { "glob" = ["rule-id", "prefix"] } (or a comma-separated string)."""
    from ..rules import all_rules
    from .selection import expand, split_selectors

    if not isinstance(pfi, dict):
        raise err("per-file-ignores", f"expected a table of glob = [rule ids], got {_type_name(pfi)}")
    for pattern, ids in pfi.items():
        key = (
            f"per-file-ignores.{pattern!r}" if not pattern.replace("-", "").isalnum() else f"per-file-ignores.{pattern}"
        )
        if isinstance(ids, str):
            ids = [ids]
        if not isinstance(ids, list) or not ids or not all(isinstance(x, str) for x in ids):
            raise err(key, 'expected a list of rule ids or prefixes, e.g. ["script-mix"]')
        try:
            rules = expand(split_selectors(ids), all_rules(), "rule")
        except InputError as exc:
            raise err(key, str(exc)) from None
        cfg.per_file_ignores.append((pattern.strip(), frozenset(rules)))


def _exclude(ex: Any, cfg: Config, err: _Err) -> None:
    if not isinstance(ex, list) or not all(isinstance(x, str) and x.strip() for x in ex):
        raise err("exclude", 'expected a list of glob patterns, e.g. ["drafts/**", "*.tmp.md"]')
    cfg.exclude = [x.strip() for x in ex]


def _groups(gs: Any, cfg: Config, err: _Err) -> None:
    if not isinstance(gs, list):
        raise err("groups", "expected a list of groups (lists of paths, or tables with 'files' and 'lang')")
    for i, g in enumerate(gs):
        cfg.groups.append(_group(g, f"groups[{i}]", cfg.root, err))


def _group(g: Any, key: str, root: Path, err: _Err) -> Group:
    langs_raw: Any = {}
    if isinstance(g, list):
        files = g
    elif isinstance(g, dict):
        extra = set(g) - {"files", "lang"}
        if extra:
            raise err(key, f"unknown key {sorted(extra)[0]!r} (expected 'files' and optional 'lang')")
        if "files" not in g:
            raise err(key, "missing 'files'")
        files, langs_raw = g["files"], g.get("lang", {})
        if not isinstance(langs_raw, dict):
            raise err(f"{key}.lang", "expected a table of path = language tag")
    else:
        raise err(key, f"expected a list of paths or a table, got {_type_name(g)}")
    if not isinstance(files, list) or not files or not all(isinstance(x, str) and x for x in files):
        raise err(key, "expected a non-empty list of file paths")
    if len(files) > 3:
        raise err(key, f"a group holds at most 3 files (one per version), got {len(files)}")
    paths = [_project_file(x, root, err, key) for x in files]
    langs: dict[Path, str] = {}
    for fname, tag in langs_raw.items():
        pth = (root / fname).resolve()
        if pth not in paths:
            raise err(f"{key}.lang", f"{fname!r} is not one of the group's files")
        if not isinstance(tag, str):
            raise err(f"{key}.lang.{fname}", f"expected a language tag, got {tag!r}")
        try:
            parse_tag(tag)
        except ValueError as exc:
            raise err(f"{key}.lang.{fname}", str(exc)) from None
        langs[pth] = tag
    return Group(paths, langs)


# ---------------------------------------------------------------------------
# exclude patterns


def is_excluded(path: str | os.PathLike, patterns: list[str], root: Path) -> bool:
    """True when ``path`` matches one of the glob ``patterns``.

    A pattern containing ``/`` is matched against the path relative to
    ``root`` (``*`` also crosses ``/``; a trailing ``/**`` or ``/`` covers a
    whole folder); a pattern without ``/`` is matched against every file and
    folder name in the path.
    """
    if not patterns:
        return False
    p = Path(path).resolve()
    try:
        rel = p.relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = p.as_posix()
    parts = rel.split("/")
    for pat in patterns:
        pat = pat.strip()
        if pat.startswith("./"):
            pat = pat[2:]
        if "/" in pat.rstrip("/"):
            pat = pat.rstrip("/")
            if pat.endswith("/**"):
                pat = pat[:-3]
            if fnmatch.fnmatchcase(rel, pat) or fnmatch.fnmatchcase(rel, pat + "/*"):
                return True
        else:
            pat = pat.rstrip("/")
            if any(fnmatch.fnmatchcase(part, pat) for part in parts):
                return True
    return False
