"""What mentors and new carers tell us about themselves, and how we read their words.

Profiles are plain frozen values so matching can stay a pure function. The parsers
accept what people type or tap ("kinship, teens", "evenings & weekends", "NE") and
report the words they did not understand, so the bot can ask again instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Generic, TypeVar

MAX_CAPACITY = 3


class CareKind(Enum):
    MAINSTREAM = "mainstream"
    RESPITE = "respite"
    LONG_TERM = "long_term"
    KINSHIP = "kinship"
    SPECIAL_GUARDIANSHIP = "special_guardianship"
    PARENT_AND_CHILD = "parent_and_child"
    DISABILITIES = "disabilities"
    TEENAGERS = "teenagers"
    UNACCOMPANIED = "unaccompanied"


class AgeRange(Enum):
    UNDER_5 = "0-4"
    FROM_5_TO_10 = "5-10"
    FROM_11_TO_15 = "11-15"
    OVER_16 = "16+"


class Availability(Enum):
    WEEKDAY_DAYTIME = "weekday_daytime"
    EVENINGS = "evenings"
    WEEKENDS = "weekends"


class ContactWay(Enum):
    MESSAGES = "messages"
    PHONE = "phone"
    MEET_UP = "meet_up"


@dataclass(frozen=True, slots=True)
class MentorProfile:
    """An experienced carer who has offered to be a buddy."""

    person_id: int
    years_caring: int
    care_kinds: frozenset[CareKind]
    age_ranges: frozenset[AgeRange]
    region: str
    local_authority: str
    languages: frozenset[str]
    availability: frozenset[Availability]
    contact_ways: frozenset[ContactWay]
    capacity: int
    active_buddies: int = 0
    paused: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.capacity <= MAX_CAPACITY:
            raise ValueError(f"capacity must be 1 to {MAX_CAPACITY}, not {self.capacity}")
        if self.active_buddies < 0 or self.years_caring < 0:
            raise ValueError("active_buddies and years_caring cannot be negative")

    @property
    def room(self) -> int:
        """How many more buddies this mentor can take now (0 while paused)."""
        return 0 if self.paused else max(0, self.capacity - self.active_buddies)


@dataclass(frozen=True, slots=True)
class MenteeProfile:
    """A carer waiting for a buddy."""

    person_id: int
    waiting_since: datetime
    care_kinds: frozenset[CareKind]
    age_ranges: frozenset[AgeRange]
    region: str
    local_authority: str
    languages: frozenset[str]
    availability: frozenset[Availability]
    contact_ways: frozenset[ContactWay]

    def __post_init__(self) -> None:
        if self.waiting_since.tzinfo is None:
            raise ValueError("waiting_since must be timezone-aware")


E = TypeVar("E", bound=Enum)


@dataclass(frozen=True, slots=True)
class Parsed(Generic[E]):
    """What we understood from someone's words, and the words we did not."""

    values: frozenset[E]
    unknown: tuple[str, ...] = ()


_TOKEN = re.compile(r"[a-z0-9+]+|&")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


_FILLER = frozenset(
    _tokens(
        "and or & with plus also both i we my our do have has care caring carer carers foster "
        "fostering experience of the a an in for at on to children child kids young people "
        "aged age ages years yrs old"
    )
)


def _phrase_parser(
    table: Mapping[E, str], everything: str = ""
) -> dict[tuple[str, ...], frozenset[E]]:
    """Phrases (as word tuples) to members; aliases are "|"-separated, values always count."""
    phrases: dict[tuple[str, ...], frozenset[E]] = {}
    for member, aliases in table.items():
        for alias in (member.value, *aliases.split("|")):
            key = tuple(_tokens(alias))
            phrases[key] = phrases.get(key, frozenset()) | {member}
    for alias in filter(None, everything.split("|")):
        phrases[tuple(_tokens(alias))] = frozenset(table)
    return phrases


def _parse(text: str, phrases: Mapping[tuple[str, ...], frozenset[E]]) -> Parsed[E]:
    """Longest phrase first at each word; filler words are skipped, others reported."""
    words = _tokens(text)
    longest = max(len(key) for key in phrases)
    found: set[E] = set()
    unknown: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            hit = phrases.get(tuple(words[i : i + size]))
            if hit is not None:
                found |= hit
                i += size
                break
        else:
            if words[i] not in _FILLER:
                unknown.append(words[i])
            i += 1
    return Parsed(frozenset(found), tuple(unknown))


_CARE_KINDS = _phrase_parser(
    {
        CareKind.MAINSTREAM: "general|standard|short term|emergency",
        CareKind.RESPITE: "short breaks|short break|respite care",
        CareKind.LONG_TERM: "long term|longterm|permanent|permanence",
        CareKind.KINSHIP: "connected person|connected persons|family and friends"
        "|friends and family|grandparent|grandparents",
        CareKind.SPECIAL_GUARDIANSHIP: "special guardianship|special guardian|sgo",
        CareKind.PARENT_AND_CHILD: "parent and child|p&c|mother and baby|mum and baby",
        CareKind.DISABILITIES: "disability|disabled|complex needs|disabilities and complex needs"
        "|additional needs|send",
        CareKind.TEENAGERS: "teenager|teens|teen|adolescents",
        CareKind.UNACCOMPANIED: "unaccompanied children|uasc|asylum seeking|asylum seekers"
        "|refugees",
    }
)

_AGE_RANGES = _phrase_parser(
    {
        AgeRange.UNDER_5: "0 to 4|under 5|under 5s|under fives|babies|baby|toddlers|toddler"
        "|pre school|preschool|early years",
        AgeRange.FROM_5_TO_10: "5 to 10|primary|primary school",
        AgeRange.FROM_11_TO_15: "11 to 15|secondary|secondary school",
        AgeRange.OVER_16: "16 plus|16 and over|over 16|over 16s|16 18|16 to 18|older teens"
        "|care leavers|young adults",
    },
    everything="all ages|any age|any",
)
for _word in ("teenagers", "teenager", "teens", "teen"):  # spans two ranges
    _AGE_RANGES[(_word,)] = frozenset({AgeRange.FROM_11_TO_15, AgeRange.OVER_16})

_AVAILABILITY = _phrase_parser(
    {
        Availability.WEEKDAY_DAYTIME: "weekday daytime|weekdays|weekday|daytime|daytimes|days"
        "|during the day|school hours|mornings|afternoons",
        Availability.EVENINGS: "evening|nights|after work|after bedtime",
        Availability.WEEKENDS: "weekend|saturdays|sundays|saturday|sunday",
    },
    everything="any time|anytime|any|flexible|whenever",
)

_CONTACT_WAYS = _phrase_parser(
    {
        ContactWay.MESSAGES: "message|messaging|text|texts|texting|chat|whatsapp|dm|dms|email",
        ContactWay.PHONE: "phone calls|calls|call|calling|telephone|video|video calls|ring",
        ContactWay.MEET_UP: "meeting up|meet|meeting|in person|face to face|coffee",
    },
    everything="any|anything|all",
)


def parse_care_kinds(text: str) -> Parsed[CareKind]:
    """Kinds of care from free words or tapped values, e.g. "kinship, teens"."""
    return _parse(text, _CARE_KINDS)


def parse_age_ranges(text: str) -> Parsed[AgeRange]:
    """Children's age ranges, e.g. "0-4 and 11-15", "toddlers", "teenagers"."""
    return _parse(text, _AGE_RANGES)


def parse_availability(text: str) -> Parsed[Availability]:
    """When someone is free, e.g. "evenings & weekends"."""
    return _parse(text, _AVAILABILITY)


def parse_contact_ways(text: str) -> Parsed[ContactWay]:
    """How someone likes to keep in touch, e.g. "WhatsApp or a phone call"."""
    return _parse(text, _CONTACT_WAYS)


_LANGUAGE_ALIASES = {
    "bsl": "british sign language",
    "sign language": "british sign language",
    "cymraeg": "welsh",
    "gaelic": "scottish gaelic",
    "gàidhlig": "scottish gaelic",
}
_LIST_SPLIT = re.compile(r"\s*(?:,|;|/|&|\+|\band\b|\bor\b|\n)\s*", re.IGNORECASE)


def parse_languages(text: str) -> frozenset[str]:
    """Language names, lower-cased and with common short forms spelled out ("BSL")."""
    names = (" ".join(part.casefold().split()) for part in _LIST_SPLIT.split(text))
    return frozenset(_LANGUAGE_ALIASES.get(name, name) for name in names if name)


UK_REGIONS: dict[str, tuple[str, ...]] = {
    "North East": ("ne", "north east england"),
    "North West": ("nw", "north west england"),
    "Yorkshire and the Humber": ("yorkshire", "yorks", "humber", "yorkshire & humber"),
    "East Midlands": ("em",),
    "West Midlands": ("wm",),
    "East of England": ("east", "east anglia", "eastern"),
    "London": ("greater london",),
    "South East": ("se", "south east england"),
    "South West": ("sw", "south west england"),
    "Wales": ("cymru",),
    "Scotland": (),
    "Northern Ireland": ("ni",),
}


def place_key(text: str) -> str:
    """How we compare regions, councils and languages: case and spacing do not matter."""
    return " ".join(re.sub(r"[^\w&]+", " ", text.casefold()).split()).replace("&", "and")


_REGION_KEYS = {
    place_key(alias): name for name, aliases in UK_REGIONS.items() for alias in (name, *aliases)
}


def parse_region(text: str) -> str | None:
    """The UK region someone means ("NE", "yorkshire"), or None if we cannot tell."""
    return _REGION_KEYS.get(place_key(text))


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBER = re.compile(r"\d+|" + "|".join(rf"\b{word}\b" for word in _NUMBER_WORDS))


def _first_number(text: str) -> int | None:
    found = _NUMBER.search(text.casefold())
    if found is None:
        return None
    word = found.group()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def parse_capacity(text: str) -> int:
    """How many buddies a mentor can take ("2", "two"); ValueError outside 1 to 3."""
    number = _first_number(text)
    if number is None or not 1 <= number <= MAX_CAPACITY:
        raise ValueError(f"expected a number from 1 to {MAX_CAPACITY}")
    return number


def parse_years_caring(text: str) -> int:
    """Whole years of caring ("about 6 years", "18 months" -> 1); ValueError if no number."""
    number = _first_number(text)
    if number is None:
        raise ValueError("expected a number of years")
    return number // 12 if "month" in text.casefold() else number
