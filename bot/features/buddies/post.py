"""Saying things to people by id, the same way from a chat handler and from a timed job.

A handler's messages go out with its answers once its unit of work commits; a job's go
through the durable outbox in its own unit of work. Features written against `Post`
do not care which.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import Context
from bot.events import Button, ChatKind, ChatRef
from bot.people.contacts import private_chat
from bot.router import JobContext
from bot.services import Services
from storage.models import Account

Send = Callable[[ChatRef, str, Sequence[Button]], Awaitable[None]]

OUTBOX_KIND = "buddies"


@dataclass(slots=True)
class Post:
    db: AsyncSession
    services: Services
    _send: Send
    prefer_platform: str | None = None
    _chats: dict[int, ChatRef | None] = field(default_factory=dict)

    async def prefetch(self, people: Iterable[int]) -> None:
        """Look up many people's private chats in one query (for a run telling hundreds)."""
        wanted = {p for p in people if p not in self._chats}
        if not wanted:
            return
        rows = await self.db.execute(
            select(Account.person_id, Account.platform, Account.external_id)
            .where(Account.person_id.in_(wanted))
            .order_by(Account.id)
        )
        self._chats.update(dict.fromkeys(wanted))
        for person_id, platform, external_id in rows.all():
            current = self._chats[person_id]
            if current is None or (
                platform == self.prefer_platform and current.platform != platform
            ):
                self._chats[person_id] = ChatRef(platform, external_id, ChatKind.DM)

    async def to(self, person_id: int | None, text: str, buttons: Sequence[Button] = ()) -> bool:
        """Message someone privately; False if they have no account left to reach."""
        if person_id is None:
            return False
        if person_id in self._chats:
            chat = self._chats[person_id]
        else:
            chat = await private_chat(self.db, person_id, prefer_platform=self.prefer_platform)
        if chat is None:
            return False
        await self._send(chat, text, buttons)
        return True


def from_context(ctx: Context) -> Post:
    async def send(chat: ChatRef, text: str, buttons: Sequence[Button]) -> None:
        ctx.send(chat, text, buttons)

    return Post(ctx.db, ctx.services, send, prefer_platform=ctx.chat.platform)


def from_services(db: AsyncSession, services: Services) -> Post:
    async def send(chat: ChatRef, text: str, buttons: Sequence[Button]) -> None:
        assert services.outbox is not None, "the outbox is wired in build_app"
        await services.outbox.enqueue(
            db, kind=OUTBOX_KIND, text=text, chats=[chat], buttons=buttons
        )

    return Post(db, services, send)


def from_job(job: JobContext) -> Post:
    return from_services(job.db, job.services)
