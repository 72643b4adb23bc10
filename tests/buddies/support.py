"""Builders for buddy profiles and the default reason wording used across the tests."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from bot.features.buddies.profiles import (
    AgeRange,
    Availability,
    CareKind,
    ContactWay,
    MenteeProfile,
    MentorProfile,
)

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

DEFAULT_REASON_TEMPLATES: dict[str, str] = {
    "care_kinds": "you both have experience of {values}",
    "local_authority": "you are both in {values}",
    "region": "you are both in {values}",
    "age_ranges": "you both care for children aged {values}",
    "languages": "you both speak {values}",
    "availability": "you are both free {values}",
    "contact_ways": "you both like {values}",
    "staff_choice": "our staff team suggested you",
    "separator": ", ",
    "list_separator": ", ",
    "list_and": " and ",
    "label.mainstream": "mainstream fostering",
    "label.respite": "short breaks",
    "label.long_term": "long-term fostering",
    "label.kinship": "kinship care",
    "label.special_guardianship": "special guardianship",
    "label.parent_and_child": "parent and child placements",
    "label.disabilities": "disabilities and complex needs",
    "label.teenagers": "teenagers",
    "label.unaccompanied": "unaccompanied children",
    "label.0-4": "0 to 4",
    "label.5-10": "5 to 10",
    "label.11-15": "11 to 15",
    "label.16+": "16 and over",
    "label.weekday_daytime": "on weekday daytimes",
    "label.evenings": "in the evenings",
    "label.weekends": "at weekends",
    "label.messages": "messages",
    "label.phone": "phone calls",
    "label.meet_up": "meeting up",
    "label.any": "any kind of care",
    "label.unknown_region": "an unknown area",
    "gap.no_mentor_with_kind": "{count} waiting: no mentor with {kind} experience in {region}",
    "gap.no_suitable_mentor": "{count} waiting: no suitable mentor for {kind} in {region}",
    "gap.mentors_full": "{count} waiting: not enough mentor places for {kind} in {region}",
}


def mentor(
    pid: int,
    kinds: Iterable[CareKind] = (CareKind.MAINSTREAM,),
    *,
    region: str = "Yorkshire and the Humber",
    council: str = "Leeds",
    ages: Iterable[AgeRange] = (),
    languages: Iterable[str] = ("english",),
    times: Iterable[Availability] = (),
    ways: Iterable[ContactWay] = (),
    years: int = 0,
    capacity: int = 1,
    active: int = 0,
    paused: bool = False,
) -> MentorProfile:
    return MentorProfile(
        person_id=pid,
        years_caring=years,
        care_kinds=frozenset(kinds),
        age_ranges=frozenset(ages),
        region=region,
        local_authority=council,
        languages=frozenset(languages),
        availability=frozenset(times),
        contact_ways=frozenset(ways),
        capacity=capacity,
        active_buddies=active,
        paused=paused,
    )


def mentee(
    pid: int,
    kinds: Iterable[CareKind] = (CareKind.MAINSTREAM,),
    *,
    waited_days: int = 0,
    region: str = "Yorkshire and the Humber",
    council: str = "Leeds",
    ages: Iterable[AgeRange] = (),
    languages: Iterable[str] = ("english",),
    times: Iterable[Availability] = (),
    ways: Iterable[ContactWay] = (),
) -> MenteeProfile:
    return MenteeProfile(
        person_id=pid,
        waiting_since=T0 - timedelta(days=waited_days),
        care_kinds=frozenset(kinds),
        age_ranges=frozenset(ages),
        region=region,
        local_authority=council,
        languages=frozenset(languages),
        availability=frozenset(times),
        contact_ways=frozenset(ways),
    )


REGIONS = {"North East": ["Durham", "Newcastle"], "London": ["Camden"], "Wales": ["Cardiff"]}


def random_people(
    seed: int, n_mentors: int, n_mentees: int, *, overlap_ids: int = 0
) -> tuple[list[MentorProfile], list[MenteeProfile]]:
    """Small random profiles; ``overlap_ids`` mentees share an id with a mentor."""
    rng = random.Random(seed)
    kinds = list(CareKind)[:4]  # few kinds, so many pairs are allowed

    def place() -> tuple[str, str]:
        region = rng.choice(list(REGIONS))
        return region, rng.choice(REGIONS[region])

    def langs() -> list[str]:
        return rng.choice([["english"], ["english"], ["english", "urdu"], ["welsh"], []])

    mentors = []
    for pid in range(1, n_mentors + 1):
        region, council = place()
        capacity = rng.randint(1, 3)
        mentors.append(
            mentor(
                pid,
                rng.sample(kinds, rng.randint(1, 3)),
                region=region,
                council=council,
                ages=rng.sample(list(AgeRange), rng.randint(0, 2)),
                languages=langs(),
                times=rng.sample(list(Availability), rng.randint(0, 3)),
                ways=rng.sample(list(ContactWay), rng.randint(0, 3)),
                years=rng.randint(0, 15),
                capacity=capacity,
                active=rng.randint(0, capacity),
                paused=rng.random() < 0.1,
            )
        )
    mentees = []
    for i in range(n_mentees):
        pid = (i + 1) if i < overlap_ids else 1000 + i
        region, council = place()
        mentees.append(
            mentee(
                pid,
                rng.sample(kinds, rng.randint(0, 2)),
                waited_days=rng.randint(0, 5),  # few distinct days, so ties happen
                region=region,
                council=council,
                ages=rng.sample(list(AgeRange), rng.randint(0, 2)),
                languages=langs(),
                times=rng.sample(list(Availability), rng.randint(0, 3)),
                ways=rng.sample(list(ContactWay), rng.randint(0, 3)),
            )
        )
    return mentors, mentees
