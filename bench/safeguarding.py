"""Time the safeguarding detector: it runs on every group message, so it must be cheap.

Run from the repository root: ``python bench/safeguarding.py``. Prints p50/p99
for realistic 300-character messages (ordinary talk and signals mixed, as in
the labelled set) and the worst case over 4,000-character adversarial inputs
built to stress the patterns (repeated trigger words, no punctuation, etc.).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from moderation.safeguarding import assess  # noqa: E402

DATA = ROOT / "tests" / "safeguarding" / "data" / "safeguarding_eval.jsonl"
FILLER = (
    "Quick update from us: school run was chaos, tea was late, the little one would not go "
    "to bed and the big two argued about the telly again. Anyway. "
)


def messages_300() -> list[str]:
    """Each labelled message padded or cut to 300 characters, signal kept in the middle."""
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        pad = max(0, 300 - len(text))
        out.append((FILLER * 3)[: pad // 2] + text + (FILLER * 3)[: pad - pad // 2])
    return [m[:300] if len(m) > 300 else m for m in out]


def adversarial_4000() -> dict[str, str]:
    n = 4000
    cases = {
        "one long word": "a" * n,
        "repeated missing": ("missing " * n)[:n],
        "told + relatives, no abuse word": ("she told me her uncle and her mum and " * 200)[:n],
        "trigger soup": ("told said phone cash older kill self harm lado allegation " * 80)[:n],
        "no spaces trigger": ("toldsaidmissingphone" * 200)[:n],
        "gaps without end": ("he said " + "x " * 3000)[:n],
        "zero width everywhere": "\u200b".join("she hasnt come home and her phone is off " * 60)[
            :n
        ],
        "emoji": ("😂🙈" * n)[:n],
        "mixed script": ("ѕhе tоld mе hеr unсlе " * 200)[:n],
        "punctuation only": (".!?" * n)[:n],
        "many sentences with signals": ("she told me her uncle touches her. " * 120)[:n],
        "apostrophes": ("'" * n)[:n],
    }
    return cases


def time_one(text: str, repeat: int) -> float:
    """Best-of timing in microseconds (best removes scheduler noise)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter_ns()
        assess(text)
        best = min(best, (time.perf_counter_ns() - start) / 1000)
    return best


def main() -> None:
    msgs = messages_300()
    for m in msgs:  # warm caches (token index) as a long-running bot would be
        assess(m)
    samples = []
    for _ in range(20):
        for m in msgs:
            start = time.perf_counter_ns()
            assess(m)
            samples.append((time.perf_counter_ns() - start) / 1000)
    samples.sort()
    p50 = statistics.median(samples)
    p99 = samples[int(len(samples) * 0.99) - 1]
    print(
        f"300-char messages: n={len(samples)}  p50={p50:.1f} us  p99={p99:.1f} us  "
        f"max={samples[-1]:.1f} us"
    )
    worst_name, worst = "", 0.0
    for name, text in adversarial_4000().items():
        t = time_one(text, repeat=5)
        print(f"  4000-char {name:<34} {t:9.1f} us")
        if t > worst:
            worst_name, worst = name, t
    print(f"4000-char adversarial worst case: {worst:.1f} us ({worst_name})")
    t10k = time_one(FILLER * 80, repeat=5)
    print(f"10,000-char ordinary message: {t10k:.1f} us")


if __name__ == "__main__":
    main()
