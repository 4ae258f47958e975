"""tcheck merge: shard reports joined into the report of a single run (tcheck.report.merge)."""

import json
import re

import pytest
from click.testing import CliRunner

from tcheck.cli import main

from .helpers import validate_report
from .test_shard import corpus_site

NONCE = re.compile(r"nonce(-|=\")[A-Za-z0-9_-]+")  # the CSP nonce is random in every HTML report


def merge(*args):
    return CliRunner().invoke(main, ["merge", *args], catch_exceptions=False)


def shard_reports(audit_cli, n: int) -> list[str]:
    paths = []
    for k in range(1, n + 1):
        out = f"shard-{k}-of-{n}.json"
        res = audit_cli("site", "--shard", f"{k}/{n}", "--format", "json", "--output", out, "--fail-on", "never")
        assert res.exit_code == 0, res.output
        validate_report(json.loads(open(out, encoding="utf-8").read()))
        paths.append(out)
    return paths


@pytest.mark.parametrize("n", [2, 3])
def test_merged_json_equals_single_run(audit_cli, tmp_path, n):
    corpus_site(tmp_path)
    single = audit_cli("site", "--format", "json", "--fail-on", "never").output
    paths = shard_reports(audit_cli, n)
    merged = merge(*reversed(paths))  # any order of the reports
    assert merged.exit_code == 0, merged.output
    assert merged.output == single
    data = json.loads(merged.output)
    assert "shard" not in data and len(data["documents"]) == 8
    validate_report(data)


@pytest.mark.parametrize("fmt", ["sarif", "csv", "html", "text", "github"])
def test_merged_other_formats_equal_single_run(audit_cli, tmp_path, fmt):
    corpus_site(tmp_path)
    single = audit_cli("site", "--format", fmt, "--fail-on", "never", "--color", "never").output
    paths = shard_reports(audit_cli, 2)
    res = merge(*paths, "--format", fmt, "--output", f"merged.{fmt}")
    assert res.exit_code == 0, res.output
    merged = (tmp_path / f"merged.{fmt}").read_text(encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    if fmt == "csv":
        single = single.lstrip("\ufeff")
    assert NONCE.sub("nonce", merged) == NONCE.sub("nonce", single)


def test_missing_duplicate_and_foreign_reports_are_errors(audit_cli, tmp_path):
    corpus_site(tmp_path)
    paths = shard_reports(audit_cli, 3)
    for args, msg in [
        (paths[:2], "missing shard 3 of 3"),
        ([*paths, paths[0]], "given twice"),
    ]:
        res = merge(*args)
        assert res.exit_code == 2 and msg in res.output, res.output
    audit_cli("site", "--format", "json", "--output", "plain.json", "--fail-on", "never")
    res = merge("plain.json")
    assert res.exit_code == 2 and "not a shard report" in res.output
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    res = merge("bad.json")
    assert res.exit_code == 2 and "not a JSON report" in res.output
    two = shard_reports(audit_cli, 2)
    res = merge(two[0], *paths)
    assert res.exit_code == 2 and "different shard counts" in res.output


def test_tampered_results_are_rejected(audit_cli, tmp_path):
    corpus_site(tmp_path)
    paths = shard_reports(audit_cli, 2)
    data = json.loads(open(paths[0], encoding="utf-8").read())
    data["shard"]["results"][0]["findings"] = "rm -rf /"
    open(paths[0], "w", encoding="utf-8").write(json.dumps(data))
    res = merge(*paths)
    assert res.exit_code == 2 and "damaged" in res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1
