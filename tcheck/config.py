"""Configuration: ``[tool.tcheck]`` in ``pyproject.toml`` or a ``tcheck.toml``.

The file is found by searching upward from the working directory; the first
directory holding a ``tcheck.toml`` or a ``pyproject.toml`` with a
``[tool.tcheck]`` table wins (``tcheck.toml`` first when both are there).
Relative paths in the file (``glossary``, ``groups``, ``exclude``) are
relative to the directory of the config file.

Every key and value is checked: an unknown key, an unknown rule id, an option
a rule does not have or a value of the wrong type is an :class:`InputError`
naming the file and the key, so a typo never silently does nothing.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import InputError

CONFIG_NAMES = ("tcheck.toml", "pyproject.toml")
RULE_LEVELS = ("off", "on", "error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "never")
TOP_KEYS = ("rules", "options", "model", "glossary", "fail-on", "groups", "exclude")


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


def load_config(path: str | os.PathLike) -> Config:
    """Read and validate a config file (``tcheck.toml`` or ``pyproject.toml``)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: config file not found")
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read config file: {exc}") from None
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
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(v), type(v).__name__)


def _check_option_value(default: Any, value: Any) -> Any:
    """The value converted to the default's type, or raise ValueError."""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        raise ValueError("expected true or false")
    if isinstance(default, int) and not isinstance(default, bool):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ValueError("expected an integer")
    if isinstance(default, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise ValueError("expected a number")
    if isinstance(default, str):
        if isinstance(value, str):
            return value
        raise ValueError("expected a string")
    if isinstance(default, (list, tuple)):
        if isinstance(value, list):
            return value
        raise ValueError("expected a list")
    if default is None or isinstance(value, type(default)):
        return value
    raise ValueError(f"expected {_type_name(default)}")


def _validate(table: dict, path: Path, prefix: str) -> Config:
    from .rules import all_rules
    from .scripts import normalize_tag

    err = _Err(path, prefix)
    base = path.parent
    rules = all_rules()
    cfg = Config(path=path)
    for key in table:
        if key.replace("_", "-") not in TOP_KEYS:
            raise err(key, f"unknown key (expected one of: {', '.join(TOP_KEYS)})")
    t = {k.replace("_", "-"): v for k, v in table.items()}

    def known_rule(key: str, rid: str) -> None:
        if rid not in rules:
            raise err(key, f"unknown rule id {rid!r} (see 'tcheck rules')")

    # rules = { id = "off" | "on" | severity | true | false }
    r = t.get("rules", {})
    if not isinstance(r, dict):
        raise err("rules", f"must be a table of rule ids, got {_type_name(r)}")
    for rid, val in r.items():
        known_rule(f"rules.{rid}", rid)
        if isinstance(val, bool):
            val = "on" if val else "off"
        if not isinstance(val, str) or val.strip().lower() not in RULE_LEVELS:
            raise err(f"rules.{rid}", f"expected one of {', '.join(repr(x) for x in RULE_LEVELS)}, got {val!r}")
        # "on" is kept: it enables a rule that is off by default (default_enabled = False)
        cfg.rules[rid] = val.strip().lower()

    # options.<rule> = { name = value }
    o = t.get("options", {})
    if not isinstance(o, dict):
        raise err("options", f"must be a table of rule ids, got {_type_name(o)}")
    for rid, opts in o.items():
        known_rule(f"options.{rid}", rid)
        if not isinstance(opts, dict):
            raise err(f"options.{rid}", f"must be a table of option = value, got {_type_name(opts)}")
        allowed = rules[rid].options or {}
        for name, value in opts.items():
            if name not in allowed:
                names = ", ".join(sorted(allowed)) or "none"
                raise err(f"options.{rid}.{name}", f"rule {rid} has no option {name!r} (its options: {names})")
            try:
                cfg.options.setdefault(rid, {})[name] = _check_option_value(allowed[name], value)
            except ValueError as exc:
                raise err(f"options.{rid}.{name}", f"{exc}, got {value!r}") from None

    if "model" in t:
        if not isinstance(t["model"], str) or not t["model"].strip():
            raise err("model", f"expected a model name (e.g. \"use-m3\"), got {t['model']!r}")
        cfg.model = t["model"].strip()

    if "glossary" in t:
        g = t["glossary"]
        if not isinstance(g, str) or not g.strip():
            raise err("glossary", f"expected a file path, got {g!r}")
        gp = (base / g).resolve()
        if not gp.is_file():
            raise err("glossary", f"file not found: {gp}")
        cfg.glossary = gp

    if "fail-on" in t:
        f = t["fail-on"]
        if not isinstance(f, str) or f.strip().lower() not in FAIL_ON:
            raise err("fail-on", f"expected one of {', '.join(FAIL_ON)}, got {f!r}")
        cfg.fail_on = f.strip().lower()

    ex = t.get("exclude", [])
    if not isinstance(ex, list) or not all(isinstance(x, str) and x.strip() for x in ex):
        raise err("exclude", "expected a list of glob patterns, e.g. [\"drafts/**\", \"*.tmp.md\"]")
    cfg.exclude = [x.strip() for x in ex]

    gs = t.get("groups", [])
    if not isinstance(gs, list):
        raise err("groups", "expected a list of groups (lists of paths, or tables with 'files' and 'lang')")
    for i, g in enumerate(gs):
        key = f"groups[{i}]"
        langs_raw: dict = {}
        if isinstance(g, list):
            files = g
        elif isinstance(g, dict):
            extra = set(g) - {"files", "lang"}
            if extra:
                raise err(key, f"unknown key {sorted(extra)[0]!r} (expected 'files' and optional 'lang')")
            if "files" not in g:
                raise err(key, "missing 'files'")
            files = g["files"]
            langs_raw = g.get("lang", {})
            if not isinstance(langs_raw, dict):
                raise err(f"{key}.lang", "expected a table of path = language tag")
        else:
            raise err(key, f"expected a list of paths or a table, got {_type_name(g)}")
        if not isinstance(files, list) or not files or not all(isinstance(x, str) and x for x in files):
            raise err(key, "expected a non-empty list of file paths")
        if len(files) > 3:
            raise err(key, f"a group holds at most 3 files (one per version), got {len(files)}")
        paths = [(base / x).resolve() for x in files]
        for x, pth in zip(files, paths):
            if not pth.is_file():
                raise err(key, f"file not found: {x} (paths are relative to {base})")
        langs: dict[Path, str] = {}
        for fname, tag in langs_raw.items():
            pth = (base / fname).resolve()
            if pth not in paths:
                raise err(f"{key}.lang", f"{fname!r} is not one of the group's files")
            if not isinstance(tag, str):
                raise err(f"{key}.lang.{fname}", f"expected a language tag, got {tag!r}")
            try:
                normalize_tag(tag)
            except ValueError as exc:
                raise err(f"{key}.lang.{fname}", str(exc)) from None
            langs[pth] = tag
        cfg.groups.append(Group(paths, langs))
    return cfg


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
