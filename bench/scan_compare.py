"""Compare the confidentiality detector against a saved copy of itself: same answers, and speed.

Usage: `python bench/scan_compare.py /path/to/confidentiality_copy [rounds]`

The copy is a directory holding an earlier version of `moderation/confidentiality` (taken with
`cp -r` before a change). Every message of the labelled sets, the bench's 300-character
messages, the adversarial inputs and some mechanical variants (lowercase, capitals, curly
apostrophes, zero-width characters) must give exactly the same result from both. Then both are
timed alternately, message by message, for several rounds; the ratio of medians is reported,
which stays stable on a busy machine where absolute timings do not. Run by hand; it asserts
sameness, never speed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scan as bench_scan  # noqa: E402

from moderation.confidentiality import scan as new_scan  # noqa: E402
from moderation.confidentiality import warm_up as new_warm_up  # noqa: E402

LABELLED = [
    *sorted((ROOT / "tests" / "moderation" / "data").glob("*.jsonl")),
    ROOT.parent / "shared" / "data" / "confidentiality_dev.jsonl",
]


def _load_copy(directory: Path) -> ModuleType:
    """Import the saved copy as a separate package so both versions live in one process."""
    name = "confidentiality_baseline"
    spec = importlib.util.spec_from_file_location(
        name, directory / "__init__.py", submodule_search_locations=[str(directory)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _labelled() -> list[str]:
    texts: list[str] = []
    for path in LABELLED:
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts


def _variants(texts: list[str]) -> list[str]:
    """Mechanical rewrites that reach the case-, apostrophe- and invisible-character paths."""
    rng = random.Random(11)
    out: list[str] = []
    for text in texts:
        out.append(text.lower())
        out.append(text.upper())
        out.append(text.replace("'", "\u2019"))
        cut = rng.randrange(len(text) + 1)
        out.append(text[:cut] + "\u200b" + text[cut:])
        out.append(text + " " + rng.choice(texts))
    return out


def corpus() -> tuple[list[str], list[str], list[str]]:
    """(every message to check for sameness, natural and joined 300-character messages)."""
    texts = _labelled()
    natural = bench_scan._natural(texts)
    joined = bench_scan._joined(texts, 400, random.Random(7))
    adversarial = list(bench_scan._adversarial().values())
    check = [*texts, *_variants(texts), *natural, *joined, *adversarial]
    return check, natural, joined


def _shape(result: Any) -> tuple[bool, tuple[str, ...], tuple[tuple[int, int, str], ...]]:
    spans = tuple((s.start, s.end, s.category) for s in result.spans)
    return result.identifying, tuple(result.categories), spans


def check_same(texts: list[str], old: Callable[[str], Any]) -> int:
    """Assert identical results; return how many messages were checked."""
    for text in texts:
        before, after = _shape(old(text)), _shape(new_scan(text))
        assert before == after, f"differs on {text[:120]!r}:\n  old {before}\n  new {after}"
    return len(texts)


BATCH = 5


def _timed(fn: Callable[[str], Any], text: str) -> float:
    """Seconds per call, over a small batch, in this thread's CPU time: time spent waiting
    for the CPU on a shared machine is not counted (the clock read costs about a microsecond,
    so it is amortised over the batch)."""
    start = time.thread_time()
    for _ in range(BATCH):
        fn(text)
    return (time.thread_time() - start) / BATCH


def ratio(texts: list[str], old: Callable[[str], Any], rounds: int) -> tuple[float, float, float]:
    """(old p50 µs, new p50 µs, ratio of medians of per-message ratios), alternating runs."""
    old_times: list[float] = []
    new_times: list[float] = []
    per_message: list[float] = []
    for r in range(rounds):
        for text in texts:
            if r % 2:
                n, o = _timed(new_scan, text), _timed(old, text)
            else:
                o, n = _timed(old, text), _timed(new_scan, text)
            old_times.append(o)
            new_times.append(n)
            per_message.append(n / o)
    return (
        statistics.median(old_times) * 1e6,
        statistics.median(new_times) * 1e6,
        statistics.median(per_message),
    )


def worst_adversarial(old: Callable[[str], Any]) -> tuple[float, float]:
    """Worst best-of-2 batch time in ms over the bench's adversarial inputs, (old, new)."""
    worst_old = worst_new = 0.0
    for text in bench_scan._adversarial().values():
        worst_old = max(worst_old, min(_timed(old, text) for _ in range(2)) * 1e3)
        worst_new = max(worst_new, min(_timed(new_scan, text) for _ in range(2)) * 1e3)
    return worst_old, worst_new


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    baseline = _load_copy(Path(sys.argv[1]).resolve())
    baseline.warm_up()
    new_warm_up()
    check, natural, joined = corpus()
    print(f"identical results on {check_same(check, baseline.scan)} messages")
    for label, texts, times in (("natural", natural, rounds), ("joined", joined, rounds // 10)):
        old_p50, new_p50, per = ratio(texts, baseline.scan, max(1, times))
        print(
            f"{label} 300-char n={len(texts)} x{max(1, times)}: old p50 {old_p50:.1f} us, "
            f"new p50 {new_p50:.1f} us, ratio of p50s {new_p50 / old_p50:.3f}, "
            f"median per-message ratio {per:.3f}"
        )
    worst_old, worst_new = worst_adversarial(baseline.scan)
    print(f"worst adversarial: old {worst_old:.2f} ms, new {worst_new:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
