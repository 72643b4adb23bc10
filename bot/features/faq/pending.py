"""Questions waiting for the carer's "yes, pass it on", held in memory only.

Until the carer agrees, their question is not written anywhere: it waits here for
at most `HOLD`, keyed by a random token on the buttons, and "no" forgets it at once.
A restart forgets it too, and the carer is kindly asked to send it again. Nothing
here is logged.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta

HOLD = timedelta(hours=2)
MAX_HELD = 5_000  # far more than ever wait at once; the oldest go first


@dataclass(frozen=True, slots=True)
class PendingQuestion:
    user_key: str
    question: str
    org_id: int
    topic: str | None
    expires_at: datetime


class PendingQuestions:
    def __init__(self) -> None:
        self._held: OrderedDict[str, PendingQuestion] = OrderedDict()

    def hold(
        self, *, user_key: str, question: str, org_id: int, topic: str | None, now: datetime
    ) -> str:
        """Keep the question until the carer chooses; the token for its buttons."""
        self._drop_expired(now)
        token = secrets.token_urlsafe(9)
        self._held[token] = PendingQuestion(user_key, question, org_id, topic, now + HOLD)
        while len(self._held) > MAX_HELD:
            self._held.popitem(last=False)
        return token

    def get(self, token: str, user_key: str, now: datetime) -> PendingQuestion | None:
        """This person's question for the token, or None if gone, lapsed or not theirs.

        It stays held (until it lapses) even once passed on, so a retried unit of work
        finds it again; the ticket, not this, says whether it was passed.
        """
        found = self._held.get(token)
        if found is None or found.user_key != user_key or found.expires_at <= now:
            return None
        return found

    def drop(self, token: str, user_key: str) -> None:
        """The carer said no: forget the question now."""
        found = self._held.get(token)
        if found is not None and found.user_key == user_key:
            del self._held[token]

    def _drop_expired(self, now: datetime) -> None:
        while self._held:
            token, oldest = next(iter(self._held.items()))
            if oldest.expires_at > now:
                return
            del self._held[token]


WAITING = PendingQuestions()
