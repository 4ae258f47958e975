"""Rules: one short module per rule, listed in :mod:`.registry`; the API is in :mod:`.base`."""

from __future__ import annotations

from .base import Rule, RuleContext, evidence_ranges
from .options import OptionError, RuleOptions, opt


def all_rules():
    """{id: rule class} in listing order (imports every rule module on first use)."""
    from .registry import all_rules as _all

    return _all()


__all__ = ["OptionError", "Rule", "RuleContext", "RuleOptions", "all_rules", "evidence_ranges", "opt"]
