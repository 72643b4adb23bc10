"""Recurrence expansion: each kind, ends, skipped dates, wall-clock times across clock changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.features.events.recurrence import (
    Freq,
    Recurrence,
    all_occurrences,
    first_match,
    nth_weekday,
    occurrences,
    wall_to_utc,
)

LONDON = ZoneInfo("Europe/London")
MO, TU, WE, TH, FR, SA, SU = range(7)
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 30) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LONDON)


def local(found: list[datetime]) -> list[str]:
    return [f.astimezone(LONDON).strftime("%a %Y-%m-%d %H:%M") for f in found]


def dates(found: list[datetime]) -> list[date]:
    return [f.astimezone(LONDON).date() for f in found]


CASES = [
    (
        "daily",
        at(2026, 3, 10),
        Recurrence(Freq.DAILY),
        [date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 12)],
    ),
    (
        "every other day",
        at(2026, 3, 10),
        Recurrence(Freq.DAILY, interval=2),
        [date(2026, 3, 10), date(2026, 3, 12), date(2026, 3, 14)],
    ),
    (
        "weekly",
        at(2026, 3, 10),
        Recurrence(Freq.WEEKLY, weekdays=(TU,)),
        [date(2026, 3, 10), date(2026, 3, 17), date(2026, 3, 24)],
    ),
    (
        "weekly, two days",
        at(2026, 3, 10),
        Recurrence(Freq.WEEKLY, weekdays=(TU, TH)),
        [date(2026, 3, 10), date(2026, 3, 12), date(2026, 3, 17)],
    ),
    (
        "every 3 weeks",
        at(2026, 3, 16),
        Recurrence(Freq.WEEKLY, interval=3, weekdays=(MO,)),
        [date(2026, 3, 16), date(2026, 4, 6), date(2026, 4, 27)],
    ),
    (
        "fortnightly on two days (weeks start Monday)",
        at(2026, 3, 12),
        Recurrence(Freq.WEEKLY, interval=2, weekdays=(TU, TH)),
        [date(2026, 3, 12), date(2026, 3, 24), date(2026, 3, 26)],
    ),
    (
        "weekly with no day named: the first date's day",
        at(2026, 3, 11),
        Recurrence(Freq.WEEKLY),
        [date(2026, 3, 11), date(2026, 3, 18), date(2026, 3, 25)],
    ),
    (
        "monthly by date",
        at(2026, 3, 15),
        Recurrence(Freq.MONTHLY, month_day=15),
        [date(2026, 3, 15), date(2026, 4, 15), date(2026, 5, 15)],
    ),
    (
        "monthly on the 31st skips short months",
        at(2026, 1, 31),
        Recurrence(Freq.MONTHLY, month_day=31),
        [date(2026, 1, 31), date(2026, 3, 31), date(2026, 5, 31)],
    ),
    (
        "2nd Tuesday of the month",
        at(2026, 3, 10),
        Recurrence(Freq.MONTHLY, weekdays=(TU,), week_of_month=2),
        [date(2026, 3, 10), date(2026, 4, 14), date(2026, 5, 12)],
    ),
    (
        "last Friday of the month",
        at(2026, 3, 27),
        Recurrence(Freq.MONTHLY, weekdays=(FR,), week_of_month=-1),
        [date(2026, 3, 27), date(2026, 4, 24), date(2026, 5, 29)],
    ),
    (
        "5th Friday skips months that have only four",
        at(2026, 5, 29),
        Recurrence(Freq.MONTHLY, weekdays=(FR,), week_of_month=5),
        [date(2026, 5, 29), date(2026, 7, 31), date(2026, 10, 30)],
    ),
    (
        "every 2 months on the 1st",
        at(2026, 1, 1),
        Recurrence(Freq.MONTHLY, interval=2, month_day=1),
        [date(2026, 1, 1), date(2026, 3, 1), date(2026, 5, 1)],
    ),
]


@pytest.mark.parametrize(("name", "start", "rec", "expected"), CASES, ids=[c[0] for c in CASES])
def test_kinds(name: str, start: datetime, rec: Recurrence, expected: list[date]) -> None:
    found = occurrences((start, rec), after=EPOCH, limit=3)
    assert dates(found) == expected
    assert all(f.tzinfo is UTC for f in found)
    assert all(f.astimezone(LONDON).time() == time(10, 30) for f in found)


def test_until_is_inclusive() -> None:
    rec = Recurrence(Freq.WEEKLY, weekdays=(TU,), until=date(2026, 3, 24))
    found = occurrences((at(2026, 3, 10), rec), after=EPOCH, limit=10)
    assert dates(found) == [date(2026, 3, 10), date(2026, 3, 17), date(2026, 3, 24)]


def test_count_counts_meetings_held_not_skipped_ones() -> None:
    rec = Recurrence(Freq.WEEKLY, weekdays=(TU,), count=3)
    skip = frozenset({date(2026, 3, 17)})
    found = occurrences((at(2026, 3, 10), rec), after=EPOCH, limit=10, exceptions=skip)
    assert dates(found) == [date(2026, 3, 10), date(2026, 3, 24), date(2026, 3, 31)]


def test_exceptions_skip_half_term() -> None:
    rec = Recurrence(Freq.WEEKLY, weekdays=(TU,))
    half_term = frozenset({date(2026, 5, 26)})
    found = occurrences((at(2026, 5, 19), rec), after=EPOCH, limit=3, exceptions=half_term)
    assert dates(found) == [date(2026, 5, 19), date(2026, 6, 2), date(2026, 6, 9)]


def test_wall_clock_holds_across_march_change() -> None:
    rec = Recurrence(Freq.WEEKLY, weekdays=(TU,))
    found = occurrences((at(2026, 3, 17), rec), after=EPOCH, limit=4)
    assert local(found) == [
        "Tue 2026-03-17 10:30",
        "Tue 2026-03-24 10:30",
        "Tue 2026-03-31 10:30",
        "Tue 2026-04-07 10:30",
    ]
    assert [f.hour for f in found] == [10, 10, 9, 9]  # UTC moves, the wall clock doesn't


def test_wall_clock_holds_across_october_change() -> None:
    rec = Recurrence(Freq.WEEKLY, weekdays=(TU,))
    found = occurrences((at(2026, 10, 20), rec), after=EPOCH, limit=2)
    assert local(found) == ["Tue 2026-10-20 10:30", "Tue 2026-10-27 10:30"]
    assert [f.hour for f in found] == [9, 10]


def test_skipped_hour_moves_to_0230_that_day_only() -> None:
    rec = Recurrence(Freq.DAILY)
    found = occurrences((at(2026, 3, 28, 1, 30), rec), after=EPOCH, limit=3)
    assert local(found) == ["Sat 2026-03-28 01:30", "Sun 2026-03-29 02:30", "Mon 2026-03-30 01:30"]
    assert found[1] - found[0] == timedelta(days=1)  # same UTC moment of day as before


def test_repeated_hour_means_the_first_one() -> None:
    rec = Recurrence(Freq.DAILY)
    found = occurrences((at(2026, 10, 24, 1, 30), rec), after=EPOCH, limit=2)
    assert found[1] == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 01:30 BST


def test_after_is_exclusive_unless_asked() -> None:
    start = at(2026, 3, 10)
    rec = Recurrence(Freq.WEEKLY, weekdays=(TU,))
    assert dates(occurrences((start, rec), after=start, limit=1)) == [date(2026, 3, 17)]
    found = occurrences((start, rec), after=start, limit=1, inclusive=True)
    assert dates(found) == [date(2026, 3, 10)]


def test_jumps_far_ahead_without_losing_the_phase() -> None:
    rec = Recurrence(Freq.WEEKLY, interval=3, weekdays=(MO,))
    found = occurrences((at(2020, 1, 6), rec), after=datetime(2026, 3, 10, tzinfo=UTC), limit=2)
    first = date(2020, 1, 6)
    assert all((d - first).days % 21 == 0 for d in dates(found))
    assert dates(found)[0] > date(2026, 3, 9)
    assert dates(found)[0] - date(2026, 3, 10) < timedelta(days=21)


def test_daily_from_long_ago() -> None:
    found = occurrences(
        (at(2001, 1, 1), Recurrence(Freq.DAILY)),
        after=datetime(2026, 3, 10, 12, tzinfo=UTC),
        limit=1,
    )
    assert dates(found) == [date(2026, 3, 11)]


def test_one_off() -> None:
    start = at(2026, 3, 10)
    assert occurrences((start, None), after=EPOCH, limit=5) == [start.astimezone(UTC)]
    assert occurrences((start, None), after=start, limit=5) == []
    skip = frozenset({date(2026, 3, 10)})
    assert occurrences((start, None), after=EPOCH, limit=5, exceptions=skip) == []


def test_accepts_a_draft_like_object() -> None:
    class Stored:
        start = at(2026, 3, 10)
        recurrence = Recurrence(Freq.DAILY, count=2)

    assert len(occurrences(Stored(), after=EPOCH, limit=10)) == 2


def test_zone_needed_when_start_is_not_zoneinfo() -> None:
    utc_start = datetime(2026, 3, 10, 10, 30, tzinfo=UTC)
    with pytest.raises(ValueError):
        occurrences((utc_start, Recurrence(Freq.DAILY)), after=EPOCH, limit=1)
    found = occurrences((utc_start, Recurrence(Freq.DAILY)), after=EPOCH, limit=1, zone=LONDON)
    assert found == [utc_start]


def test_limit_zero_and_naive_inputs() -> None:
    assert occurrences((at(2026, 3, 10), None), after=EPOCH, limit=0) == []
    with pytest.raises(ValueError):
        occurrences((at(2026, 3, 10), None), after=datetime(2026, 1, 1), limit=1)
    with pytest.raises(ValueError):
        occurrences((datetime(2026, 3, 10), None), after=EPOCH, limit=1)


def test_all_occurrences_bounded_only() -> None:
    rec = Recurrence(Freq.DAILY, until=date(2026, 3, 14))
    assert len(all_occurrences((at(2026, 3, 10), rec), cap=100)) == 5
    assert len(all_occurrences((at(2026, 3, 10), rec), cap=2)) == 3  # cap + 1: "too many"
    with pytest.raises(ValueError):
        all_occurrences((at(2026, 3, 10), Recurrence(Freq.DAILY)), cap=10)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"interval": 0},
        {"weekdays": (7,)},
        {"month_day": 32},
        {"week_of_month": 6, "weekdays": (1,)},
        {"week_of_month": 2},
        {"count": 0},
        {"count": 2, "until": date(2026, 1, 1)},
    ],
)
def test_rejects_impossible_rules(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Recurrence(Freq.MONTHLY, **kwargs)  # type: ignore[arg-type]


def test_nth_weekday_and_first_match() -> None:
    assert nth_weekday(2026, 3, TU, -1) == date(2026, 3, 31)
    assert nth_weekday(2026, 2, MO, 5) is None
    rec = Recurrence(Freq.WEEKLY, interval=2, weekdays=(FR,))
    assert first_match(rec, date(2026, 3, 10)) == date(2026, 3, 13)


def test_wall_to_utc() -> None:
    assert wall_to_utc(date(2026, 7, 1), time(10, 30), LONDON) == datetime(
        2026, 7, 1, 9, 30, tzinfo=UTC
    )
