"""Tables for staff notices: the notice, the outbox items that carry it, and who read it.

What is kept, and why: the notice as staff confirmed it (so `/notice list` and `/notice
status` can show it), which outbox items carry it (so its delivery report can be read
from the outbox itself), and who pressed "I've read this" (staff asked to know). The
delivery bookkeeping goes when the outbox is purged; a person's acknowledgements go
when they use /forgetme.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class Notice(Base):
    """One notice; its id is the number staff type (`/notice status 3`)."""

    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    # {"kind": "groups", "regions": [ids], "purposes": [...]} or {"kind": "people", "roles": [...]}
    audience: Mapped[dict[str, Any]]
    audience_words: Mapped[str] = mapped_column(String(300))
    ask_ack: Mapped[bool] = mapped_column(default=False)
    # Kinds of identifying detail the scanner found, which staff chose to send anyway.
    flagged: Mapped[list[Any]]
    status: Mapped[str] = mapped_column(String(16))  # scheduled, sent, cancelled, nobody
    send_at: Mapped[datetime]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    groups_count: Mapped[int] = mapped_column(Integer, default=0)
    people_count: Mapped[int] = mapped_column(Integer, default=0)
    # The preview it was confirmed from: a second press of "Send" finds it and stops.
    draft_key: Mapped[str] = mapped_column(String(64), unique=True)


class NoticeItem(Base):
    """An outbox item carrying a notice (one per way of asking: buttons, or a typed reply)."""

    __tablename__ = "notice_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("outbox_items.id", ondelete="CASCADE"), unique=True
    )


class NoticeAck(Base):
    """Someone said they have read a notice."""

    __tablename__ = "notice_acks"
    __table_args__ = (UniqueConstraint("notice_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
