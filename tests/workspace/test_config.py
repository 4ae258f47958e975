"""Config files: discovery upward, validation with clear errors, exclude patterns."""

from pathlib import Path

import pytest

from tcheck.model import InputError
from tcheck.workspace.config import Config, find_config, is_excluded, load_config, resolve_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# finding the file


def test_tcheck_toml_found_from_a_subdirectory(tmp_path, monkeypatch):
    cfg = write(tmp_path / "tcheck.toml", 'fail-on = "warning"\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert find_config() == cfg.resolve()
    assert resolve_config().fail_on == "warning"


def test_pyproject_without_tool_tcheck_does_not_count(tmp_path, monkeypatch):
    cfg = write(tmp_path / "tcheck.toml", 'model = "use-m3"\n')
    write(tmp_path / "proj" / "pyproject.toml", '[project]\nname = "x"\n[tool.black]\nline-length = 90\n')
    monkeypatch.chdir(tmp_path / "proj")
    assert find_config() == cfg.resolve()


def test_nearest_directory_wins_and_pyproject_table_counts(tmp_path, monkeypatch):
    write(tmp_path / "tcheck.toml", 'fail-on = "never"\n')
    py = write(tmp_path / "proj" / "pyproject.toml", '[project]\nname = "x"\n\n[tool.tcheck]\nfail-on = "info"\n')
    monkeypatch.chdir(tmp_path / "proj")
    assert find_config() == py.resolve()
    assert resolve_config().fail_on == "info"


def test_tcheck_toml_preferred_over_pyproject_in_the_same_directory(tmp_path, monkeypatch):
    own = write(tmp_path / "tcheck.toml", 'fail-on = "never"\n')
    write(tmp_path / "pyproject.toml", '[tool.tcheck]\nfail-on = "info"\n')
    monkeypatch.chdir(tmp_path)
    assert find_config() == own.resolve()


def test_no_config_gives_defaults(tmp_path, monkeypatch):
    write(tmp_path / "tcheck.toml", 'fail-on = "never"\n')
    monkeypatch.chdir(tmp_path)
    cfg = resolve_config(no_config=True)
    assert cfg.path is None and cfg.fail_on is None and cfg.rules == {}


# ---------------------------------------------------------------------------
# a valid file


def test_full_config_is_read(tmp_path):
    write(tmp_path / "terms" / "glossary.tsv", "隐私\tprivacy\n")
    write(tmp_path / "legal" / "a.txt", "你好。\n")
    write(tmp_path / "legal" / "b.txt", "Hello.\n")
    path = write(
        tmp_path / "pyproject.toml",
        """
[tool.tcheck]
model = "use-m3"
fail-on = "warning"
glossary = "terms/glossary.tsv"
exclude = ["drafts/**", "*.tmp.md"]
groups = [
  ["legal/a.txt", "legal/b.txt"],
  { files = ["legal/a.txt", "legal/b.txt"], lang = { "legal/a.txt" = "zh-TW" } },
]

[tool.tcheck.rules]
missing-paragraph = "off"
number-mismatch = "error"
semantic-drift = "on"

[tool.tcheck.options.semantic-drift]
min_gap = 1
min_rows = 12
""",
    )
    cfg = load_config(path)
    assert cfg.model == "use-m3"
    assert cfg.fail_on == "warning"
    assert cfg.glossary == (tmp_path / "terms" / "glossary.tsv").resolve()
    # "on" = default severity; kept so that it also enables a rule that is off by default
    assert cfg.rules == {"missing-paragraph": "off", "number-mismatch": "error", "semantic-drift": "on"}
    assert cfg.options["semantic-drift"] == {"min_gap": 1.0, "min_rows": 12}
    assert isinstance(cfg.options["semantic-drift"]["min_gap"], float)
    assert len(cfg.groups) == 2
    assert cfg.groups[0].files == [(tmp_path / "legal" / "a.txt").resolve(), (tmp_path / "legal" / "b.txt").resolve()]
    assert cfg.groups[1].langs == {(tmp_path / "legal" / "a.txt").resolve(): "zh-TW"}
    assert cfg.exclude == ["drafts/**", "*.tmp.md"]


def test_tcheck_toml_uses_top_level_keys(tmp_path):
    path = write(tmp_path / "tcheck.toml", '[rules]\nscript-mix = "info"\n[options.semantic-drift]\nmin_gap = 0.25\n')
    cfg = load_config(path)
    assert cfg.rules == {"script-mix": "info"}
    assert cfg.options == {"semantic-drift": {"min_gap": 0.25}}


# ---------------------------------------------------------------------------
# errors: one line naming the file and the key


@pytest.mark.parametrize(
    "body, key, words",
    [
        ('colour = "red"\n', "colour", "unknown key"),
        ('[rules]\nno-such-rule = "off"\n', "rules.no-such-rule", "unknown rule id"),
        ('[rules]\nmissing-paragraph = "loud"\n', "rules.missing-paragraph", "expected one of"),
        ("[options.no-such-rule]\nx = 1\n", "options.no-such-rule", "unknown rule id"),
        ("[options.semantic-drift]\nmin_gapp = 0.2\n", "options.semantic-drift.min_gapp", "min_gap"),
        ('[options.semantic-drift]\nmin_gap = "big"\n', "options.semantic-drift.min_gap", "expects a number"),
        ("[options.semantic-drift]\nmin_rows = 2.5\n", "options.semantic-drift.min_rows", "expects an integer"),
        ("[options.semantic-drift]\nmin_rows = true\n", "options.semantic-drift.min_rows", "expects an integer"),
        ('fail-on = "sometimes"\n', "fail-on", "expected one of"),
        ("model = 3\n", "model", "model name"),
        ('glossary = "nope.tsv"\n', "glossary", "file not found"),
        ('exclude = "drafts"\n', "exclude", "list of glob patterns"),
        ('groups = [["missing.txt"]]\n', "groups[0]", "file not found"),
        ('groups = [{ file = ["a.txt"] }]\n', "groups[0]", "unknown key"),
        ('groups = [["a.txt", "b.txt", "a.txt", "b.txt"]]\n', "groups[0]", "at most 3"),
        (
            'groups = [{ files = ["a.txt"], lang = { "a.txt" = "fr" } }]\n',
            "groups[0].lang.a.txt",
            "unknown language tag",
        ),
        ('groups = [{ files = ["a.txt"], lang = { "b.txt" = "en" } }]\n', "groups[0].lang", "not one of the group"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path, body, key, words):
    write(tmp_path / "a.txt", "你好。\n")
    write(tmp_path / "b.txt", "Hello.\n")
    path = write(tmp_path / "tcheck.toml", body)
    with pytest.raises(InputError) as ei:
        load_config(path)
    msg = str(ei.value)
    assert "\n" not in msg
    assert str(path) in msg
    assert f"{key}:" in msg
    assert words in msg


def test_pyproject_errors_use_the_full_key(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[tool.tcheck.rules]\nnot-a-rule = "off"\n')
    with pytest.raises(InputError, match=r"tool\.tcheck\.rules\.not-a-rule: unknown rule id"):
        load_config(path)


def test_invalid_toml_is_an_input_error(tmp_path):
    path = write(tmp_path / "tcheck.toml", "rules = [\n")
    with pytest.raises(InputError, match="invalid TOML"):
        load_config(path)


def test_missing_explicit_config_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="config file not found"):
        resolve_config(str(tmp_path / "nope.toml"))


def test_every_registered_rule_is_accepted(tmp_path):
    from tcheck.rules import all_rules

    ids = list(all_rules())
    body = "[rules]\n" + "".join(f'{rid} = "info"\n' for rid in ids)
    cfg = load_config(write(tmp_path / "tcheck.toml", body))
    assert cfg.rules == {rid: "info" for rid in ids}


# ---------------------------------------------------------------------------
# exclude patterns


def test_exclude_patterns(tmp_path):
    pats = ["drafts/**", "*.tmp.md", "legacy", "docs/old/*.md"]
    ex = lambda rel: is_excluded(tmp_path / rel, pats, tmp_path)  # noqa: E731
    assert ex("drafts/a.md") and ex("drafts/deep/b.md")
    assert ex("x/notes.tmp.md")
    assert ex("a/legacy/b.md")  # a bare name matches any folder
    assert ex("docs/old/a.md")
    assert not ex("docs/a.md")
    assert not ex("docs/drafts.md")
    assert not ex("docs/older/a.md")
    assert not ex("legacyfile.md")
    assert not is_excluded(tmp_path / "drafts/a.md", [], tmp_path)


def test_config_is_excluded_is_relative_to_the_config_file(tmp_path):
    cfg = Config(path=tmp_path / "tcheck.toml", exclude=["build/**"])
    assert cfg.is_excluded(tmp_path / "build" / "x.md")
    assert not cfg.is_excluded(tmp_path / "src" / "build.md")
