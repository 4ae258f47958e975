"""Draw a fixed-seed, per-rule sample of findings from a tcheck JSON report for judging.

    python bench/realworld/sample.py REPORT.json --seed 8 --cap 45 [--exclude judged.jsonl] > sample.jsonl

Each output line is one finding with the corpus-relative path of every location, ready for a
reviewer to judge by reading the versions (the verdict goes into ``judged.jsonl``; see README.md).
Findings already judged (same rule, path and overlapping lines as an entry of ``--exclude``)
are skipped, so a re-judging round only draws findings that appeared after a change.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from labels import corpus_relative, load_jsonl, match_label  # noqa: E402


def flatten(report: dict) -> list[dict]:
    out = []
    for doc in report["documents"]:
        for f in doc["findings"]:
            locs = [dict(loc, path=corpus_relative(loc["path"])) for loc in f["locations"]]
            if not locs[0]["path"]:
                continue  # outside the corpus
            out.append(
                {
                    "rule": f["rule"],
                    "severity": f["severity"],
                    "message": f["message"],
                    "doc": locs[0]["path"].rsplit("/", 1)[0],
                    "lang": locs[0]["lang"],
                    "path": locs[0]["path"],
                    "line": locs[0]["line"],
                    "end_line": locs[0]["end_line"],
                    "counterparts": [
                        {
                            "lang": c["lang"],
                            "path": corpus_relative(c["path"]),
                            "line": c["line"],
                            "end_line": c["end_line"],
                        }
                        for c in f["counterparts"]
                    ],
                    "suggestion": f.get("suggestion"),
                    # the versions a missing-paragraph finding says lack the text
                    "missing_in": list(f.get("evidence", {}).get("missing_in", [])),
                }
            )
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--cap", type=int, default=45, help="findings per rule at most")
    ap.add_argument("--exclude", action="append", default=[], help="judged.jsonl files to skip")
    args = ap.parse_args(argv)
    judged = [j for path in args.exclude for j in load_jsonl(path)]
    by_rule = defaultdict(list)
    for f in flatten(json.loads(Path(args.report).read_text(encoding="utf-8"))):
        if match_label(f, judged) is None:
            by_rule[f["rule"]].append(f)
    rng = random.Random(args.seed)
    for rule in sorted(by_rule):
        items = by_rule[rule]
        for f in rng.sample(items, min(args.cap, len(items))):
            print(json.dumps(f, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
