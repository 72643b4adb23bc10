"""Reading what people type or tap into profile values."""

from __future__ import annotations

import pytest

from bot.features.buddies.profiles import (
    AgeRange,
    Availability,
    CareKind,
    ContactWay,
    parse_age_ranges,
    parse_availability,
    parse_capacity,
    parse_care_kinds,
    parse_contact_ways,
    parse_languages,
    parse_region,
    parse_years_caring,
    place_key,
)
from tests.buddies.support import mentee, mentor

C = CareKind


@pytest.mark.parametrize(
    ("text", "kinds", "unknown"),
    [
        ("kinship, teens", {C.KINSHIP, C.TEENAGERS}, ()),
        ("Kinship care", {C.KINSHIP}, ()),
        ("connected person / SGO", {C.KINSHIP, C.SPECIAL_GUARDIANSHIP}, ()),
        ("parent and child", {C.PARENT_AND_CHILD}, ()),
        ("P&C and respite", {C.PARENT_AND_CHILD, C.RESPITE}, ()),
        ("short breaks", {C.RESPITE}, ()),
        ("long-term", {C.LONG_TERM}, ()),
        ("disabilities and complex needs", {C.DISABILITIES}, ()),
        ("UASC", {C.UNACCOMPANIED}, ()),
        ("unaccompanied children", {C.UNACCOMPANIED}, ()),
        ("mainstream", {C.MAINSTREAM}, ()),
        ("special_guardianship", {C.SPECIAL_GUARDIANSHIP}, ()),  # a tapped button value
        ("family and friends for my grandson", {C.KINSHIP}, ("grandson",)),
        ("", set(), ()),
        ("knitting", set(), ("knitting",)),
    ],
)
def test_parse_care_kinds(text: str, kinds: set[CareKind], unknown: tuple[str, ...]) -> None:
    parsed = parse_care_kinds(text)
    assert parsed.values == kinds
    assert parsed.unknown == unknown


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("0-4", {AgeRange.UNDER_5}),
        ("0-4, 11-15", {AgeRange.UNDER_5, AgeRange.FROM_11_TO_15}),
        ("16+", {AgeRange.OVER_16}),
        ("toddlers and primary school", {AgeRange.UNDER_5, AgeRange.FROM_5_TO_10}),
        ("teenagers", {AgeRange.FROM_11_TO_15, AgeRange.OVER_16}),
        ("care leavers", {AgeRange.OVER_16}),
        ("all ages", set(AgeRange)),
    ],
)
def test_parse_age_ranges(text: str, ages: set[AgeRange]) -> None:
    parsed = parse_age_ranges(text)
    assert parsed.values == ages
    assert parsed.unknown == ()


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("evenings & weekends", {Availability.EVENINGS, Availability.WEEKENDS}),
        ("weekday daytime", {Availability.WEEKDAY_DAYTIME}),
        ("school hours", {Availability.WEEKDAY_DAYTIME}),
        ("Saturday", {Availability.WEEKENDS}),
        ("any time", set(Availability)),
    ],
)
def test_parse_availability(text: str, times: set[Availability]) -> None:
    assert parse_availability(text).values == times


@pytest.mark.parametrize(
    ("text", "ways"),
    [
        ("messages, phone, meeting up", set(ContactWay)),
        ("WhatsApp or a phone call", {ContactWay.MESSAGES, ContactWay.PHONE}),
        ("face to face", {ContactWay.MEET_UP}),
        ("meet_up", {ContactWay.MEET_UP}),
    ],
)
def test_parse_contact_ways(text: str, ways: set[ContactWay]) -> None:
    assert parse_contact_ways(text).values == ways


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("English, Urdu", {"english", "urdu"}),
        ("english and BSL", {"english", "british sign language"}),
        ("Cymraeg / English", {"welsh", "english"}),
        ("", set()),
    ],
)
def test_parse_languages(text: str, names: set[str]) -> None:
    assert parse_languages(text) == names


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("NE", "North East"),
        ("north east", "North East"),
        ("Yorkshire", "Yorkshire and the Humber"),
        ("yorkshire & the humber", "Yorkshire and the Humber"),
        ("london", "London"),
        ("Atlantis", None),
    ],
)
def test_parse_region(text: str, region: str | None) -> None:
    assert parse_region(text) == region


def test_place_key_ignores_case_spacing_and_ampersands() -> None:
    assert place_key("  Brighton &  Hove ") == place_key("brighton and hove")


@pytest.mark.parametrize(("text", "n"), [("2", 2), ("two please", 2), ("just 1", 1), ("3", 3)])
def test_parse_capacity(text: str, n: int) -> None:
    assert parse_capacity(text) == n


@pytest.mark.parametrize("text", ["0", "4", "lots", ""])
def test_parse_capacity_rejects_outside_one_to_three(text: str) -> None:
    with pytest.raises(ValueError):
        parse_capacity(text)


@pytest.mark.parametrize(
    ("text", "years"), [("about 6 years", 6), ("18 months", 1), ("six", 6), ("12", 12)]
)
def test_parse_years_caring(text: str, years: int) -> None:
    assert parse_years_caring(text) == years


def test_profiles_check_their_numbers() -> None:
    with pytest.raises(ValueError):
        mentor(1, capacity=4)
    with pytest.raises(ValueError):
        mentor(1, capacity=0)
    with pytest.raises(ValueError):
        mentor(1, active=-1)
    assert mentor(1, capacity=3, active=1).room == 2
    assert mentor(1, capacity=2, active=3).room == 0
    assert mentor(1, capacity=3, paused=True).room == 0


def test_mentee_waiting_time_must_be_timezone_aware() -> None:
    from dataclasses import replace

    waiting = mentee(1)
    with pytest.raises(ValueError):
        replace(waiting, waiting_since=waiting.waiting_since.replace(tzinfo=None))
