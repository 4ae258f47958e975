"""``tcheck merge``: shard reports (``tcheck audit --shard K/N --format json``) back into one report.

Each shard's JSON report carries a ``shard`` object (see :mod:`tcheck.shard`):
its number K of N, each document's place in the whole run and the results as
plain data. The merge checks that the reports are the N shards of one run,
each once, decodes the results (:mod:`tcheck.cache.codec`: data only, checked
like a cache entry), puts the documents back in the single-run order and
renders them with the reporters of a single run, so the merged report equals
the report of ``tcheck audit`` without ``--shard``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model import InputError


def load_shard(path: str) -> dict:
    """The ``shard`` object of one report; InputError when the file is not a shard report."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, ValueError):
        raise InputError(f"{path}: not a JSON report") from None
    shard = data.get("shard") if isinstance(data, dict) else None
    if not isinstance(shard, dict):
        raise InputError(f"{path}: not a shard report (run tcheck audit --shard K/N --format json)")
    k, n = shard.get("index"), shard.get("total")
    order, results = shard.get("order"), shard.get("results")
    ints = all(isinstance(x, int) and not isinstance(x, bool) for x in (k, n))
    if not ints or not 1 <= k <= n or not isinstance(order, list) or not isinstance(results, list):
        raise InputError(f"{path}: damaged shard object")
    if len(order) != len(results) or not all(_position(p) for p in order):
        raise InputError(f"{path}: damaged shard object (document order)")
    tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
    return {**shard, "path": path, "version": tool.get("version")}


def _position(p) -> bool:
    return isinstance(p, list) and len(p) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in p)


def check_complete(shards: list[dict]) -> None:
    """The reports are the shards 1..N of one run, each once, written by one tcheck version."""
    if not shards:
        raise InputError("merge needs at least one shard report")
    totals = {s["total"] for s in shards}
    if len(totals) > 1:
        raise InputError(f"the reports come from different shard counts ({', '.join(map(str, sorted(totals)))})")
    n = totals.pop()
    versions = {s["version"] for s in shards}
    if len(versions) > 1:
        raise InputError("the reports were written by different tcheck versions")
    seen: dict[int, str] = {}
    for s in shards:
        if s["index"] in seen:
            raise InputError(f"shard {s['index']}/{n} given twice ({seen[s['index']]} and {s['path']})")
        seen[s["index"]] = s["path"]
    missing = [str(k) for k in range(1, n + 1) if k not in seen]
    if missing:
        raise InputError(f"missing shard{'s' if len(missing) > 1 else ''} {', '.join(missing)} of {n}")


def merge_results(paths: list[str]) -> list:
    """The AuditResults of all shard reports, in the order of a single run."""
    from ..cache import codec
    from ..cache.results import check_result
    from ..pipeline import AuditResult

    shards = [load_shard(p) for p in paths]
    check_complete(shards)
    placed = []
    for s in shards:
        for pos, raw in zip(s["order"], s["results"]):
            try:
                result = codec.decode(AuditResult, raw)
                check_result(result)
            except (ValueError, RecursionError):
                raise InputError(f"{s['path']}: damaged shard object (results)") from None
            placed.append((tuple(pos), result))
    placed.sort(key=lambda item: item[0])
    positions = [p for p, _ in placed]
    if len(set(positions)) != len(positions):
        raise InputError("two shard reports hold the same document (shards of different runs?)")
    return [r for _, r in placed]
