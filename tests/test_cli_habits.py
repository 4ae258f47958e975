"""Command-line habits of ruff and Vale: rule selection, per-file ignores, statistics, quiet,
colour, progress, standard input, fixes, baselines you can trust, unrelated versions, help."""

import io
import json
import re
import shutil

import pytest
from click.testing import CliRunner

from tcheck.audit_run import Progress, use_color
from tcheck.model import InputError
from tcheck.workspace.selection import select_rules

from .conftest import FIXTURES, ROOT, SEEDS
from .test_cli_workflow import EN, ZH_FULL, doc_pair, write

SEED003 = SEEDS / "003_c3910e3e82d1352d.txt"
GUIDE = FIXTURES / "corpus" / "opensource-guide"


@pytest.fixture
def cli(embedder, monkeypatch, tmp_path):
    """``tcheck ARGS…`` in-process with the session embedder, from tmp_path; ``input`` feeds stdin."""
    import tcheck.embed
    from tcheck.cli import main

    monkeypatch.setattr(tcheck.embed, "get_embedder", lambda name=None: embedder)
    monkeypatch.chdir(tmp_path)
    for var in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(var, raising=False)

    def _run(*args, input=None, env=None):
        return CliRunner().invoke(main, [str(a) for a in args], input=input, env=env, catch_exceptions=False)

    return _run


def findings(res) -> list[dict]:
    data = json.loads(res.stdout)
    return [f for d in data["documents"] for f in d["findings"]]


def rules_in(res) -> list[str]:
    return sorted(f["rule"] for f in findings(res))


def one_error_line(res) -> str:
    assert res.exit_code == 2, (res.exit_code, res.stderr)
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith("tcheck: error: ") and "Traceback" not in res.stderr
    return line


# ---------------------------------------------------------------------------
# selection


def test_select_rules_semantics():
    assert select_rules({}) == {}
    picked = select_rules({}, select=["missing"])
    assert {r for r, v in picked.items() if v != "off"} == {"missing-paragraph", "missing-sentence"}
    # an off-by-default rule is turned on when selected; config severities are kept
    picked = select_rules({"script-mix": "error"}, extend_select=["regional-vocabulary"], ignore=["missing-sentence"])
    assert picked["regional-vocabulary"] == "on" and picked["script-mix"] == "error"
    assert picked["missing-sentence"] == "off" and picked["missing-paragraph"] == "on"
    # --ignore wins over --select; ALL selects everything
    picked = select_rules({}, select=["all"], ignore=["script-mix"])
    assert picked["script-mix"] == "off" and picked["regional-vocabulary"] == "on"
    # a rule the config turned off stays off unless selected explicitly
    assert select_rules({"script-mix": "off"}, ignore=["untranslated"])["script-mix"] == "off"
    assert select_rules({"script-mix": "off"}, select=["script"])["script-mix"] == "on"
    with pytest.raises(InputError, match="--ignore: unknown rule id or prefix 'nope'"):
        select_rules({}, ignore=["nope"])


def test_select_ignore_extend_select_on_the_command_line(cli, tmp_path):
    doc_pair(tmp_path)
    assert rules_in(cli("audit", "policy.md", "--format", "json")) == ["missing-paragraph"]
    assert rules_in(cli("audit", "policy.md", "--format", "json", "--ignore", "missing-paragraph")) == []
    assert rules_in(cli("audit", "policy.md", "--format", "json", "--ignore", "missing")) == []  # a prefix
    assert rules_in(cli("audit", "policy.md", "--format", "json", "--select", "script-mix,broken-spacing")) == []
    res = cli("audit", "policy.md", "--format", "json", "--select", "script-mix", "--select", "missing-paragraph")
    assert rules_in(res) == ["missing-paragraph"]  # repeated options add up
    res = cli("audit", "policy.md", "--format", "json", "--select", "script-mix", "--extend-select", "missing-p")
    assert rules_in(res) == ["missing-paragraph"]
    for opt in ("--select", "--ignore", "--extend-select"):
        line = one_error_line(cli("audit", "policy.md", opt, "missing-paragraf"))
        assert f"{opt}: unknown rule id or prefix 'missing-paragraf'" in line


def test_per_file_ignores_in_config(cli, tmp_path):
    doc_pair(tmp_path)
    write(tmp_path, "tcheck.toml", '[per-file-ignores]\n"*.zh-CN.md" = ["missing"]\n')
    res = cli("audit", "policy.md", "--format", "json")
    assert rules_in(res) == []
    assert json.loads(res.stdout)["summary"]["suppressed"] == 1
    write(tmp_path, "tcheck.toml", '[per-file-ignores]\n"other/*.md" = ["missing-paragraph"]\n')
    assert rules_in(cli("audit", "policy.md", "--format", "json")) == ["missing-paragraph"]
    write(tmp_path, "tcheck.toml", '[per-file-ignores]\n"*.md" = ["missing-paragraf"]\n')
    line = one_error_line(cli("audit", "policy.md"))
    assert "tcheck.toml: per-file-ignores" in line and "missing-paragraf" in line


def test_rules_json_lists_every_rule(cli):
    from tcheck.rules import all_rules

    res = cli("rules", "--format", "json")
    data = json.loads(res.stdout)
    assert [r["id"] for r in data] == list(all_rules())
    assert {"id", "severity", "severities", "summary", "description", "enabled_by_default"} <= set(data[0])
    by_id = {r["id"]: r for r in data}
    assert by_id["broken-spacing"]["options"] == {"max_spaced_ratio": 0.02}
    assert by_id["script-mix"]["help_uri"] == "https://tcheck.invalid/rules/script-mix"


# ---------------------------------------------------------------------------
# output habits


def test_statistics_counts_per_rule(cli, tmp_path):
    doc_pair(tmp_path)
    res = cli("audit", "policy.md", "--statistics", "--fail-on", "warning")
    assert res.exit_code == 1
    assert res.stdout.splitlines() == ["1  warning  missing-paragraph"]
    assert "--statistics" in one_error_line(cli("audit", "policy.md", "--statistics", "--format", "json"))


def test_quiet_prints_findings_only_and_nothing_when_clean(cli, tmp_path):
    doc_pair(tmp_path)
    res = cli("audit", "policy.md", "--quiet")
    lines = res.stdout.splitlines()
    assert lines[0] == "policy.zh-CN.md" and "missing-paragraph" in lines[1]
    assert not any(x.startswith(("Found", "No findings")) for x in lines)
    res = cli("audit", "policy.md", "-q", "--ignore", "missing-paragraph")
    assert res.exit_code == 0 and res.stdout == "" and res.stderr == ""


def test_color_option_and_environment(cli, tmp_path, monkeypatch):
    doc_pair(tmp_path)
    assert "\x1b[" in cli("audit", "policy.md", "--color", "always").stdout
    assert "\x1b[" not in cli("audit", "policy.md", "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in cli("audit", "policy.md", env={"FORCE_COLOR": "1"}).stdout  # auto, not a terminal
    assert "\x1b[" not in cli("audit", "policy.md").stdout
    tty = io.StringIO()
    tty.isatty = lambda: True
    assert use_color("auto", tty) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color("auto", tty) is False and use_color("always", tty) is True
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "0")
    assert use_color("auto", io.StringIO()) is False


def test_output_file_prints_a_summary_on_stderr(cli, tmp_path):
    doc_pair(tmp_path)
    res = cli("audit", "policy.md", "--format", "sarif", "--output", "r.sarif")
    assert res.stdout == ""
    assert res.stderr.strip() == ("tcheck: Found 1 finding (1 warning) in 1 document. Report written to r.sarif.")
    assert cli("audit", "policy.md", "-o", "r.json", "--format", "json", "-q").stderr == ""


def test_progress_only_on_a_terminal(cli, tmp_path):
    tty = io.StringIO()
    tty.isatty = lambda: True
    p = Progress(2, tty, tick=0)
    p.step()
    p.step()
    p.close()
    shown = tty.getvalue()
    assert "0/2 documents" in shown and "1/2 documents" in shown and "2/2 documents, 0:00" in shown
    plain = io.StringIO()
    p = Progress(2, plain)
    p.step()
    p.close()
    assert plain.getvalue() == ""
    ticking = io.StringIO()
    ticking.isatty = lambda: True
    p = Progress(1, ticking, tick=0.01)
    import time

    time.sleep(0.1)
    p.close()
    assert ticking.getvalue().count("0/1 documents") >= 3  # redrawn while a document is audited
    assert ticking.getvalue().endswith("\r\x1b[2K")
    doc_pair(tmp_path)
    res = cli("audit", ".", "--fail-on", "never")  # a directory audit, stderr not a terminal
    assert res.stderr == ""


def test_stdin_with_stdin_filename_finds_the_siblings(cli, tmp_path):
    doc_pair(tmp_path)
    (tmp_path / "policy.zh-CN.md").write_text(ZH_FULL.replace("如有疑问", "如有疑问"), encoding="utf-8")
    # the text on stdin is the English version of policy.md, without the paragraph the Chinese has
    res = cli("audit", "-", "--stdin-filename", "policy.md", "--format", "json", input=EN)
    (doc,) = json.loads(res.stdout)["documents"]
    assert {v["lang"]: v["path"] for v in doc["versions"]} == {"zh-Hans": "policy.zh-CN.md", "en": "policy.md"}
    assert [f["rule"] for f in doc["findings"]] == ["missing-paragraph"]
    # the full English on stdin: nothing missing, though the file on disk lacks the paragraph
    full = EN.replace("If you have", "We do not sell your personal information to third parties.\n\nIf you have")
    res = cli("audit", "-", "--stdin-filename", "policy.md", "--format", "json", input=full)
    assert rules_in(res) == []
    # --lang for standard input
    res = cli("audit", "-", "--lang", "-=zh-TW", "--format", "json", input="我們會追踪您的訂單狀態。\n")
    (doc,) = json.loads(res.stdout)["documents"]
    assert [v["lang"] for v in doc["versions"]] == ["zh-Hant"]
    assert [f["rule"] for f in doc["findings"]] == ["script-mix"]
    res = cli("audit", "-", "--stdin-filename", "notes/a.zh-TW.md", "--diff", input="我們會追踪您的訂單。\n")
    assert res.exit_code == 1 and res.stdout.splitlines()[:2] == ["--- a/notes/a.zh-TW.md", "+++ b/notes/a.zh-TW.md"]
    assert "+我們會追蹤您的訂單。" in res.stdout.splitlines()
    assert "--fix" in one_error_line(cli("audit", "-", "--fix", input="x\n"))
    assert "--stdin-filename needs" in one_error_line(cli("audit", "policy.md", "--stdin-filename", "x.md"))


# ---------------------------------------------------------------------------
# suppression you can trust

TWO_PROBLEMS = "# 隐私政策\n\n我们不会泄 露您的個人信息，也不会出售给第三方。\n"


def test_baseline_entries_match_by_their_own_evidence_and_stale_ones_are_pruned(cli, tmp_path):
    write(tmp_path, "note.zh-CN.md", TWO_PROBLEMS)
    sel = ("--select", "script-mix,broken-spacing", "--fail-on", "warning")
    assert rules_in(cli("audit", "note.zh-CN.md", "--format", "json", *sel)) == ["broken-spacing", "script-mix"]
    assert cli("audit", "note.zh-CN.md", *sel, "--write-baseline", "base.json").exit_code == 0
    # fix the Traditional character: the paragraph changes, the spacing finding stays baselined
    write(tmp_path, "note.zh-CN.md", TWO_PROBLEMS.replace("個", "个"))
    res = cli("audit", "note.zh-CN.md", *sel, "--baseline", "base.json", "--format", "json")
    assert res.exit_code == 0 and rules_in(res) == []
    assert "stale entry (script-mix in note.zh-CN.md)" in res.stderr
    assert "1 baseline entry no longer matches a finding" in res.stderr and "--prune" in res.stderr
    # entries of documents not audited in this run are never called stale
    write(tmp_path, "other.zh-CN.md", "# 说明\n\n这是另一份文件。\n")
    res = cli("audit", "other.zh-CN.md", *sel, "--baseline", "base.json")
    assert "stale" not in res.stderr
    # --prune drops the stale entry and keeps the rest
    res = cli("audit", "note.zh-CN.md", *sel, "--write-baseline", "base.json", "--prune")
    assert res.exit_code == 0 and "pruned 1 stale entry" in res.stderr
    entries = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["entries"]
    assert [e["rule"] for e in entries] == ["broken-spacing"]
    res = cli("audit", "note.zh-CN.md", *sel, "--baseline", "base.json")
    assert res.exit_code == 0 and "stale" not in res.stderr
    assert "--prune needs" in one_error_line(cli("audit", "note.zh-CN.md", "--prune"))


def test_fixing_one_problem_of_a_paragraph_pair_keeps_the_other_baselined(cli, tmp_path):
    """The issue's case: a paragraph with a wrong e-mail address and a wrong number of days."""
    write(
        tmp_path,
        "p.md",
        "# Privacy\n\nWe value your privacy and explain how we use your data.\n\n"
        "Contact privacy@example.com and we will reply within 30 days.\n\nThank you for using our service.\n",
    )
    write(
        tmp_path,
        "p.zh-CN.md",
        "# 隐私\n\n我们重视您的隐私，并说明我们如何使用您的数据。\n\n"
        "请联系 privacy@example.org，我们会在 60 天内回复。\n\n感谢您使用我们的服务。\n",
    )
    sel = ("--select", "link-mismatch,number-mismatch")
    assert rules_in(cli("audit", "p.md", *sel, "--format", "json")) == ["link-mismatch", "number-mismatch"]
    cli("audit", "p.md", *sel, "--write-baseline", "b.json")
    text = (tmp_path / "p.zh-CN.md").read_text(encoding="utf-8")
    (tmp_path / "p.zh-CN.md").write_text(text.replace("example.org", "example.com"), encoding="utf-8")
    res = cli("audit", "p.md", *sel, "--baseline", "b.json", "--format", "json")
    assert res.exit_code == 0 and rules_in(res) == []
    assert json.loads(res.stdout)["summary"]["baseline"] == 1
    assert "stale entry (link-mismatch in p.zh-CN.md)" in res.stderr


# ---------------------------------------------------------------------------
# fixes


def test_diff_shows_the_script_mix_fix_of_seed_003_and_changes_nothing(cli, tmp_path):
    seed = tmp_path / SEED003.name
    shutil.copy(SEED003, seed)
    before = seed.read_bytes()
    res = cli("audit", seed.name, "--diff")
    assert res.exit_code == 1
    assert res.stdout.startswith(f"--- a/{seed.name}\n+++ b/{seed.name}\n")
    removed = [x for x in res.stdout.splitlines() if x.startswith("-") and not x.startswith("---")]
    added = [x for x in res.stdout.splitlines() if x.startswith("+") and not x.startswith("+++")]
    assert any("踪" in x for x in removed) and any("蹤" in x for x in added)
    assert not any("踪" in x for x in added)
    assert "can be fixed with --fix" in res.stderr
    assert seed.read_bytes() == before


def test_fix_applies_in_place_and_the_file_audits_clean_for_those_rules(cli, tmp_path):
    seed = tmp_path / SEED003.name
    shutil.copy(SEED003, seed)
    write(tmp_path, "spaced.zh-CN.md", TWO_PROBLEMS)
    sel = ("--select", "script-mix,broken-spacing", "--format", "json")
    assert rules_in(cli("audit", "spaced.zh-CN.md", *sel)) == ["broken-spacing", "script-mix"]
    for name in (seed.name, "spaced.zh-CN.md"):
        res = cli("audit", name, "--fix", *sel)
        assert res.exit_code == 0 and "tcheck: fixed " in res.stderr
        assert rules_in(res) == []  # the report is the re-audit
        assert rules_in(cli("audit", name, *sel)) == []
    text = (tmp_path / "spaced.zh-CN.md").read_text(encoding="utf-8")
    assert "泄露您的个人信息" in text
    assert "蹤" in seed.read_text(encoding="utf-8") and "跟踪" not in seed.read_text(encoding="utf-8")
    assert cli("audit", name, "--diff", *sel).stderr.strip() == "tcheck: nothing to fix"
    assert not list(tmp_path.glob(".tcheck-*"))  # no temporary file left behind
    assert "--diff and --fix" in one_error_line(cli("audit", name, "--diff", "--fix"))


def test_fix_restores_a_do_not_translate_term(cli, tmp_path):
    write(tmp_path, "g.csv", "zh-Hans,en,note\n,Talk123,do not translate\n")
    write(tmp_path, "app.md", "# Talk123\n\nTalk123 keeps your calls private and secure.\n")
    write(tmp_path, "app.zh-CN.md", "# Talk123\n\ntalk123 会保护您的通话隐私与安全。\n")
    sel = ("--select", "glossary-violation", "--glossary", "g.csv", "--format", "json")
    assert rules_in(cli("audit", "app.md", *sel)) == ["glossary-violation"]
    res = cli("audit", "app.md", *sel, "--fix")
    assert "glossary-violation 1" in res.stderr and rules_in(res) == []
    assert "Talk123 会保护" in (tmp_path / "app.zh-CN.md").read_text(encoding="utf-8")


def test_fix_skips_an_edit_whose_text_changed(tmp_path):
    from tcheck.fix import plan_fixes
    from tcheck.model import Finding, Fix, Location, Severity

    f = tmp_path / "a.txt"
    f.write_text("我们会追踪\n", encoding="utf-8")
    loc = Location("zh-Hant", str(f), 1, 1, 1)
    good = Finding("script-mix", Severity.WARNING, "m", [loc], fixes=(Fix(str(f), 1, 5, 1, 6, "蹤", "踪"),))
    stale = Finding("script-mix", Severity.WARNING, "m", [loc], fixes=(Fix(str(f), 1, 1, 1, 2, "X", "他"),))

    class R:
        findings = [good, stale]

    (plan,), warnings = plan_fixes([R()])
    assert plan.new == "我们会追蹤\n" and plan.edits == 1 and not warnings


# ---------------------------------------------------------------------------
# not the same document


def test_unrelated_versions_one_finding_and_no_flood(cli, tmp_path):
    # one article's English given together with another article's Chinese
    shutil.copy(GUIDE / "best-practices" / "en.md", tmp_path / "article.md")
    shutil.copy(GUIDE / "building-community" / "zh-CN.md", tmp_path / "article.zh-CN.md")
    res = cli("audit", "article.md", "--format", "json")
    assert res.exit_code == 1
    got = findings(res)
    cross = [
        f
        for f in got
        if f["rule"]
        not in (
            "script-mix",
            "broken-spacing",
            "name-variant",
            "untranslated",
            "duplicate-paragraph",
            "regional-vocabulary",
        )
    ]
    assert [f["rule"] for f in cross] == ["unrelated-versions"]
    assert cross[0]["severity"] == "error" and "do not look like versions of the same document" in cross[0]["message"]


def test_a_translation_in_another_order_is_one_info_not_unrelated(cli, tmp_path):
    # a glossary whose translation is sorted by the translated terms: the same paragraphs in
    # another order (here the Chinese blocks of a real guide in reverse order)
    shutil.copy(GUIDE / "legal" / "en.md", tmp_path / "article.md")
    zh = (GUIDE / "legal" / "zh-CN.md").read_text(encoding="utf-8")
    head, body = zh.split("\n---\n", 1) if zh.startswith("---") else ("", zh)
    blocks = [b for b in body.split("\n\n") if b.strip()]
    (tmp_path / "article.zh-CN.md").write_text(
        (head + "\n---\n" if head else "") + "\n\n".join(reversed(blocks)) + "\n", encoding="utf-8"
    )
    got = findings(cli("audit", "article.md", "--format", "json", "--fail-on", "never"))
    cross = [f for f in got if f["rule"] in ("unrelated-versions", "missing-paragraph", "semantic-drift")]
    assert [(f["rule"], f["severity"]) for f in cross] == [("unrelated-versions", "info")]
    assert "in a different order" in cross[0]["message"]


def test_an_old_short_translation_inside_a_longer_rewrite_is_not_a_reordering(cli, tmp_path):
    # the old English is all said in the rewritten Chinese, in another order, but most of the
    # Chinese is new: a stale translation, whose findings must stay (pnpm.io workspaces)
    en = (GUIDE / "legal" / "en.md").read_text(encoding="utf-8")
    zh = (GUIDE / "legal" / "zh-CN.md").read_text(encoding="utf-8")
    head, body = zh.split("\n---\n", 1)
    blocks = [b for b in body.split("\n\n") if b.strip()]
    other = (GUIDE / "best-practices" / "zh-CN.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    extra = [b for b in other.split("\n\n") if b.strip()]
    mixed = [x for pair in zip(reversed(blocks[:20]), extra[:40:2]) for x in pair] + extra[40:]
    (tmp_path / "article.md").write_text("\n\n".join(en.split("\n\n")[:22]) + "\n", encoding="utf-8")
    (tmp_path / "article.zh-CN.md").write_text(head + "\n---\n" + "\n\n".join(mixed) + "\n", encoding="utf-8")
    got = findings(cli("audit", "article.md", "--format", "json", "--fail-on", "never"))
    assert not any("in a different order" in f["message"] for f in got)


@pytest.mark.parametrize("doc", ["best-practices", "legal", "metrics"])
def test_real_translations_are_not_unrelated(cli, doc):
    folder = GUIDE / doc
    res = cli("audit", folder / "en.md", "--format", "json", "--select", "unrelated-versions")
    assert rules_in(res) == []


# ---------------------------------------------------------------------------
# help and README


def _readme_usage_options() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = readme.split("## Usage", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", usage))


def test_readme_usage_lists_every_audit_option(cli):
    res = cli("audit", "--help")
    helped = set(re.findall(r"^\s+(?:-\w, )?(--[a-z][a-z-]*)", res.stdout, flags=re.MULTILINE)) - {"--help"}
    for opt in (
        "--select",
        "--ignore",
        "--extend-select",
        "--statistics",
        "--quiet",
        "--color",
        "--stdin-filename",
        "--diff",
        "--fix",
        "--prune",
    ):
        assert opt in helped
    assert helped - _readme_usage_options() == set(), "options missing from README's usage section"
    assert _readme_usage_options() - helped == set(), "README's usage names options audit does not have"
    top = cli("--help").stdout
    assert "--select" in top and "--fix" in top
