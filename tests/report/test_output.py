"""Outputs never touch inputs; they are written all or nothing."""

import os
import stat

import pytest

from tcheck.model import InputError
from tcheck.report.output import Outputs, check_targets


def test_a_hard_link_to_an_input_is_refused(tmp_path):
    doc = tmp_path / "doc.zh-CN.md"
    doc.write_text("原文")
    link = tmp_path / "h.txt"
    os.link(doc, link)
    with pytest.raises(InputError, match="is one of the input files"):
        check_targets({"--output": str(link)}, [str(doc)])
    assert doc.read_text() == "原文"


def test_a_symlink_to_an_input_is_refused(tmp_path):
    gloss = tmp_path / "glossary.tsv"
    gloss.write_text("en\tzh-Hans\n")
    (tmp_path / "s").symlink_to(gloss)
    with pytest.raises(InputError):
        check_targets({"--write-baseline": str(tmp_path / "s")}, [str(gloss)])


def test_two_targets_on_one_file_are_refused(tmp_path):
    with pytest.raises(InputError, match="also the --output file"):
        check_targets({"--output": str(tmp_path / "x"), "--write-baseline": str(tmp_path / "." / "x")}, [])
    (tmp_path / "y").write_text("old")
    with pytest.raises(InputError):
        check_targets({"--output": str(tmp_path / "y"), "--write-baseline": str(tmp_path / "y")}, [])


def test_stdout_and_fresh_files_are_fine(tmp_path):
    check_targets({"--output": "-", "--write-baseline": None}, [str(tmp_path / "missing")])
    check_targets({"--output": str(tmp_path / "new.json")}, [])


def test_a_directory_target_is_refused(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        check_targets({"--output": str(tmp_path)}, [])


def test_a_too_long_name_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="too long"):
        check_targets({"--output": str(tmp_path / ("x" * 300))}, [])


def test_outputs_are_published_together_or_not_at_all(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text("old a")
    b.write_text("old b")
    os.chmod(a, 0o640)
    with pytest.raises(RuntimeError):
        with Outputs() as out:
            out.stage_text(str(a), "new a")
            out.stage_text(str(b), "new b")
            raise RuntimeError("interrupted before commit")
    assert a.read_text() == "old a" and b.read_text() == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]  # no temporary files left
    with Outputs() as out:
        out.stage_text(str(a), "new a")
        out.stage(str(b), lambda tmp: tmp.write_text("new b"))
        out.commit()
    assert a.read_text() == "new a" and b.read_text() == "new b"
    assert os.stat(a).st_mode & 0o777 == 0o640  # permissions kept


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with Outputs() as out, pytest.raises(InputError, match="cannot write"):
        out.stage_text(str(tmp_path / "no" / "such" / "r.json"), "x")


def test_a_symlinked_target_keeps_its_link(tmp_path):
    real = tmp_path / "reports" / "latest.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    with Outputs() as out:
        out.stage_text(str(link), "new")
        out.commit()
    assert link.is_symlink() and real.read_text() == "new"


def test_a_pipe_target_is_written_into_not_replaced(tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    check_targets({"--output": str(fifo)}, [])
    with Outputs() as out:
        out.stage_text(str(fifo), "report through a pipe")
        out.commit()
    reader.join(10)
    assert got == ["report through a pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
