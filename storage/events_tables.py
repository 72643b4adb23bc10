"""Tables for group events, reminders, RSVPs and facilitated sessions.

What is kept, and why: an event's own details (what the facilitator confirmed), a short-lived
draft while they confirm it, who answered Going / Maybe / Can't make it for which date (until
that date has passed), and for sessions only attendance, the check-in spread (counts, never who
said what) and the action points. Who has answered a check-in or asked for a turn is kept only
while the session runs, so nobody can answer twice; it is removed when the session closes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models import Base


class GroupEvent(Base):
    """One event or series in a group; `number` is what facilitators type (`/event edit 2`)."""

    __tablename__ = "group_events"
    __table_args__ = (UniqueConstraint("group_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]  # the first meeting
    last_start: Mapped[datetime | None]  # the last meeting; None while it repeats for ever
    zone: Mapped[str] = mapped_column(String(64))
    duration_minutes: Mapped[int] = mapped_column(Integer)
    recurrence: Mapped[dict[str, Any] | None]
    place: Mapped[str | None] = mapped_column(String(300))
    link: Mapped[str | None] = mapped_column(String(500))
    online: Mapped[bool] = mapped_column(default=False)
    practicalities: Mapped[str | None] = mapped_column(String(500))
    skipped: Mapped[list[Any]]  # local dates (ISO) with no meeting
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    cancelled_at: Mapped[datetime | None]
    sequence: Mapped[int] = mapped_column(Integer, default=0)  # bumped on each change (.ics)
    # Bumped whenever the reminder plan is redone, so an old timer can never fire.
    generation: Mapped[int] = mapped_column(Integer, default=0)
    reminder_key: Mapped[str | None] = mapped_column(String(200))


class EventDraft(Base):
    """What `/event` understood, held until the facilitator presses Save or it lapses."""

    __tablename__ = "event_drafts"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("group_events.id", ondelete="CASCADE"))
    data: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(String(16), default="pending")  # saved, dropped
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class EventRsvp(Base):
    """One person's answer for one date of an event (a date, so a new time keeps answers)."""

    __tablename__ = "event_rsvps"
    __table_args__ = (
        UniqueConstraint("event_id", "day", "person_id"),
        Index("ix_event_rsvps_person", "person_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("group_events.id", ondelete="CASCADE"))
    day: Mapped[date]
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    answer: Mapped[str] = mapped_column(String(8))  # going, maybe, no
    answered_at: Mapped[datetime]


class EventGroupSettings(Base):
    """A group's own reminder offsets and quiet hours (absent: the defaults in settings)."""

    __tablename__ = "event_group_settings"
    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True
    )
    offsets: Mapped[list[Any]]
    quiet_hours: Mapped[str] = mapped_column(String(16), default="")  # "" means none
    updated_at: Mapped[datetime]


class GroupSession(Base):
    """One facilitated session: when it ran. Never what was said."""

    __tablename__ = "group_sessions"
    __table_args__ = (Index("ix_group_sessions_group", "group_id", "started_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    checkin_closed_at: Mapped[datetime | None]  # the closing check-in stops taking answers


class SessionCheckin(Base):
    """How many people chose each point of the check-in scale: counts only."""

    __tablename__ = "session_checkins"
    __table_args__ = (UniqueConstraint("session_id", "phase", "score"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("group_sessions.id", ondelete="CASCADE"))
    phase: Mapped[str] = mapped_column(String(8))  # start, end
    score: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer, default=0)


class SessionCheckinVoter(Base):
    """That someone answered a check-in (not what): kept only until the session closes."""

    __tablename__ = "session_checkin_voters"
    __table_args__ = (UniqueConstraint("session_id", "phase", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("group_sessions.id", ondelete="CASCADE"))
    phase: Mapped[str] = mapped_column(String(8))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))


class SessionTurn(Base):
    """Someone who would like a turn to speak: kept only until the session closes."""

    __tablename__ = "session_turns"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("group_sessions.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    asked_at: Mapped[datetime]


class SessionAction(Base):
    """An action point the facilitator recorded with `/action`."""

    __tablename__ = "session_actions"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("group_sessions.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(String(500))
    added_at: Mapped[datetime]


class SessionAttendance(Base):
    """Who came to a session (`/here`, or recorded by the facilitator afterwards)."""

    __tablename__ = "session_attendance"
    __table_args__ = (
        UniqueConstraint("session_id", "person_id"),
        Index("ix_session_attendance_person", "person_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("group_sessions.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    how: Mapped[str] = mapped_column(String(8))  # here, added
    recorded_at: Mapped[datetime]
