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
    """Raise AssertionError listing every schema violation; return the report."""
    errors = sorted(_validator().iter_errors(report), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message[:300]}" for e in errors[:20]]
        raise AssertionError("report does not match report.schema.json:\n" + "\n".join(lines))
    return report


def single_reports(report: dict) -> list[dict]:
    """The per-document reports of a JSON report (one, or several under "documents")."""
    return report["documents"] if "documents" in report else [report]
