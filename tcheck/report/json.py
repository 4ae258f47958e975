"""JSON report (schema_version 2); the schema ships in tcheck/schema/report.schema.json.

One shape for every run: ``{"schema_version": 2, "tool", "documents": [...], "summary"}``,
with one entry in ``documents`` per audited document (also when there is only
one). Version 1 put a single document's fields at the top level.
"""

from __future__ import annotations

import json as _json

from .. import __version__


def report_dict(res) -> dict:
    versions = []
    for v in res.document.versions:
        versions.append(
            {
                "lang": v.lang,
                "path": v.path,
                "paragraphs": [
                    {
                        "index": s.index,
                        "line": s.line,
                        "end_line": s.end_line,
                        "text": s.text,
                        **({"label": s.label} if s.label else {}),
                        "kind": s.kind,
                    }
                    for s in v.segments
                ],
            }
        )
    alignment = []
    for row in res.alignment.rows:
        item = {lg: list(row.get(lg)) for lg in res.alignment.langs}
        item["score"] = round(float(row.score), 4)
        alignment.append(item)
    return {
        "model": res.model,
        "versions": versions,
        "alignment": alignment,
        "findings": [f.to_json() for f in res.findings],
        "summary": {**res.counts(), "suppressed": res.suppressed, "baseline": getattr(res, "baseline", 0)},
    }


SCHEMA_VERSION = 2


def render_json(results) -> str:
    docs = [report_dict(r) for r in results]
    summary = {"error": 0, "warning": 0, "info": 0, "suppressed": 0, "baseline": 0}
    for d in docs:
        for k in summary:
            summary[k] += d["summary"].get(k, 0)
    data = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "tcheck", "version": __version__},
        "documents": docs,
        "summary": summary,
    }
    return _json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def schema() -> dict:
    from importlib import resources

    return _json.loads(resources.files("tcheck").joinpath("schema/report.schema.json").read_text(encoding="utf-8"))
