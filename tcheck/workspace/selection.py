"""Rule selection, as ruff does it: ``--select``, ``--extend-select``, ``--ignore``, ``per-file-ignores``.

A selector is a rule id or a prefix of rule ids (``missing`` selects
``missing-paragraph`` and ``missing-sentence``; ``ALL`` selects every rule).
Selectors are given comma-separated or by repeating the option. A selector
that names no rule is an :class:`InputError` (one line, exit 2), like an
unknown rule id in the config.

``--select`` replaces the rules the config enables (a rule that is off by
default is turned on when selected), ``--extend-select`` adds to them,
``--ignore`` takes rules away (it wins over both). Severities set in the
config are kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import InputError

ALL = "all"


def split_selectors(values: Iterable[str]) -> list[str]:
    """``("a,b", "c")`` -> ``["a", "b", "c"]`` (blanks dropped, case folded)."""
    return [part.strip().lower() for v in values for part in v.split(",") if part.strip()]


def expand(selectors: Iterable[str], rule_ids: Iterable[str], where: str) -> set[str]:
    """The rule ids the selectors name; InputError for a selector that names none."""
    ids = list(rule_ids)
    out: set[str] = set()
    for sel in selectors:
        if sel == ALL:
            out.update(ids)
            continue
        hit = [rid for rid in ids if rid == sel or rid.startswith(sel)]
        if not hit:
            raise InputError(f"{where}: unknown rule id or prefix {sel!r} (see 'tcheck rules')")
        out.update(hit)
    return out


def select_rules(
    config_rules: dict[str, str],
    *,
    select: Iterable[str] = (),
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> dict[str, str]:
    """The ``Settings.rules`` mapping for a run: the config's levels with the selection applied."""
    from ..rules import all_rules

    rules = all_rules()
    select, extend_select, ignore = list(select), list(extend_select), list(ignore)
    if not (select or extend_select or ignore):
        return dict(config_rules)

    def enabled_by_config(rid: str) -> bool:
        level = config_rules.get(rid)
        return level != "off" if level is not None else rules[rid].default_enabled

    chosen = expand(select, rules, "--select") if select else {rid for rid in rules if enabled_by_config(rid)}
    chosen |= expand(extend_select, rules, "--extend-select")
    chosen -= expand(ignore, rules, "--ignore")
    out: dict[str, str] = {}
    for rid in rules:
        level = config_rules.get(rid)
        if rid not in chosen:
            out[rid] = "off"
        elif level in (None, "off"):
            out[rid] = "on"
        else:
            out[rid] = level
    return out
