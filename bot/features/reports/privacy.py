"""Small groups are counted only in the totals.

A group is shown on its own (a row, a bar with its name) only if at least MIN_PEOPLE
different people came to its sessions in the period. Below that, figures about one group
could point at one person, so its sessions and attendance are added to the totals and
the report says how many groups were left unnamed, never which.

If only one group were left unnamed, the totals minus the named groups would give its
figures anyway, so the smallest named group is then left unnamed with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.features.reports.sessions import GroupFigures

MIN_PEOPLE = 5


@dataclass(frozen=True, slots=True)
class SplitGroups:
    shown: tuple[GroupFigures, ...]
    """Groups big enough to name, with a label each that is unique in the report."""
    labels: tuple[str, ...]
    hidden: int
    """How many smaller groups are in the totals only."""


def split_groups(groups: Sequence[GroupFigures], unnamed: str) -> SplitGroups:
    """Keep groups of MIN_PEOPLE or more; `unnamed` ("Group {number}") labels untitled chats."""
    shown = [g for g in groups if g.people >= MIN_PEOPLE]
    if len(groups) - len(shown) == 1 and shown:
        shown.remove(min(shown, key=lambda g: g.people))
    return SplitGroups(tuple(shown), _labels(shown, unnamed), len(groups) - len(shown))


def _labels(groups: Sequence[GroupFigures], unnamed: str) -> tuple[str, ...]:
    """Each group's title, numbered when two share one, so rows never merge."""
    labels: list[str] = []
    seen: dict[str, int] = {}
    for index, group in enumerate(groups, start=1):
        base = " ".join(group.title.split()) or unnamed.format(number=index)
        seen[base.casefold()] = seen.get(base.casefold(), 0) + 1
        n = seen[base.casefold()]
        labels.append(base if n == 1 else f"{base} ({n})")
    return tuple(labels)
