"""Score a tcheck JSON report of the shared corpus against the judged real-world set.

    python bench/realworld/score.py REPORT.json [--show-unjudged N] [--show-missed]

Prints, per rule, the findings reported, how many match a judged label (true / false /
debatable), precision = true / (true + false) over the matched ones, and the must-find
recall. Also prints how many findings that were judged true are no longer reported.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from labels import found, load_jsonl, match_label, still_reported  # noqa: E402
from sample import flatten  # noqa: E402


def load_sets(directory: Path = HERE) -> tuple[list[dict], list[dict]]:
    judged = [j for p in sorted(glob.glob(str(directory / "judged*.jsonl"))) for j in load_jsonl(p)]
    must = [m for p in sorted(glob.glob(str(directory / "mustfind*.jsonl"))) for m in load_jsonl(p)]
    return judged, must


def score(report: dict, judged: list[dict], must: list[dict]) -> dict:
    findings = flatten(report)
    per_rule: dict[str, Counter] = defaultdict(Counter)
    matched_ids = set()
    for f in findings:
        c = per_rule[f["rule"]]
        c["reported"] += 1
        lab = match_label(f, judged)
        if lab is None:
            c["unjudged"] += 1
            continue
        c[lab["verdict"]] += 1
        if f["severity"] != "info":
            c["w_" + lab["verdict"]] += 1
        matched_ids.add(id(lab))
    lost_true = [
        j for j in judged if j["verdict"] == "true" and id(j) not in matched_ids and not still_reported(j, findings)
    ]
    hits = {m["id"]: bool(found(m, findings)) for m in must}
    return {"per_rule": per_rule, "lost_true": lost_true, "must": hits, "findings": findings}


def precision(c: Counter, prefix: str = "") -> float | None:
    """true / (true + false) over judged findings (``prefix="w_"``: warning and error only)."""
    n = c[prefix + "true"] + c[prefix + "false"]
    return c[prefix + "true"] / n if n else None


def summary(result: dict, severities: dict[str, str] | None = None) -> dict:
    per_rule = result["per_rule"]
    total = Counter()
    for c in per_rule.values():
        total.update(c)
    must = result["must"]
    return {
        "precision": precision(total),
        "precision_warning": precision(total, "w_"),
        "judged_true": total["true"],
        "judged_false": total["false"],
        "must_find_recall": (sum(must.values()) / len(must)) if must else None,
        "must_found": sum(must.values()),
        "must_total": len(must),
        "lost_true": len(result["lost_true"]),
    }


def print_table(result: dict) -> None:
    def fmt(p):
        return f"{p:.2f}" if p is not None else "-"

    print(
        f"{'rule':24} {'reported':>8} {'true':>5} {'false':>5} {'deb':>4} {'unjudged':>8} {'prec':>5} {'prec(w+)':>8}"
    )
    for rule in sorted(result["per_rule"]):
        c = result["per_rule"][rule]
        print(
            f"{rule:24} {c['reported']:8} {c['true']:5} {c['false']:5} {c['debatable']:4} {c['unjudged']:8}"
            f" {fmt(precision(c)):>5} {fmt(precision(c, 'w_')):>8}"
        )
    s = summary(result)
    r = s["must_find_recall"]
    print(
        f"overall precision (judged, all severities): {fmt(s['precision'])}; warning and error only: {fmt(s['precision_warning'])}"
    )
    print(f"must-find recall: {s['must_found']}/{s['must_total']}" + (f" = {r:.3f}" if r is not None else ""))
    print(f"findings judged true that are no longer reported: {s['lost_true']}")


def corpus_dir() -> Path | None:
    """The shared real-world corpus beside the repository (``../shared/corpus``), if present."""
    for cand in (HERE.parents[2] / "shared" / "corpus", Path(os.environ.get("TCHECK_CORPUS", "/nonexistent"))):
        if cand.is_dir():
            return cand
    return None


def audit_corpus(tcheck: Path, corpus: Path, cache_dir: str | None = None, jobs: int = 2) -> dict:
    """Run ``tcheck audit CORPUS --format json`` and return the report."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        env = dict(os.environ, TCHECK_CACHE_DIR=cache_dir or str(Path(tmp) / "cache"))
        cmd = [str(tcheck), "audit", str(corpus), "--format", "json", "--output", str(out), "--fail-on", "never"]
        p = subprocess.run(cmd + ["--jobs", str(jobs)], capture_output=True, text=True, env=env)
        if p.returncode not in (0, 1):
            raise SystemExit(f"tcheck failed ({p.returncode}): {p.stderr.strip()[:500]}")
        return json.loads(out.read_text(encoding="utf-8"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--show-missed", action="store_true", help="list must-find items not found")
    ap.add_argument("--show-lost", action="store_true", help="list true findings no longer reported")
    ap.add_argument(
        "--labels",
        type=Path,
        default=HERE,
        help="folder of judged*.jsonl / mustfind*.jsonl (default: this one; bench/unseen for the unseen sites)",
    )
    args = ap.parse_args(argv)
    judged, must = load_sets(args.labels)
    result = score(json.loads(Path(args.report).read_text(encoding="utf-8")), judged, must)
    print_table(result)
    if args.show_missed:
        for m in must:
            if not result["must"][m["id"]]:
                print(f"  missed {m['id']} {m['path']}:{m['line']} [{m.get('kind')}] {m.get('note', '')}")
    if args.show_lost:
        for j in result["lost_true"]:
            print(f"  lost {j['id']} {j['rule']} {j['path']}:{j['line']} {j['message'][:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
