"""Roles, ordered by what they may do. Each command declares the least role it needs."""

from __future__ import annotations

from enum import IntEnum

from pydantic import model_validator

from config.texts import TextSection


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


class RoleWords(TextSection):
    """How roles read inside a sentence ("a carer", "an admin", "a staff member")."""

    section = "role_words"
    with_article: dict[str, str]

    @model_validator(mode="after")
    def _every_role_named(self) -> RoleWords:
        missing = [role.label for role in ASSIGNABLE if role.label not in self.with_article]
        if missing:
            raise ValueError(f"with_article has no words for: {', '.join(missing)}")
        return self

    def a(self, role: Role | str) -> str:
        """The role with its article, for "You're now {role}"."""
        label = role.label if isinstance(role, Role) else role
        return self.with_article.get(label, label)
