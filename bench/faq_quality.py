"""Score the FAQ matcher on every evaluation set: right topic first, and abstentions.

Run with ``python bench/faq_quality.py`` (add ``-v`` to list the misses of the sets you
may tune on). eval_blind.jsonl is reported as a total only: it was written before the
last round of tuning and must never be tuned against, so its misses are never listed.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.features.faq.knowledge import default_kb_dir, load_knowledge_base  # noqa: E402
from bot.features.faq.matcher import FaqMatcher  # noqa: E402

EVAL_DIR = ROOT / "tests" / "faq" / "data"
BLIND = "eval_blind.jsonl"


def _rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _score(matcher: FaqMatcher, rows: list[dict[str, Any]]) -> tuple[str, list[str]]:
    inside = outside = right = quiet = 0
    misses: list[str] = []
    for row in rows:
        match = matcher.match(row["text"])
        if row["topic"]:
            inside += 1
            right += match.topic == row["topic"]
        else:
            outside += 1
            quiet += match.topic is None
        if match.topic != row["topic"]:
            wanted = row["topic"] or row["kind"]
            misses.append(f"    want {wanted}, got {match.topic}: {row['text']}")
    line = (
        f"in-scope right first {right}/{inside} = {right / max(inside, 1):.1%}   "
        f"out-of-scope abstained {quiet}/{outside} = {quiet / max(outside, 1):.1%}"
    )
    return line, misses


def main(argv: list[str]) -> int:
    matcher = FaqMatcher(load_knowledge_base([default_kb_dir()]))
    verbose = "-v" in argv
    for path in sorted(EVAL_DIR.glob("eval_*.jsonl")):
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in _rows(path):
            groups[row.get("split", "all")].append(row)
        for split, rows in sorted(groups.items()):
            line, misses = _score(matcher, rows)
            print(f"{path.name:>22} {split:>8}: {line}")
            if verbose and path.name != BLIND:
                print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
