"""Roles, ordered by what they may do. Each command declares the least role it needs."""

from __future__ import annotations

from enum import IntEnum


class Role(IntEnum):
    GUEST = 0  # not yet joined: may only join, link, get help and see the privacy notice
    CARER = 1
    MENTOR = 2
    FACILITATOR = 3
    STAFF = 4
    ADMIN = 5

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, word: str) -> Role | None:
        """A role from a word people type ("Staff", "facilitators"), or None."""
        cleaned = word.strip().lower().rstrip("s")
        for role in cls:
            if role.label == cleaned and role is not Role.GUEST:
                return role
        return None


ASSIGNABLE = tuple(role for role in Role if role is not Role.GUEST)
