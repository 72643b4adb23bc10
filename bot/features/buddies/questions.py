"""The profile questions, one at a time: which to ask, what buttons to offer, how to read answers.

Pure: no storage and no chat. Typed answers go through the parsers in `profiles`, and
anything not understood comes back as such so the bot can ask again kindly rather
than guess. Answers are kept as plain JSON values (enum values, names, numbers).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from bot.features.buddies.profiles import (
    MAX_CAPACITY,
    UK_REGIONS,
    AgeRange,
    Availability,
    CareKind,
    ContactWay,
    Parsed,
    parse_age_ranges,
    parse_availability,
    parse_capacity,
    parse_care_kinds,
    parse_contact_ways,
    parse_languages,
    parse_region,
    parse_years_caring,
)
from bot.features.buddies.reasons import join_words, label

MENTOR_STEPS = (
    "years_caring",
    "care_kinds",
    "age_ranges",
    "region",
    "local_authority",
    "languages",
    "availability",
    "contact_ways",
    "capacity",
)
MENTEE_STEPS = MENTOR_STEPS[1:-1]

MULTI: dict[str, type[Enum]] = {
    "care_kinds": CareKind,
    "age_ranges": AgeRange,
    "availability": Availability,
    "contact_ways": ContactWay,
}
_MULTI_PARSERS: dict[str, Callable[[str], Parsed[Any]]] = {
    "care_kinds": parse_care_kinds,
    "age_ranges": parse_age_ranges,
    "availability": parse_availability,
    "contact_ways": parse_contact_ways,
}
REGIONS = tuple(UK_REGIONS)
DONE, SKIP = "!done", "!skip"
MAX_TEXT = 100
MAX_YEARS = 70


def steps(role: str) -> tuple[str, ...]:
    return MENTOR_STEPS if role == "mentor" else MENTEE_STEPS


def next_step(role: str, step: str) -> str | None:
    order = steps(role)
    index = order.index(step) + 1
    return order[index] if index < len(order) else None


@dataclass(frozen=True, slots=True)
class Reading:
    """What a typed answer gave: a finished `value`, or words to add and words not understood."""

    value: Any = None
    done: bool = False
    add: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()


def _in_order(kind: type[Enum], values: set[str]) -> list[str]:
    return [member.value for member in kind if member.value in values]


def read(step: str, text: str, picked: tuple[str, ...] = ()) -> Reading:
    """Read a typed answer to `step`; `picked` holds choices already tapped for this step."""
    text = text.strip()
    if step in MULTI:
        parsed = _MULTI_PARSERS[step](text)
        found = {member.value for member in parsed.values}
        if found and not parsed.unknown:
            return Reading(_in_order(MULTI[step], found | set(picked)), done=True)
        return Reading(add=tuple(_in_order(MULTI[step], found)), unknown=parsed.unknown)
    try:
        if step == "years_caring":
            return Reading(min(parse_years_caring(text), MAX_YEARS), done=True)
        if step == "capacity":
            return Reading(parse_capacity(text), done=True)
    except ValueError:
        return Reading()
    if step == "region":
        region = parse_region(text)
        return Reading(region, done=True) if region else Reading()
    if step == "local_authority":
        if text.casefold() in ("skip", "none", "n/a", "-", "rather not say"):
            return Reading("", done=True)
        return Reading(" ".join(text.split())[:MAX_TEXT], done=True) if text else Reading()
    if step == "languages":
        languages = sorted(parse_languages(text))
        return Reading(languages, done=True) if languages else Reading()
    raise ValueError(f"unknown question {step!r}")


def press(step: str, value: str, picked: tuple[str, ...]) -> Reading | tuple[str, ...] | None:
    """A tapped button: a finished Reading, the new selection (multi-choice), or None if stale."""
    if step in MULTI:
        if value == DONE:
            return Reading(list(picked), done=True) if picked else Reading()
        known = {member.value for member in MULTI[step]}
        if value not in known:
            return None
        chosen = set(picked) ^ {value}
        return tuple(_in_order(MULTI[step], chosen))
    if step == "region" and value.isdigit() and int(value) < len(REGIONS):
        return Reading(REGIONS[int(value)], done=True)
    if step == "local_authority" and value == SKIP:
        return Reading("", done=True)
    if step == "languages" and value == "english":
        return Reading(["english"], done=True)
    if step == "capacity" and value.isdigit() and 1 <= int(value) <= MAX_CAPACITY:
        return Reading(int(value), done=True)
    return None


def options(step: str) -> list[tuple[str, str]]:
    """(option key for the label table, button value) for the buttons under a question."""
    if step in MULTI:
        return [(member.value, member.value) for member in MULTI[step]]
    if step == "region":
        return [(name, str(index)) for index, name in enumerate(REGIONS)]
    if step == "capacity":
        return [(str(n), str(n)) for n in range(1, MAX_CAPACITY + 1)]
    return []


def shown(step: str, value: Any, templates: Mapping[str, str], not_given: str) -> str:
    """An answer in words for "here's what I noted"."""
    if step in MULTI:
        return join_words((label(v, templates) for v in value), templates) or not_given
    if step == "languages":
        return join_words((name.title() for name in value), templates) or not_given
    return str(value) if value not in ("", None) else not_given
