"""Comparing the quantities of two versions, and describing one for a message."""

from __future__ import annotations

from .quantity import Quantity


def _date_parts(q: Quantity) -> list[str]:
    if q.kind != "date":
        return []
    parts = [p for p in q.key.split("-") if p]
    return [str(int(p)) for p in parts]


def compare(a: list[Quantity], b: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """Quantities of ``a`` whose value is absent from ``b`` and vice versa.

    Presence, not count: a value said twice in one version and once in the
    other is not a difference. Dates also match their components written out
    separately (a date the other side split, or a year alone: 2024年 vs 2024).
    """

    def keyset(qs):
        ks = set()
        for q in qs:
            ks |= q.keys
            if q.kind == "date":
                # a full date also stands for its year and (year, month)
                parts = q.key.split("-")
                if q.key[:2] != "--" and len(parts) >= 2:
                    ks.add(parts[0])
                    ks.add("-".join(parts[:2]))
        return ks

    ka, kb = keyset(a), keyset(b)
    only_a = [q for q in a if not (q.keys & kb) and not _parts_match(q, b)]
    only_b = [q for q in b if not (q.keys & ka) and not _parts_match(q, a)]
    # a year alone, or a month-day, matches a fuller date on the other side (handled by keyset);
    # a partial date ("June 12") matches a full date with the same month and day
    only_a = [q for q in only_a if not _partial_date_match(q, b)]
    only_b = [q for q in only_b if not _partial_date_match(q, a)]
    return only_a, only_b


def _parts_match(q: Quantity, other: list[Quantity]) -> bool:
    parts = _date_parts(q)
    if not parts:
        return False
    keys = set()
    for o in other:
        keys |= o.keys
    return all(p in keys for p in parts)


def _partial_date_match(q: Quantity, other: list[Quantity]) -> bool:
    if q.kind != "date":
        return False
    for o in other:
        if o.kind != "date":
            continue
        if q.key.startswith("--") and o.key[4:].startswith(q.key[1:]) and len(o.key) >= len(q.key) + 2:
            return True
        if o.key.startswith("--") and q.key[4:].startswith(o.key[1:]):
            return True
    return False


_UNIT_EN = {
    "day": "days",
    "business day": "business days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "hour": "hours",
    "minute": "minutes",
    "second": "seconds",
}


def describe(q: Quantity) -> str:
    """The value in plain English: '30 days', 'CNY 1000', '50%', '2024-06-12', 'x2'."""
    if q.kind == "duration":
        return f"{q.key} {_UNIT_EN.get(q.unit, q.unit)}"
    if q.kind == "age":
        return f"age {q.key}"
    if q.kind == "money":
        return f"{q.unit} {q.key}"
    if q.kind == "percent":
        return f"{q.key}%"
    if q.kind == "multiplier":
        return f"{q.key} times"
    return _calendar(q.key) or q.key


def _calendar(key: str) -> str | None:
    """'W4' -> 'Thursday', '--03' -> 'March', '--03-22' -> 'March 22' (keys of weekdays and
    dates without a year); None for other keys."""
    from ..calendar_names import MONTHS, WEEKDAYS_EN

    if len(key) == 2 and key[0] == "W" and key[1] in "1234567":
        return next(d for d, i in WEEKDAYS_EN.items() if i == int(key[1])).capitalize()
    parts = key[2:].split("-") if key.startswith("--") else []
    if parts and all(p.isdigit() for p in parts) and 1 <= int(parts[0]) <= 12 and len(parts) <= 2:
        month = next(m for m, i in MONTHS.items() if i == int(parts[0]))  # full names come first
        return month.capitalize() + (f" {int(parts[1])}" if len(parts) == 2 else "")
    return None
