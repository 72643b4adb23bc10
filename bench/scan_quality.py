"""Quality of the confidentiality detector on labelled sets.

Usage: `python bench/scan_quality.py [FILE...]`.

Prints message-level recall and precision, and how many labelled spans were found, per file.
It prints totals only, never the messages it got wrong, so a set kept blind stays blind: look
at misses with the tests' helpers only once you have decided to tune on a set.
Default: the long messages written for the speed bench (`bench/data/long_messages.jsonl`).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from moderation.confidentiality import scan  # noqa: E402

DEFAULT = ROOT / "bench" / "data" / "long_messages.jsonl"


def _rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _report(path: Path) -> None:
    rows = _rows(path)
    tp = fp = fn = 0
    spans_found: Counter[str] = Counter()
    spans_total: Counter[str] = Counter()
    for row in rows:
        result = scan(row["text"])
        tp += result.identifying and row["identifying"]
        fp += result.identifying and not row["identifying"]
        fn += row["identifying"] and not result.identifying
        for want in row["spans"]:
            start = row["text"].index(want["text"])
            end = start + len(want["text"])
            category = want["category"]
            spans_total[category] += 1
            spans_found[category] += any(
                s.category == category and s.start < end and start < s.end for s in result.spans
            )
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    print(f"{path.name}: {len(rows)} messages, {tp + fn} identifying")
    print(f"  message level: recall {recall:.3f}  precision {precision:.3f}  (fn {fn}, fp {fp})")
    found, total = sum(spans_found.values()), sum(spans_total.values())
    print(f"  labelled spans found: {found}/{total}")
    for category in sorted(spans_total):
        print(f"    {category:28s} {spans_found[category]}/{spans_total[category]}")


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or [DEFAULT]
    for path in paths:
        if not path.exists():
            print(f"{path}: not found")
            return 1
        _report(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
