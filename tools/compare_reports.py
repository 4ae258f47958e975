"""Compare JSON reports of two git revisions on a fixed set of real documents.

    .venv/bin/python tools/compare_reports.py [OLD [NEW]]

OLD defaults to ``HEAD~1``, NEW to the working tree (``WORKTREE``). Each
revision is checked out with ``git worktree`` in a temporary directory (the
working tree is used as it is) and ``tcheck audit --format json --no-cache``
runs on every document with this repository's virtual environment and the
revision's own ``tcheck`` package first on ``PYTHONPATH``. Reports are
compared after dropping the ``tool`` block (it names the version). Exit
status: 0 when every report is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
SHARED = Path(os.environ.get("TCHECK_SHARED", "/work/shared"))
WORKTREE = "WORKTREE"

# documents whose versions are the files of one folder (corpus) or one file (seeds)
CORPUS = [
    "astro-docs/basics_layouts",
    "astro-docs/concepts_why-astro",
    "contributor-covenant/v2.1",
    "hexo-site/api_box",
    "hexo-site/api_console",
    "kaia-docs/build_cookbooks_how-to-manage-nonce",
    "kaia-docs/build_get-started_getting-kaia",
    "mdn/web_http_guides_session",
    "mozilla-legal/common_voice_terms_2025-11-12",
    "mozilla-legal/firefox_about_rights",
    "mozilla-legal/firefox_monitor_terms_privacy_2025-02-27",
    "nodejs-org/about_governance",
    "nodejs-org/about_security-reporting",
    "opensource-guide/code-of-conduct",
    "tldr-pages/android_logcat",
    "tldr-pages/common_awk",
]


def documents() -> list[tuple[str, list[str]]]:
    """(name, files relative to SHARED) of every document compared."""
    out = [(f"seeds/{p.name}", [f"seeds/{p.name}"]) for p in sorted((SHARED / "seeds").glob("*.txt"))]
    for rel in CORPUS:
        files = sorted(str(p.relative_to(SHARED)) for p in (SHARED / "corpus" / rel).iterdir() if p.is_file())
        out.append((rel, files))
    return out


def checkout(rev: str, tmp: Path) -> Path:
    """A directory holding ``rev``'s tcheck package."""
    if rev == WORKTREE:
        return REPO
    dest = tmp / rev.replace("/", "_").replace("~", "-")
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(dest), rev], check=True)
    return dest


def check_import(tree: Path) -> None:
    """Fail unless ``tree``'s own tcheck package is the one imported (not the installed one)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    code = "import tcheck; print(tcheck.__file__)"
    found = subprocess.run([str(PYTHON), "-c", code], cwd=SHARED, env=env, capture_output=True, text=True).stdout
    if not found.startswith(str(tree)):
        sys.exit(f"compare_reports: {tree} imports tcheck from {found.strip() or 'nowhere'}")


def report(tree: Path, files: list[str]) -> dict | str:
    """The normalised JSON report, or the error text when tcheck failed."""
    env = {**os.environ, "PYTHONPATH": str(tree), "NO_COLOR": "1"}
    proc = subprocess.run(
        [str(PYTHON), "-m", "tcheck.cli", "audit", *files, "--format", "json", "--no-cache", "--fail-on", "never"],
        cwd=SHARED,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        return f"exit {proc.returncode}: {proc.stderr.strip()}"
    data = json.loads(proc.stdout)
    if isinstance(data, dict) and "documents" in data:  # schema_version 2: always a documents list
        data = data["documents"][0] if len(data["documents"]) == 1 else data["documents"]
    for item in data if isinstance(data, list) else [data]:
        item.pop("tool", None)
        item.pop("schema_version", None)
    return data


def summary(rep: dict | str) -> str:
    if isinstance(rep, str):
        return rep
    items = rep if isinstance(rep, list) else [rep]
    return f"{sum(len(r['findings']) for r in items)} findings"


def diff(old: dict | str, new: dict | str, name: str) -> list[str]:
    a = json.dumps(old, ensure_ascii=False, indent=1, sort_keys=True).splitlines()
    b = json.dumps(new, ensure_ascii=False, indent=1, sort_keys=True).splitlines()
    return list(difflib.unified_diff(a, b, f"old/{name}", f"new/{name}", n=2, lineterm=""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", nargs="?", default="HEAD~1")
    ap.add_argument("new", nargs="?", default=WORKTREE)
    ap.add_argument("--max-lines", type=int, default=40, help="diff lines shown per document")
    args = ap.parse_args()
    changed = 0
    with tempfile.TemporaryDirectory(prefix="tcheck-compare-") as tmp:
        trees = [checkout(rev, Path(tmp)) for rev in (args.old, args.new)]
        try:
            for tree in trees:
                check_import(tree)
            for name, files in documents():
                old, new = (report(tree, files) for tree in trees)
                if old == new:
                    print(f"same     {name} ({summary(new)})")
                    continue
                changed += 1
                print(f"CHANGED  {name}: {summary(old)} -> {summary(new)}")
                lines = diff(old, new, name)
                print("\n".join(lines[: args.max_lines]))
                if len(lines) > args.max_lines:
                    print(f"... {len(lines) - args.max_lines} more diff lines")
        finally:
            for rev, tree in zip((args.old, args.new), trees):
                if rev != WORKTREE:
                    subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=False)
    print(f"{len(documents()) - changed} identical, {changed} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
