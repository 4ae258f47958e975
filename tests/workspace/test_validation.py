"""Hostile config, baseline and glossary files: one clear ``tcheck: error:`` line, exit 2."""

from __future__ import annotations

import pytest

from tcheck.model import InputError
from tcheck.workspace.baseline import load_baseline
from tcheck.workspace.config import load_config
from tcheck.workspace.glossary import load_glossary

from ..test_cli_workflow import doc_pair, write
from .test_boundary import one_error_line

pytestmark = pytest.mark.timeout(60)

FP = '"fingerprint": "abc"'


@pytest.mark.parametrize(
    "body, words",
    [
        ('{"version": 1, "entries": [{%s, "path": 3}]}' % FP, "entries[0].path must be a string"),
        ('{"version": 1, "entries": [{%s, "path": ["a"]}]}' % FP, "entries[0].path must be a string"),
        ('{"version": 1, "entries": [{%s, "path": NaN}]}' % FP, "entries[0].path must be a string"),
        ('{"version": true, "entries": []}', "unsupported baseline version True"),
        ('{"version": 1.0, "entries": []}', "unsupported baseline version 1.0"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"version": 1, "entries": [], "x": %s}' % ("9" * 5000), "number too large"),
    ],
)
def test_bad_baselines(tmp_path, body, words):
    p = write(tmp_path, "b.json", body)
    with pytest.raises(InputError) as ei:
        load_baseline(p)
    assert words in str(ei.value)


@pytest.mark.parametrize(
    "body, words",
    [
        ("a = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
        ('fail_on = "warning"\nfail-on = "error"\n', "given twice"),
        ("[options.semantic-drift]\nmin_gap = -0.5\n", "must not be negative"),
        ("[options.semantic-drift]\nmin_gap = nan\n", "finite"),
        ("[options.semantic-drift]\nmin_gap = inf\n", "finite"),
        ("[options.semantic-drift]\nmin_rows = -3\n", "must not be negative"),
        ("max-file-size = 0\n", "positive number of bytes"),
        ('max-file-size = "big"\n', "positive number of bytes"),
    ],
)
def test_bad_configs(tmp_path, body, words):
    p = write(tmp_path, "tcheck.toml", body)
    with pytest.raises(InputError) as ei:
        load_config(p)
    assert words in str(ei.value)


def test_glossary_errors_never_echo_its_content(tmp_path):
    p = write(tmp_path, "g\n.csv", '"root:x:0:0:root:/root:/bin/bash\nsecond line",other\nx,y\n')
    with pytest.raises(InputError) as ei:
        load_glossary(p)
    msg = str(ei.value)
    assert "\n" not in msg and "g\\n.csv" in msg and "/bin/bash" not in msg


@pytest.mark.parametrize(
    "option, name, body",
    [
        ("--baseline", "b.json", '{"version": 1, "entries": [{%s, "path": 3}]}' % FP),
        ("--baseline", "b.json", "[" * 100_000 + "]" * 100_000),
        ("--config", "c.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n"),
        ("--glossary", "g.csv", '"bad\nheader",other\nx,y\n'),
    ],
)
def test_cli_reports_each_as_one_error_line(audit_cli, tmp_path, option, name, body):
    doc_pair(tmp_path)
    write(tmp_path, name, body)
    line = one_error_line(audit_cli("policy.md", option, name))
    assert "internal error" not in line


def test_newline_in_a_file_name_gives_one_line(audit_cli, tmp_path):
    write(tmp_path, "bad\nname.md", "")
    line = one_error_line(audit_cli("bad\nname.md"))
    assert "bad\\nname.md" in line
