"""Hostile inputs from the hardening issue, timed as whole ``tcheck audit`` processes.

    .venv/bin/python bench/worst_cases.py

Prints wall and CPU seconds (children's user + system) for: a 1 MB single-line file, a 1 KB
pathological inline-ignore comment, ``'{{' * 30000`` on one line, one 200,000-character word
(English and inside Chinese), 200,000 paragraphs in one file, and a FIFO, ``/dev/zero`` and a
symlink loop inside an audited folder. Targets: each of the first group under 5 s, 200k
paragraphs under 60 s, the special files finish promptly (they are skipped with a warning).
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TCHECK = ROOT / ".venv" / "bin" / "tcheck"


def _cases(tmp: Path) -> dict[str, list[str]]:
    rng = random.Random(1)
    words = ["the", "data", "中文", "x@y.com", "http://a.b/c", "{{", "}}", "[a](b)", "**", "`c`"]
    (tmp / "line.md").write_text(" ".join(rng.choice(words) for _ in range(200_000)) + "\n", encoding="utf-8")
    (tmp / "ignore.md").write_text("<!-- tcheck: ignore" + " " * 1000 + "! -->\nHello\n", encoding="utf-8")
    (tmp / "braces.md").write_text("{{" * 30000 + "\n", encoding="utf-8")
    (tmp / "word.md").write_text("y" * 200_000 + "\n", encoding="utf-8")
    (tmp / "word.zh-CN.txt").write_text("中文" + "y" * 200_000 + "\n", encoding="utf-8")
    paras = "\n\n".join(f"Paragraph number {i} says something." for i in range(200_000))
    (tmp / "paras.md").write_text(paras + "\n", encoding="utf-8")
    special = tmp / "special"
    special.mkdir()
    (special / "doc.md").write_text("Hello.\n", encoding="utf-8")
    os.mkfifo(special / "fifo.md")
    os.symlink("/dev/zero", special / "zero.md")
    os.symlink(special / "loop", special / "loop")
    return {
        "1 MB single line": ["line.md"],
        "1 KB inline-ignore": ["ignore.md"],
        "'{{' * 30000": ["braces.md"],
        "200,000-character word": ["word.md"],
        "200,000-character word in Chinese": ["word.zh-CN.txt"],
        "200,000 paragraphs": ["paras.md"],
        "FIFO, /dev/zero, symlink loop in a folder": ["special"],
    }


def main() -> int:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        env = dict(os.environ, TCHECK_CACHE_DIR=str(tmp / "cache"))
        for name, args in _cases(tmp).items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            cmd = [str(TCHECK), "audit", *args, "--no-cache", "--fail-on", "never"]
            try:
                p = subprocess.run(cmd, cwd=tmp, env=env, capture_output=True, timeout=300)
                rc = p.returncode
            except subprocess.TimeoutExpired:
                rc = "timeout"
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            print(f"{name:45} {wall:7.2f} s wall {cpu:7.2f} s CPU  exit {rc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
