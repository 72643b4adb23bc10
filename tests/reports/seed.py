"""A seeded organisation with a quarter of activity, every figure counted by hand below.

The period is 1 January to 31 March 2026 (Europe/London; summer time starts 29 March).
People have distinctive names so a test can prove none of them reaches a report.

Sessions in the period (A..J are carers; a session before the period makes A and B
regulars, not first-timers):

    Tuesday Circle  6 Jan: A B C D   13 Jan: A C D E F   3 Feb: A B C D E F
    Riverside       7 Jan: G H A     31 Mar 21:00 BST: G
    Tiny Hub        10 Feb: I J      1 Apr 00:30 BST (after the period): I

    totals: 6 sessions, 21 attendances, 10 people, 8 first-timers (C D E F G H I J)
    Tuesday Circle (6 people) is shown; Riverside (3) and Tiny Hub (2) only in totals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from bot.features.reports.period import Period
from bot.roles import Role
from storage.buddies_tables import BuddyPairing, BuddyProfile
from storage.events_tables import GroupSession, SessionAttendance, SessionCheckin
from storage.faq_tables import FaqTicket
from storage.models import DailyCount, Group, Organisation, Person
from storage.notices_tables import Notice, NoticeAck
from tests.support.harness import Harness

PERIOD = Period(date(2026, 1, 1), date(2026, 3, 31))
ORG = "Harbour Fostering"
OTHER_ORG = "Other Fostering"

CARERS = {
    "A": "Zephyrine Quillfeather",
    "B": "Bartholomew Snodgrass",
    "C": "Ottoline Wrenfield",
    "D": "Percival Hawksmoor",
    "E": "Clementine Ashdown",
    "F": "Thaddeus Pemberton",
    "G": "Wilhelmina Crabtree",
    "H": "Leopold Fairweather",
    "I": "Araminta Blackwood",
    "J": "Cornelius Drummond",
}
MENTOR = "Marigold Featherstonehaugh"
STAFF = "Sue Staffington"
OUTSIDER = "Kasimir Oddbody"
EVERY_NAME = [*CARERS.values(), MENTOR, STAFF, OUTSIDER]
SECRET_WORDS = ["Nightingale Primary", "Casefile 4471"]  # in a notice and a ticket

SMALL_GROUPS = ("Riverside Coffee", "Tiny Hub")
BIG_GROUP = "Tuesday Circle"


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@dataclass
class Seeded:
    people: dict[str, int]
    org_id: int


async def seed(h: Harness) -> Seeded:
    staff = await h.person(STAFF, Role.STAFF, org=ORG)
    for name in CARERS.values():
        await h.person(name, Role.CARER, org=ORG)
    await h.person(MENTOR, Role.MENTOR, org=ORG)
    await h.person(OUTSIDER, Role.CARER, org=OTHER_ORG)
    for title in (BIG_GROUP, *SMALL_GROUPS):
        await h.group(title, org=ORG)
    await h.group("Elsewhere", org=OTHER_ORG)
    del staff
    async with h.db.transaction() as db:
        ids = {p.display_name: p.id for p in (await db.execute(select(Person))).scalars()}
        people = {key: ids[name] for key, name in CARERS.items()}
        people["M"], people["K"] = ids[MENTOR], ids[OUTSIDER]
        org_id = await _org_id(db, ORG)
        other_id = await _org_id(db, OTHER_ORG)
        groups = {g.title: g.id for g in (await db.execute(select(Group))).scalars()}
        await _sessions(db, groups, people)
        await _buddies(db, org_id, other_id, people)
        await _faq(db, org_id, people)
        _nudges(db, org_id, other_id, groups)
        await _notices(db, org_id, people)
    return Seeded(people, org_id)


async def _org_id(db: Any, name: str) -> int:
    return int(await db.scalar(select(Organisation.id).where(Organisation.name == name)))


async def _session(
    db: Any,
    group_id: int,
    when: datetime,
    who: list[int],
    start: dict[int, int] | None = None,
    end: dict[int, int] | None = None,
) -> None:
    session = GroupSession(
        group_id=group_id, started_at=when, ended_at=None, checkin_closed_at=None
    )
    db.add(session)
    await db.flush()
    for person_id in who:
        db.add(
            SessionAttendance(
                session_id=session.id, person_id=person_id, how="here", recorded_at=when
            )
        )
    for phase, spread in (("start", start or {}), ("end", end or {})):
        for score in range(1, 6):
            db.add(
                SessionCheckin(
                    session_id=session.id, phase=phase, score=score, count=spread.get(score, 0)
                )
            )


async def _sessions(db: Any, groups: dict[str, int], p: dict[str, int]) -> None:
    tuesday, riverside, tiny = groups[BIG_GROUP], groups["Riverside Coffee"], groups["Tiny Hub"]
    ids = lambda keys: [p[k] for k in keys]  # noqa: E731
    await _session(db, tuesday, at(2025, 12, 16), ids("AB"), start={1: 5})  # before the period
    await _session(db, tuesday, at(2026, 1, 6), ids("ABCD"), start={2: 1, 3: 2}, end={4: 2, 5: 1})
    await _session(db, tuesday, at(2026, 1, 13), ids("ACDEF"), start={1: 1, 3: 1}, end={3: 1, 4: 1})
    await _session(db, tuesday, at(2026, 2, 3), ids("ABCDEF"))
    await _session(db, riverside, at(2026, 1, 7), ids("GHA"), start={4: 1}, end={5: 1})
    await _session(db, riverside, at(2026, 3, 31, 20), ids("G"))  # 21:00 BST, last day
    await _session(db, tiny, at(2026, 2, 10), ids("IJ"))
    await _session(db, tiny, at(2026, 3, 31, 23, 30), ids("I"), start={5: 4})  # 1 April, BST
    await _session(db, groups["Elsewhere"], at(2026, 1, 8), [p["K"]], start={2: 3})


def _profile(org_id: int, person_id: int, status: str, asked: datetime) -> BuddyProfile:
    return BuddyProfile(
        org_id=org_id,
        person_id=person_id,
        role="mentee",
        status=status,
        care_kinds=[],
        age_ranges=[],
        languages=[],
        availability=[],
        contact_ways=[],
        asked_at=asked,
        waiting_since=asked,
        updated_at=asked,
    )


def _pairing(org_id: int, mentor: int | None, mentee: int | None, **fields: Any) -> BuddyPairing:
    defaults: dict[str, Any] = {
        "reasons": [],
        "proposed_at": fields["asked_at"],
        "offered_at": None,
        "introduced_at": None,
        "ended_at": None,
        "end_reason": None,
        "last_contact_at": None,
    }
    return BuddyPairing(org_id=org_id, mentor_id=mentor, mentee_id=mentee, **(defaults | fields))


async def _buddies(db: Any, org_id: int, other_id: int, p: dict[str, int]) -> None:
    """waiting today 1, asked 2, introduced 3 (1, 10 and 35 days: median 10.0), active at
    the end 3, ended: planned 1 and mentee_asked 1, declined 1, ratings 2, 4 and 5."""
    db.add(_profile(org_id, p["A"], "waiting", at(2026, 3, 1)))
    db.add(_profile(org_id, p["B"], "paired", at(2026, 1, 2)))
    db.add(_profile(org_id, p["C"], "paired", at(2025, 12, 1)))
    db.add(_profile(other_id, p["K"], "waiting", at(2026, 1, 20)))
    m = p["M"]
    db.add_all(
        [
            _pairing(
                org_id,
                m,
                p["B"],
                status="active",
                asked_at=at(2026, 1, 2),
                introduced_at=at(2026, 1, 12),
            ),
            _pairing(
                org_id,
                m,
                p["C"],
                status="ended",
                asked_at=at(2025, 12, 1),
                introduced_at=at(2026, 1, 5),
                ended_at=at(2026, 3, 1),
                end_reason="planned",
                mentor_rating=5,
                mentee_rating=4,
            ),
            _pairing(
                org_id,
                m,
                None,
                status="ended",
                asked_at=at(2025, 10, 25),
                introduced_at=at(2025, 11, 1),
                ended_at=at(2026, 2, 15),
                end_reason="mentee_asked",
                mentee_rating=2,
            ),
            _pairing(
                org_id,
                m,
                p["D"],
                status="active",
                asked_at=at(2025, 9, 1),
                introduced_at=at(2025, 10, 1),
            ),
            _pairing(
                org_id,
                m,
                p["E"],
                status="declined",
                asked_at=at(2026, 1, 20),
                ended_at=at(2026, 2, 1),
                end_reason="declined",
            ),
            _pairing(
                org_id,
                m,
                p["F"],
                status="expired",
                asked_at=at(2025, 12, 1),
                ended_at=at(2025, 12, 20),
                end_reason="expired",
            ),
            _pairing(
                org_id,
                m,
                p["G"],
                status="active",
                asked_at=at(2026, 3, 20),
                introduced_at=at(2026, 4, 2),
            ),
            _pairing(
                org_id,
                m,
                p["H"],
                status="ended",
                asked_at=at(2026, 3, 9),
                introduced_at=at(2026, 3, 10),
                ended_at=at(2026, 4, 5),
                end_reason="planned",
                mentee_rating=1,
            ),
            _pairing(
                other_id,
                None,
                p["K"],
                status="active",
                asked_at=at(2026, 1, 1),
                introduced_at=at(2026, 1, 3),
            ),
        ]
    )


def _count(org_id: int, group_id: int, day: str, metric: str, count: int) -> DailyCount:
    return DailyCount(org_id=org_id, group_id=group_id, day=day, metric=metric, count=count)


async def _faq(db: Any, org_id: int, p: dict[str, int]) -> None:
    """answered 9 (5 in the week of 5 Jan, 4 in the week of 16 Feb), helpful 2, unhelpful 3
    (allowances 2, pep-meetings 1), not sure 4; tickets 3: answered after 4 and 48 hours
    (median 26.0), one still open."""
    db.add_all(
        [
            _count(org_id, 0, "2025-12-31", "faq.answered:allowances", 10),
            _count(org_id, 0, "2026-01-06", "faq.answered:pupil-premium-plus", 3),
            _count(org_id, 0, "2026-01-07", "faq.answered:pep-meetings", 2),
            _count(org_id, 0, "2026-02-20", "faq.answered:allowances", 4),
            _count(org_id, 0, "2026-04-01", "faq.answered:allowances", 7),
            _count(org_id, 0, "2026-01-06", "faq.helpful:pupil-premium-plus", 2),
            _count(org_id, 0, "2026-01-07", "faq.unhelpful:pep-meetings", 1),
            _count(org_id, 0, "2026-02-20", "faq.unhelpful:allowances", 2),
            _count(org_id, 0, "2026-01-10", "faq.not_sure", 3),
            _count(org_id, 0, "2026-01-11", "faq.needs_person", 1),
        ]
    )
    question = f"Has {CARERS['A']}'s allowance come? {SECRET_WORDS[1]}"
    for created, answered in (
        (at(2026, 1, 10, 10), at(2026, 1, 10, 14)),
        (at(2026, 2, 1), at(2026, 2, 3)),
        (at(2026, 3, 20), None),
        (at(2025, 12, 30), at(2026, 1, 2)),
    ):
        db.add(
            FaqTicket(
                org_id=org_id,
                person_id=p["A"],
                platform="console",
                question=question,
                topic="allowances",
                created_at=created,
                answered_at=answered,
            )
        )


def _nudges(db: Any, org_id: int, other_id: int, groups: dict[str, int]) -> None:
    """4 in the period: child_name 3 (2 in the week of 5 Jan + 1 on 10 Feb), school 1."""
    db.add_all(
        [
            _count(org_id, groups[BIG_GROUP], "2026-01-06", "nudge.child_name", 2),
            _count(org_id, groups["Riverside Coffee"], "2026-01-07", "nudge.school", 1),
            _count(org_id, groups["Tiny Hub"], "2026-02-10", "nudge.child_name", 1),
            _count(org_id, groups[BIG_GROUP], "2025-12-01", "nudge.phone", 6),
            _count(other_id, groups["Elsewhere"], "2026-01-06", "nudge.child_name", 5),
        ]
    )


async def _notices(db: Any, org_id: int, p: dict[str, int]) -> None:
    """2 sent (groups 3, people 52), 1 asked for receipts, 3 answers (week of 5 Jan)."""
    text = f"A note for {CARERS['A']} about {SECRET_WORDS[0]}"
    rows = [
        ("sent", at(2026, 1, 8), 3, 12, True),
        ("sent", at(2026, 2, 15), 0, 40, False),
        ("scheduled", None, 0, 0, True),
        ("sent", at(2025, 12, 1), 5, 20, True),
        ("nobody", at(2026, 1, 9), 0, 0, False),
    ]
    for number, (status, sent, groups, people, ack) in enumerate(rows):
        notice = Notice(
            org_id=org_id,
            author_id=None,
            text=text,
            audience={},
            audience_words="all groups",
            ask_ack=ack,
            flagged=[],
            status=status,
            send_at=sent or at(2026, 3, 1),
            created_at=sent or at(2026, 2, 28),
            sent_at=sent,
            cancelled_at=None,
            groups_count=groups,
            people_count=people,
            draft_key=f"draft-{number}",
        )
        db.add(notice)
        await db.flush()
        if number == 0:
            for key in "ABC":
                db.add(NoticeAck(notice_id=notice.id, person_id=p[key], at=at(2026, 1, 9)))
        if number == 3:
            db.add(NoticeAck(notice_id=notice.id, person_id=p["D"], at=at(2026, 1, 9)))
