"""Tables for the FAQ: questions carers chose to pass to a person, and per-group choices.

The only words kept are a question its asker agreed to hand over, and only until the
ticket's retention period ends (`[faq] ticket_days`); then the ticket keeps just its
number, organisation, dates and carebot's best-guess topic, for anonymous counts.
Helpful/unhelpful marks and "not sure" counts go to the core `daily_counts` table.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class FaqTicket(Base):
    """A question handed to staff; `/answer N` closes it. N is the id."""

    __tablename__ = "faq_tickets"
    __table_args__ = (Index("ix_faq_tickets_org_created", "org_id", "created_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    # Who asked, so the answer can reach them; cleared with the question text.
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    platform: Mapped[str] = mapped_column(String(32))
    question: Mapped[str | None] = mapped_column(Text)
    topic: Mapped[str | None] = mapped_column(String(100))
    # The random token on the carer's "pass it on" button, so a second tap finds this ticket.
    offer_token: Mapped[str | None] = mapped_column(String(32), unique=True)
    created_at: Mapped[datetime]
    answered_at: Mapped[datetime | None]
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))


class FaqGroupSetting(Base):
    """A group's FAQ choices: `suggestions` is None until staff choose (the default applies)."""

    __tablename__ = "faq_group_settings"
    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True
    )
    suggestions: Mapped[bool | None]
    changed_at: Mapped[datetime]
    last_suggested_at: Mapped[datetime | None]


class FaqVote(Base):
    """One person's "Was this helpful?" choice on one answer, so a second tap is not a second vote.

    ``key`` is a one-way hash of the organisation, the voter and the answer's own token;
    no person id or question is kept. The row only holds which way the vote went and on
    which day it was counted, so a changed mind moves the count instead of adding to it.
    Rows are dropped after ``VOTE_DAYS`` by the nightly FAQ job.
    """

    __tablename__ = "faq_votes"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    topic: Mapped[str] = mapped_column(String(100))
    day: Mapped[str] = mapped_column(String(10))  # the local day the vote was counted on
    helpful: Mapped[bool]
    voted_at: Mapped[datetime] = mapped_column(index=True)
