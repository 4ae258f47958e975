"""Helpers shared by tests: JSON report validation against the shipped schema."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(resources.files("tcheck").joinpath("schema/report.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_report(report: dict) -> dict:
    """Raise AssertionError listing every schema violation; return the report.

    A single document's dict (``report_dict``, an entry of ``documents``) is
    validated inside a schema_version 2 envelope and returned as it is.
    """
    if "documents" not in report and "versions" in report:
        validate_report(
            {
                "schema_version": 2,
                "tool": {"name": "tcheck", "version": "0"},
                "documents": [report],
                "summary": {"error": 0, "warning": 0, "info": 0},
            }
        )
        return report
    errors = sorted(_validator().iter_errors(report), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message[:300]}" for e in errors[:20]]
        raise AssertionError("report does not match report.schema.json:\n" + "\n".join(lines))
    return report


def single_reports(report: dict) -> list[dict]:
    """The per-document reports of a JSON report (schema_version 2: always under "documents")."""
    return report["documents"]


def only(report: dict) -> dict:
    """The one document of a JSON report (validated), for runs that audit one document."""
    validate_report(report)
    assert len(report["documents"]) == 1, [d["versions"][0]["path"] for d in report["documents"]]
    return report["documents"][0]
