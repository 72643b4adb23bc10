"""Tables for the buddy programme: profiles, pairings (from proposal to ending), rather-nots.

A pairing row lives through the whole story of two people: proposed by matching,
checked by staff, offered to both, introduced, followed up, ended. Its `status` only
moves forward through guarded UPDATEs, so two staff pressing "Send" at once, or a
button pressed twice, changes it once. When someone erases their data their side of
each pairing is set to NULL: the row stays as an anonymous count for reports.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class BuddyProfile(Base):
    """What a mentor or a carer asking for a buddy told carebot (one per role per org)."""

    __tablename__ = "buddy_profiles"
    __table_args__ = (
        UniqueConstraint("org_id", "person_id", "role"),
        Index("ix_buddy_profiles_pool", "org_id", "role", "status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(8))  # mentor | mentee
    # mentor: active | paused;  mentee: waiting | paired | paused | done
    status: Mapped[str] = mapped_column(String(12))
    years_caring: Mapped[int] = mapped_column(Integer, default=0)
    care_kinds: Mapped[list[Any]]
    age_ranges: Mapped[list[Any]]
    region: Mapped[str] = mapped_column(String(100), default="")
    local_authority: Mapped[str] = mapped_column(String(100), default="")
    languages: Mapped[list[Any]]
    availability: Mapped[list[Any]]
    contact_ways: Mapped[list[Any]]
    capacity: Mapped[int] = mapped_column(Integer, default=1)
    asked_at: Mapped[datetime]
    """When a carer asked for a buddy (for "time from asking to introduction")."""
    waiting_since: Mapped[datetime]
    """Their place in the queue; longer-waiting carers win ties."""
    priority: Mapped[bool] = mapped_column(default=False)
    """Rematch first: their buddy left mid-pairing."""
    gap_told: Mapped[str | None] = mapped_column(String(200))
    """The "no good match yet" we last told them, so they hear it once per change."""
    updated_at: Mapped[datetime]


class BuddyPairing(Base):
    """One mentor and one carer, from proposal to ending."""

    __tablename__ = "buddy_pairings"
    __table_args__ = (Index("ix_buddy_pairings_org_status", "org_id", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    mentor_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    mentee_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    # proposed | held | offered | active | declined | expired | cancelled | ended
    status: Mapped[str] = mapped_column(String(12))
    score: Mapped[int] = mapped_column(Integer, default=0)
    reasons: Mapped[list[Any]]
    staff_choice: Mapped[bool] = mapped_column(default=False)
    asked_at: Mapped[datetime]
    proposed_at: Mapped[datetime]
    offered_at: Mapped[datetime | None]
    introduced_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None] = mapped_column(String(24))
    mentor_answer: Mapped[str | None] = mapped_column(String(3))
    mentee_answer: Mapped[str | None] = mapped_column(String(3))
    checkin_round: Mapped[int] = mapped_column(Integer, default=0)
    mentor_answered: Mapped[int] = mapped_column(Integer, default=0)
    mentee_answered: Mapped[int] = mapped_column(Integer, default=0)
    mentee_missed: Mapped[int] = mapped_column(Integer, default=0)
    last_contact_at: Mapped[datetime | None]
    mentor_rating: Mapped[int | None] = mapped_column(Integer)
    mentee_rating: Mapped[int | None] = mapped_column(Integer)
    mentor_carry_on: Mapped[bool | None]
    mentee_carry_on: Mapped[bool | None]


class BuddyRatherNot(Base):
    """Someone a person would rather not be paired with. Only that person ever sees it."""

    __tablename__ = "buddy_rather_not"
    __table_args__ = (UniqueConstraint("person_id", "other_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime]
