"""Orchestration: files -> Document -> Alignment -> Findings -> report data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import __version__
from .documents import display_path, load_versions
from .model import Alignment, Document, Finding, InputError, Severity, Version
from .rules import RuleContext, all_rules


@dataclass
class Settings:
    model: str = "use-m3"
    rules: dict[str, str] = field(default_factory=dict)  # id -> "off" | "on" | severity
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> thresholds
    glossary: Any = None
    use_cache: bool = True


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


def load_document(files: list[str], langs: dict[str, str] | None = None) -> Document:
    """Load 1-3 files into one Document; InputError on bad input."""
    from . import scripts

    langs = langs or {}
    if not files:
        raise InputError("no input files given")
    versions: list[Version] = []
    for f in files:
        tag = langs.get(f)
        lang = region = None
        if tag:
            lang, region = scripts.normalize_tag(tag)
        for v in load_versions(f, lang, region or ""):
            v.path = display_path(f)
            versions.append(v)
    seen: dict[str, str] = {}
    for v in versions:
        if v.lang in seen:
            raise InputError(
                f"two {v.lang} versions ({seen[v.lang]} and {v.path}); name each file's language with --lang FILE=TAG"
            )
        seen[v.lang] = v.path
    order = {"zh-Hans": 0, "zh-Hant": 1, "en": 2}
    versions.sort(key=lambda v: order[v.lang])
    return Document(versions)


class SegmentEmbedder:
    """Embeds a version's segments once, through the cache when there is one."""

    def __init__(self, embedder, cache=None):
        self.embedder = embedder
        self.cache = cache
        self._memo: dict = {}

    def __call__(self, version: Version):
        from .textutil import embedding_text

        texts = [embedding_text(s.label, s.text) for s in version.segments]
        key = hash(tuple(texts))  # by content: safe when the instance is reused across documents
        if key not in self._memo:
            if self.cache is not None:
                self._memo[key] = self.cache.encode(self.embedder, texts)
            else:
                self._memo[key] = self.embedder.encode(texts)
        return self._memo[key]


def audit_document(doc: Document, settings: Settings | None = None, embedder=None, cache=None) -> AuditResult:
    settings = settings or Settings()
    if embedder is None:
        from .embed import get_embedder

        embedder = get_embedder(settings.model)
    if cache is None and settings.use_cache:
        cache = _default_cache()
    seg_embed = SegmentEmbedder(embedder, cache.vectors if cache is not None else None)
    alignment = _cached_alignment(doc, seg_embed, embedder, cache)
    ctx = RuleContext(doc, alignment, options=settings.options, glossary=settings.glossary)
    ctx.embed = seg_embed
    findings: list[Finding] = []
    suppressed = 0
    for rid, cls in all_rules().items():
        setting = settings.rules.get(rid)
        if setting == "off" or (setting is None and not cls.default_enabled):
            continue
        severity = Severity.parse(setting) if setting and setting != "on" else None
        rule = cls()
        for f in rule.check(ctx):
            if severity is not None:
                f.severity = severity
            if _inline_ignored(doc, f):
                suppressed += 1
                continue
            findings.append(f.finalize())
    findings = _drop_overlaps(findings, all_rules())
    findings.sort(key=lambda f: (_lang_order(f.locations[0].lang), f.locations[0].line, f.locations[0].column, f.rule))
    return AuditResult(doc, alignment, findings, embedder.name, suppressed)


def _cached_alignment(doc: Document, seg_embed, embedder, cache) -> Alignment:
    """align_document, reusing a stored alignment of the identical document."""
    if cache is None or len(doc.versions) < 2:
        return align_document(doc, seg_embed)
    found = cache.alignments.get(doc, embedder)
    if found is not None:
        return found
    alignment = align_document(doc, seg_embed)
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


def _lang_order(lang: str) -> int:
    return {"zh-Hans": 0, "zh-Hant": 1, "en": 2}.get(lang, 3)


def _inline_ignored(doc: Document, f: Finding) -> bool:
    loc = f.locations[0]
    v = doc.get(loc.lang)
    if v is None or not (1 <= loc.paragraph <= len(v)):
        return False
    ig = v[loc.paragraph].ignores
    return bool(ig) and ("all" in ig or f.rule in ig)


def audit_files(files: list[str], langs: dict[str, str] | None = None, settings: Settings | None = None,
                embedder=None, cache=None) -> AuditResult:
    settings = settings or Settings()
    if embedder is None:
        from .embed import get_embedder

        embedder = get_embedder(settings.model)
    if cache is None and settings.use_cache:
        cache = _default_cache()
    key = None
    if cache is not None:
        from .cache.results import result_key

        key = result_key(files, langs, settings, embedder)
        found = cache.results.get(key, AuditResult) if key is not None else None
        if found is not None:
            return found
    doc = load_document(files, langs)
    result = audit_document(doc, settings, embedder=embedder, cache=cache)
    if key is not None:
        cache.results.put(key, result)
    return result


def align_document(doc: Document, embed) -> Alignment:
    from .align import align_document as _align  # numpy and friends load only when aligning

    return _align(doc, embed)


def _default_cache():
    try:
        from .cache import Cache

        return Cache.default()
    except Exception:  # the cache is an optimisation only
        return None


_WORKER_EMBEDDER = None


def _worker_audit(files: list[str], langs: dict[str, str], settings: Settings) -> AuditResult:
    """One group in a worker process; the embedder is loaded once per process."""
    global _WORKER_EMBEDDER
    if _WORKER_EMBEDDER is None:
        from .embed import get_embedder

        _WORKER_EMBEDDER = get_embedder(settings.model)
    return audit_files(files, langs, settings, embedder=_WORKER_EMBEDDER)


def audit_many(groups: list[tuple[list[str], dict[str, str]]], settings: Settings | None = None, jobs: int = 1,
               embedder=None, errors: list | None = None) -> list[AuditResult]:
    """Audit several documents ((files, langs) each), in ``jobs`` processes when jobs > 1.

    Results come back in the order of ``groups``. An InputError stops the run,
    unless ``errors`` is a list: then the document is skipped and
    ``(files, message)`` is appended to it.
    """
    settings = settings or Settings()
    results: list[AuditResult] = []

    def collect(files, get):
        try:
            results.append(get())
        except InputError as exc:
            if errors is None:
                raise
            errors.append((files, str(exc)))

    if jobs > 1 and len(groups) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(groups))) as pool:
            futures = [pool.submit(_worker_audit, files, langs, settings) for files, langs in groups]
            for (files, _), fut in zip(groups, futures):
                collect(files, fut.result)
        return results
    if embedder is None and groups:
        from .embed import get_embedder

        embedder = get_embedder(settings.model)
    for files, langs in groups:
        collect(files, lambda: audit_files(files, langs, settings, embedder=embedder))
    return results


def fails(result: AuditResult, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity.parse(fail_on)
    return any(f.severity >= threshold for f in result.findings)


__all__ = ["Settings", "AuditResult", "audit_files", "audit_document", "audit_many", "load_document", "fails",
           "__version__"]
