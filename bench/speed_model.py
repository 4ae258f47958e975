"""Model start-up benchmark (issue 12): the pre-commit case and the cold cases.

``.venv/bin/python bench/speed_model.py [--repeat N] [--seed PATH] [--src TREE ...]``

Every figure is the wall time of a whole ``tcheck audit COPY --fail-on never``
process (a fresh copy of seed 000 in a temporary directory, a private
``TCHECK_CACHE_DIR``), median of ``--repeat`` runs:

* ``first-ever``: empty cache directory (no embeddings, no prepared model:
  the model is converted on this run);
* ``cold``: embeddings and results cleared but the prepared model kept
  (``<cache>/models/`` survives), i.e. ``tcheck cache clear`` semantics of a
  model that is already prepared;
* ``warm``: the same file again, nothing changed;
* ``edited``: one paragraph edited (a different edit every run, so its
  embedding is never cached) with a warm cache: the pre-commit case.

Each figure also gives the median CPU seconds (user + sys) of the process,
which other load on the machine disturbs less than wall time; the load
average is printed last.

Targets: edited <= 0.35 s, cold <= 1.0 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TCHECK = ROOT / ".venv" / "bin" / "tcheck"
SEED = Path("/work/shared/seeds/000_58512f121bcc9f43.txt")
if not SEED.exists():
    SEED = ROOT / "fixtures" / "seeds" / "000_58512f121bcc9f43.txt"
ANCHOR = "向您发送信息通知"  # a short zh-Hans list item of seed 000


CPU: dict[float, float] = {}  # wall time of a run -> its CPU seconds (user + sys)


def run(path: Path, cache: Path, src: Path | None = None) -> float:
    env = dict(os.environ, TCHECK_CACHE_DIR=str(cache))
    if src is not None:
        env["PYTHONPATH"] = str(src)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run([str(TCHECK), "audit", str(path), "--fail-on", "never"], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[elapsed] = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if p.returncode != 0:
        raise SystemExit(f"tcheck failed ({p.returncode}): {p.stderr.strip()[:500]}")
    return elapsed


def clear_keep_models(cache: Path) -> None:
    for entry in cache.iterdir():
        if entry.name == "models":
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink()


def edit(path: Path, original: str, n: int) -> None:
    if ANCHOR in original:
        text = original.replace(ANCHOR, f"{ANCHOR}和第{n}次提醒", 1)
    else:  # another seed: change the first long line
        lines = original.split("\n")
        i = max(range(len(lines)), key=lambda k: len(lines[k]))
        lines[i] += f" ({n})"
        text = "\n".join(lines)
    path.write_text(text, encoding="utf-8")


def median(xs: list[float]) -> str:
    cpu = statistics.median(CPU[x] for x in xs)
    return f"{statistics.median(xs):.3f} s wall, {cpu:.3f} s CPU" + (
        f" (wall min {min(xs):.3f}, max {max(xs):.3f}, n={len(xs)})" if len(xs) > 1 else ""
    )


CASES = ("first-ever", "cold", "warm", "edited")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=Path, default=SEED)
    ap.add_argument(
        "--src",
        type=Path,
        action="append",
        help="a source tree whose tcheck package is measured (PYTHONPATH); repeat to compare trees, "
        "whose runs are interleaved so that they share the machine's load",
    )
    args = ap.parse_args(argv)
    trees: list[Path | None] = args.src or [None]
    original = args.seed.read_text(encoding="utf-8")
    figures = {t: {c: [] for c in CASES} for t in trees}
    counter = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        copy = {t: work / f"tree{i}" / "copy.txt" for i, t in enumerate(trees)}
        cache = {t: work / f"tree{i}" / "cache" for i, t in enumerate(trees)}
        first = {t: work / f"tree{i}" / "cache-first" for i, t in enumerate(trees)}
        for t in trees:
            copy[t].parent.mkdir(parents=True)
        for _ in range(max(1, args.repeat // 2)):
            for t in trees:
                shutil.rmtree(first[t], ignore_errors=True)
                copy[t].write_text(original, encoding="utf-8")
                figures[t]["first-ever"].append(run(copy[t], first[t], t))
        for t in trees:
            run(copy[t], cache[t], t)  # prepares the model and fills the caches
        for _ in range(args.repeat):
            counter += 1
            for t in trees:
                clear_keep_models(cache[t])
                edit(copy[t], original, counter)  # a text never seen: nothing cached for it
                figures[t]["cold"].append(run(copy[t], cache[t], t))
        for t in trees:
            copy[t].write_text(original, encoding="utf-8")
            run(copy[t], cache[t], t)
        for _ in range(args.repeat):
            for t in trees:
                figures[t]["warm"].append(run(copy[t], cache[t], t))
        for _ in range(args.repeat):
            counter += 1
            for t in trees:
                edit(copy[t], original, counter)
                figures[t]["edited"].append(run(copy[t], cache[t], t))
    print(f"seed: {args.seed.name}; whole-process medians of {args.repeat} runs")
    for t in trees:
        print(f"tree: {t or 'installed tcheck'}")
        for name in CASES:
            print(f"  {name:>10}: {median(figures[t][name])}")
        edited, warm = statistics.median(figures[t]["edited"]), statistics.median(figures[t]["warm"])
        print(f"  edited / warm = {edited / warm:.2f}x; targets: edited <= 0.35 s, cold <= 1.0 s")
    try:
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    except OSError:  # pragma: no cover
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
