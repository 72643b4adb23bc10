"""How long the buddy matcher takes for a big waiting list, on one core.

Run `python bench/matching.py [--mentees 2000] [--mentors 500] [--seed 7]`. Profiles
are random but shaped like a real service: most carers in mainstream fostering, fewer
mentors who know kinship care, more people in London and the South East, English
nearly everywhere with some Urdu, Polish, Welsh and BSL. The target is 2,000 waiting
carers and 500 mentors (1 to 3 places each) in at most 2 seconds.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.features.buddies.matching import match
from bot.features.buddies.profiles import (
    AgeRange,
    Availability,
    CareKind,
    ContactWay,
    MenteeProfile,
    MentorProfile,
)

COUNCILS = {
    "North East": ["Newcastle", "Sunderland", "Durham", "Northumberland"],
    "North West": ["Manchester", "Liverpool", "Lancashire", "Cumbria", "Wigan"],
    "Yorkshire and the Humber": ["Leeds", "Sheffield", "Bradford", "Hull", "York"],
    "East Midlands": ["Nottingham", "Leicester", "Derbyshire", "Lincolnshire"],
    "West Midlands": ["Birmingham", "Coventry", "Staffordshire", "Wolverhampton"],
    "East of England": ["Norfolk", "Suffolk", "Essex", "Hertfordshire"],
    "London": ["Camden", "Hackney", "Croydon", "Barnet", "Newham", "Lambeth"],
    "South East": ["Kent", "Surrey", "Hampshire", "Brighton and Hove", "Oxfordshire"],
    "South West": ["Bristol", "Devon", "Cornwall", "Somerset"],
    "Wales": ["Cardiff", "Swansea", "Gwynedd"],
    "Scotland": ["Glasgow", "Edinburgh", "Fife"],
    "Northern Ireland": ["Belfast", "Derry"],
}
REGION_WEIGHT = [5, 11, 8, 7, 9, 9, 14, 14, 8, 5, 8, 3]
KIND_WEIGHT = {  # how common each kind of care is among carers
    CareKind.MAINSTREAM: 30,
    CareKind.RESPITE: 10,
    CareKind.LONG_TERM: 18,
    CareKind.KINSHIP: 14,
    CareKind.SPECIAL_GUARDIANSHIP: 6,
    CareKind.PARENT_AND_CHILD: 4,
    CareKind.DISABILITIES: 7,
    CareKind.TEENAGERS: 9,
    CareKind.UNACCOMPANIED: 2,
}
EXTRA_LANGUAGES = ["urdu", "polish", "punjabi", "welsh", "british sign language", "arabic"]


def _some(rng: random.Random, items: list[object], weights: list[int], most: int) -> set[object]:
    return set(rng.choices(items, weights=weights, k=rng.randint(1, most)))


def _common(rng: random.Random, mentor: bool) -> dict[str, object]:
    region = rng.choices(list(COUNCILS), weights=REGION_WEIGHT)[0]
    kinds: list[object] = list(KIND_WEIGHT)
    kind_weight = list(KIND_WEIGHT.values())
    if mentor:  # kinship carers are less likely to have come forward as mentors
        kind_weight[kinds.index(CareKind.KINSHIP)] = 5
    languages = {"english"} if rng.random() > 0.03 else set()
    if rng.random() < 0.1 or not languages:
        languages.add(rng.choice(EXTRA_LANGUAGES))
    return {
        "care_kinds": frozenset(_some(rng, kinds, kind_weight, 4 if mentor else 2)),
        "age_ranges": frozenset(_some(rng, list(AgeRange), [1] * 4, 3)),
        "region": region,
        "local_authority": rng.choice(COUNCILS[region]),
        "languages": frozenset(languages),
        "availability": frozenset(_some(rng, list(Availability), [1] * 3, 3)),
        "contact_ways": frozenset(_some(rng, list(ContactWay), [4, 3, 2], 3)),
    }


def make_people(
    seed: int, n_mentors: int, n_mentees: int
) -> tuple[list[MentorProfile], list[MenteeProfile]]:
    rng = random.Random(seed)
    now = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
    mentors = []
    for pid in range(1, n_mentors + 1):
        capacity = rng.randint(1, 3)
        mentors.append(
            MentorProfile(
                person_id=pid,
                years_caring=rng.randint(1, 25),
                capacity=capacity,
                active_buddies=rng.choice([0, 0, 0, 1]) if capacity > 1 else 0,
                paused=rng.random() < 0.05,
                **_common(rng, mentor=True),  # type: ignore[arg-type]
            )
        )
    mentees = [
        MenteeProfile(
            person_id=n_mentors + i,
            waiting_since=now - timedelta(minutes=rng.randint(0, 180 * 24 * 60)),
            **_common(rng, mentor=False),  # type: ignore[arg-type]
        )
        for i in range(1, n_mentees + 1)
    ]
    return mentors, mentees


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mentees", type=int, default=2000)
    parser.add_argument("--mentors", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):  # one core, as the target says
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    mentors, mentees = make_people(args.seed, args.mentors, args.mentees)
    rng = random.Random(args.seed + 1)
    everyone = [m.person_id for m in mentors] + [t.person_id for t in mentees]
    rather_not = {(rng.choice(everyone), rng.choice(everyone)) for _ in range(200)}
    past = {(m.person_id, rng.choice(everyone)) for m in mentors if m.active_buddies}

    start = time.perf_counter()
    result = match(mentors, mentees, past_pairs=past, rather_not=rather_not, min_score=0)
    elapsed = time.perf_counter() - start

    places = sum(m.room for m in mentors)
    print(f"{len(mentees)} waiting carers, {len(mentors)} mentors, {places} free places")
    print(f"matched {len(result.proposals)}, unmatched {len(result.unmatched)}")
    print(f"wall time {elapsed:.3f} s on one core (target <= 2 s)")
    scores = sorted(p.score for p in result.proposals)
    if scores:
        print(f"scores: min {scores[0]}, median {scores[len(scores) // 2]}, max {scores[-1]}")
    causes = Counter(u.why.cause.value for u in result.unmatched)
    print("unmatched by cause:", dict(sorted(causes.items())))
    for gap in result.gaps()[:5]:
        print(f"  gap: {gap.count} x {gap.kind} in {gap.region} ({gap.cause.value})")


if __name__ == "__main__":
    main()
