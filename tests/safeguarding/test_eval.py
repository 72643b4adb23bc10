"""The labelled evaluation set: targets on the whole set and per split.

Splits: ``tune`` was used to write the rules; ``holdout`` was written at the same
time but only looked at after tuning; ``fresh`` and ``fresh2`` were written
later, blind, and then used for further tuning. See the detector report for
the first-run (untuned) figures of each split.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from moderation.safeguarding import CATEGORIES, assess
from moderation.safeguarding.detector import RULES, candidate_rules
from moderation.safeguarding.normalise import normalise

DATA = Path(__file__).parent / "data" / "safeguarding_eval.jsonl"


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    label: str
    author_is_child: bool
    split: str
    also_ok: tuple[str, ...]


def load() -> list[Example]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            rows.append(
                Example(
                    r["id"],
                    r["text"],
                    r["label"],
                    r["author_is_child"],
                    r["split"],
                    tuple(r.get("also_ok", ())),
                )
            )
    return rows


EXAMPLES = load()


def score(examples: list[Example]) -> tuple[float, float, float]:
    signals = [e for e in examples if e.label != "none"]
    ordinary = [e for e in examples if e.label == "none"]
    caught = right = alarms = 0
    for e in signals:
        got = assess(e.text, author_is_child=e.author_is_child).category
        caught += got is not None
        right += got == e.label or got in e.also_ok
    for e in ordinary:
        alarms += assess(e.text, author_is_child=e.author_is_child).category is not None
    return caught / len(signals), right / len(signals), alarms / len(ordinary)


def test_dataset_shape() -> None:
    ids = [e.id for e in EXAMPLES]
    assert len(ids) == len(set(ids))
    signals = [e for e in EXAMPLES if e.label != "none"]
    assert len(EXAMPLES) >= 250 and len(signals) >= 120
    assert len(EXAMPLES) - len(signals) >= 130
    assert {e.label for e in signals} == set(CATEGORIES)
    for category in CATEGORIES:
        assert sum(e.label == category for e in signals) >= 10, category


def test_targets_on_whole_set() -> None:
    recall, right, false_alarm = score(EXAMPLES)
    assert recall >= 0.95
    assert right >= 0.85
    assert false_alarm <= 0.05


@pytest.mark.parametrize("split", ["tune", "holdout", "fresh", "fresh2"])
def test_targets_per_split(split: str) -> None:
    recall, right, false_alarm = score([e for e in EXAMPLES if e.split == split])
    assert recall >= 0.95 and right >= 0.85 and false_alarm <= 0.05


def test_anchor_index_never_hides_a_matching_rule() -> None:
    """Skipping rules by anchor word must not change any result on the data set."""
    for e in EXAMPLES:
        text = normalise(e.text)
        candidates = set(candidate_rules(text))
        for i, rule in enumerate(RULES):
            if rule.pattern.search(text):
                assert i in candidates, (rule.id, e.id)
