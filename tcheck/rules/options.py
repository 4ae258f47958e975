"""Typed per-rule options: declared with defaults and a line of help, validated once.

A rule declares its thresholds as a frozen dataclass::

    @dataclass(frozen=True)
    class Options(RuleOptions):
        min_gap: float = opt(0.2, "how far below the document's median a row must fall")

and reads them with ``ctx.options_for(self).min_gap``. Values from a config
file or from code go through :meth:`RuleOptions.parse`: unknown names, wrong
types (``true`` for a number, ``1.5`` for an integer) and negative, NaN or
infinite numbers are rejected with a message that names the option.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any


def opt(default: Any, doc: str) -> Any:
    """A dataclass field with a default and its one-line help."""
    return dataclasses.field(default=default, metadata={"doc": doc})


class OptionError(ValueError):
    """An option value that does not fit its declaration."""


@dataclasses.dataclass(frozen=True)
class RuleOptions:
    """Base class of every rule's ``Options``: no options."""

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        """{name: default}, in declaration order."""
        return {f.name: f.default for f in dataclasses.fields(cls)}

    @classmethod
    def docs(cls) -> dict[str, str]:
        """{name: one-line help}."""
        return {f.name: f.metadata.get("doc", "") for f in dataclasses.fields(cls)}

    @classmethod
    def check_value(cls, name: str, value: Any) -> Any:
        """``value`` converted to the type of option ``name``'s default, or :class:`OptionError`."""
        defaults = cls.defaults()
        if name not in defaults:
            known = ", ".join(defaults) or "none"
            raise OptionError(f"no option {name!r} (its options: {known})")
        return _check(name, defaults[name], value)

    @classmethod
    def parse(cls, values: Mapping[str, Any] | None = None) -> RuleOptions:
        """The options with ``values`` applied over the defaults, each one checked."""
        checked = {name: cls.check_value(name, v) for name, v in (values or {}).items()}
        return cls(**checked)


def _check(name: str, default: Any, value: Any) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise OptionError(f"option {name!r} expects true or false, got {value!r}")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise OptionError(f"option {name!r} expects an integer, got {value!r}")
        if value < 0:
            raise OptionError(f"option {name!r} must not be negative, got {value!r}")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise OptionError(f"option {name!r} expects a number, got {value!r}")
        if not math.isfinite(value):
            raise OptionError(f"option {name!r} must be a finite number, got {value!r}")
        if value < 0:
            raise OptionError(f"option {name!r} must not be negative, got {value!r}")
        return float(value)
    if isinstance(default, str) and not isinstance(value, str):
        raise OptionError(f"option {name!r} expects a string, got {value!r}")
    return value
