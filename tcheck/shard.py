"""``--shard K/N``: a deterministic, size-balanced share of a run's document groups for CI matrices.

Every machine of the matrix plans the same groups (the same checkout, the
same command line), weighs each group by the total bytes of its files and
deals them out by greedy longest-processing-time: the heaviest group first,
each to the shard carrying the least so far (ties: the lower shard number;
groups of equal weight in path order). So every machine computes the same
split without talking to the others, and the shards differ in bytes by no
more than the largest group.

A shard's JSON report carries, besides the usual report, a ``shard`` object:
its number, the shard count, each document's place in the whole run and the
full results as plain data. ``tcheck merge`` (:mod:`tcheck.report.merge`)
puts the shards back in the single-run order and renders them with the same
reporters as a single run.
"""

from __future__ import annotations

import heapq
import os
import re
from dataclasses import dataclass

from .model import InputError

_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")
MAX_SHARDS = 1000


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based, as written on the command line
    total: int

    def __str__(self) -> str:
        return f"{self.index}/{self.total}"


def parse_shard(spec: str) -> Shard:
    """``K/N`` with 1 <= K <= N; anything else is an :class:`InputError` (one line, exit 2)."""
    m = _SPEC.fullmatch(spec or "")
    if not m:
        raise InputError(f"--shard expects K/N (e.g. --shard 1/4), got {spec!r}")
    k, n = int(m.group(1)), int(m.group(2))
    if not 1 <= n <= MAX_SHARDS:
        raise InputError(f"--shard {spec}: the shard count must be between 1 and {MAX_SHARDS}")
    if not 1 <= k <= n:
        raise InputError(f"--shard {spec}: the shard number must be between 1 and {n}")
    return Shard(k, n)


def group_size(files) -> int:
    """Total bytes of a group's files (a file that cannot be read weighs nothing)."""
    total = 0
    for f in files:
        try:
            total += os.stat(f).st_size
        except OSError:
            pass
    return total


def assign(sizes: list[int], keys: list[str], total: int) -> list[int]:
    """The 0-based shard of each item: greedy LPT on ``sizes``, ties broken by ``keys`` then position."""
    order = sorted(range(len(sizes)), key=lambda i: (-sizes[i], keys[i], i))
    loads = [(0, s) for s in range(total)]  # (bytes so far, shard): the lightest, then the lowest shard
    heapq.heapify(loads)
    out = [0] * len(sizes)
    for i in order:
        load, s = heapq.heappop(loads)
        out[i] = s
        heapq.heappush(loads, (load + sizes[i], s))
    return out


def select(groups: list, shard: Shard) -> list[tuple[int, object]]:
    """The groups of ``shard`` with their positions in the whole run, in run order."""
    sizes = [group_size(g.files) for g in groups]
    keys = ["\0".join(sorted(str(f) for f in g.files)) for g in groups]
    owner = assign(sizes, keys, shard.total)
    return [(i, g) for i, g in enumerate(groups) if owner[i] == shard.index - 1]


def shard_sizes(groups: list, total: int) -> list[int]:
    """Bytes per shard (for the bench and the tests)."""
    sizes = [group_size(g.files) for g in groups]
    keys = ["\0".join(sorted(str(f) for f in g.files)) for g in groups]
    out = [0] * total
    for size, s in zip(sizes, assign(sizes, keys, total)):
        out[s] += size
    return out


def annotate(report_json: str, shard: Shard, order: list[list[int]], results) -> str:
    """The shard's JSON report with its ``shard`` object (see the module docstring)."""
    import json

    from .cache import codec

    data = json.loads(report_json)
    data["shard"] = {
        "index": shard.index,
        "total": shard.total,
        "order": order,
        "results": [codec.encode(r) for r in results],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
