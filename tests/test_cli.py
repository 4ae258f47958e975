"""CLI contract: bad input -> one line on stderr and exit 2; exit codes; text report; inputs untouched."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tcheck.cli import main

from .conftest import FIXTURES, ROOT, SEED000, SEEDS
from .helpers import only, single_reports, validate_report

TCHECK = ROOT / ".venv" / "bin" / "tcheck"
SEED002 = SEEDS / "002_7cb7c457ab058759.txt"
SEED003 = SEEDS / "003_c3910e3e82d1352d.txt"
SEV_RANK = {"info": 1, "warning": 2, "error": 3}


def run(args, cwd: Path | None = None):
    runner = CliRunner()
    old = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    finally:
        os.chdir(old)


def assert_one_line_error(result_or_proc, exit_code=2):
    code = getattr(result_or_proc, "exit_code", None)
    if code is None:
        code = result_or_proc.returncode
    stderr = result_or_proc.stderr
    assert code == exit_code, (code, stderr)
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("tcheck: error: "), stderr
    assert "Traceback" not in stderr
    assert not result_or_proc.stdout.strip()
    return lines[0]


@pytest.fixture()
def work(tmp_path):
    """A scratch folder with an English policy and bad inputs."""
    shutil.copy(SEED002, tmp_path / "policy.txt")
    shutil.copy(SEED002, tmp_path / "copy.txt")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(" \n\t\n\u3000\u00a0\n".encode("utf-8"))
    (tmp_path / "garbage.txt").write_bytes(b"caf\xe9 \xff\xfe\xfd abc \x81")
    (tmp_path / "adir").mkdir()
    return tmp_path


BAD_CASES = {
    "missing file": (["audit", "nope.txt"], "nope.txt: no such file"),
    "binary file": (["audit", "image.png"], "binary"),
    "empty file": (["audit", "empty.txt"], "empty"),
    "whitespace-only file": (["audit", "blank.txt"], "empty"),
    "undecodable bytes": (["audit", "garbage.txt"], "cannot decode"),
    "unknown --lang tag": (["audit", "policy.txt", "--lang", "policy.txt=fr"], "unknown language tag 'fr'"),
    "--lang without =": (["audit", "policy.txt", "--lang", "policy.txt"], "FILE=TAG"),
    "--lang naming a file not given": (["audit", "policy.txt", "--lang", "other.txt=en"], "not one of the input files"),
    "two files of one language": (
        ["audit", "policy.txt", "copy.txt", "--lang", "policy.txt=en", "--lang", "copy.txt=en"],
        "two en versions",
    ),
    "more than 3 files as one document": (
        [
            "audit",
            "policy.txt",
            "copy.txt",
            "empty.txt",
            "blank.txt",
            "--lang",
            "policy.txt=en",
            "--lang",
            "copy.txt=zh-CN",
            "--lang",
            "empty.txt=zh-TW",
            "--lang",
            "blank.txt=en",
        ],
        "",
    ),
    "unknown model": (["audit", "policy.txt", "--model", "bogus"], "unknown model 'bogus'"),
    "st model that does not exist": (
        ["audit", "policy.txt", "--model", "st:no-such-model-anywhere"],
        "not available locally",
    ),
    "--output is an input": (["audit", "policy.txt", "--output", "policy.txt"], "is one of the input files"),
    "--output is a directory": (["audit", "policy.txt", "--output", "adir"], "directory"),
    "unknown format": (["audit", "policy.txt", "--format", "xml"], "xml"),
    "no files": (["audit", "nope-dir-missing/"], "no such file"),
}


@pytest.mark.parametrize("case", list(BAD_CASES), ids=list(BAD_CASES))
def test_bad_input_one_line_exit_2(work, case, monkeypatch):
    monkeypatch.setenv("HF_HUB_CACHE", str(work / "no-hub"))
    args, needle = BAD_CASES[case]
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in work.iterdir() if p.is_file()}
    line = assert_one_line_error(run(args, cwd=work))
    assert needle in line
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in work.iterdir() if p.is_file()}
    assert after == before  # nothing written, nothing changed


@pytest.mark.parametrize(
    "args, needle",
    [
        (["audit", "nope.txt"], "no such file"),
        (["audit", "image.png"], "binary"),
        (["audit", "policy.txt", "--lang", "policy.txt=xx-YY"], "unknown language tag"),
        (["audit", "policy.txt", "-o", "policy.txt"], "is one of the input files"),
        (["audit", "policy.txt", "--model", "st:/nonexistent/model/dir"], "not available locally"),
    ],
)
def test_bad_input_real_process(work, args, needle):
    assert TCHECK.exists()
    env = {k: v for k, v in os.environ.items() if k != "TCHECK_DEBUG"}
    proc = subprocess.run([str(TCHECK), *args], cwd=work, capture_output=True, text=True, timeout=300, env=env)
    line = assert_one_line_error(proc)
    assert needle in line


def test_version_and_help_exit_0():
    res = run(["--version"])
    assert res.exit_code == 0 and res.stdout.startswith("tcheck ")
    res = run(["audit", "--help"])
    assert res.exit_code == 0 and "--fail-on" in res.stdout


# ---------------------------------------------------------------------------
# exit codes and reports on seed 000


@pytest.fixture(scope="module")
def seed000_json(tmp_path_factory):
    d = tmp_path_factory.mktemp("seed000")
    shutil.copy(SEED000, d / SEED000.name)
    res = run(["audit", SEED000.name, "--format", "json", "--fail-on", "never"], cwd=d)
    assert res.exit_code == 0, res.stderr
    return d, validate_report(json.loads(res.stdout))


@pytest.mark.parametrize("fail_on", ["never", "info", "warning", "error", None])
def test_exit_code_follows_fail_on(seed000_json, fail_on):
    d, report = seed000_json
    severities = [f["severity"] for doc in single_reports(report) for f in doc["findings"]]
    assert "warning" in severities  # seed 000 has warnings
    args = ["audit", SEED000.name, "--format", "json"] + (["--fail-on", fail_on] if fail_on else [])
    res = run(args, cwd=d)
    threshold = fail_on or "error"
    expected = 0 if threshold == "never" else int(any(SEV_RANK[s] >= SEV_RANK[threshold] for s in severities))
    assert res.exit_code == expected, res.stderr
    again = validate_report(json.loads(res.stdout))
    assert again["summary"] == report["summary"]


def test_json_report_file_and_inputs_unchanged(seed000_json, tmp_path):
    d, report = seed000_json
    src = d / SEED000.name
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    mtime = src.stat().st_mtime_ns
    out = tmp_path / "report.json"
    res = run(["audit", str(src), "--format", "json", "--output", str(out), "--fail-on", "never"])
    assert res.exit_code == 0 and not res.stdout.strip()
    data = validate_report(json.loads(out.read_text(encoding="utf-8")))
    assert data["summary"] == report["summary"]
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest and src.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in d.iterdir()) == [SEED000.name]


LINE_RE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) (?P<rule>[a-z][a-z0-9-]*) (?P<msg>\S.*)$"
)


def test_text_report_format(seed000_json):
    d, report = seed000_json
    res = run(["audit", SEED000.name, "--fail-on", "never"], cwd=d)
    assert res.exit_code == 0
    out = res.stdout
    assert "\x1b[" not in out  # no colour when stdout is not a terminal
    lines = out.rstrip("\n").split("\n")
    summary = lines[-1]
    findings = [f for doc in single_reports(report) for f in doc["findings"]]
    n = len(findings)
    assert re.match(rf"Found {n} findings? \(", summary), summary
    for sev in ("error", "warning", "info"):
        k = sum(f["severity"] == sev for f in findings)
        if k:
            assert f"{k} {sev}" in summary
    current, seen = None, []
    paths = {v["path"] for doc in single_reports(report) for v in doc["versions"]}
    for ln in lines[:-1]:
        if not ln.strip() or ln.startswith("    "):
            continue
        m = LINE_RE.match(ln)
        if m is None:
            assert ln in paths, ln  # a file header
            current = ln
            continue
        assert m["path"] == current, "finding lines are grouped under their file"
        seen.append((m["path"], int(m["line"]), m["sev"], m["rule"]))
    assert len(seen) == n
    expected = sorted((f["locations"][0]["path"], f["severity"], f["rule"]) for f in findings)
    assert sorted((p, s, r) for p, _, s, r in seen) == expected
    # finding lines point inside the segment they report
    spans = {(f["locations"][0]["path"], f["rule"], f["severity"]): [] for f in findings}
    for f in findings:
        loc = f["locations"][0]
        spans[(loc["path"], f["rule"], f["severity"])].append((loc["line"], loc["end_line"]))
    for p, line, s, r in seen:
        assert any(a <= line <= b for a, b in spans[(p, r, s)])


def test_lang_option_overrides_detection(tmp_path):
    src = tmp_path / "policy.txt"
    shutil.copy(SEED003, src)
    res = run(["audit", "policy.txt", "--format", "json", "--fail-on", "never"], cwd=tmp_path)
    assert res.exit_code == 0, res.stderr
    assert [v["lang"] for v in only(json.loads(res.stdout))["versions"]] == ["zh-Hant"]
    res = run(
        ["audit", "policy.txt", "--lang", "policy.txt=zh-CN", "--format", "json", "--fail-on", "never"], cwd=tmp_path
    )
    assert res.exit_code == 0, res.stderr
    assert [v["lang"] for v in only(json.loads(res.stdout))["versions"]] == ["zh-Hans"]


def test_file_name_hints_pair_three_files(tmp_path):
    doc = FIXTURES / "corpus" / "mozilla-legal" / "websites_privacy_notice_2022-05-17"
    for name, target in (("en.md", "policy.md"), ("zh-CN.md", "policy.zh-CN.md"), ("zh-TW.md", "policy.zh-TW.md")):
        shutil.copy(doc / name, tmp_path / target)
    res = run(
        ["audit", "policy.md", "policy.zh-CN.md", "policy.zh-TW.md", "--format", "json", "--fail-on", "never"],
        cwd=tmp_path,
    )
    assert res.exit_code == 0, res.stderr
    r = validate_report(json.loads(res.stdout))
    docs = single_reports(r)
    assert len(docs) == 1
    assert {v["lang"]: v["path"] for v in docs[0]["versions"]} == {
        "en": "policy.md",
        "zh-Hans": "policy.zh-CN.md",
        "zh-Hant": "policy.zh-TW.md",
    }


def test_real_process_audit_exit_code_and_no_traceback(seed000_json):
    d, report = seed000_json
    severities = [f["severity"] for doc in single_reports(report) for f in doc["findings"]]
    proc = subprocess.run(
        [str(TCHECK), "audit", SEED000.name, "--fail-on", "warning"],
        cwd=d,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "TCHECK_CACHE_DIR": os.environ["TCHECK_CACHE_DIR"]},
    )
    assert proc.returncode == int(any(SEV_RANK[s] >= 2 for s in severities))
    assert "Traceback" not in proc.stderr
    assert "\x1b[" not in proc.stdout
    assert proc.stdout.rstrip().split("\n")[-1].startswith("Found ")


def test_module_entry_point_runs():
    proc = subprocess.run(
        [sys.executable, "-m", "tcheck.cli", "--version"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0 and proc.stdout.startswith("tcheck ")
