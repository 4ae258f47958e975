"""The GitHub Action (action.yml): its shape, its inputs wired into the steps, and its scripts run here.

GitHub is not available to the tests, so the ``run`` steps are executed with bash the way a
composite action runs them: ``${{ ... }}`` expressions in ``env`` resolved from the inputs and
earlier steps' outputs, ``GITHUB_OUTPUT`` a file. ``uses`` steps (setup-python, upload-sarif) and
the install step (which would pip install the action's checkout) are checked by shape only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

EXPR = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


@pytest.fixture(scope="module")
def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def _step(action, *, uses: str | None = None, id: str | None = None) -> dict:
    for s in action["runs"]["steps"]:
        if (uses and s.get("uses", "").split("@")[0] == uses) or (id and s.get("id") == id):
            return s
    raise AssertionError(f"no step {uses or id}")


def _expressions(node) -> list[str]:
    if isinstance(node, dict):
        return [e for v in node.values() for e in _expressions(v)]
    if isinstance(node, list):
        return [e for v in node for e in _expressions(v)]
    return EXPR.findall(str(node)) if isinstance(node, str) else []


def test_composite_action_shape(action):
    assert action["runs"]["using"] == "composite"
    assert action["name"] and action["description"]
    setup = _step(action, uses="actions/setup-python")
    assert setup["with"]["python-version"] == "${{ inputs.python-version }}"
    assert action["inputs"]["python-version"]["default"] == "3.11"
    install = _step(action, id="install")
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"  # the action's own checkout
    assert re.search(r'pip install .*"\$ACTION_PATH"', install["run"])
    audit = _step(action, id="audit")
    assert "audit" in audit["run"] and "--format sarif" in audit["run"]
    upload = _step(action, uses="github/codeql-action/upload-sarif")
    assert upload["with"]["sarif_file"] == "${{ steps.audit.outputs.sarif-file }}"
    assert upload["if"] == "inputs.upload-sarif == 'true'"
    for s in action["runs"]["steps"]:
        assert "uses" in s or s.get("shell") == "bash", s  # composite run steps need a shell
        assert re.search(r"@v\d+$", s.get("uses", "x@v1")), s  # actions pinned to a major version


def test_required_inputs_exist_and_every_input_is_used(action):
    inputs = action["inputs"]
    for name in ("paths", "fail-on", "args"):
        assert name in inputs
    used = {m.group(1) for e in _expressions(action["runs"]["steps"]) for m in re.finditer(r"inputs\.([\w-]+)", e)}
    used |= {m.group(1) for s in action["runs"]["steps"] for m in re.finditer(r"inputs\.([\w-]+)", s.get("if", ""))}
    assert used == set(inputs), f"unused inputs: {set(inputs) - used}; undeclared: {used - set(inputs)}"
    for name, spec in inputs.items():
        assert spec.get("description"), name
    for out in action["outputs"].values():
        assert EXPR.search(out["value"])


def test_inputs_never_spliced_into_scripts(action):
    """Script injection: an input such as paths='$(curl …)' must stay data (passed through env)."""
    for s in action["runs"]["steps"]:
        assert not EXPR.search(s.get("run", "")), f"${{{{ }}}} inside a run script: {s.get('name')}"


def _run_step(step: dict, inputs: dict, outputs: dict, tmp: Path, extra_env: dict | None = None):
    def resolve(value: str) -> str:
        def one(m):
            expr = m.group(1)
            if expr.startswith("inputs."):
                return inputs[expr[len("inputs.") :]]
            if expr.startswith("steps."):
                sid, _, key = expr[len("steps.") :].split(".", 2)
                return outputs.get(sid, {}).get(key, "")
            return {"github.action_path": str(ROOT), "runner.temp": str(tmp)}[expr]

        return EXPR.sub(one, str(value))

    out_file = tmp / f"output-{step.get('id', 'step')}"
    out_file.write_text("")
    env = {**os.environ, **{k: resolve(v) for k, v in step.get("env", {}).items()}, **(extra_env or {})}
    env["GITHUB_OUTPUT"] = str(out_file)
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],  # GitHub's bash invocation
        env=env,
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=600,
    )
    got = dict(line.split("=", 1) for line in out_file.read_text().splitlines() if "=" in line)
    if step.get("id"):
        outputs[step["id"]] = got
    return proc


DOC_EN = "# Refund policy\n\nYou can ask for a refund within 14 days of your purchase.\n\nRefunds are paid to the card you used.\n"
DOC_HANS = "# 退款政策\n\n您可以在购买后 14 天内申请退款。\n\n退款将退回到您使用的银行卡。\n"
DOC_HANT = "# 退款政策\n\n您可以在購買後 14 天內申請退款。\n\n退款將退回到您使用的銀行卡。\n"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize("extra_paragraph", [False, True])
def test_audit_and_gate_steps_run(action, tmp_path, extra_paragraph):
    docs = tmp_path / "my docs"  # a space: paths reach tcheck intact through args
    docs.mkdir()
    en = DOC_EN + (
        "\nWe may also ask you to return the product in its original packaging.\n" if extra_paragraph else ""
    )
    (docs / "policy.md").write_text(en, encoding="utf-8")
    (docs / "policy.zh-CN.md").write_text(DOC_HANS, encoding="utf-8")
    (docs / "policy.zh-TW.md").write_text(DOC_HANT, encoding="utf-8")
    tcheck = Path(sys.executable).with_name("tcheck")
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    inputs.update(
        {"paths": "$(touch pwned)", "fail-on": "warning", "args": "'my docs' --no-config", "sarif-file": "out.sarif"}
    )
    outputs = {"install": {"tcheck": str(tcheck)}}  # instead of pip installing the action's checkout

    audit = _run_step(_step(action, id="audit"), inputs, outputs, tmp_path)
    # paths was literal text, not a command: tcheck was given the words "$(touch" and "pwned)"
    assert not (tmp_path / "pwned").exists(), audit.stderr
    assert "$(touch" in audit.stderr

    inputs["paths"] = ""
    audit = _run_step(_step(action, id="audit"), inputs, outputs, tmp_path)
    assert audit.returncode == 0, audit.stderr
    assert outputs["audit"] == {"sarif-file": "out.sarif", "exit-code": "1" if extra_paragraph else "0"}
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == (["missing-paragraph"] if extra_paragraph else [])
    annotations = [line for line in audit.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == len(results)  # the annotations run printed the same findings

    gate = _run_step(action["runs"]["steps"][-1], inputs, outputs, tmp_path)
    assert gate.returncode == (1 if extra_paragraph else 0), gate.stderr

    # fail-on left empty: the project's config decides (the action does not override it with a default)
    (tmp_path / "tcheck.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    inputs.update({"fail-on": "", "args": "'my docs'", "annotations": "false"})
    audit = _run_step(_step(action, id="audit"), inputs, outputs, tmp_path)
    assert audit.returncode == 0, audit.stderr
    assert outputs["audit"]["exit-code"] == ("1" if extra_paragraph else "0")


def test_readme_snippet_and_table_match_the_inputs(action):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    body = text.split("\n## GitHub Actions\n", 1)[1].split("\n## ", 1)[0]
    workflow = yaml.safe_load(re.search(r"```yaml\n(.*?)```", body, re.S).group(1))
    steps = workflow["jobs"]["tcheck"]["steps"]
    (ours,) = [s for s in steps if re.fullmatch(r"[\w-]+/tcheck@v[\d.]+", s.get("uses", ""))]
    assert set(ours["with"]) <= set(action["inputs"])
    assert workflow["permissions"]["security-events"] == "write"
    table = set(re.findall(r"^\| `([\w-]+)` \|", body, re.M))
    assert table == set(action["inputs"])
    for name, spec in action["inputs"].items():
        row = re.search(rf"^\| `{name}` \|([^|]*)\|", body, re.M).group(1).strip()
        assert row.strip("`") == str(spec.get("default", "")), name
