"""Check the unrelated-versions rule on a corpus: real documents must pass, wrong pairings must not.

Usage: .venv/bin/python tools/calibrate_unrelated.py [CORPUS] [--jobs N]

CORPUS (default /work/shared/corpus, else fixtures/corpus) holds
``<source>/<document>/{en,zh-CN,zh-TW}.*``. Every document is audited with
only ``unrelated-versions`` on (through the cache, so a second run is quick);
then, per source, each document's English is paired with the next document's
zh-CN, and every third document's zh-TW with the next one's zh-CN. Prints the
real documents that are reported (there must be none) and how many wrong
pairings are caught; exit status 1 when a real document is reported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TAGS = {"en": "en", "zh-CN": "zh-CN", "zh-TW": "zh-TW"}


def versions(folder: Path) -> dict[str, Path]:
    out = {}
    for f in sorted(folder.iterdir()):
        tag = f.name.split(".", 1)[0]
        if tag in TAGS and f.is_file():
            out[tag] = f
    return out


def pairings(docs: list[Path]) -> list[tuple[str, dict[str, Path]]]:
    out = []
    by_source: dict[str, list[Path]] = {}
    for d in docs:
        by_source.setdefault(d.parent.name, []).append(d)
    for group in by_source.values():
        for k, d in enumerate(group[:8]):
            other = group[(k + 1) % len(group)]
            if other == d:
                continue
            mine, theirs = versions(d), versions(other)
            if "en" in mine and "zh-CN" in theirs:
                out.append((f"{d.name} en × {other.name} zh-CN", {"en": mine["en"], "zh-CN": theirs["zh-CN"]}))
            if k % 3 == 0 and "zh-TW" in mine and "zh-CN" in theirs:
                out.append((f"{d.name} zh-TW × {other.name} zh-CN", {"zh-TW": mine["zh-TW"], "zh-CN": theirs["zh-CN"]}))
    return out


def reported(files: dict[str, Path], settings, embedder) -> bool | None:
    from tcheck.model import InputError
    from tcheck.pipeline import audit_files

    paths = [str(p) for p in files.values()]
    try:
        res = audit_files(paths, {str(p): tag for tag, p in files.items()}, settings, embedder=embedder)
    except InputError:
        return None  # a version without text
    return any(f.rule == "unrelated-versions" for f in res.findings)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path("/work/shared/corpus")
    ap.add_argument("corpus", nargs="?", type=Path, default=default if default.is_dir() else ROOT / "fixtures/corpus")
    args = ap.parse_args()

    from tcheck.embed import get_embedder
    from tcheck.pipeline import Settings

    rules = {"unrelated-versions": "on"}
    settings = Settings(rules=rules)
    embedder = get_embedder(settings.model)
    docs = sorted(d for d in args.corpus.glob("*/*") if d.is_dir() and len(versions(d)) >= 2)
    false_alarms = []
    for d in docs:
        if reported(versions(d), settings, embedder):
            false_alarms.append(d)
            print(f"REAL DOCUMENT REPORTED: {d}", flush=True)
    caught = missed = 0
    for name, files in pairings(docs):
        hit = reported(files, settings, embedder)
        if hit is None:
            continue
        caught += hit
        missed += not hit
        if not hit:
            print(f"not caught: {name}", flush=True)
    print(
        f"{len(docs)} real documents, {len(false_alarms)} reported; {caught} of {caught + missed} wrong pairings caught"
    )
    return 1 if false_alarms else 0


if __name__ == "__main__":
    sys.exit(main())
