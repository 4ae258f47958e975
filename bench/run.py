"""tcheck benchmark: speed, memory, scaling, alignment accuracy, rule precision/recall.

Run with ``make bench`` (or ``.venv/bin/python bench/run.py [--quick]``).
Prints a report and appends one line of figures to bench/RESULTS.md.

* speed (bench/speed.py): ``.venv/bin/tcheck audit`` on seed 000 as a subprocess,
  cold (fresh ``TCHECK_CACHE_DIR``), warm and with one paragraph edited, wall
  and CPU seconds; the whole shared corpus cold and warm with ``--jobs 1`` and
  ``2``, and sharded (N = 2, 4; each shard timed, the merge compared with the
  single run). ``--quick``: six small corpus groups instead of the whole corpus.
* scaling: a synthetic document ten times seed 000 (each version's
  paragraphs repeated ten times, each copy varied), audited in a fresh
  process with a warm cache; the ratio of audit time (and peak RSS) of 10x
  over 1x, start-up excluded.
* alignment: precision/recall/F1 of links per version pair on every
  ``fixtures/gold/*.align.json``.
* rules: per-rule precision and recall on drift injected into clean corpus
  trios (bench/inject.py) and on the hand labels of the seeds
  (bench/labels/seeds.json). See bench/inject.py for what "match" means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import inject  # noqa: E402

FIX = ROOT / "fixtures"
SEED000 = FIX / "seeds" / "000_58512f121bcc9f43.txt"
TCHECK = ROOT / ".venv" / "bin" / "tcheck"
PY = ROOT / ".venv" / "bin" / "python"


def cores() -> str:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        usable = os.cpu_count()
    return f"{usable} usable / {os.cpu_count()} total"


def _env(cache_dir: str) -> dict:
    """The environment of a normal install: bytecode is written and reused."""
    env = dict(os.environ, TCHECK_CACHE_DIR=cache_dir)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_cli(args: list[str], cache_dir: str) -> float:
    env = _env(cache_dir)
    t = time.perf_counter()
    p = subprocess.run(
        [str(TCHECK), "audit", *args, "--fail-on", "never", "--format", "json", "--output", os.devnull],
        env=env,
        capture_output=True,
        text=True,
    )
    dt_ = time.perf_counter() - t
    if p.returncode != 0:
        raise SystemExit(f"tcheck failed ({p.returncode}): {p.stderr.strip()[:500]}")
    return dt_


def speed(runs: int = 3) -> dict:
    """Seed 000 first run, cold, warm and one paragraph edited (bench/speed.py), with CPU seconds."""
    from speed import seed_speed

    from tcheck.pipeline import load_document

    rows = seed_speed(runs)
    nseg = sum(len(v) for v in load_document([str(SEED000)]).versions)
    cold, w = rows["cold"]["wall"], rows["warm"]["wall"]
    return {
        "segments": nseg,
        "first_s": rows["first"]["wall"],
        "first_cpu_s": rows["first"]["cpu"],
        "cold_s": cold,
        "warm_s": w,
        "edited_s": rows["edited"]["wall"],
        "cold_cpu_s": rows["cold"]["cpu"],
        "warm_cpu_s": rows["warm"]["cpu"],
        "edited_cpu_s": rows["edited"]["cpu"],
        "warm_runs": rows["warm"]["runs"],
        "speedup": round(cold / w, 1),
        "seg_per_s_cold": round(nseg / cold, 1),
        "seg_per_s_warm": round(nseg / w, 1),
        "peak_rss_mb": rows["peak_rss_mb"],
        "rows": rows,
    }


def corpus_speed(quick: bool = False) -> dict | None:
    """The whole shared corpus cold/warm with --jobs 1 and 2, and sharded (N = 2, 4) + merged (bench/speed.py)."""
    from speed import corpus_speed as run

    return run(quick)


# ---------------------------------------------------------------------------
# scaling


def versions_of_seed000() -> dict[str, list[str]]:
    """Each version's lines of seed 000 (the file holds all three in sequence)."""
    from tcheck.pipeline import load_document

    lines = SEED000.read_text(encoding="utf-8").split("\n")
    doc = load_document([str(SEED000)])
    return {v.lang: lines[v.first_line - 1 : v.last_line] for v in doc.versions}


def scaled_texts(factor: int) -> dict[str, str]:
    """``factor`` copies of each version; copy k gets its own part heading and
    its own numbers (k added to every number), so copies are not identical."""
    vs = versions_of_seed000()
    out = {}
    for lang, lines in vs.items():
        parts = []
        for k in range(factor):
            head = f"Part {k + 1}" if lang == "en" else f"第{k + 1}部分"
            body = [re.sub(r"\d+", lambda m, k=k: str(int(m.group(0)) + 100 * k), ln) if k else ln for ln in lines]
            parts.append("\n".join([head, ""] + body))
        out[lang] = "\n\n".join(parts) + "\n"
    return out


_CHILD = r"""
import json, resource, sys, time
from tcheck.pipeline import audit_files
t = time.perf_counter()
r = audit_files(sys.argv[1:])
el = time.perf_counter() - t
print(json.dumps({"audit_s": el, "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "segments": sum(len(v) for v in r.document.versions), "findings": len(r.findings)}))
"""


def _child(files: list[str], cache: str) -> dict:
    env = _env(cache)
    p = subprocess.run([str(PY), "-c", _CHILD, *files], env=env, capture_output=True, text=True)
    if p.returncode:
        raise SystemExit(p.stderr[-2000:])
    return json.loads(p.stdout.strip().splitlines()[-1])


def scaling(factor: int = 10) -> dict:
    with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as cache:
        res = {}
        for f in (1, factor):
            texts = scaled_texts(f)
            sub = Path(d) / f"x{f}"
            sub.mkdir()
            files = []
            for lang, name in (("zh-Hans", "zh-CN.txt"), ("zh-Hant", "zh-TW.txt"), ("en", "en.txt")):
                (sub / name).write_text(texts[lang], encoding="utf-8")
                files.append(str(sub / name))
            t = time.perf_counter()
            cold = _child(files, cache)
            cold_wall = time.perf_counter() - t
            warm = min((_child(files, cache) for _ in range(2)), key=lambda r: r["audit_s"])
            res[f] = {
                "segments": warm["segments"],
                "audit_s": round(warm["audit_s"], 3),
                "cold_wall_s": round(cold_wall, 2),
                "cold_audit_s": round(cold["audit_s"], 2),
                "rss_mb": round(warm["rss_kb"] / 1024, 1),
            }
    one, big = res[1], res[factor]
    return {
        "factor": factor,
        "1x": one,
        f"{factor}x": big,
        "time_ratio": round(big["audit_s"] / one["audit_s"], 2),
        "cold_ratio": round(big["cold_audit_s"] / one["cold_audit_s"], 2),
        "rss_ratio": round(big["rss_mb"] / one["rss_mb"], 2),
    }


# ---------------------------------------------------------------------------
# alignment


def alignment(embedder, cache) -> dict:
    from evaluate import alignment_rows_as_lines, gold_inputs, gold_pairs, load_gold, score

    from tcheck.align import align_document
    from tcheck.pipeline import SegmentEmbedder, load_document

    out = {}
    for g in sorted((FIX / "gold").glob("*.align.json")):
        gold = load_gold(g)
        doc = load_document(gold_inputs(gold, FIX))
        al = align_document(doc, SegmentEmbedder(embedder, cache.vectors))
        pred = alignment_rows_as_lines(doc, al)
        out[g.name.replace(".align.json", "")] = {
            f"{a}/{b}": score(pred, gold["rows"], a, b) for a, b in gold_pairs(gold)
        }
    return out


# ---------------------------------------------------------------------------
# rules


def matches(f, lang: str, lines: list[int]) -> bool:
    return any(
        loc.lang == lang and loc.line <= ln <= loc.end_line
        for loc in list(f.locations) + list(f.counterparts)
        for ln in lines
    )


class Tally:
    def __init__(self):
        self.tp = defaultdict(int)  # findings matching a true label
        self.fp = defaultdict(int)  # findings matching a false label / new unlabeled findings
        self.found = defaultdict(int)  # required labels found
        self.labels = defaultdict(int)  # required labels
        self.excluded = defaultdict(int)  # labels already reported on the clean document
        self.unlabeled = defaultdict(int)  # seed findings without any label (not scored)

    def table(self, rules) -> dict:
        out = {}
        for r in rules:
            tp, fp, n, k = self.tp[r], self.fp[r], self.labels[r], self.found[r]
            out[r] = {
                "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                "recall": round(k / n, 3) if n else None,
                "tp": tp,
                "fp": fp,
                "labels": n,
                "found": k,
                "excluded": self.excluded[r],
                "unlabeled": self.unlabeled[r],
            }
        return out


def injected(embedder, cache, docs, seed: int, tally: Tally) -> dict:
    from tcheck.pipeline import Settings, audit_files

    clean_alarms = defaultdict(int)
    settings = Settings()
    n_inj = 0
    align = inject.tcheck_aligner(embedder, cache)
    for name in docs:
        trio = inject.load_trio(inject.CORPUS / name)
        with tempfile.TemporaryDirectory() as d:
            clean = audit_files(
                inject.write_trio(Path(d), trio.texts), settings=settings, embedder=embedder, cache=cache
            )
        for f in clean.findings:
            clean_alarms[f.rule] += 1
        clean_fps = {f.fingerprint for f in clean.findings}
        rows = inject.confident_rows(trio, align)
        for inj in inject.make_injections(trio, rows, seed):
            n_inj += 1
            with tempfile.TemporaryDirectory() as d:
                res = audit_files(
                    inject.write_trio(Path(d), inj.texts), settings=settings, embedder=embedder, cache=cache
                )
            live = []
            for lab in inj.labels:
                if any(f.rule == lab["rule"] and matches(f, lab["lang"], [lab["line"]]) for f in clean.findings):
                    # the clean text is already reported there (line numbers agree above the injection)
                    if lab["required"]:
                        tally.excluded[lab["rule"]] += 1
                    continue
                live.append(lab)
            for lab in live:
                if lab["required"]:
                    tally.labels[lab["rule"]] += 1
                    if any(f.rule == lab["rule"] and matches(f, lab["lang"], [lab["line"]]) for f in res.findings):
                        tally.found[lab["rule"]] += 1
            for f in res.findings:
                if f.fingerprint in clean_fps:
                    continue  # reported on the clean document too: not caused by the injection
                if any(f.rule == lab["rule"] and matches(f, lab["lang"], [lab["line"]]) for lab in inj.labels):
                    if any(
                        f.rule == lab["rule"] and lab["required"] and matches(f, lab["lang"], [lab["line"]])
                        for lab in inj.labels
                    ):
                        tally.tp[f.rule] += 1
                    continue  # acceptable side effect: neutral
                tally.fp[f.rule] += 1
    return {"documents": len(docs), "injections": n_inj, "clean_alarms": dict(clean_alarms)}


def seeds(embedder, cache, tally: Tally) -> dict:
    from tcheck.pipeline import Settings, audit_files

    data = json.loads((ROOT / "bench" / "labels" / "seeds.json").read_text(encoding="utf-8"))
    by_file = defaultdict(list)
    for lab in data["labels"]:
        by_file[lab["file"]].append(lab)
    for fn, labels in sorted(by_file.items()):
        res = audit_files([str(FIX / "seeds" / fn)], settings=Settings(), embedder=embedder, cache=cache)
        for lab in labels:
            if lab["true"] and not lab.get("optional"):
                tally.labels[lab["rule"]] += 1
                lines = [lab["line"], *lab.get("alt_lines", [])]
                ok_rules = {lab["rule"], *lab.get("also", [])}  # a rule it yields to may report it instead
                if any(f.rule in ok_rules and matches(f, lab["lang"], lines) for f in res.findings):
                    tally.found[lab["rule"]] += 1
        for f in res.findings:
            hit = [
                lab
                for lab in labels
                if lab["rule"] == f.rule and matches(f, lab["lang"], [lab["line"], *lab.get("alt_lines", [])])
            ]
            if not hit:
                tally.unlabeled[f.rule] += 1
            elif any(lab["true"] and not lab.get("optional") for lab in hit):
                tally.tp[f.rule] += 1
            elif any(not lab["true"] for lab in hit):
                tally.fp[f.rule] += 1
    return {"files": len(by_file), "labels": len(data["labels"])}


# ---------------------------------------------------------------------------


def fmt_rules(title: str, table: dict) -> list[str]:
    out = [
        title,
        f"  {'rule':<22} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'found/labels':>13} {'excl':>5} {'unlab':>6}",
    ]
    for r, x in table.items():
        p = "-" if x["precision"] is None else f"{x['precision']:.2f}"
        rc = "-" if x["recall"] is None else f"{x['recall']:.2f}"
        out.append(
            f"  {r:<22} {p:>9} {rc:>7} {x['tp']:>4} {x['fp']:>4} {str(x['found']) + '/' + str(x['labels']):>13} "
            f"{x['excluded']:>5} {x['unlabeled']:>6}"
        )
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="skip the 10x scaling run and use 3 corpus documents")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-append", action="store_true", help="do not append to bench/RESULTS.md")
    args = ap.parse_args(argv)

    from tcheck.cache import Cache
    from tcheck.embed import get_embedder
    from tcheck.rules import all_rules

    report: dict = {"cores": cores()}
    print(f"cores: {report['cores']}")
    sp = report["speed"] = speed(1 if args.quick else 3)
    print(
        f"seed 000 ({sp['segments']} segments): cold {sp['cold_s']} s, warm {sp['warm_s']} s "
        f"(median of {sp['warm_runs']}), {sp['speedup']}x; {sp['seg_per_s_cold']} seg/s cold, "
        f"{sp['seg_per_s_warm']} seg/s warm; peak RSS {sp['peak_rss_mb']} MB"
    )
    from speed import format_rows

    cs = report["corpus_speed"] = corpus_speed(args.quick)
    print("\n".join(format_rows(sp["rows"], cs)))
    if not args.quick:
        sc = report["scaling"] = scaling(10)
        print(
            f"scaling 10x: {sc['1x']['segments']} -> {sc['10x']['segments']} segments; audit (warm, start-up excluded) "
            f"{sc['1x']['audit_s']} s -> {sc['10x']['audit_s']} s = {sc['time_ratio']}x; cold audit "
            f"{sc['1x']['cold_audit_s']} s -> {sc['10x']['cold_audit_s']} s = {sc['cold_ratio']}x; "
            f"peak RSS {sc['1x']['rss_mb']} -> {sc['10x']['rss_mb']} MB = {sc['rss_ratio']}x"
        )

    embedder = get_embedder()
    cache = Cache.default()
    al = report["alignment"] = alignment(embedder, cache)
    for g, pairs in al.items():
        print(
            f"alignment {g}: "
            + "; ".join(f"{p} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}" for p, s in pairs.items())
        )

    rules = list(all_rules())
    for r in inject.RULES:
        if r not in rules:
            rules.append(r)
    t_inj, t_seed = Tally(), Tally()
    docs = inject.DEFAULT_DOCS[:3] if args.quick else inject.DEFAULT_DOCS
    info = injected(embedder, cache, docs, args.seed, t_inj)
    sinfo = seeds(embedder, cache, t_seed)
    report["injected"] = {**info, "rules": t_inj.table(rules)}
    report["seeds"] = {**sinfo, "rules": t_seed.table(rules)}
    missing = [r for r in inject.RULES if r not in all_rules()]
    print()
    for line in fmt_rules(
        f"injected drift ({info['documents']} corpus documents, {info['injections']} injections; "
        f"excl = label already reported on the clean text)",
        report["injected"]["rules"],
    ):
        print(line)
    print(f"  alarms on the clean documents (unlabeled real drift or false alarms): {info['clean_alarms']}")
    print()
    for line in fmt_rules(
        f"seed hand labels ({sinfo['labels']} labels in {sinfo['files']} files; "
        f"unlab = findings with no label, not scored)",
        report["seeds"]["rules"],
    ):
        print(line)
    if missing:
        print(f"  (rules not implemented yet: {', '.join(missing)})")
    tp = sum(t.tp[r] for t in (t_inj, t_seed) for r in rules)
    fp = sum(t.fp[r] for t in (t_inj, t_seed) for r in rules)
    lab = sum(t.labels[r] for t in (t_inj, t_seed) for r in rules)
    found = sum(t.found[r] for t in (t_inj, t_seed) for r in rules)
    report["overall"] = {
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "recall": round(found / lab, 3) if lab else None,
        "tp": tp,
        "fp": fp,
    }
    print(
        f"\noverall: precision {report['overall']['precision']} ({tp} tp, {fp} fp), "
        f"recall {report['overall']['recall']} ({found}/{lab} labels)"
    )

    if not args.quick:
        print("\nhostile inputs (bench/worst_cases.py):")
        subprocess.run([str(PY), str(ROOT / "bench" / "worst_cases.py")], check=False)
    report["realworld"] = realworld()

    if not args.no_append:
        append_results(report)
    return 0


def realworld() -> dict | None:
    """Per-rule precision on the judged real-world set and must-find recall (bench/realworld/)."""
    sys.path.insert(0, str(ROOT / "bench" / "realworld"))
    import score as rw  # noqa: PLC0415

    corpus = rw.corpus_dir()
    print()
    if corpus is None:
        print("real-world set: ../shared/corpus not found (set TCHECK_CORPUS); skipped")
        return None
    print(f"real-world set: tcheck audit {corpus} (judged findings and must-find items in bench/realworld/)")
    judged, must = rw.load_sets()
    t0 = time.perf_counter()
    result = rw.score(rw.audit_corpus(TCHECK, corpus), judged, must)
    print(f"  corpus audit, cold cache, --jobs 2: {time.perf_counter() - t0:.1f} s")
    rw.print_table(result)
    return rw.summary(result)


def append_results(report: dict) -> None:
    try:
        commit = (
            subprocess.run(
                ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
            ).stdout.strip()
            or "?"
        )
    except OSError:
        commit = "?"
    sp = report["speed"]
    parts = [
        dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        commit,
        f"cores {report['cores']}",
        f"cold {sp['cold_s']}s",
        f"warm {sp['warm_s']}s",
        f"edited {sp['edited_s']}s",
        f"CPU cold/warm/edited {sp['cold_cpu_s']}/{sp['warm_cpu_s']}/{sp['edited_cpu_s']}s",
        f"{sp['speedup']}x",
        f"{sp['seg_per_s_warm']} seg/s warm",
        f"rss {sp['peak_rss_mb']}MB",
    ]
    cs = report.get("corpus_speed")
    if cs:
        parts.append(
            f"corpus {cs['documents']} docs CPU cold j1/j2 {cs['cold_j1']['cpu']}/{cs['cold_j2']['cpu']}s "
            f"warm {cs['warm_j1']['cpu']}s ({cs['warm_ms_cpu_per_document']} ms/doc) "
            f"j2/j1 wall {cs['jobs2_over_jobs1_wall']} shards 2/4 merged=single "
            f"{cs['shard2']['merged_equals_single']}/{cs['shard4']['merged_equals_single']}"
        )
    if "scaling" in report:
        parts.append(f"10x time {report['scaling']['time_ratio']}x rss {report['scaling']['rss_ratio']}x")
    for g, pairs in report["alignment"].items():
        parts.append(f"F1 {g.split('_')[0]} " + "/".join(f"{s['f1']:.3f}" for s in pairs.values()))
    ov = report["overall"]
    parts.append(f"precision {ov['precision']} recall {ov['recall']}")
    rw = report.get("realworld")
    if rw:
        parts.append(
            f"real-world precision {rw['precision']:.2f} (warning+ {rw['precision_warning']:.2f}) "
            f"must-find {rw['must_found']}/{rw['must_total']}"
        )
    per = []
    for src in ("injected", "seeds"):
        for r, x in report[src]["rules"].items():
            if x["labels"] or x["tp"] or x["fp"]:
                p = "-" if x["precision"] is None else f"{x['precision']:.2f}"
                rc = "-" if x["recall"] is None else f"{x['recall']:.2f}"
                per.append(f"{src[0]}:{r} {p}/{rc}")
    path = ROOT / "bench" / "RESULTS.md"
    if not path.exists():
        path.write_text(
            "# Benchmark results\n\nOne line per `make bench` run: date, commit, figures. "
            "Per-rule entries are `i:` (injected) or `s:` (seed labels) `rule precision/recall`.\n\n",
            encoding="utf-8",
        )
    with path.open("a", encoding="utf-8") as fh:
        fh.write("- " + " | ".join(parts) + " | " + ", ".join(per) + "\n")


if __name__ == "__main__":
    sys.exit(main())
