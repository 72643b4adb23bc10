"""Tables for confidentiality nudges and safeguarding alerts.

None of them holds the text of a group message. The only words kept are a redacted
suggestion (for at most an hour, so its "post it for me" button works) and the
names needed to tell a safeguarding lead who needs them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class ModerationNote(Base):
    """That carebot had a private word with someone, for "at most once" rules.

    `key` is unique: one nudge per message (and its edits), one photo reminder per
    person per day. `user_key` lets repeat nudges get shorter and /forgetme erase them.
    Purged after a week.
    """

    __tablename__ = "moderation_notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(100), unique=True)
    user_key: Mapped[str] = mapped_column(String(200), index=True)
    at: Mapped[datetime] = mapped_column(index=True)


class NudgeSuggestion(Base):
    """A redacted version of a message its author may post with one tap; kept an hour."""

    __tablename__ = "nudge_suggestions"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_key: Mapped[str] = mapped_column(String(200), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    thread_id: Mapped[str | None] = mapped_column(String(128))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    posted_at: Mapped[datetime | None]


class SafeguardingRotaEntry(Base):
    """One designated safeguarding lead, in the order they are alerted."""

    __tablename__ = "safeguarding_rota"
    __table_args__ = (UniqueConstraint("org_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime]


class SafeguardingAlert(Base):
    """A concern passed to the safeguarding lead: who, where, what kind; never the words."""

    __tablename__ = "safeguarding_alerts"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    # A hash of the chat and message id: one alert per message, edits included.
    source: Mapped[str] = mapped_column(String(64), unique=True)
    category: Mapped[str] = mapped_column(String(32))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    author_name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(200))  # the group's title; "" for a private chat
    platform: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    everyone_told: Mapped[bool] = mapped_column(default=False)


class SafeguardingNotice(Base):
    """Who has been alerted about one concern (so escalation moves on, and all hear who took it)."""

    __tablename__ = "safeguarding_notices"
    __table_args__ = (UniqueConstraint("alert_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(
        ForeignKey("safeguarding_alerts.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    sent_at: Mapped[datetime]
