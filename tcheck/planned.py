"""A run's planned document groups, audited through the run index (:mod:`tcheck.cache.index`).

An unchanged group is answered with one lookup and nothing is loaded; the
others are loaded (:mod:`tcheck.load.documents`), audited
(:func:`tcheck.pipeline.audit_jobs`) and stored. ``tcheck audit`` and
``--shard`` go through here; :mod:`tcheck.pipeline` re-exports both names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import pipeline
from .pipeline import MAX_FILE_SIZE, AuditResult, Settings, _default_cache, _embedder, check_ignores


@dataclass
class Planned:
    """The planned document groups of a run, loaded only when the run index does not hold them.

    ``groups`` are (place in the whole run, Group); the rest are the arguments of :func:`prepare`.
    """

    groups: list
    lang_map: dict[str, str]
    named: set[str] = field(default_factory=set)
    tolerant: bool = False
    max_size: int = MAX_FILE_SIZE

    def flags(self) -> str:
        return repr((sorted(self.lang_map.items()), sorted(self.named), self.tolerant, self.max_size))


def audit_planned(planned: Planned, settings: Settings, workers: int = 1, on_total=None, on_done=None):
    """Audit the planned groups: an unchanged group comes from the run index in one lookup
    (:mod:`tcheck.cache.index`), the others are loaded, audited and stored.

    Returns (results, load warnings, places): ``places[i]`` is ``[group place, document in group]`` of
    ``results[i]``, in run order. ``on_total(n)`` learns the number of documents before the audit.
    """
    cache = _default_cache() if settings.use_cache else None
    keys: list = [None] * len(planned.groups)
    found: dict = {}
    if cache is not None:
        from .cache.index import group_key, settings_fingerprint

        fingerprint = settings_fingerprint(settings, _embedder(settings))
        if fingerprint is not None:
            flags = planned.flags()
            keys = [
                group_key(g.files, g.langs, fingerprint, repr((g.tentative, g.verify)), flags)
                for _, g in planned.groups
            ]
            found = cache.index.get_many([k for k in keys if k], AuditResult)
    per_group: list = [None] * len(planned.groups)
    todo: list = []  # the Jobs of the groups to load
    owner: list[int] = []
    for i, (_, g) in enumerate(planned.groups):
        if keys[i] in found:
            per_group[i] = found[keys[i]]
            continue
        from .load.documents import prepare as load_groups  # only for groups the index does not hold

        if cache is not None:
            from .text.scripts import use_memo

            use_memo(cache.conversions)
        jobs, warnings = load_groups(
            [g], planned.lang_map, named=planned.named, tolerant=planned.tolerant, max_size=planned.max_size
        )
        per_group[i] = ([], warnings)
        todo.extend(jobs)
        owner.extend([i] * len(jobs))
    check_ignores(todo)
    if on_total is not None:
        on_total(len(todo) + sum(len(per_group[i][0]) for i in range(len(per_group)) if keys[i] in found))
    # looked up on the module at call time, so the one audit entry point can be replaced (tests, tools)
    for i, r in zip(owner, pipeline.audit_jobs(todo, settings, workers=workers, on_done=on_done)):
        per_group[i][0].append(r)
    if cache is not None:
        cache.conversions.flush()
        cache.index.put_many({keys[i]: per_group[i] for i in range(len(keys)) if keys[i] and keys[i] not in found})
    results, warnings, places = [], [], []
    for (place, _), (res, warns) in zip(planned.groups, per_group):
        results.extend(res)
        warnings.extend(warns)
        places.extend([place, j] for j in range(len(res)))
    return results, warnings, places
