"""pre-commit end to end: real git and real pre-commit in a temporary repository, no network.

The hook is the one shipped in .pre-commit-hooks.yaml (its files pattern, types and
require_serial), run as a ``repo: local`` hook with ``language: system`` and this
virtual environment's ``tcheck`` as the entry, so nothing is installed or downloaded.
Two trilingual documents (six files) are committed: more files than pre-commit puts in
one batch, so without ``require_serial`` a document's files land in two tcheck processes
and its findings are printed twice (the control test shows the check would notice).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

DOCS = {
    "policy.md": "# Refund policy\n\nYou can ask for a refund within 14 days of your purchase.\n\n"
    "Refunds are paid to the card you used for the purchase.\n\n"
    "Contact our support team if you have any questions about this policy.\n",
    "policy.zh-CN.md": "# 退款政策\n\n您可以在购买后 14 天内申请退款。\n\n退款将退回到您购买时使用的银行卡。\n\n"
    "如果您对本政策有任何疑问，请联系我们的支持团队。\n",
    "policy.zh-TW.md": "# 退款政策\n\n您可以在購買後 14 天內申請退款。\n\n退款將退回到您購買時使用的銀行卡。\n\n"
    "如果您對本政策有任何疑問，請聯絡我們的支援團隊。\n",
    "terms.md": "# Terms of use\n\nBy using the service you agree to these terms.\n\n"
    "You must be at least 18 years old to open an account.\n\nWe may suspend accounts that break these terms.\n",
    "terms.zh-CN.md": "# 使用条款\n\n使用本服务即表示您同意这些条款。\n\n您必须年满 18 岁才能开设账户。\n\n"
    "我们可能会暂停违反这些条款的账户。\n",
    "terms.zh-TW.md": "# 使用條款\n\n使用本服務即表示您同意這些條款。\n\n您必須年滿 18 歲才能開設帳戶。\n\n"
    "我們可能會暫停違反這些條款的帳戶。\n",
}
# a new paragraph in all three versions of each document, plus one the Chinese versions lack
ADDED = {
    "policy.md": "\nGift cards cannot be refunded.\n\nWe may also ask you to return the product in its original packaging.\n",
    "policy.zh-CN.md": "\n礼品卡不可退款。\n",
    "policy.zh-TW.md": "\n禮品卡不可退款。\n",
    "terms.md": "\nThese terms are governed by the laws of your country.\n\n"
    "Please read them carefully before you sign up.\n",
    "terms.zh-CN.md": "\n这些条款受您所在国家的法律管辖。\n",
    "terms.zh-TW.md": "\n這些條款受您所在國家的法律管轄。\n",
}
FIXED_EN = {
    "policy.md": "\nGift cards cannot be refunded.\n",
    "terms.md": "\nThese terms are governed by the laws of your country.\n",
}
FINDING = re.compile(r"^(\S+?):(\d+):(\d+): (error|warning|info) (\S+) ", re.M)
SUMMARY = re.compile(r"^(Found \d+ findings? .*|No findings) in \d+ documents?\.", re.M)


def _tcheck() -> str:
    exe = Path(sys.executable).with_name("tcheck")  # .venv/bin/tcheck next to this interpreter
    found = str(exe) if exe.exists() else shutil.which("tcheck")
    assert found, "tcheck is not installed in this environment (make install)"
    return found


def _config(*args: str, require_serial: bool | None = None) -> str:
    shipped = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    hook = {k: shipped[k] for k in ("id", "name", "files", "types", "require_serial") if k in shipped}
    hook.update(entry=f"{shlex.quote(_tcheck())} audit", language="system", args=list(args))
    if require_serial is not None:
        hook["require_serial"] = require_serial
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}, sort_keys=False)


@pytest.fixture
def repo(tmp_path):
    work = tmp_path / "repo"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,  # no user hooksPath, signing or templates
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.invalid",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        # pre-commit runs a non-serial hook in cpu_count() batches; on TRAVIS it uses exactly 2,
        # so the unserialised control splits the six files the same way on a 1-CPU machine
        TRAVIS="1",
        NO_COLOR="1",
    )

    def run(*cmd: str, check: bool = True) -> subprocess.CompletedProcess:
        proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=600)
        if check and proc.returncode != 0:
            raise AssertionError(f"{cmd} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
        return proc

    def write(name: str, text: str, append: bool = False) -> None:
        with open(work / name, "a" if append else "w", encoding="utf-8") as fh:
            fh.write(text)

    run("git", "init", "-q")
    run("git", "config", "commit.gpgsign", "false")
    write(".pre-commit-config.yaml", _config("--fail-on", "warning"))
    run(sys.executable, "-m", "pre_commit", "install")
    for name, text in DOCS.items():
        write(name, text)
    run("git", "add", ".")
    return run, write


def _findings(output: str) -> list[tuple[str, ...]]:
    return [m.groups() for m in FINDING.finditer(output)]


@pytest.mark.slow
def test_commit_blocked_on_a_warning_each_finding_printed_once_then_passes_when_clean(repo):
    run, write = repo

    first = run("git", "commit", "-m", "clean documents")  # the hook runs and passes
    assert re.search(r"tcheck \(translation consistency\)\.+Passed", first.stdout + first.stderr)

    for name, text in ADDED.items():  # all six files change, so pre-commit passes all six
        write(name, text, append=True)
    run("git", "add", ".")
    blocked = run("git", "commit", "-m", "drifted", check=False)
    out = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, out
    assert re.search(r"tcheck \(translation consistency\)\.+Failed", out), out
    found = _findings(out)
    assert sorted(f[0] for f in found) == ["policy.md", "terms.md"], out
    assert {f[3:] for f in found} == {("warning", "missing-paragraph")}, out
    assert len(found) == len(set(found)), f"a finding was printed more than once:\n{out}"
    assert SUMMARY.findall(out) == ["Found 2 findings (2 warnings)"], out  # one tcheck run, one summary
    assert len(run("git", "log", "--oneline").stdout.splitlines()) == 1  # the commit did not happen

    # CI: the same hook over the whole repository
    ci = run(sys.executable, "-m", "pre_commit", "run", "--all-files", check=False)
    assert ci.returncode == 1
    assert sorted(f[0] for f in _findings(ci.stdout)) == ["policy.md", "terms.md"], ci.stdout

    for name, text in FIXED_EN.items():  # drop the English-only paragraphs
        write(name, DOCS[name] + text)
    run("git", "add", ".")
    fixed = run("git", "commit", "-m", "translations agree")
    assert re.search(r"tcheck \(translation consistency\)\.+Passed", fixed.stdout + fixed.stderr)
    assert len(run("git", "log", "--oneline").stdout.splitlines()) == 2


@pytest.mark.slow
def test_warnings_do_not_block_at_the_default_level(repo):
    run, write = repo
    write(".pre-commit-config.yaml", _config())
    for name, text in ADDED.items():
        write(name, text, append=True)
    run("git", "add", ".")
    proc = run(sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose")
    assert sorted(f[0] for f in _findings(proc.stdout)) == ["policy.md", "terms.md"], proc.stdout


@pytest.mark.slow
def test_control_without_require_serial_findings_are_printed_twice(repo):
    """Why require_serial matters: the check above would catch the duplicates."""
    run, write = repo
    write(".pre-commit-config.yaml", _config("--fail-on", "warning", require_serial=False))
    for name, text in ADDED.items():
        write(name, text, append=True)
    run("git", "add", ".")
    proc = run(sys.executable, "-m", "pre_commit", "run", "--all-files", check=False)
    found = _findings(proc.stdout)
    assert proc.returncode == 1
    assert len(found) > len(set(found)), proc.stdout


@pytest.mark.slow
def test_baseline_lets_old_findings_through_and_blocks_new_ones(repo):
    """The README's setup: --fail-on warning plus a committed baseline. Known findings pass, a new one
    blocks, and a commit touching another document is not disturbed by the baseline's other entries."""
    run, write = repo
    for name, text in ADDED.items():  # both documents drift: the known findings
        write(name, text, append=True)
    run(_tcheck(), "audit", ".", "--write-baseline", "tcheck-baseline.json", "--fail-on", "never")
    write(".pre-commit-config.yaml", _config("--fail-on", "warning", "--baseline", "tcheck-baseline.json"))
    run("git", "add", ".")
    run("git", "commit", "-m", "known drift, baselined")

    # a new English-only paragraph, away from the known one (next to it, the two would be one run)
    write(
        "policy.md",
        DOCS["policy.md"].replace("Refunds are", "Store credit never expires.\n\nRefunds are") + ADDED["policy.md"],
    )
    run("git", "add", "policy.md")
    blocked = run("git", "commit", "-m", "new drift", check=False)
    out = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, out
    found = _findings(out)
    assert [(f[0], f[4]) for f in found] == [("policy.md", "missing-paragraph")], out
    assert "Store credit" in out and "return the product" not in out, out  # only the new one
    run("git", "reset", "-q", "--hard")

    # a clean change to the other document: passes, and reports nothing about the first one
    for name, text in (("terms.md", "Thank you.\n"), ("terms.zh-CN.md", "谢谢。\n"), ("terms.zh-TW.md", "謝謝。\n")):
        write(name, "\n" + text, append=True)
    run("git", "add", ".")
    proc = run(
        sys.executable,
        "-m",
        "pre_commit",
        "run",
        "--verbose",
        "--files",
        "terms.md",
        "terms.zh-CN.md",
        "terms.zh-TW.md",
    )
    assert not _findings(proc.stdout) and "policy" not in proc.stdout, proc.stdout


def readme_yaml(section: str) -> list:
    """The YAML code blocks of a README section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", body, re.S)]


def test_manifest_and_readme_hooks_agree():
    shipped = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert len(shipped) == 1
    hook = shipped[0]
    assert hook["require_serial"] is True
    pattern = re.compile(hook["files"])
    for name in ("a.md", "b.markdown", "c.mdx", "d.txt", "e.html", "f.htm", "G.MD"):
        assert pattern.search(name), name
    for name in ("a.py", "b.json", "c.md.orig"):
        assert not pattern.search(name), name
    hosted, local, *_ = readme_yaml("pre-commit")
    (h,) = hosted["repos"][0]["hooks"]
    assert h["id"] == hook["id"] and h["args"][:2] == ["--fail-on", "warning"]
    assert "--baseline" in h["args"]
    (l,) = local["repos"][0]["hooks"]
    assert local["repos"][0]["repo"] == "local"
    assert (l["files"], l["require_serial"], l["language"]) == (hook["files"], True, "system")
    assert l["args"][:2] == ["--fail-on", "warning"]
