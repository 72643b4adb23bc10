"""Benchmark for the confidentiality detector: `python bench/scan.py`.

Prints p50/p99 per 300-character message (realistic long messages, and denser messages built by
joining short labelled ones), and the worst time over adversarial inputs up to 4,000 characters.
Runs on one core in one process; it times, it does not assert. It says whether the compiled
scanner ran (`make run` or `make test` builds it); `CAREBOT_PURE_PYTHON=1` times the source.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from moderation.confidentiality import COMPILED, scan, warm_up  # noqa: E402

DATA = [
    ROOT / "tests" / "moderation" / "data" / "confidentiality_extra.jsonl",
    ROOT.parent / "shared" / "data" / "confidentiality_dev.jsonl",
]
# Long group-chat messages (250 to 350 characters), written for this bench and labelled.
LONG = ROOT / "bench" / "data" / "long_messages.jsonl"
LENGTH = 300
ADVERSARIAL_LENGTH = 4000


def _messages() -> list[str]:
    texts: list[str] = []
    for path in DATA:
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts


def _joined(texts: list[str], count: int, rng: random.Random) -> list[str]:
    """300-character messages made by joining labelled ones (denser than real chat)."""
    out = []
    for _ in range(count):
        text = ""
        while len(text) < LENGTH:
            text += rng.choice(texts) + " "
        out.append(text[:LENGTH])
    return out


def _natural(texts: list[str]) -> list[str]:
    """Real long messages, trimmed or padded with chat filler to 300 characters."""
    filler = " Thanks all, really appreciate this group, it keeps me going most weeks honestly."
    out = []
    for text in texts:
        if len(text) >= 150:
            while len(text) < LENGTH:
                text += filler
            out.append(text[:LENGTH])
    return out


def _long() -> list[str]:
    if not LONG.exists():
        return []
    with LONG.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def _times_us(texts: list[str], repeats: int) -> list[float]:
    times: list[float] = []
    for _ in range(repeats):
        for text in texts:
            start = time.perf_counter()
            scan(text)
            times.append((time.perf_counter() - start) * 1e6)
    times.sort()
    return times


def _adversarial() -> dict[str, str]:
    n = ADVERSARIAL_LENGTH
    cases = {
        "digits": "1" * n,
        "phone numbers": "0161 496 0210 " * 300,
        "digit pairs": " ".join(["12"] * 2000),
        "spaces": " " * n,
        "capitals": "A" * n,
        "capitalised words": " ".join(["Jake"] * 1000),
        "name pairs": " ".join(["Jake Smith"] * 400),
        "repeated St": "St " * 1400,
        "saints": "St Anne St Mary " * 260,
        "emoji": "😀" * n,
        "zero-width": "J\u200ba\u200bk\u200be S\u200bm\u200bi\u200bt\u200bh " * 300,
        "mixed scripts": "Jake Смит 杰克 جيك 07700 900123 " * 120,
        "at signs": "a@" * 2000,
        "emails": "x.y@example.com " * 260,
        "dates of birth": "DOB 12/10/2014 " * 270,
        "postcodes": "M16 0RA " * 500,
        "streets": "Oak Road Ash Lane Elm Close " * 150,
        "house numbers": "12 Oak Road " * 340,
        "references": "MA23C00412 NHS 999 200 4819 AB 12 34 56 C " * 100,
        "complaints": "Mrs Smith is useless rude " * 160,
        "family": "his mum is in prison and his dad died " * 110,
        "health": "Jake has ADHD autism melatonin 10mg " * 120,
        "hyphens": "-" * n,
        "apostrophes": "'" * n,
        "letters and digits": "a1" * 2000,
        "spoken emails": "jo bloggs at example dot " * 170,
        "dots": "x dot " * 700,
        "quotes": "'abc " * 800,
        "school cues": "kids at SMB school " * 210,
        "sentence openers": "Zed is. " * 500,
    }
    return {name: text[:n] for name, text in cases.items()}


def main() -> int:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    warm_up()
    print("scanner:", "compiled (mypyc)" if COMPILED else "plain Python")
    texts = _messages()
    rng = random.Random(7)
    natural = _natural(texts)
    joined = _joined(texts, 400, rng)
    samples = [("long messages", _long()), ("natural 300-char", natural)]
    samples.append(("joined 300-char", joined))
    for label, sample in samples:
        if not sample:
            continue
        times = _times_us(sample, repeats=max(1, 4000 // max(1, len(sample))))
        p50 = statistics.median(times)
        p99 = times[int(len(times) * 0.99) - 1]
        print(f"{label:18s} n={len(sample):4d}  p50 {p50:6.1f} us  p99 {p99:7.1f} us")
    worst_name, worst = "", 0.0
    for name, text in _adversarial().items():
        best = min(_times_us([text], repeats=5)) / 1000
        if best > worst:
            worst_name, worst = name, best
        print(f"  adversarial {name:18s} {len(text):5d} chars  {best:6.2f} ms")
    print(f"worst adversarial (<= {ADVERSARIAL_LENGTH} chars): {worst:.2f} ms ({worst_name})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
