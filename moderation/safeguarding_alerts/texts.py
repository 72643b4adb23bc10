"""The words of safeguarding alerts, acknowledgements and the rota.

They live in config/messages/safeguarding.toml. The urgent routes a person is sent live in
config/safeguarding.yaml; these are the words around them, and what the leads see.
"""

from __future__ import annotations

from pydantic import model_validator

from config.texts import TextSection
from moderation.safeguarding import CATEGORIES


class SafeguardingTexts(TextSection):
    section = "safeguarding"
    nobody_told_footer: str
    routes_unavailable: str
    alert: str
    alert_escalated: str
    next_step_group: str
    next_step_private: str
    someone: str
    private_chat: str
    group_place: str
    ack_button: str
    ack_thanks: str
    ack_thanks_alone: str
    ack_others: str
    already_taken: str
    already_yours: str
    ack_gone: str
    ack_not_for_you: str
    and_word: str
    rota_header: str
    rota_line: str
    rota_empty: str
    rota_usage: str
    rota_added: str
    rota_removed: str
    rota_already: str
    rota_not_on: str
    rota_not_staff: str
    rota_nobody: str
    rota_several: str
    rota_no_org: str
    concerns: dict[str, str]

    @model_validator(mode="after")
    def _every_concern_worded(self) -> SafeguardingTexts:
        missing = [c for c in CATEGORIES if c not in self.concerns]
        if missing:
            raise ValueError(f"concerns has no words for: {', '.join(missing)}")
        return self

    def place(self, group_title: str) -> str:
        """Where a concern was raised, as a lead reads it."""
        return self.group_place.format(group=group_title) if group_title else self.private_chat

    def names(self, names: list[str]) -> str:
        if len(names) <= 1:
            return "".join(names)
        return f"{', '.join(names[:-1])} {self.and_word} {names[-1]}"
