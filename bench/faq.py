"""Time the FAQ matcher: p50/p99 per question with the real topics and with 1,000.

Run with ``python bench/faq.py``. The 1,000-topic knowledge base is generated from the
real topics' words (deterministically), so common words have realistically long posting
lists. Questions come from all the evaluation sets in tests/faq/data.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.features.faq.knowledge import (  # noqa: E402
    FaqEntry,
    KnowledgeBase,
    default_kb_dir,
    load_knowledge_base,
)
from bot.features.faq.matcher import FaqMatcher  # noqa: E402

EVAL_DIR = ROOT / "tests" / "faq" / "data"
ROUNDS = 3


def _questions() -> list[str]:
    texts: list[str] = []
    for path in sorted(EVAL_DIR.glob("eval_*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts


def _sentence(rng: random.Random, words: list[str], low: int, high: int) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(low, high)))


def generated_kb(base: KnowledgeBase, total: int, seed: int = 7) -> KnowledgeBase:
    """``base`` plus synthetic topics built from its own vocabulary, up to ``total``."""
    rng = random.Random(seed)
    words = sorted({w for e in base for w in f"{e.title} {e.short} {e.body}".lower().split()})
    template = base.entries[0]
    extra: list[FaqEntry] = []
    for i in range(total - len(base)):
        extra.append(
            replace(
                template,
                slug=f"generated-{i:04d}",
                title=_sentence(rng, words, 2, 5),
                short=_sentence(rng, words, 40, 80),
                keywords=tuple(_sentence(rng, words, 1, 3) for _ in range(12)),
                questions=tuple(_sentence(rng, words, 5, 12) for _ in range(10)),
                body=_sentence(rng, words, 150, 300),
            )
        )
    return KnowledgeBase(entries=base.entries + tuple(extra))


def _time(matcher: FaqMatcher, questions: list[str]) -> list[float]:
    for text in questions:  # warm the spelling cache as a running bot would be
        matcher.match(text)
    timings: list[float] = []
    for _ in range(ROUNDS):
        for text in questions:
            start = time.perf_counter()
            matcher.match(text)
            timings.append((time.perf_counter() - start) * 1000.0)
    return timings


def _cold(matcher_factory: type[FaqMatcher], kb: KnowledgeBase, questions: list[str]) -> float:
    matcher = matcher_factory(kb)
    timings = []
    for text in questions:
        start = time.perf_counter()
        matcher.match(text)
        timings.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(timings)


def _report(label: str, kb: KnowledgeBase, questions: list[str]) -> None:
    start = time.perf_counter()
    matcher = FaqMatcher(kb)
    build = (time.perf_counter() - start) * 1000.0
    timings = sorted(_time(matcher, questions))
    p50 = timings[len(timings) // 2]
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    cold = _cold(FaqMatcher, kb, questions)
    print(
        f"{label:>14}: {len(kb):5d} topics  build {build:7.1f} ms  "
        f"p50 {p50:5.2f} ms  p99 {p99:5.2f} ms  (first-time p50 {cold:5.2f} ms)"
    )


def main() -> int:
    base = load_knowledge_base([default_kb_dir()])
    questions = _questions()
    print(f"{len(questions)} questions x {ROUNDS} rounds")
    _report("shipped", base, questions)
    _report("generated", generated_kb(base, 1000), questions)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
