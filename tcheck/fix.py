"""Safe mechanical fixes: ``tcheck audit --diff`` shows them, ``--fix`` applies them.

Rules attach :class:`~tcheck.model.Fix` edits to their findings (script-mix
characters by the regional OpenCC table, broken-spacing joins, do-not-translate
terms restored). Here the edits of a run are grouped by file and applied to
the file's text: an edit whose range is outside the file, whose ``original``
text is not there any more, or which overlaps an earlier edit is skipped, so
a fix never guesses. Only UTF-8 files (with or without BOM) are edited; line
endings are kept. ``--fix`` writes each file atomically (:mod:`tcheck.atomicfile`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from .atomicfile import StagedFile
from .model import Finding, Fix

_BOM = "\ufeff"


@dataclass
class FilePlan:
    """The edits for one file: its old and new text, how many edits and findings they resolve."""

    path: str
    old: str
    new: str
    edits: int = 0
    findings: set[int] = field(default_factory=set)  # ids of the findings fixed
    rules: dict[str, int] = field(default_factory=dict)  # rule -> findings fixed

    @property
    def changed(self) -> bool:
        return self.old != self.new


def fixable(results) -> list[Finding]:
    return [f for res in results for f in res.findings if f.fixes]


def plan_fixes(results, sources: dict[str, str] | None = None) -> tuple[list[FilePlan], list[str]]:
    """The files the fixes of ``results`` change, and warnings for files left alone.

    ``sources`` maps a reported path to the file that holds its text (standard input's copy).
    """
    by_path: dict[str, list[tuple[Fix, Finding]]] = {}
    for f in fixable(results):
        for fx in f.fixes:
            by_path.setdefault(fx.path, []).append((fx, f))
    plans: list[FilePlan] = []
    warnings: list[str] = []
    for path, items in by_path.items():
        try:
            data = Path((sources or {}).get(path, path)).read_bytes()
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            warnings.append(f"{path}: not UTF-8; fixes not applied")
            continue
        except OSError as exc:
            warnings.append(f"{path}: cannot read: {exc.strerror}")
            continue
        plans.append(_apply(path, text, items))
    return [p for p in plans if p.changed], warnings


def _apply(path: str, text: str, items: list[tuple[Fix, Finding]]) -> FilePlan:
    bom = text.startswith(_BOM)
    body = text[1:] if bom else text
    lines = body.splitlines(keepends=True)
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln))

    def offset(line: int, col: int) -> int | None:
        if not 1 <= line <= len(lines) or col < 1:
            return None
        content = lines[line - 1].rstrip("\r\n")
        if col - 1 > len(content):
            return None
        return starts[line - 1] + col - 1

    edits: list[tuple[int, int, str, Finding]] = []
    for fx, f in items:
        a, b = offset(fx.line, fx.col), offset(fx.end_line, fx.end_col)
        if a is None or b is None or b < a:
            continue
        if fx.original and body[a:b] != fx.original:
            continue  # the file says something else there: never guess
        edits.append((a, b, fx.replacement, f))
    edits.sort(key=lambda e: (e[0], e[1]))
    plan = FilePlan(path, text, text)
    out: list[str] = []
    pos = 0
    done: dict[int, Finding] = {}
    for a, b, rep, f in edits:
        if a < pos:
            continue  # overlaps an edit already taken
        if body[a:b] == rep:
            continue
        out.append(body[pos:a])
        out.append(rep)
        pos = b
        plan.edits += 1
        done[id(f)] = f
    out.append(body[pos:])
    plan.new = (_BOM if bom else "") + "".join(out)
    plan.findings = set(done)
    for f in done.values():
        plan.rules[f.rule] = plan.rules.get(f.rule, 0) + 1
    return plan


def unified_diff(plans: list[FilePlan]) -> str:
    """One unified diff (``a/PATH`` → ``b/PATH``) of every planned file."""
    chunks = []
    for p in plans:
        chunks.extend(
            difflib.unified_diff(
                p.old.splitlines(keepends=True),
                p.new.splitlines(keepends=True),
                fromfile=f"a/{p.path}",
                tofile=f"b/{p.path}",
            )
        )
        if chunks and not chunks[-1].endswith("\n"):
            chunks[-1] += "\n\\ No newline at end of file\n"
    return "".join(chunks)


def write_fixes(plans: list[FilePlan]) -> None:
    """Write every planned file atomically: all are staged first, then renamed into place."""
    staged = []
    try:
        for p in plans:
            s = StagedFile(p.path)
            s.write_bytes(p.new.encode("utf-8"))
            staged.append(s)
        for s in staged:
            s.commit()
    finally:
        for s in staged:
            s.discard()
