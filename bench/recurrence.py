"""Next occurrences for 10,000 recurring events of mixed kinds: wall time and peak memory.

Run by hand: `.venv/bin/python bench/recurrence.py [--events N] [--next K]`. Runs on one core
(pure Python, no threads). Starts are spread over the past five years, so the seek-ahead in
`occurrences` is exercised, and a fifth of events have skipped dates.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.features.events.recurrence import Freq, Recurrence, occurrences

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)

Event = tuple[datetime, Recurrence, frozenset[date]]


def make_events(n: int, seed: int = 1) -> list[Event]:
    rng = random.Random(seed)
    events: list[Event] = []
    for _ in range(n):
        day = date(2021, 1, 1) + timedelta(days=rng.randrange(5 * 365))
        start = datetime(day.year, day.month, day.day, rng.choice([10, 13, 19]), 30, tzinfo=LONDON)
        kind = rng.randrange(6)
        if kind == 0:
            rec = Recurrence(Freq.DAILY, interval=rng.choice([1, 2]))
        elif kind == 1:
            rec = Recurrence(Freq.WEEKLY, weekdays=(day.weekday(),))
        elif kind == 2:
            rec = Recurrence(Freq.WEEKLY, interval=rng.choice([2, 3, 6]), weekdays=(day.weekday(),))
        elif kind == 3:
            rec = Recurrence(Freq.MONTHLY, month_day=day.day)
        elif kind == 4:
            nth = (day.day - 1) // 7 + 1
            rec = Recurrence(Freq.MONTHLY, weekdays=(day.weekday(),), week_of_month=nth)
        else:
            rec = Recurrence(Freq.WEEKLY, weekdays=(day.weekday(),), count=rng.randrange(5, 400))
        skip: frozenset[date] = frozenset()
        if rng.random() < 0.2:
            skip = frozenset(NOW.date() + timedelta(days=rng.randrange(60)) for _ in range(3))
        events.append((start, rec, skip))
    return events


def run(n: int, k: int) -> None:
    events = make_events(n)
    tracemalloc.start()
    began = time.perf_counter()
    total = 0
    for start, rec, skip in events:
        total += len(occurrences((start, rec), after=NOW, limit=k, exceptions=skip))
    elapsed = time.perf_counter() - began
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Timing again without tracemalloc, which slows allocation-heavy code down.
    began = time.perf_counter()
    for start, rec, skip in events:
        occurrences((start, rec), after=NOW, limit=k, exceptions=skip)
    plain = time.perf_counter() - began
    print(f"events: {n:,}  next per event: {k}  occurrences found: {total:,}")
    print(f"wall time: {plain * 1000:.0f} ms ({plain / n * 1e6:.1f} µs per event)")
    print(f"wall time under tracemalloc: {elapsed * 1000:.0f} ms")
    print(f"peak traced memory while expanding: {peak / 1024:.0f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--next", type=int, default=3)
    args = parser.parse_args()
    run(args.events, args.next)


if __name__ == "__main__":
    main()
