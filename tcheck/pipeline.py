"""The audit pipeline: load -> align -> check -> resolve overlaps.

:func:`prepare` loads every planned file once into the documents to audit
(:mod:`tcheck.load.documents`); :func:`audit_jobs` aligns and checks them,
through the caches when there are any.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import __version__, langs
from .limits import MAX_FILE_SIZE
from .model import Alignment, Document, Finding, InputError, Severity, Version

if TYPE_CHECKING:
    from .load.documents import Job, load_document, make_document  # noqa: F401  (lazy: see __getattr__)
    from .planned import Planned, audit_planned  # noqa: F401

# tcheck.load (numpy, the segmenters) and tcheck.rules load only when a document is loaded or checked:
# a warm run answered by the run index needs neither
_LAZY = {"Job", "load_document", "make_document"}


def __getattr__(name: str):
    if name in _LAZY:
        from .load import documents

        return getattr(documents, name)
    if name in ("Planned", "audit_planned"):  # tcheck.planned: the run index path of a directory audit
        from . import planned

        return getattr(planned, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def all_rules():
    from .rules import all_rules as rules

    return rules()


@dataclass
class Settings:
    model: str = "use-m3"
    rules: dict[str, str] = field(default_factory=dict)  # id -> "off" | "on" | severity
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> thresholds
    glossary: Any = None
    use_cache: bool = True
    max_file_size: int = MAX_FILE_SIZE


@dataclass
class AuditResult:
    document: Document
    alignment: Alignment
    findings: list[Finding]
    model: str
    suppressed: int = 0  # findings silenced by inline "tcheck: ignore" comments
    baseline: int = 0  # findings matched by the --baseline file (not reported)

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity.label] += 1
        return out


def prepare(groups, lang_map: dict[str, str], **kwargs) -> tuple[list[Job], list[str]]:
    """:func:`tcheck.load.documents.prepare`; an inline ignore of an unknown rule is an :class:`InputError`.

    Like an unknown rule id in the config (exit 2): a misspelt suppression
    must not silently suppress nothing.
    """
    from .load.documents import prepare as _prepare

    jobs, warnings = _prepare(groups, lang_map, **kwargs)
    check_ignores(jobs)
    return jobs, warnings


def check_ignores(jobs) -> None:
    """:class:`InputError` (the first message, and how many more) when :func:`unknown_ignores` finds any."""
    unknown = unknown_ignores([v for job in jobs for v in job.document.versions])
    if unknown:
        more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
        raise InputError(unknown[0] + more)


def unknown_ignores(versions: list[Version]) -> list[str]:
    """One message per inline ``tcheck: ignore`` naming a rule that does not exist."""
    if not any(s.ignores for v in versions for s in v.segments):
        return []  # the rules (and everything they import) load only when there is something to check
    known = {*all_rules(), "all"}
    return [
        f"{v.path}:{s.line}: inline 'tcheck: ignore' names unknown rule {rid!r} (see 'tcheck rules')"
        for v in versions
        for s in v.segments
        for rid in sorted(s.ignores - known)
    ]


# ---------------------------------------------------------------------------
# align, check, resolve overlaps


class SegmentEmbedder:
    """Embeds a version's segments once, through the vector cache when there is one."""

    def __init__(self, embedder, cache=None):
        self.embedder = embedder
        self.cache = cache
        self._memo: dict = {}

    def __call__(self, version: Version):
        from .text.snippets import embedding_text

        texts = [embedding_text(s.label, s.text) for s in version.segments]
        key = hash(tuple(texts))  # by content: safe when the instance is reused across documents
        if key not in self._memo:
            if self.cache is not None:
                self._memo[key] = self.cache.encode(self.embedder, texts)
            else:
                self._memo[key] = self.embedder.encode(texts)
        return self._memo[key]


def audit_document(doc: Document, settings: Settings | None = None, embedder=None, cache=None) -> AuditResult:
    """Align the versions of ``doc``, run the enabled rules and resolve overlapping findings."""
    settings = settings or Settings()
    embedder = embedder or _embedder(settings)
    if cache is None and settings.use_cache:
        cache = _default_cache()
    seg_embed = SegmentEmbedder(embedder, cache.vectors if cache is not None else None)
    alignment = _cached_alignment(doc, seg_embed, embedder, cache)
    from .rules import RuleContext

    ctx = RuleContext(doc, alignment, options=settings.options, glossary=settings.glossary)
    ctx.embed = seg_embed
    findings: list[Finding] = []
    suppressed = 0
    for rid, cls in all_rules().items():
        setting = settings.rules.get(rid)
        if setting == "off" or (setting is None and not cls.default_enabled):
            continue
        severity = Severity.parse(setting) if setting and setting != "on" else None
        for f in cls().check(ctx):
            if severity is not None:
                f.severity = severity
            if _inline_ignored(doc, f):
                suppressed += 1
                continue
            if not _reads_kind(doc, f):  # code, link lists, markup: see load/kinds.py
                continue
            findings.append(f.finalize())
    findings = _drop_overlaps(findings, all_rules())
    findings = _drop_if_unrelated(findings, all_rules())
    findings.sort(key=lambda f: (langs.order(f.locations[0].lang), f.locations[0].line, f.locations[0].column, f.rule))
    return AuditResult(doc, alignment, findings, embedder.name, suppressed)


def align_document(doc: Document, embed, pairs=None) -> Alignment:
    """:func:`tcheck.align.align_document`; ``pairs`` keeps the alignments of pairs of versions
    (:class:`tcheck.cache.alignments.PairCache`)."""
    from .align import align_document as _align  # numpy and friends load only when aligning
    from .align import dp

    dp.use_pair_cache(pairs)
    try:
        return _align(doc, embed)
    finally:
        dp.use_pair_cache(None)


def _cached_alignment(doc: Document, seg_embed, embedder, cache) -> Alignment:
    """align_document, reusing a stored alignment of the identical document, or of its unchanged pairs."""
    if cache is None or len(doc.versions) < 2:
        return align_document(doc, seg_embed)
    found = cache.alignments.get(doc, embedder)
    if found is not None:
        return found
    alignment = align_document(doc, seg_embed, cache.alignments.pairs)
    cache.alignments.put(doc, embedder, alignment)
    return alignment


def _drop_overlaps(findings: list[Finding], rules: dict) -> list[Finding]:
    """Drop a finding when a rule it yields to reports the very same spot."""
    spots: dict[str, set] = {}
    for f in findings:
        loc = f.locations[0]
        spots.setdefault(f.rule, set()).add((loc.lang, loc.start))
    out = []
    for f in findings:
        cls = rules.get(f.rule)
        loc = f.locations[0]
        if cls is not None and any((loc.lang, loc.start) in spots.get(other, ()) for other in cls.yields_to):
            continue
        out.append(f)
    return out


def _drop_if_unrelated(findings: list[Finding], rules: dict) -> list[Finding]:
    """Versions that are not translations of each other (``unrelated-versions``): keep only that finding
    and the single-version ones; comparing two different texts paragraph by paragraph says nothing."""
    if not any(f.rule == "unrelated-versions" for f in findings):
        return findings
    return [
        f
        for f in findings
        if f.rule == "unrelated-versions" or getattr(rules.get(f.rule), "scope", "cross") == "single"
    ]


def _reads_kind(doc: Document, f: Finding) -> bool:
    """False when the finding sits on a segment of a kind its rule does not read (``load.kinds.SKIPS``)."""
    from .load.kinds import reads

    loc = f.locations[0]
    v = doc.get(loc.lang)
    if v is None or not (1 <= loc.paragraph <= len(v)):
        return True
    return reads(f.rule, v[loc.paragraph].kind)


def _inline_ignored(doc: Document, f: Finding) -> bool:
    loc = f.locations[0]
    v = doc.get(loc.lang)
    if v is None or not (1 <= loc.paragraph <= len(v)):
        return False
    ig = v[loc.paragraph].ignores
    return bool(ig) and ("all" in ig or f.rule in ig)


# ---------------------------------------------------------------------------
# documents from files, through the result cache


def audit_files(
    files: list[str],
    file_langs: dict[str, str] | None = None,
    settings: Settings | None = None,
    embedder=None,
    cache=None,
    document: Document | None = None,
) -> AuditResult:
    """Audit the document made of ``files`` (already loaded as ``document`` when given)."""
    settings = settings or Settings()
    embedder = embedder or _embedder(settings)
    if cache is None and settings.use_cache:
        cache = _default_cache()
    key = None
    if cache is not None:
        from .cache.results import result_key

        key = result_key(files, file_langs, settings, embedder)
        found = cache.results.get(key, AuditResult) if key is not None else None
        if found is not None:
            return found
    if cache is not None:
        from .text.scripts import use_memo

        use_memo(cache.conversions)
    if document is None:
        from .load.documents import load_document

        document = load_document(files, file_langs, settings.max_file_size)
    doc = document
    result = audit_document(doc, settings, embedder=embedder, cache=cache)
    if cache is not None:
        cache.conversions.flush()
    if key is not None:
        cache.results.put(key, result)
    return result


_WORKER_EMBEDDER = None
_WORKER_CACHE = None


def _worker_audit(job: Job, settings: Settings) -> AuditResult:
    """One job in a worker process; the embedder and the cache are opened once per process."""
    global _WORKER_EMBEDDER, _WORKER_CACHE
    if _WORKER_EMBEDDER is None:
        _WORKER_EMBEDDER = _embedder(settings)
        _WORKER_CACHE = _default_cache() if settings.use_cache else None
    return audit_files(
        job.files, job.langs, settings, embedder=_WORKER_EMBEDDER, cache=_WORKER_CACHE, document=job.document
    )


def audit_jobs(
    jobs: list[Job], settings: Settings | None = None, workers: int = 1, embedder=None, on_done=None
) -> list[AuditResult]:
    """Audit the prepared documents, in ``workers`` processes when more than one; results in ``jobs`` order.

    ``on_done()`` is called after each document (the command line's progress display).
    """
    settings = settings or Settings()
    from .workers import fewer_collections, run_ordered, worker_count

    if worker_count(workers, len(jobs)) > 1:  # capped at the CPUs and the documents; Ctrl-C stops them all
        from functools import partial

        # largest first, so no worker is left with a long document at the end; results back in order
        order = sorted(range(len(jobs)), key=lambda i: (-_weight(jobs[i]), i))
        done = run_ordered(partial(_worker_audit, settings=settings), [jobs[i] for i in order], workers, on_done)
        out: list = [None] * len(jobs)
        for i, r in zip(order, done):
            out[i] = r
        return out
    if embedder is None and jobs:
        embedder = _embedder(settings)
    cache = _default_cache() if settings.use_cache and jobs else None  # one for the run, not one a document
    out = []
    try:
        with fewer_collections():
            for j in jobs:
                out.append(audit_files(j.files, j.langs, settings, embedder=embedder, cache=cache, document=j.document))
                if on_done is not None:
                    on_done()
    finally:
        if cache is not None:
            cache.vectors.close()
    return out


def _weight(job: Job) -> int:
    """The size of a job's document: characters of its segments."""
    return sum(len(s.text) for v in job.document.versions for s in v.segments)


def _embedder(settings: Settings):
    from .embed import get_embedder

    return get_embedder(settings.model)


def _default_cache():
    try:
        from .cache import Cache

        return Cache.default()
    except Exception:  # the cache is an optimisation only
        return None


def fails(result: AuditResult, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity.parse(fail_on)
    return any(f.severity >= threshold for f in result.findings)


__all__ = [
    "AuditResult",
    "Job",
    "Planned",
    "Settings",
    "audit_document",
    "audit_files",
    "audit_jobs",
    "audit_planned",
    "fails",
    "load_document",
    "make_document",
    "prepare",
    "__version__",
]
