"""The CLI never writes onto its inputs, writes outputs whole, and fails in one clear line."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tcheck.cli import main

from .conftest import ROOT

ZH = "我们收集您的姓名。\n\n我们将在30天内删除您的数据。\n"
EN = "We collect your name.\n\nWe will delete your data within 60 days.\n"


@pytest.fixture
def doc(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.zh-CN.md").write_text(ZH, encoding="utf-8")
    (tmp_path / "doc.md").write_text(EN, encoding="utf-8")
    return tmp_path


def _run(*args):
    return CliRunner().invoke(main, ["audit", *args])


def _one_error(res, *words):
    lines = res.stderr.strip().splitlines()
    assert res.exit_code == 2, (res.exit_code, res.output)
    assert len(lines) == 1 and lines[0].startswith("tcheck: error:"), lines
    for w in words:
        assert w in lines[0]


def test_output_through_a_hard_link_to_an_input_is_refused(doc):
    os.link(doc / "doc.zh-CN.md", doc / "h.txt")
    res = _run("doc.md", "--output", "h.txt")
    _one_error(res, "h.txt", "input")
    assert (doc / "doc.zh-CN.md").read_text(encoding="utf-8") == ZH


@pytest.mark.parametrize("kind", ["glossary", "baseline", "config"])
def test_outputs_onto_the_glossary_baseline_or_config_are_refused(doc, kind):
    files = {
        "glossary": ("g.tsv", "en\tzh-Hans\nname\t姓名\n"),
        "baseline": ("b.json", '{"version": 1, "tool": "tcheck", "entries": []}\n'),
        "config": ("tcheck.toml", 'fail-on = "never"\n'),
    }
    name, text = files[kind]
    (doc / name).write_text(text, encoding="utf-8")
    extra = [] if kind == "config" else [f"--{kind}", name]
    for option in ("--output", "--write-baseline"):
        res = _run("doc.md", *extra, option, name)
        _one_error(res, name)
        assert (doc / name).read_text(encoding="utf-8") == text


def test_write_baseline_and_output_on_one_file_are_refused(doc):
    res = _run("doc.md", "--write-baseline", "x.json", "--output", "x.json")
    _one_error(res, "x.json")
    assert not (doc / "x.json").exists()


def test_output_dash_means_stdout(doc):
    res = _run("doc.md", "--format", "json", "--output", "-")
    assert res.exit_code == 1 and res.stdout.lstrip().startswith("{")
    assert not (doc / "-").exists()


def test_a_failed_run_leaves_the_old_report(doc, monkeypatch):
    (doc / "report.json").write_text("old report", encoding="utf-8")
    import tcheck.report as report

    def broken(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "render", broken)
    res = _run("doc.md", "--format", "json", "--output", "report.json", "--write-baseline", "base.json")
    assert res.exit_code == 130 and res.stderr.strip() == "tcheck: interrupted"
    assert (doc / "report.json").read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in doc.iterdir()) == ["doc.md", "doc.zh-CN.md", "report.json"]


def test_baseline_and_report_are_both_written(doc):
    res = _run("doc.md", "--format", "json", "--output", "r.json", "--write-baseline", "b.json")
    assert res.exit_code == 0, res.output  # every finding is now baselined
    assert '"entries"' in (doc / "b.json").read_text() and '"schema_version"' in (doc / "r.json").read_text()
    assert "wrote" in res.stderr and "b.json" in res.stderr


def test_a_file_name_too_long_is_one_clear_error(doc):
    res = _run("x" * 300 + ".md")
    _one_error(res)
    assert "internal error" not in res.stderr
    res = _run("doc.md", "--output", "y" * 300 + ".json")
    _one_error(res, "too long")


def test_control_characters_in_a_document_do_not_reach_the_terminal(doc):
    (doc / "doc.md").write_text(EN.replace("name.", "name \x1b]0;owned\x07 \u202eevil."), encoding="utf-8")
    for fmt in ("text", "github"):
        res = _run("doc.md", "--format", fmt, "--fail-on", "never")
        assert "\x1b" not in res.stdout and "\u202e" not in res.stdout and "\x07" not in res.stdout


def test_an_error_message_is_one_line_even_with_a_newline_in_a_name(doc):
    res = _run("new\nline\x1b[2J.md")
    _one_error(res)
    assert "\x1b" not in res.stderr


def _cli(args, cwd, **kw):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "tcheck.cli", *args],
        cwd=cwd,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        **kw,
    )


@pytest.mark.parametrize("args", [["audit", "doc.md"], ["rules"], ["cache", "info"]], ids=["audit", "rules", "cache"])
def test_stdout_on_a_full_disk_is_one_clear_error(doc, args):
    with open("/dev/full", "w") as full:
        p = subprocess.run(
            [sys.executable, "-m", "tcheck.cli", *args],
            cwd=doc,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
            timeout=120,
        )
    assert p.returncode == 2
    (line,) = p.stderr.strip().splitlines()
    assert line.startswith("tcheck: error:") and line.endswith("No space left on device")


def _many_documents(root: Path, n: int) -> None:
    for i in range(n):
        (root / f"d{i}.zh-CN.md").write_text(
            "\n\n".join(f"第{i}号文件第{k}段：我们会在{k}天内处理您的请求。" for k in range(40)), encoding="utf-8"
        )
        (root / f"d{i}.md").write_text(
            "\n\n".join(f"Document {i}, paragraph {k}: we handle requests in {k} days." for k in range(40)),
            encoding="utf-8",
        )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_at_once_and_writes_nothing(tmp_path, jobs):
    docs = tmp_path / "docs"
    docs.mkdir()
    _many_documents(docs, 120)  # far more than 4 s of work, however fast the model starts
    p = _cli(["audit", "docs", "--jobs", jobs, "--output", "report.txt", "--no-cache"], tmp_path)
    time.sleep(4)  # model loaded, documents being audited
    assert p.poll() is None, p.communicate()
    os.killpg(p.pid, signal.SIGINT)  # what the terminal does: the whole process group
    start = time.monotonic()
    out, err = p.communicate(timeout=30)
    assert time.monotonic() - start < 1.5
    assert p.returncode == 130, err
    assert err.strip() == "tcheck: interrupted", err
    assert "Traceback" not in err
    assert sorted(x.name for x in tmp_path.iterdir()) == ["docs"]  # no report, no temporary file
