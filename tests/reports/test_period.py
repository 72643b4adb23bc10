"""Reading the dates of a report: ISO or plain words, checked, and cut into weeks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.features.reports.period import (
    Period,
    PeriodError,
    Problem,
    default_period,
    parse_day,
    parse_period,
)

TODAY = date(2026, 4, 15)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-01-01", date(2026, 1, 1)),
        ("2026-1-9", date(2026, 1, 9)),
        ("1 January 2026", date(2026, 1, 1)),
        ("1st January 2026", date(2026, 1, 1)),
        ("31 Dec 2025", date(2025, 12, 31)),
        ("3 Sept. 2026", date(2026, 9, 3)),
        ("  22nd   MARCH 2026 ", date(2026, 3, 22)),
        ("29 February 2028", date(2028, 2, 29)),
    ],
)
def test_dates_read(typed: str, expected: date) -> None:
    assert parse_day(typed) == expected


@pytest.mark.parametrize(
    "typed",
    ["", "tomorrow", "2026-13-01", "2026-02-30", "29 February 2026", "1 Smarch 2026", "01/02/2026"],
)
def test_dates_refused(typed: str) -> None:
    with pytest.raises(PeriodError) as refused:
        parse_day(typed)
    assert refused.value.problem is Problem.BAD_DATE
    assert refused.value.typed == typed.strip()


@pytest.mark.parametrize(
    ("words", "first", "last"),
    [
        ("", date(2026, 1, 16), TODAY),
        ("2026-01-01 2026-03-31", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-01-01 to 2026-03-31", date(2026, 1, 1), date(2026, 3, 31)),
        ("1 January 2026 to 31 March 2026", date(2026, 1, 1), date(2026, 3, 31)),
        ("1 Jan 2026 - 2 Jan 2026", date(2026, 1, 1), date(2026, 1, 2)),
        ("2026-03-01 2026-03-01", date(2026, 3, 1), date(2026, 3, 1)),
    ],
)
def test_periods_read(words: str, first: date, last: date) -> None:
    assert parse_period(words, TODAY) == Period(first, last)


@pytest.mark.parametrize(
    ("words", "problem"),
    [
        ("2026-03-31 2026-01-01", Problem.BACKWARDS),
        ("2020-01-01 2026-01-01", Problem.TOO_LONG),
        ("soon", Problem.USAGE),
        ("1 January 2026", Problem.USAGE),
        ("2026-01-01 2026-02-30", Problem.BAD_DATE),
    ],
)
def test_periods_refused(words: str, problem: Problem) -> None:
    with pytest.raises(PeriodError) as refused:
        parse_period(words, TODAY)
    assert refused.value.problem is problem


@pytest.mark.parametrize(
    ("today", "first"),
    [
        (date(2026, 4, 15), date(2026, 1, 16)),
        (date(2026, 3, 31), date(2026, 1, 1)),
        (date(2026, 5, 31), date(2026, 3, 1)),  # 31 February does not exist: end of February
        (date(2026, 2, 10), date(2025, 11, 11)),
    ],
)
def test_the_default_is_the_last_three_months(today: date, first: date) -> None:
    assert default_period(today) == Period(first, today)


def test_weeks_run_monday_to_sunday_cut_to_the_period() -> None:
    weeks = list(Period(date(2026, 1, 1), date(2026, 1, 20)).weeks())
    assert [w.iso() for w in weeks] == [
        "2026-01-01/2026-01-04",
        "2026-01-05/2026-01-11",
        "2026-01-12/2026-01-18",
        "2026-01-19/2026-01-20",
    ]


def test_local_days_become_utc_moments_across_the_clock_change() -> None:
    london = ZoneInfo("Europe/London")
    period = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert period.starts(london) == datetime(2026, 3, 1, 0, 0, tzinfo=UTC)
    assert period.ends(london) == datetime(2026, 3, 31, 23, 0, tzinfo=UTC)  # BST
