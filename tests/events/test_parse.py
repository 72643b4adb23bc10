"""Table tests for reading `/event ...`: "now" is Tuesday 10 March 2026, 09:00 in London (GMT)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.features.events.parse import EventDraft, Note, ParseProblem, ProblemKind, parse_event
from bot.features.events.recurrence import Freq, Recurrence

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday
MO, TU, WE, TH, FR, SA, SU = range(7)


def W(*days: int, every: int = 1, **kw: Any) -> Recurrence:
    return Recurrence(Freq.WEEKLY, interval=every, weekdays=days, **kw)


def M(nth: int, day: int, **kw: Any) -> Recurrence:
    return Recurrence(Freq.MONTHLY, weekdays=(day,), week_of_month=nth, **kw)


def MD(day: int, **kw: Any) -> Recurrence:
    return Recurrence(Freq.MONTHLY, month_day=day, **kw)


def D(every: int = 1, **kw: Any) -> Recurrence:
    return Recurrence(Freq.DAILY, interval=every, **kw)


def parse(text: str, now: datetime = NOW) -> EventDraft | ParseProblem:
    return parse_event(text, now=now, zone=LONDON)


# (text, title, first start in London wall time, recurrence)
WHEN = [
    (
        "/event Coffee morning every 2nd Tuesday at 10:30",
        "Coffee morning",
        "2026-03-10 10:30",
        M(2, TU),
    ),
    ("Support group every Tuesday at 7pm", "Support group", "2026-03-10 19:00", W(TU)),
    ("Support group every Tuesday at 8am", "Support group", "2026-03-17 08:00", W(TU)),
    (
        "Support group every other Wednesday 7.30pm",
        "Support group",
        "2026-03-11 19:30",
        W(WE, every=2),
    ),
    (
        "Dads' group every 3 weeks on Monday at 19:30",
        "Dads' group",
        "2026-03-16 19:30",
        W(MO, every=3),
    ),
    (
        "Dads' group every three weeks on Monday at 19:30",
        "Dads' group",
        "2026-03-16 19:30",
        W(MO, every=3),
    ),
    ("Teens fortnightly on Thursday 4-6pm", "Teens", "2026-03-12 16:00", W(TH, every=2)),
    ("Teens every fortnight on Thursdays at 4pm", "Teens", "2026-03-12 16:00", W(TH, every=2)),
    ("Teens every 2 weeks on Friday at 4pm", "Teens", "2026-03-13 16:00", W(FR, every=2)),
    ("Teens every second week on Friday at 4pm", "Teens", "2026-03-13 16:00", W(FR, every=2)),
    ("Reviews 6-weekly on Monday at 10am", "Reviews", "2026-03-16 10:00", W(MO, every=6)),
    ("Reviews on alternate Fridays at 10am", "Reviews", "2026-03-13 10:00", W(FR, every=2)),
    ("Walk first Monday of the month at 10am", "Walk", "2026-04-06 10:00", M(1, MO)),
    ("Walk on the first Monday of each month at 10am", "Walk", "2026-04-06 10:00", M(1, MO)),
    ("Walk every first Monday at 10am", "Walk", "2026-04-06 10:00", M(1, MO)),
    ("Social last Friday of every month at 6pm", "Social", "2026-03-27 18:00", M(-1, FR)),
    ("Social every last Friday at 6pm", "Social", "2026-03-27 18:00", M(-1, FR)),
    ("Lunch monthly on the first Wednesday at 12:30", "Lunch", "2026-04-01 12:30", M(1, WE)),
    ("Lunch every month on the third Thursday at noon", "Lunch", "2026-03-19 12:00", M(3, TH)),
    ("Group every 5th Friday at 7pm", "Group", "2026-05-29 19:00", M(5, FR)),
    ("Training on the 15th of every month at 10:00", "Training", "2026-03-15 10:00", MD(15)),
    ("Training 15th of each month at 10:00", "Training", "2026-03-15 10:00", MD(15)),
    ("Training every month on the 3rd at 12:30", "Training", "2026-04-03 12:30", MD(3)),
    ("Training monthly on the 31st at 7pm", "Training", "2026-03-31 19:00", MD(31)),
    ("Training monthly from 20 March at 7pm", "Training", "2026-03-20 19:00", MD(20)),
    ("Check-in daily at 9am", "Check-in", "2026-03-11 09:00", D()),
    ("Check-in every day at 6pm", "Check-in", "2026-03-10 18:00", D()),
    ("Check-in every other day at 6pm", "Check-in", "2026-03-10 18:00", D(2)),
    ("Homework club weekdays 4pm", "Homework club", "2026-03-10 16:00", W(MO, TU, WE, TH, FR)),
    ("Homework club every weekday at 4pm", "Homework club", "2026-03-10 16:00", W(0, 1, 2, 3, 4)),
    ("Yoga Monday to Friday 7am", "Yoga", "2026-03-11 07:00", W(MO, TU, WE, TH, FR)),
    ("Coffee every Tuesday and Thursday at 10:30", "Coffee", "2026-03-10 10:30", W(TU, TH)),
    ("Stay and play on Tuesdays at 10am", "Stay and play", "2026-03-10 10:00", W(TU)),
    ("Stay and play weekly on Saturdays at 10am", "Stay and play", "2026-03-14 10:00", W(SA)),
    ("Walk weekly from 15 March at 2pm", "Walk", "2026-03-15 14:00", W(SU)),
    ("Walk every Sunday at 10am starting 5 April", "Walk", "2026-04-05 10:00", W(SU)),
    ("Walk every Sunday at 10am from 1/4/26", "Walk", "2026-04-05 10:00", W(SU)),
    ("Meeting 3rd March 2027 at 7pm", "Meeting", "2027-03-03 19:00", None),
    ("Meeting on 20 March at 7pm", "Meeting", "2026-03-20 19:00", None),
    ("Meeting on March 20th at 7pm", "Meeting", "2026-03-20 19:00", None),
    ("Meeting on 03/04 at 7pm", "Meeting", "2026-04-03 19:00", None),
    ("Meeting 3/3/27 at 7pm", "Meeting", "2027-03-03 19:00", None),
    ("Meeting 2026-06-01 at 19:00", "Meeting", "2026-06-01 19:00", None),
    ("Meeting 01.06.2026 at 19:00", "Meeting", "2026-06-01 19:00", None),
    ("Meeting tomorrow at noon", "Meeting", "2026-03-11 12:00", None),
    ("Meeting tomorrow at midday", "Meeting", "2026-03-11 12:00", None),
    ("Meeting tomorrow evening at 8", "Meeting", "2026-03-11 20:00", None),
    ("Meeting tonight at 8", "Meeting", "2026-03-10 20:00", None),
    ("Meeting today at 5pm", "Meeting", "2026-03-10 17:00", None),
    ("Meeting next Wednesday at half 7", "Meeting", "2026-03-11 19:30", None),
    ("Meeting next Friday at half past ten", "Meeting", "2026-03-13 10:30", None),
    ("Meeting on Thursday at quarter to 1", "Meeting", "2026-03-12 12:45", None),
    ("Meeting Thursday at 7 o'clock", "Meeting", "2026-03-12 19:00", None),
    ("Meeting this Tuesday at 7pm", "Meeting", "2026-03-10 19:00", None),
    ("Meeting this Friday 7.30", "Meeting", "2026-03-13 19:30", None),
    ("Meeting on Saturday 14 March 11am-3pm", "Meeting", "2026-03-14 11:00", None),
    ("Meeting on the 20th at 19:30", "Meeting", "2026-03-20 19:30", None),
    ("Meeting on 20 March at 07:30", "Meeting", "2026-03-20 07:30", None),
    ("Meeting on 20 March at 7.30 p.m.", "Meeting", "2026-03-20 19:30", None),
    ("Meeting on 20 March @ 7pm", "Meeting", "2026-03-20 19:00", None),
    ('"Tuesday Club" every Tuesday at 7pm', "Tuesday Club", "2026-03-10 19:00", W(TU)),
    (
        "Course on 17 March at 7pm for 6 weeks",
        "Course",
        "2026-03-17 19:00",
        W(TU, until=date(2026, 4, 27)),
    ),
    ("Course on 17 March at 7pm 4 times", "Course", "2026-03-17 19:00", W(TU, count=4)),
]


@pytest.mark.parametrize(("text", "title", "start", "rec"), WHEN, ids=[w[0] for w in WHEN])
def test_when(text: str, title: str, start: str, rec: Recurrence | None) -> None:
    draft = parse(text)
    assert isinstance(draft, EventDraft), draft
    assert draft.title == title
    assert draft.start.strftime("%Y-%m-%d %H:%M") == start
    assert draft.start.utcoffset() == draft.start.astimezone(LONDON).utcoffset()
    assert draft.recurrence == rec
    assert draft.all_day is False


# (text, field, expected)
DETAILS = [
    (
        "/event Coffee morning every 2nd Tuesday at 10:30 at Holly Lodge Community Centre, "
        "children welcome",
        {"place": "Holly Lodge Community Centre", "practicalities": "children welcome"},
    ),
    (
        "/event PP+ workshop on 3 April 7pm online https://example.org/join?id=7",
        {"title": "PP+ workshop", "link": "https://example.org/join?id=7", "online": True},
    ),
    (
        "Picnic on 20 July 1-3pm at Victoria Park, bring a packed lunch, parking at the back",
        {
            "place": "Victoria Park",
            "practicalities": "bring a packed lunch, parking at the back",
            "duration": timedelta(hours=2),
        },
    ),
    ("Meetup on 20 March 10:30-12:00 at the library", {"duration": timedelta(minutes=90)}),
    ("Meetup on 20 March 10:30 - 12 in the church hall", {"place": "the church hall"}),
    ("Meetup on 20 March 10:30 to 1", {"duration": timedelta(hours=2, minutes=30)}),
    ("Meetup on 20 March 11-1pm", {"duration": timedelta(hours=2)}),
    ("Meetup on 20 March from 7 till 9", {"duration": timedelta(hours=2)}),
    ("Meetup on 20 March 7pm for 90 minutes", {"duration": timedelta(minutes=90)}),
    ("Meetup on 20 March 7pm for 1.5 hours", {"duration": timedelta(minutes=90)}),
    ("Meetup on 20 March 7pm for an hour", {"duration": timedelta(hours=1)}),
    ("Meetup on 20 March 7pm for an hour and a half", {"duration": timedelta(minutes=90)}),
    ("Meetup on 20 March 7pm for half an hour", {"duration": timedelta(minutes=30)}),
    ("Meetup on 20 March at 7pm", {"duration": timedelta(hours=2), "place": None}),
    ("Lunch tomorrow 12-2", {"duration": timedelta(hours=2)}),
    (
        "Training every Wednesday 19:00 on Zoom https://zoom.us/j/1",
        {"place": "Zoom", "online": True},
    ),
    ("Lunch tomorrow at 1 at 10 Downing Street", {"place": "10 Downing Street"}),
    ("Quiz tomorrow at 7pm, bring a pen; £2 entry", {"practicalities": "bring a pen, £2 entry"}),
    ("Check-in daily at 9am for 6 weeks", {"recurrence": D(until=date(2026, 4, 21))}),
    ("Club weekdays 4pm until 20 July", {"recurrence": W(0, 1, 2, 3, 4, until=date(2026, 7, 20))}),
    ("Club every Thursday 7pm until July 2027", {"recurrence": W(TH, until=date(2027, 7, 31))}),
    (
        "Club every Thursday 7pm until the end of May",
        {"recurrence": W(TH, until=date(2026, 5, 31))},
    ),
    ("Club every Thursday 7pm until 2/4/26", {"recurrence": W(TH, until=date(2026, 4, 2))}),
    ("Club every Saturday at 10am 10 times", {"recurrence": W(SA, count=10)}),
    ("Club every Saturday at 10am for six sessions", {"recurrence": W(SA, count=6)}),
    (
        "Club on the 1st of every month at 10am for 3 months",
        {"recurrence": MD(1, until=date(2026, 6, 30))},
    ),
]


@pytest.mark.parametrize(("text", "expected"), DETAILS, ids=[d[0][:60] for d in DETAILS])
def test_details(text: str, expected: dict[str, object]) -> None:
    draft = parse(text)
    assert isinstance(draft, EventDraft), draft
    for name, value in expected.items():
        assert getattr(draft, name) == value, name


NOTES = [
    ("Support group every second Tuesday at 7pm", Note.SECOND_MEANS_MONTHLY),
    ("Meeting on 03/04 at 7pm", Note.NUMERIC_DATE),
    ("Meeting tomorrow at 7", Note.TIME_ASSUMED),
    ("Meeting tomorrow at 7:30", Note.TIME_ASSUMED),
    ("Meeting tomorrow at 8", Note.TIME_ASSUMED),
    ("Group on the 31st of every month at 7pm", Note.SKIPS_SOME_MONTHS),
    ("Group every 5th Friday at 7pm", Note.SKIPS_SOME_MONTHS),
    ("Course on 17 March at 7pm for 6 weeks", Note.REPEAT_ASSUMED),
    ("PP+ workshop on 3 March 7pm online", Note.NEXT_YEAR),
    ("Night owls on 29 March 2026 at 01:30", Note.CLOCK_CHANGE),
]


@pytest.mark.parametrize(("text", "note"), NOTES, ids=[n[0] for n in NOTES])
def test_notes(text: str, note: Note) -> None:
    draft = parse(text)
    assert isinstance(draft, EventDraft), draft
    assert note in draft.notes


def test_no_notes_when_nothing_was_assumed() -> None:
    draft = parse("Support group every Tuesday at 10:30pm")
    assert isinstance(draft, EventDraft)
    assert draft.notes == frozenset()


def test_skipped_hour_moves_to_the_same_moment_on_summer_time() -> None:
    draft = parse("Night owls on 29 March 2026 at 01:30")
    assert isinstance(draft, EventDraft)
    assert draft.start.strftime("%H:%M %Z") == "02:30 BST"


# (text, kind, details that must be present)
PROBLEMS = [
    ("every Tuesday at 7pm", ProblemKind.NO_TITLE, {}),
    ("Meeting at 7pm", ProblemKind.NO_DATE, {"title": "Meeting"}),
    ("Meeting weekly at 7pm", ProblemKind.NO_DATE, {}),
    ("Meeting tomorrow", ProblemKind.NO_TIME, {"title": "Meeting"}),
    ("Meeting every Tuesday", ProblemKind.NO_TIME, {}),
    ("Meeting on 31 February at 7pm", ProblemKind.DATE_DOES_NOT_EXIST, {"said": "31 February"}),
    ("Meeting on 31 April at 7pm", ProblemKind.DATE_DOES_NOT_EXIST, {}),
    ("Meeting on 29/02/2027 at 7pm", ProblemKind.DATE_DOES_NOT_EXIST, {"said": "29/02/2027"}),
    ("Meeting on 32/13 at 7pm", ProblemKind.DATE_DOES_NOT_EXIST, {}),
    ("Meeting on the 32nd of every month at 7pm", ProblemKind.DATE_DOES_NOT_EXIST, {}),
    ("Meeting tomorrow at 25:00", ProblemKind.TIME_DOES_NOT_EXIST, {}),
    ("Meeting tomorrow at 13pm", ProblemKind.TIME_DOES_NOT_EXIST, {}),
    ("Meeting on 3/13 at 7pm", ProblemKind.AMBIGUOUS_DATE, {"suggestion": "13 March"}),
    (
        "Meeting next Tuesday at 7pm",
        ProblemKind.AMBIGUOUS_NEXT,
        {"first": "Tuesday 17 March 2026", "second": "Tuesday 24 March 2026"},
    ),
    (
        "Meeting on Tuesday at 7pm",
        ProblemKind.AMBIGUOUS_NEXT,
        {"first": "Tuesday 10 March 2026", "second": "Tuesday 17 March 2026"},
    ),
    ("Meeting Tuesday at 7pm", ProblemKind.AMBIGUOUS_NEXT, {"weekday": "Tuesday"}),
    (
        "Fun day on Friday 14 March 11am",
        ProblemKind.WEEKDAY_MISMATCH,
        {"weekday": "Friday", "date": "Saturday 14 March 2026"},
    ),
    ("Meeting on 3 March 2026 at 7pm", ProblemKind.IN_THE_PAST, {"date": "Tuesday 3 March 2026"}),
    ("Meeting today at 8am", ProblemKind.IN_THE_PAST, {"time": "8am"}),
    ("Walk every Sunday at 10am from 1/3/26", ProblemKind.IN_THE_PAST, {}),
    ("Meeting tomorrow 9pm-8pm", ProblemKind.END_BEFORE_START, {"start": "9pm", "end": "8pm"}),
    ("Meeting every Tuesday at 7pm until 1 March 2026", ProblemKind.END_BEFORE_START, {}),
    ("Meeting tomorrow at 7pm and at 8pm", ProblemKind.CONFLICTING, {"second": "at 8pm"}),
    ("Meeting tomorrow on 3 April at 7pm", ProblemKind.CONFLICTING, {"first": "tomorrow"}),
    ("Course on 17 March at 7pm until 30 April", ProblemKind.NO_REPEAT, {}),
    ("Meeting tomorrow 7pm for 26 hours", ProblemKind.BAD_DURATION, {}),
    ("Meeting every day at 7pm for 3 years", ProblemKind.TOO_MANY, {"limit": "731"}),
    ("Meeting every day at 7pm 800 times", ProblemKind.TOO_MANY, {}),
]


@pytest.mark.parametrize(("text", "kind", "details"), PROBLEMS, ids=[p[0] for p in PROBLEMS])
def test_problems(text: str, kind: ProblemKind, details: dict[str, str]) -> None:
    problem = parse(text)
    assert isinstance(problem, ParseProblem), problem
    assert problem.kind is kind
    for key, value in details.items():
        assert problem.details[key] == value


def test_next_weekday_is_not_ambiguous_on_other_days() -> None:
    wednesday = datetime(2026, 3, 11, 9, 0, tzinfo=UTC)
    draft = parse("Meeting next Tuesday at 7pm", now=wednesday)
    assert isinstance(draft, EventDraft)
    assert draft.start.date() == date(2026, 3, 17)


def test_a_weekly_series_starting_later_today_starts_today() -> None:
    draft = parse("Support group every Tuesday at 9:30am")
    assert isinstance(draft, EventDraft)
    assert draft.start.date() == date(2026, 3, 10)


def test_summer_time_start_keeps_wall_clock() -> None:
    draft = parse("Picnic on 20 July at 1pm")
    assert isinstance(draft, EventDraft)
    assert draft.start.astimezone(UTC).hour == 12  # 1pm BST


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_event("Meeting tomorrow at 7pm", now=datetime(2026, 3, 10), zone=LONDON)


def test_end_is_start_plus_duration() -> None:
    draft = parse("Meetup on 20 March 10:30-12:00")
    assert isinstance(draft, EventDraft)
    assert draft.end.strftime("%H:%M") == "12:00"
