"""Every figure of a seeded quarter, read back from the CSV and checked against a hand count.

See tests/reports/seed.py for what happened in the quarter and the counts worked out.
"""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Organisation
from tests.reports.seed import BIG_GROUP, OTHER_ORG, PERIOD, seed
from tests.reports.support import csv_only, csv_rows, figures, made
from tests.support.harness import Harness

WHOLE = "2026-01-01/2026-03-31"

EXPECTED = {
    ("sessions", "sessions_held"): "6",
    ("sessions", "attendances"): "21",
    ("sessions", "people"): "10",
    ("sessions", "first_timers"): "8",
    ("sessions", "average_attendance"): "3.5",
    ("sessions", "groups_with_sessions"): "3",
    ("sessions", "smaller_groups_in_totals_only"): "2",
    ("checkins", "start_answers"): "6",
    ("checkins", "start_average"): "2.7",
    ("checkins", "end_answers"): "6",
    ("checkins", "end_average"): "4.2",
    ("checkins", "start_score:1"): "1",
    ("checkins", "start_score:2"): "1",
    ("checkins", "start_score:3"): "3",
    ("checkins", "start_score:4"): "1",
    ("checkins", "start_score:5"): "0",
    ("checkins", "end_score:1"): "0",
    ("checkins", "end_score:2"): "0",
    ("checkins", "end_score:3"): "1",
    ("checkins", "end_score:4"): "3",
    ("checkins", "end_score:5"): "2",
    ("buddies", "waiting_today"): "1",
    ("buddies", "asked"): "2",
    ("buddies", "introduced"): "3",
    ("buddies", "median_days_to_introduction"): "10.0",
    ("buddies", "active_at_end"): "3",
    ("buddies", "rating_answers"): "3",
    ("buddies", "introduced_within:up_to_7_days"): "1",
    ("buddies", "introduced_within:up_to_14_days"): "1",
    ("buddies", "introduced_within:up_to_28_days"): "0",
    ("buddies", "introduced_within:up_to_56_days"): "1",
    ("buddies", "introduced_within:over_56_days"): "0",
    ("buddies", "ended:mentee_asked"): "1",
    ("buddies", "ended:planned"): "1",
    ("buddies", "not_taken_up:declined"): "1",
    ("buddies", "rating:1"): "0",
    ("buddies", "rating:2"): "1",
    ("buddies", "rating:3"): "0",
    ("buddies", "rating:4"): "1",
    ("buddies", "rating:5"): "1",
    ("faq", "answered"): "9",
    ("faq", "helpful"): "2",
    ("faq", "unhelpful"): "3",
    ("faq", "not_sure"): "4",
    ("faq", "handed_to_staff"): "3",
    ("faq", "staff_answered"): "2",
    ("faq", "still_open"): "1",
    ("faq", "median_hours_to_answer"): "26.0",
    ("faq", "unhelpful_topic:allowances"): "2",
    ("faq", "unhelpful_topic:pep-meetings"): "1",
    ("nudges", "nudges"): "4",
    ("nudges", "category:child_name"): "3",
    ("nudges", "category:school"): "1",
    ("notices", "sent"): "2",
    ("notices", "groups_reached"): "3",
    ("notices", "people_reached"): "52",
    ("notices", "asked_to_acknowledge"): "1",
    ("notices", "acknowledgements"): "3",
}


async def test_whole_period_figures_match_the_hand_count(harness: Harness) -> None:
    seeded = await seed(harness)
    data = await csv_only(harness, seeded.org_id, PERIOD)
    assert figures(data, WHOLE) == EXPECTED


async def test_the_big_group_has_its_own_row(harness: Harness) -> None:
    seeded = await seed(harness)
    data = await csv_only(harness, seeded.org_id, PERIOD)
    assert figures(data, WHOLE, BIG_GROUP) == {
        ("sessions", "sessions_held"): "3",
        ("sessions", "attendances"): "15",
        ("sessions", "people"): "6",
        ("sessions", "first_timers"): "4",
    }


async def test_weekly_figures_fall_in_local_weeks_cut_to_the_period(harness: Harness) -> None:
    seeded = await seed(harness)
    rows = csv_rows(await csv_only(harness, seeded.org_id, PERIOD))
    weekly = {
        (r["section"], r["metric"], r["period"]): r["value"]
        for r in rows
        if r["period"] != WHOLE and r["value"] != "0"
    }
    assert weekly == {
        ("sessions", "sessions_held", "2026-01-05/2026-01-11"): "2",
        ("sessions", "attendances", "2026-01-05/2026-01-11"): "7",
        ("sessions", "first_timers", "2026-01-05/2026-01-11"): "4",
        ("sessions", "sessions_held", "2026-01-12/2026-01-18"): "1",
        ("sessions", "attendances", "2026-01-12/2026-01-18"): "5",
        ("sessions", "first_timers", "2026-01-12/2026-01-18"): "2",
        ("sessions", "sessions_held", "2026-02-02/2026-02-08"): "1",
        ("sessions", "attendances", "2026-02-02/2026-02-08"): "6",
        ("sessions", "sessions_held", "2026-02-09/2026-02-15"): "1",
        ("sessions", "attendances", "2026-02-09/2026-02-15"): "2",
        ("sessions", "first_timers", "2026-02-09/2026-02-15"): "2",
        ("sessions", "sessions_held", "2026-03-30/2026-03-31"): "1",
        ("sessions", "attendances", "2026-03-30/2026-03-31"): "1",
        ("buddies", "introduced", "2026-01-05/2026-01-11"): "1",
        ("buddies", "introduced", "2026-01-12/2026-01-18"): "1",
        ("buddies", "introduced", "2026-03-09/2026-03-15"): "1",
        ("faq", "answered", "2026-01-05/2026-01-11"): "5",
        ("faq", "answered", "2026-02-16/2026-02-22"): "4",
        ("faq", "handed_to_staff", "2026-01-05/2026-01-11"): "1",
        ("faq", "handed_to_staff", "2026-01-26/2026-02-01"): "1",
        ("faq", "handed_to_staff", "2026-03-16/2026-03-22"): "1",
        ("nudges", "nudges", "2026-01-05/2026-01-11"): "3",
        ("nudges", "nudges", "2026-02-09/2026-02-15"): "1",
        ("notices", "sent", "2026-01-05/2026-01-11"): "1",
        ("notices", "sent", "2026-02-09/2026-02-15"): "1",
        ("notices", "acknowledgements", "2026-01-05/2026-01-11"): "3",
    }
    periods = sorted({r["period"] for r in rows if r["period"] != WHOLE})
    assert periods[0] == "2026-01-01/2026-01-04"
    assert periods[-1] == "2026-03-30/2026-03-31"
    assert len(periods) == 14  # 1-4 Jan, twelve full weeks, 30-31 Mar


async def test_the_written_csv_has_one_header_and_the_same_rows(harness: Harness) -> None:
    seeded = await seed(harness)
    data = (await made(harness, seeded.org_id, PERIOD)).files.csv
    assert data == await csv_only(harness, seeded.org_id, PERIOD)
    assert data.startswith(b"\xef\xbb\xbfsection,metric,period,group,value\r\n")
    assert data.count(b"section,metric") == 1


async def test_another_organisations_activity_is_not_counted(harness: Harness) -> None:
    seeded = await seed(harness)
    async with harness.db.transaction() as db:
        other = await db.scalar(select(Organisation.id).where(Organisation.name == OTHER_ORG))
    assert other is not None and other != seeded.org_id
    data = await csv_only(harness, other, PERIOD, org_name=OTHER_ORG)
    found = figures(data, WHOLE)
    assert found[("sessions", "sessions_held")] == "1"
    assert found[("sessions", "people")] == "1"
    assert found[("nudges", "nudges")] == "5"
    assert found[("buddies", "waiting_today")] == "1"
    assert found[("buddies", "introduced")] == "1"
    assert found[("checkins", "start_score:2")] == "3"
    # One person in its one group: the group is never named.
    assert found[("sessions", "smaller_groups_in_totals_only")] == "1"
    assert not [r for r in csv_rows(data) if r["group"] != "all groups"]
