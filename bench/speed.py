"""Whole-process speed rows of ``make bench`` (issue 12): seed 000 and the whole shared corpus.

Every figure is a ``tcheck`` subprocess: wall seconds and CPU seconds (user +
system of the child and its workers, from ``resource.getrusage(RUSAGE_CHILDREN)``
before and after). The machine is shared, so CPU seconds are the figure to
compare; wall times move with the load.

* seed 000: cold (fresh cache), warm (unchanged) and one paragraph edited
  (a warm cache, then a copy of the seed with one paragraph changed: the
  pre-commit case), medians of ``runs``. The prepared ``use-m3`` model is not
  part of the results cache (:mod:`tcheck.embed.prepared`: built once per
  package version, by ``make install`` or the first run), so "cold" finds it;
  "first" is one run with no prepared model either (a fresh
  ``TCHECK_MODEL_CACHE_DIR``), the very first audit after installing.
The source tree may be edited while the bench runs (a shared checkout): a
merged report that differs from the single run names the documents that
differ, which then usually differ because the rules changed in between.

* corpus: the whole directory as one audit, cold and warm, ``--jobs 1`` and
  ``--jobs 2``; then ``--shard K/N`` for N = 2 and 4, each shard cold in its
  own cache (as on separate CI machines), and ``tcheck merge`` compared byte
  for byte with the single run's JSON.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TCHECK = ROOT / ".venv" / "bin" / "tcheck"
SEED000 = ROOT / "fixtures" / "seeds" / "000_58512f121bcc9f43.txt"
CORPUS = Path(os.environ.get("TCHECK_BENCH_CORPUS", "/work/shared/corpus"))
# The whole corpus cold with --jobs 1 before issue 12's work (commit 9b98b84, the parent of the
# prepared model), run the same way on this 2-core machine on 2026-11-30: 112.4 s wall, 180.9 s
# user + 4.7 s system (its BLAS threads spun on both cores). The goal is a third of its CPU.
CORPUS_COLD_CPU_BEFORE = 185.6
QUICK_GROUPS = [
    "tldr-pages/freebsd_chsh",
    "tldr-pages/dos_chdir",
    "tldr-pages/osx_gdate",
    "tldr-pages/linux_systemctl-condreload",
    "tldr-pages/osx_reboot",
    "tldr-pages/windows_cls",
]


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def tcheck(
    args: list[str], cache: str, cwd: str | os.PathLike | None = None, out: str = os.devnull, models: str | None = None
) -> dict:
    """One ``tcheck`` process: {"wall", "cpu"} in seconds; ``audit`` runs write JSON to ``out``;
    ``models``: a prepared-model cache of its own (``TCHECK_MODEL_CACHE_DIR``)."""
    env = dict(os.environ, TCHECK_CACHE_DIR=cache)
    if models is not None:
        env["TCHECK_MODEL_CACHE_DIR"] = models
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if args[0] == "audit":
        args = [*args, "--fail-on", "never", "--format", "json", "--output", out]
    cpu, t = _cpu(), time.perf_counter()
    p = subprocess.run([str(TCHECK), *args], env=env, cwd=cwd, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t, _cpu() - cpu
    if p.returncode not in (0, 1):
        raise SystemExit(f"tcheck {' '.join(args[:3])} failed ({p.returncode}): {p.stderr.strip()[:500]}")
    return {"wall": round(wall, 3), "cpu": round(cpu, 3)}


def _median(runs: list[dict]) -> dict:
    return {
        "wall": round(statistics.median(r["wall"] for r in runs), 3),
        "cpu": round(statistics.median(r["cpu"] for r in runs), 3),
        "runs": len(runs),
    }


def _edit(text: str, n: int) -> str:
    """Seed 000 with one English paragraph changed (a different one for each ``n``)."""
    paras = text.split("\n\n")
    latin = [i for i, p in enumerate(paras) if sum(c.isascii() and c.isalpha() for c in p) > 40]
    i = latin[(len(latin) // 2 + n) % len(latin)]
    paras[i] = paras[i].rstrip() + f" This sentence was added in edit {n}."
    return "\n\n".join(paras)


def seed_speed(runs: int = 3) -> dict:
    """Seed 000 first (nothing prepared), cold, warm and with one paragraph edited."""
    cold, warm, edited = [], [], []
    with tempfile.TemporaryDirectory(prefix="tcheck-bench-") as tmp:
        first = tcheck(["audit", str(SEED000)], f"{tmp}/first", models=f"{tmp}/first-models")
        for i in range(runs):
            cold.append(tcheck(["audit", str(SEED000)], f"{tmp}/cold{i}"))
        cache = f"{tmp}/warm"
        tcheck(["audit", str(SEED000)], cache)
        warm = [tcheck(["audit", str(SEED000)], cache) for _ in range(runs)]
        work = Path(tmp) / "edit"
        work.mkdir()
        copy = work / SEED000.name
        text = SEED000.read_text(encoding="utf-8")
        copy.write_text(text, encoding="utf-8")
        tcheck(["audit", copy.name], cache, cwd=work)  # the unedited copy is warm
        for n in range(runs):
            copy.write_text(_edit(text, n), encoding="utf-8")
            edited.append(tcheck(["audit", copy.name], cache, cwd=work))
            copy.write_text(text, encoding="utf-8")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "first": first,
        "cold": _median(cold),
        "warm": _median(warm),
        "edited": _median(edited),
        "peak_rss_mb": round(rss, 1),
    }


def _site(tmp: str, quick: bool) -> tuple[Path, str]:
    """The directory to audit and the working directory to run from (relative paths in the reports)."""
    if not quick:
        return Path("."), str(CORPUS)
    site = Path(tmp) / "site"
    for g in QUICK_GROUPS:
        shutil.copytree(CORPUS / g, site / g)
    return Path("site"), tmp


def corpus_speed(quick: bool = False) -> dict | None:
    """The whole corpus (``quick``: six of its groups) cold/warm with --jobs 1 and 2, then sharded and merged."""
    if not CORPUS.is_dir():
        return None
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="tcheck-bench-") as tmp:
        site, cwd = _site(tmp, quick)
        single = f"{tmp}/single.json"
        for jobs in (1, 2):
            cache = f"{tmp}/cache-j{jobs}"
            target = single if jobs == 1 else os.devnull
            out[f"cold_j{jobs}"] = tcheck(["audit", str(site), "--jobs", str(jobs)], cache, cwd, target)
            out[f"warm_j{jobs}"] = _median(
                [tcheck(["audit", str(site), "--jobs", str(jobs)], cache, cwd) for _ in range(1 if quick else 3)]
            )
        import json

        groups = len(json.loads(Path(single).read_text(encoding="utf-8"))["documents"])
        out["documents"] = groups
        out["warm_ms_cpu_per_document"] = round(1000 * out["warm_j1"]["cpu"] / max(1, groups), 1)
        out["jobs2_over_jobs1_wall"] = round(out["cold_j2"]["wall"] / out["cold_j1"]["wall"], 3)
        out["jobs2_over_jobs1_cpu"] = round(out["cold_j2"]["cpu"] / out["cold_j1"]["cpu"], 3)
        for n in (2, 4):
            out[f"shard{n}"] = _sharded(site, cwd, tmp, n, single)
    return out


def _sharded(site: Path, cwd: str, tmp: str, n: int, single: str) -> dict:
    shards, reports = [], []
    for k in range(1, n + 1):
        report = f"{tmp}/shard-{k}-of-{n}.json"
        shards.append(tcheck(["audit", str(site), "--shard", f"{k}/{n}"], f"{tmp}/cache-s{n}-{k}", cwd, report))
        reports.append(report)
    merged = f"{tmp}/merged-{n}.json"
    t = tcheck(["merge", *reports, "--output", merged], f"{tmp}/cache-merge", cwd)
    same = Path(merged).read_bytes() == Path(single).read_bytes()
    differ = [] if same else _differing(merged, single)
    walls = [s["wall"] for s in shards]
    from tcheck.shard import shard_sizes
    from tcheck.workspace.grouping import plan

    here = os.getcwd()
    os.chdir(cwd)
    try:
        sizes = shard_sizes(plan([str(site)]), n)
    finally:
        os.chdir(here)
    return {
        "shards": shards,
        "max_wall": max(walls),
        "cpu_total": round(sum(s["cpu"] for s in shards), 3),
        "bytes": sizes,
        "size_spread": round(max(sizes) / max(1, min(sizes)) - 1, 3),
        "merge": t,
        "merged_equals_single": same,
        "differing_documents": differ,
    }


def _differing(a: str, b: str) -> list[str]:
    """The documents (first path) whose reports differ; ["order"] or ["summary"] when only those do."""
    import json

    da, db = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (a, b))
    key = {id(d): d["versions"][0]["path"] for x in (da, db) for d in x["documents"]}
    by_a = {key[id(d)]: d for d in da["documents"]}
    by_b = {key[id(d)]: d for d in db["documents"]}
    out = sorted(p for p in by_a.keys() | by_b.keys() if by_a.get(p) != by_b.get(p))
    if not out:
        out = ["order"] if list(by_a) != list(by_b) else ["summary or tool"]
    return out


def format_rows(seed: dict, corpus: dict | None) -> list[str]:
    def row(name, r):
        return f"  {name:<34} {r['wall']:>8.3f} s wall {r['cpu']:>8.3f} s CPU"

    lines = ["speed (whole processes; compare CPU seconds, the machine is shared):"]
    if "first" in seed:
        lines.append(row("seed 000 first (no prepared model)", seed["first"]))
    lines += [row("seed 000 cold", seed["cold"]), row("seed 000 warm", seed["warm"])]
    lines.append(row("seed 000 one paragraph edited", seed["edited"]))
    lines.append(f"  peak RSS {seed['peak_rss_mb']} MB")
    if corpus:
        d = corpus["documents"]
        for key, name in (("cold_j1", "cold --jobs 1"), ("warm_j1", "warm --jobs 1")):
            lines.append(row(f"corpus ({d} docs) {name}", corpus[key]))
        for key, name in (("cold_j2", "cold --jobs 2"), ("warm_j2", "warm --jobs 2")):
            lines.append(row(f"corpus ({d} docs) {name}", corpus[key]))
        if d >= 150:  # the whole corpus, not the quick set
            lines.append(
                f"  cold CPU --jobs 1 vs before issue 12 ({CORPUS_COLD_CPU_BEFORE} s at 9b98b84): "
                f"{CORPUS_COLD_CPU_BEFORE / max(corpus['cold_j1']['cpu'], 1e-9):.2f}x lower (goal 3x)"
            )
        lines.append(
            f"  warm: {corpus['warm_ms_cpu_per_document']} ms CPU per document; --jobs 2 / --jobs 1 cold: "
            f"wall {corpus['jobs2_over_jobs1_wall']}, CPU {corpus['jobs2_over_jobs1_cpu']}"
        )
        for n in (2, 4):
            s = corpus[f"shard{n}"]
            each = ", ".join(f"{x['wall']:.1f}/{x['cpu']:.1f}" for x in s["shards"])
            lines.append(
                f"  --shard K/{n} cold, wall/CPU s each: {each}; bytes {s['bytes']} (spread {s['size_spread']:.0%}); "
                f"merge {s['merge']['wall']:.2f} s; merged == single run: {s['merged_equals_single']}"
                + (f" (differ: {', '.join(s['differing_documents'][:5])})" if s["differing_documents"] else "")
            )
    return lines
