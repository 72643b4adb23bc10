"""The words of confidentiality nudges and photo reminders.

They live in config/messages/confidentiality_nudges.toml, with the placeholders for redacted
details, so an organisation can change "[child's name]" to its own style without touching code.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import model_validator

from config.texts import TextSection
from moderation.confidentiality import CATEGORIES


class NudgeTexts(TextSection):
    section = "confidentiality_nudges"
    opener_full: str
    why: str
    opener_short: str
    opener_brief: str
    held: str
    held_brief: str
    suggest_full: str
    suggest_short: str
    suggest_brief: str
    too_long: str
    post_button: str
    shared_for: str
    posted: str
    expired: str
    already_posted: str
    not_yours: str
    group_gone: str
    and_word: str
    category_names: dict[str, str]
    placeholders: dict[str, str]

    @model_validator(mode="after")
    def _every_category_worded(self) -> NudgeTexts:
        for field in ("category_names", "placeholders"):
            missing = [c for c in CATEGORIES if c not in getattr(self, field)]
            if missing:
                raise ValueError(f"{field} has no words for: {', '.join(missing)}")
        return self

    def details(self, categories: Sequence[str]) -> str:
        """Categories in plain words: "a child's name, a school and a phone number"."""
        words = [self.category_names.get(c, c) for c in categories]
        if len(words) <= 1:
            return "".join(words)
        return f"{', '.join(words[:-1])} {self.and_word} {words[-1]}"


class PhotoTexts(TextSection):
    section = "photo_reminders"
    reminder: str
