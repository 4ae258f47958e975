#!/usr/bin/env python3
"""Rewrite the rule list in README.md from the rule classes.

Usage: python scripts/gen_readme_rules.py [--check]
--check exits 1 (without writing) when README.md is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tcheck.docs import replace_block, rules_markdown  # noqa: E402


def main(argv: list[str]) -> int:
    readme = ROOT / "README.md"
    old = readme.read_text(encoding="utf-8")
    new = replace_block(old, rules_markdown())
    if "--check" in argv:
        if new != old:
            print("README.md rule list is out of date: run python scripts/gen_readme_rules.py", file=sys.stderr)
            return 1
        return 0
    if new != old:
        readme.write_text(new, encoding="utf-8")
        print("README.md rule list updated")
    else:
        print("README.md rule list already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
