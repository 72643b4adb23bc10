"""Why two people were paired, kept as data until the moment we say it.

Matching records reasons as a kind plus the shared values ("teenagers", "Leeds").
The words come from templates the organisation edits (config/messages.toml), so the
same reasons can be told to a carer, a mentor or staff, in any wording or language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum


class ReasonKind(Enum):
    """Listed in the order they matter, which is also the order we say them."""

    CARE_KINDS = "care_kinds"
    LOCAL_AUTHORITY = "local_authority"
    REGION = "region"
    AGE_RANGES = "age_ranges"
    LANGUAGES = "languages"
    AVAILABILITY = "availability"
    CONTACT_WAYS = "contact_ways"
    STAFF_CHOICE = "staff_choice"


@dataclass(frozen=True, slots=True)
class Reason:
    """One thing a pair has in common, e.g. kind=CARE_KINDS, values=("teenagers",)."""

    kind: ReasonKind
    values: tuple[str, ...] = ()


REQUIRED_TEMPLATE_KEYS = frozenset(kind.value for kind in ReasonKind)
"""Every template ``describe`` may need; values may also have ``label.<value>`` keys."""


def check_templates(templates: Mapping[str, str]) -> list[str]:
    """Problems with a template table, for a clear error at start-up (empty when fine)."""
    problems = [
        f"missing reason template {key!r}"
        for key in sorted(REQUIRED_TEMPLATE_KEYS)
        if key not in templates
    ]
    for kind in ReasonKind:
        text = templates.get(kind.value)
        if text is not None and kind is not ReasonKind.STAFF_CHOICE and "{values}" not in text:
            problems.append(f"reason template {kind.value!r} does not mention {{values}}")
    return problems


def label(value: str, templates: Mapping[str, str]) -> str:
    """How to say one value: ``label.<value>`` from the templates, else the value itself."""
    return templates.get(f"label.{value}", value.replace("_", " "))


def join_words(words: Iterable[str], templates: Mapping[str, str]) -> str:
    """ "a", "a and b", "a, b and c" (the joining words are templates too)."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    comma = templates.get("list_separator", ", ")
    last = templates.get("list_and", " and ")
    return comma.join(items[:-1]) + last + items[-1]


def describe_one(reason: Reason, templates: Mapping[str, str]) -> str:
    """One reason in plain words; KeyError naming the template if it is missing."""
    try:
        template = templates[reason.kind.value]
    except KeyError:
        raise KeyError(f"no reason template {reason.kind.value!r}") from None
    values = join_words((label(value, templates) for value in reason.values), templates)
    return template.replace("{values}", values)


def describe(
    reasons: Iterable[Reason], templates: Mapping[str, str], *, limit: int | None = None
) -> str:
    """Reasons in plain words, most important first: "you both care for teenagers, ..."."""
    chosen = list(reasons)[:limit]
    separator = templates.get("separator", ", ")
    return separator.join(describe_one(reason, templates) for reason in chosen)
