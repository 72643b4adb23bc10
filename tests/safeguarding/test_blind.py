"""Messages written blind to estimate the detector on carers' talk it has never seen.

``blind`` (99 messages) was written and measured before any rule was changed for it
(recall 0.80, false alarms 0/50); ``blind2`` (39) was written after that tuning and first
scored recall 0.79. Both were then used to fix general gaps, so they now guard against
regressions. The idioms below are ordinary talk that some newer rules came close to.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderation.safeguarding import CATEGORIES, assess

DATA = Path(__file__).parent / "data" / "safeguarding_blind.jsonl"
ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]


def _scores(rows: list[dict[str, object]]) -> tuple[float, float, float]:
    signals = [r for r in rows if r["label"] != "none"]
    ordinary = [r for r in rows if r["label"] == "none"]
    caught = right = alarms = 0
    for r in signals:
        got = assess(str(r["text"]), author_is_child=bool(r["author_is_child"])).category
        caught += got is not None
        also_ok = r.get("also_ok", [])
        right += got == r["label"] or (isinstance(also_ok, list) and got in also_ok)
    for r in ordinary:
        alarms += assess(str(r["text"])).category is not None
    return caught / len(signals), right / len(signals), alarms / len(ordinary)


def test_blind_set_shape() -> None:
    assert len(ROWS) >= 130
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    labels = {r["label"] for r in ROWS}
    assert labels == {*CATEGORIES, "none"}
    assert sum(r["label"] == "none" for r in ROWS) >= 60


@pytest.mark.parametrize("split", ["blind", "blind2"])
def test_blind_targets(split: str) -> None:
    recall, right, false_alarm = _scores([r for r in ROWS if r["split"] == split])
    assert recall >= 0.95, recall
    assert right >= 0.85, right
    assert false_alarm <= 0.05, false_alarm


ORDINARY = [
    "I could kill for a coffee",
    "he's missing his mum",
    "this homework is killing me",
    "she was hurt that she wasn't invited",
    "police were out looking for a lost dog on our street last night",
    "I just want it all to stop raining so the kids can play out",
    "her bed's empty now she's gone to uni, I cried",
    "woke up and his bed was empty, he'd crept into ours at 3am",
    "we're under investigation for a noise complaint from next door",
    "reported him missing from the register by mistake, school apologised",
    "he's been cutting his arms out of the magazines for a collage",
    "she's got nits again, third time this term",
    "I'm going to end up shouting at them if they don't tidy up",
    "the kids locked me out as a joke",
    "the kids locked me in the shed for a laugh, little monkeys",
    "they locked me out of my account again, third time this month",
    "we shut her in her room to calm down for five minutes",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_talk_does_not_alert(text: str) -> None:
    assert assess(text).category is None


SIGNALS = [
    ("he's been cutting his wrists, I found the blood this morning", "self_harm_child"),
    ("I'm going to end up shaking him, please can someone come", "carer_crisis"),
    ("she said her uncle locked her in the shed all night", "child_disclosure"),
    ("she locked him in his room for hours as punishment", "child_harm_observed"),
    ("his mum kept him in his room all weekend without food", "child_harm_observed"),
    ("he locked me in the bedroom and took my phone", "domestic_abuse"),
    ("my partner locked me out again last night", "domestic_abuse"),
    ("his bed's empty and the back door's open, it's 4am", "child_missing"),
    ("I just want everything to stop, I can't see the point in living any more", "self_harm_adult"),
    ("my husband and I are under investigation after she told school he hit her", None),
]


@pytest.mark.parametrize(("text", "category"), SIGNALS)
def test_general_signals_alert(text: str, category: str | None) -> None:
    got = assess(text).category
    assert got is not None
    if category is not None:
        assert got == category
