"""End-to-end CLI workflows: discovery, config, baselines, inline ignores, pre-commit, README rules."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

ZH = """# 隐私政策

我们重视您的隐私。本政策说明我们如何收集和使用您的个人信息。

我们收集您在注册账户时提供的姓名和电子邮件地址。

{ignore}我们不会向第三方出售您的个人信息。

如有疑问，请通过电子邮件与我们联系。
"""
EN = """# Privacy Policy

We value your privacy. This policy explains how we collect and use your personal information.

We collect the name and e-mail address you provide when you register an account.

If you have questions, please contact us by e-mail.
"""
ZH_FULL = ZH.replace("{ignore}", "")
EN_FULL = EN.replace("If you have", "We do not sell your personal information to third parties.\n\nIf you have")


@pytest.fixture
def run(audit_cli):
    """Invoke the CLI in-process with the session embedder, from tmp_path (see conftest.audit_cli)."""
    return audit_cli


def write(root: Path, rel: str, text: str) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def doc_pair(root: Path, stem: str = "policy", ignore: str = ""):
    write(root, f"{stem}.zh-CN.md", ZH.replace("{ignore}", ignore))
    write(root, f"{stem}.md", EN)


def report(result) -> dict:
    """The JSON report; for a run of one document, that document (schema_version 2 lists it in documents)."""
    data = json.loads(result.stdout)
    return data["documents"][0] if len(data["documents"]) == 1 else data


def rules_of(data: dict) -> list[str]:
    docs = data.get("documents", [data])
    return [f["rule"] for d in docs for f in d["findings"]]


# ---------------------------------------------------------------------------
# discovery through the CLI


def test_one_changed_file_audits_all_its_versions(run, tmp_path):
    doc_pair(tmp_path)
    res = run("policy.md", "--format", "json")
    data = report(res)
    assert sorted(v["lang"] for v in data["versions"]) == ["en", "zh-Hans"]
    assert rules_of(data) == ["missing-paragraph"]
    assert res.exit_code == 0  # a warning, default --fail-on error


def test_several_changed_files_of_one_document_are_audited_once(run, tmp_path):
    doc_pair(tmp_path)
    data = report(run("policy.zh-CN.md", "policy.md", "--format", "json"))
    assert "documents" not in data and rules_of(data) == ["missing-paragraph"]


def test_directory_audits_every_document(run, tmp_path):
    doc_pair(tmp_path / "docs", "a")
    write(tmp_path, "docs/b/en.md", EN_FULL)
    write(tmp_path, "docs/b/zh-CN.md", ZH_FULL)
    write(tmp_path, "docs/node_modules/x.md", EN)
    data = report(run("docs", "--format", "json"))
    assert len(data["documents"]) == 2
    by_path = {d["versions"][0]["path"]: rules_of(d) for d in data["documents"]}
    assert by_path == {
        os.path.join("docs", "a.zh-CN.md"): ["missing-paragraph"],
        os.path.join("docs", "b", "zh-CN.md"): [],
    }


def test_more_than_three_files_forming_groups(run, tmp_path):
    doc_pair(tmp_path, "a")
    doc_pair(tmp_path, "b")
    write(tmp_path, "c.md", EN)
    data = report(run("a.md", "a.zh-CN.md", "b.md", "b.zh-CN.md", "c.md", "--format", "json"))
    assert len(data["documents"]) == 3


def test_explicit_files_without_siblings_are_one_document(run, tmp_path):
    write(tmp_path, "x.txt", ZH_FULL)
    write(tmp_path, "y.txt", EN)
    data = report(run("x.txt", "y.txt", "--lang", "x.txt=zh-CN", "--format", "json"))
    assert "documents" not in data and rules_of(data) == ["missing-paragraph"]
    data = report(run("x.txt", "y.txt", "--format", "json"))  # languages detected from the text
    assert "documents" not in data and rules_of(data) == ["missing-paragraph"]


def test_same_language_files_given_together_are_separate_documents(run, tmp_path):
    write(tmp_path, "README.md", EN)
    write(tmp_path, "CONTRIBUTING.md", EN_FULL)
    res = run("README.md", "CONTRIBUTING.md", "--format", "json")
    assert res.exit_code == 0, res.stderr
    assert len(report(res)["documents"]) == 2


def test_unmarked_file_in_an_already_present_language_is_audited_alone(run, tmp_path):
    write(tmp_path, "README.md", EN_FULL)
    write(tmp_path, "en/README.md", EN)
    write(tmp_path, "zh-CN/README.md", ZH_FULL)
    data = report(run("README.md", "--format", "json"))
    assert len(data["documents"]) == 2
    sizes = sorted(len(d["versions"]) for d in data["documents"])
    assert sizes == [1, 2]


def test_corpus_document_is_found_from_one_file(run, tmp_path):
    src = ROOT / "fixtures" / "corpus" / "contributor-covenant" / "v1.4" / "zh-TW.md"
    data = report(run(str(src), "--format", "json", "--fail-on", "never"))
    assert sorted(v["lang"] for v in data["versions"]) == ["en", "zh-Hans", "zh-Hant"]


def test_directory_walk_skips_unreadable_documents_with_a_warning(run, tmp_path):
    doc_pair(tmp_path / "docs")
    write(tmp_path, "docs/empty.md", "")
    res = run("docs")
    assert res.exit_code == 0
    assert "skipped" in res.stderr and "empty.md" in res.stderr and "file is empty" in res.stderr
    # the same file given explicitly is an input error
    res = run("docs/empty.md")
    assert res.exit_code == 2 and "file is empty" in res.stderr


# ---------------------------------------------------------------------------
# config


def test_config_turns_a_rule_off_and_cli_config_flags(run, tmp_path):
    doc_pair(tmp_path)
    write(tmp_path, "tcheck.toml", '[rules]\nmissing-paragraph = "off"\n')
    assert rules_of(report(run("policy.md", "--format", "json"))) == []
    assert rules_of(report(run("policy.md", "--format", "json", "--no-config"))) == ["missing-paragraph"]
    write(tmp_path, "other.toml", '[rules]\nmissing-paragraph = "error"\n')
    res = run("policy.md", "--format", "json", "--config", "other.toml")
    assert [f["severity"] for f in report(res)["findings"]] == ["error"]
    assert res.exit_code == 1


def test_config_fail_on_and_cli_override(run, tmp_path):
    doc_pair(tmp_path)
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.tcheck]\nfail-on = "warning"\n')
    assert run("policy.md").exit_code == 1
    assert run("policy.md", "--fail-on", "never").exit_code == 0


def test_config_exclude_applies_to_changed_files(run, tmp_path):
    doc_pair(tmp_path)
    write(tmp_path, "tcheck.toml", 'exclude = ["policy.zh-CN.md"]\n')
    data = report(run("policy.md", "--format", "json"))
    assert [v["lang"] for v in data["versions"]] == ["en"] and rules_of(data) == []


def test_config_groups(run, tmp_path):
    write(tmp_path, "legal/terms-cn.txt", ZH_FULL)
    write(tmp_path, "legal/terms-global.txt", EN)
    write(
        tmp_path,
        "tcheck.toml",
        '[[groups]]\nfiles = ["legal/terms-cn.txt", "legal/terms-global.txt"]\n'
        'lang = { "legal/terms-cn.txt" = "zh-CN" }\n',
    )
    data = report(run("legal/terms-global.txt", "--format", "json"))
    assert sorted(v["lang"] for v in data["versions"]) == ["en", "zh-Hans"]
    assert rules_of(data) == ["missing-paragraph"]
    data = report(run("--format", "json"))  # no paths: the declared groups
    assert sorted(v["lang"] for v in data["versions"]) == ["en", "zh-Hans"]


def test_config_values_reach_the_audit_and_cli_overrides_them(run, tmp_path, monkeypatch):
    import tcheck.pipeline

    seen = []
    monkeypatch.setattr(tcheck.pipeline, "audit_jobs", lambda jobs, settings, **kw: seen.append((jobs, settings)) or [])
    doc_pair(tmp_path)
    write(tmp_path, "terms/g.csv", "zh-Hans,en\n隐私,privacy\n")
    write(
        tmp_path,
        "tcheck.toml",
        'model = "st:/nowhere"\nglossary = "terms/g.csv"\n'
        '[options.semantic-drift]\nmin_gap = 0.3\n[rules]\nscript-mix = "error"\n',
    )
    assert run("policy.md").exit_code == 0
    groups, settings = seen[-1]
    assert [sorted(job.files) for job in groups] == [["policy.md", "policy.zh-CN.md"]]
    assert settings.model == "st:/nowhere"
    assert settings.options == {"semantic-drift": {"min_gap": 0.3}}
    assert settings.rules == {"script-mix": "error"}
    assert settings.glossary is not None and len(settings.glossary.entries) == 1
    run("policy.md", "--model", "use-m3", "--glossary", "terms/g.csv", "--no-cache")
    assert seen[-1][1].model == "use-m3" and seen[-1][1].use_cache is False
    run("policy.md", "--no-config")
    assert seen[-1][1].model == "use-m3" and seen[-1][1].options == {} and seen[-1][1].glossary is None


def test_bad_config_is_exit_2_with_one_line(run, tmp_path):
    doc_pair(tmp_path)
    write(tmp_path, "tcheck.toml", '[rules]\nmissing-paragraf = "off"\n')
    res = run("policy.md")
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "tcheck.toml" in lines[0] and "missing-paragraf" in lines[0]
    assert "Traceback" not in res.stderr


def test_glossary_option_is_loaded(run, tmp_path):
    doc_pair(tmp_path)
    write(tmp_path, "g.csv", "zh-Hans,en\n隐私,privacy\n")
    assert run("policy.md", "--glossary", "g.csv").exit_code == 0
    res = run("policy.md", "--glossary", "missing.csv")
    assert res.exit_code == 2 and "missing.csv" in res.stderr


def test_writing_over_an_input_is_refused(run, tmp_path):
    doc_pair(tmp_path)
    for opt in ("--output", "--write-baseline"):
        res = run("policy.md", opt, "policy.zh-CN.md")
        assert res.exit_code == 2 and "never writes to its inputs" in res.stderr
    assert "我们不会向第三方" in (tmp_path / "policy.zh-CN.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# suppression


def test_baseline_workflow(run, tmp_path):
    doc_pair(tmp_path)
    res = run("policy.md", "--write-baseline", "base.json", "--fail-on", "warning")
    assert res.exit_code == 0 and "wrote 1 finding" in res.stderr
    entries = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["entries"]
    assert [e["rule"] for e in entries] == ["missing-paragraph"]

    res = run("policy.md", "--baseline", "base.json", "--fail-on", "warning", "--format", "json")
    data = report(res)
    assert res.exit_code == 0 and rules_of(data) == [] and data["summary"]["baseline"] == 1
    assert "1 in baseline" in run("policy.md", "--baseline", "base.json").stdout

    # a new paragraph missing from the English version (not next to the old one, which would make one run
    # of missing paragraphs): only it is reported, and it decides the exit status
    text = (tmp_path / "policy.zh-CN.md").read_text(encoding="utf-8")
    (tmp_path / "policy.zh-CN.md").write_text(
        text.replace("我们重视您的隐私", "我们使用加密技术保护您的账户安全和支付信息。\n\n我们重视您的隐私"),
        encoding="utf-8",
    )
    res = run("policy.md", "--baseline", "base.json", "--fail-on", "warning", "--format", "json")
    data = report(res)
    assert res.exit_code == 1
    assert len(data["findings"]) == 1 and "加密" in data["findings"][0]["message"]
    assert data["summary"]["baseline"] == 1
    # without the baseline both are reported
    assert len(report(run("policy.md", "--format", "json"))["findings"]) == 2
    # rewriting the baseline while reading the old one records both findings
    assert run("policy.md", "--baseline", "base.json", "--write-baseline", "base2.json").exit_code == 0
    assert len(json.loads((tmp_path / "base2.json").read_text(encoding="utf-8"))["entries"]) == 2


def test_json_report_with_baseline_matches_the_schema(run, tmp_path):
    import jsonschema

    from tcheck.report.json import schema

    doc_pair(tmp_path)
    run("policy.md", "--write-baseline", "base.json")
    doc_pair(tmp_path / "d", "x")
    data = report(run("policy.md", "d/x.md", "--baseline", "base.json", "--format", "json"))
    jsonschema.validate(data, schema())
    assert data["summary"]["baseline"] == 1 and data["summary"]["warning"] == 1


def test_inline_ignore_in_markdown(run, tmp_path):
    doc_pair(tmp_path, ignore="<!-- tcheck: ignore missing-paragraph -->\n")
    data = report(run("policy.md", "--format", "json"))
    assert rules_of(data) == [] and data["summary"]["suppressed"] == 1
    assert "1 suppressed" in run("policy.md").stdout


def test_inline_ignore_of_another_rule_does_not_suppress(run, tmp_path):
    doc_pair(tmp_path, ignore="<!-- tcheck: ignore number-mismatch -->\n")
    data = report(run("policy.md", "--format", "json"))
    assert rules_of(data) == ["missing-paragraph"] and data["summary"]["suppressed"] == 0


def test_inline_ignore_in_plain_text(run, tmp_path):
    write(
        tmp_path,
        "t.zh-CN.txt",
        ZH.replace("{ignore}", "# tcheck: ignore missing-paragraph\n").replace("# 隐私", "隐私"),
    )
    write(tmp_path, "t.txt", EN.replace("# Privacy", "Privacy"))
    data = report(run("t.txt", "--format", "json"))
    assert rules_of(data) == [] and data["summary"]["suppressed"] == 1
    write(tmp_path, "t.zh-CN.txt", ZH.replace("{ignore}", "# tcheck: ignore\n").replace("# 隐私", "隐私"))
    assert report(run("t.txt", "--format", "json"))["summary"]["suppressed"] == 1  # no rule named: all rules
    write(tmp_path, "t.zh-CN.txt", ZH_FULL.replace("# 隐私", "隐私"))
    data = report(run("t.txt", "--format", "json"))
    assert rules_of(data) == ["missing-paragraph"] and data["summary"]["suppressed"] == 0


# ---------------------------------------------------------------------------
# processes, pre-commit, README


def test_jobs_give_the_same_report(run, tmp_path):
    for stem in ("a", "b"):
        doc_pair(tmp_path, stem)
    serial = report(run(".", "--format", "json"))
    serial_fps = [[f["fingerprint"] for f in d["findings"]] for d in serial["documents"]]
    assert len(serial_fps) == 2 and all(len(fs) == 1 for fs in serial_fps)
    # two worker processes, each loading the model itself
    env = {**os.environ, "TCHECK_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-m", "tcheck.cli", "audit", ".", "--format", "json", "--jobs", "2"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    parallel = json.loads(out.stdout)
    assert [[f["fingerprint"] for f in d["findings"]] for d in parallel["documents"]] == serial_fps
    assert [d["versions"][0]["path"] for d in parallel["documents"]] == [
        d["versions"][0]["path"] for d in serial["documents"]
    ]


def test_pre_commit_hook_definition():
    import re

    import yaml  # pre-commit's own format

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "tcheck"]
    assert hook["entry"] == "tcheck audit" and hook["language"] == "python"
    assert hook["require_serial"] is True  # one tcheck run: each finding printed once (tests/test_precommit.py)
    pat = re.compile(hook["files"])
    for name in ("a.md", "docs/x.zh-CN.markdown", "notes.txt"):
        assert pat.search(name)
    for name in ("a.py", "a.md.bak", "img.png", "mdfile"):
        assert not pat.search(name)


def test_readme_rule_list_is_up_to_date():
    from tcheck.report.rules_table import rules_markdown
    from tcheck.rules import all_rules
    from tools.gen_readme_rules import replace_block

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert replace_block(readme, rules_markdown()) == readme, "run: python tools/gen_readme_rules.py"
    for rid in all_rules():
        assert f"| `{rid}` |" in readme
