"""The console chat's little language: `:as`, `:in`, `:dm`, `:press`, `:wait`, or a message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from bot.roles import Role

GROUP_PURPOSES = ("support_group", "coffee_morning", "constellation", "regional_network", "staff")


class DirectiveError(ValueError):
    """A console line we could not understand; the message says how to fix it."""


@dataclass(frozen=True, slots=True)
class BecomePerson:
    name: str
    role: Role | None


@dataclass(frozen=True, slots=True)
class EnterGroup:
    name: str
    purpose: str | None


@dataclass(frozen=True, slots=True)
class EnterDm:
    pass


@dataclass(frozen=True, slots=True)
class Press:
    choice: str


@dataclass(frozen=True, slots=True)
class Wait:
    duration: timedelta


@dataclass(frozen=True, slots=True)
class Say:
    text: str


Directive = BecomePerson | EnterGroup | EnterDm | Press | Wait | Say

_DURATION_PART = re.compile(r"(\d{1,6})\s*([smhdw])")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_duration(text: str) -> timedelta:
    """`90m`, `2h`, `3d`, `1h30m`, `1w` into a timedelta."""
    cleaned = text.strip().lower().replace(" ", "")
    if not cleaned or _DURATION_PART.sub("", cleaned):
        raise DirectiveError(f"I can't read {text!r} as a duration. Try 90m, 2h, 3d or 1h30m.")
    total = timedelta()
    for amount, unit in _DURATION_PART.findall(cleaned):
        total += timedelta(**{_UNITS[unit]: int(amount)})
    if total > timedelta(days=3660):
        raise DirectiveError("That's more than ten years. Please wait a little less.")
    return total


def _purpose(word: str) -> str:
    cleaned = word.strip().lower().replace(" ", "_").replace("-", "_")
    if cleaned not in GROUP_PURPOSES:
        choices = ", ".join(GROUP_PURPOSES)
        raise DirectiveError(f"Unknown purpose {word!r}. Use one of: {choices}.")
    return cleaned


def parse_line(line: str) -> Directive | None:
    """One console line; None for blank lines and `#` comments."""
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return None
    if not stripped.startswith(":"):
        return Say(stripped)
    word, _, rest = stripped[1:].partition(" ")
    rest = rest.strip()
    match word.lower():
        case "as":
            return _become(rest)
        case "in":
            if not rest:
                raise DirectiveError("Say which group, e.g. :in Tuesday support_group")
            name, _, purpose = rest.partition(" ")
            return EnterGroup(name, _purpose(purpose) if purpose.strip() else None)
        case "dm":
            return EnterDm()
        case "press":
            if not rest:
                raise DirectiveError("Say which button, e.g. :press 1 or :press I agree")
            return Press(rest)
        case "wait":
            return Wait(parse_duration(rest))
        case _:
            raise DirectiveError(
                f"Unknown console command :{word}. Try :as, :in, :dm, :press or :wait."
            )


def _become(rest: str) -> BecomePerson:
    parts = rest.split()
    if not parts:
        raise DirectiveError("Say who, e.g. :as Sam staff")
    role = Role.parse(parts[-1]) if len(parts) > 1 else None
    name_parts = parts[:-1] if role is not None else parts
    return BecomePerson(" ".join(name_parts), role)
