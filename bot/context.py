"""What a feature handler gets: who is speaking, where, and ways to answer.

Answers are collected, not sent: the engine sends them only after the unit of
work has been saved, so a failure never leaves a half-done conversation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.capabilities import Capabilities
from bot.events import (
    Action,
    Attachment,
    Button,
    ChatKind,
    ChatRef,
    DeleteMessage,
    Event,
    Message,
    Outgoing,
    UserRef,
    event_sender,
)
from bot.roles import Role
from config.texts import TextSection
from storage.models import Account, Group, Person

if TYPE_CHECKING:
    from bot.services import Services

S = TypeVar("S", bound=TextSection)


@dataclass(slots=True)
class Identity:
    """Who the sender is to carebot; everything None/GUEST for someone not yet joined."""

    account: Account | None = None
    person: Person | None = None
    org_id: int | None = None
    role: Role = Role.GUEST
    group: Group | None = None


def dm_chat(user: UserRef) -> ChatRef:
    """The private chat with a user: by convention its id is the user's id."""
    return ChatRef(platform=user.platform, id=user.id, kind=ChatKind.DM)


@dataclass(slots=True)
class Context:
    event: Event
    services: Services
    db: AsyncSession
    identity: Identity
    actions: list[Action] = field(default_factory=list)

    @property
    def chat(self) -> ChatRef:
        return self.event.chat

    @property
    def sender(self) -> UserRef:
        return event_sender(self.event)

    @property
    def person(self) -> Person | None:
        return self.identity.person

    @property
    def role(self) -> Role:
        return self.identity.role

    @property
    def org_id(self) -> int | None:
        return self.identity.org_id

    @property
    def group(self) -> Group | None:
        return self.identity.group

    @property
    def in_dm(self) -> bool:
        return self.chat.kind is ChatKind.DM

    @property
    def capabilities(self) -> Capabilities:
        return self.services.capabilities_for(self.chat.platform, self.chat)

    def now(self) -> datetime:
        return self.services.clock.now()

    def texts(self, model: type[S]) -> S:
        return self.services.texts.get(model)

    def send(self, chat: ChatRef, text: str, buttons: Sequence[Button] = ()) -> None:
        self.actions.append(Outgoing(chat=chat, text=text, buttons=tuple(buttons)))

    def reply(
        self,
        text: str,
        buttons: Sequence[Button] = (),
        *,
        quote: bool = False,
        attachment: Attachment | None = None,
    ) -> None:
        """Answer where the event happened (same thread); `text` is the file's caption."""
        reply_to = None
        if quote and isinstance(self.event, Message):
            reply_to = self.event.message_id
        self.actions.append(
            Outgoing(
                chat=self.chat,
                text=text,
                buttons=tuple(buttons),
                reply_to=reply_to,
                attachment=attachment,
            )
        )

    def dm(
        self,
        text: str,
        buttons: Sequence[Button] = (),
        *,
        to: UserRef | None = None,
        fallback_to_here: bool = False,
        attachment: Attachment | None = None,
    ) -> None:
        """Answer privately (to the sender unless told otherwise).

        With `fallback_to_here`, in a group: if the platform refuses the private
        message, a neutral line with a link to the private chat goes to this group.
        """
        fallback = self.chat if fallback_to_here and not self.in_dm else None
        self.actions.append(
            Outgoing(
                chat=dm_chat(to or self.sender),
                text=text,
                buttons=tuple(buttons),
                fallback=fallback,
                attachment=attachment,
            )
        )

    def delete(self, message_id: str) -> None:
        self.actions.append(DeleteMessage(chat=self.chat, message_id=message_id))
