"""Every figure of a report as tidy rows: section, metric, period, group, value.

The CSV is exactly these rows, and the HTML tables are read from them, so the two
can never disagree. `metric` is a fixed id (`attendances`); a figure broken down by
kind has the kind after a colon (`ended:planned`, `nudges:school`). `period` is an ISO
8601 interval of dates (`2026-01-01/2026-03-31` for the whole period, one row per
Monday-to-Sunday week for weekly figures), `group` is a group's name or ALL_GROUPS.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from bot.features.reports.buddies import BANDS
from bot.features.reports.checkins import PHASES, SCALE
from bot.features.reports.period import Period, week_of
from bot.features.reports.report import Report
from bot.features.reports.scope import WeekCounts

ALL_GROUPS = "all groups"
GROUP_METRICS = ("sessions_held", "attendances", "people", "first_timers")


@dataclass(frozen=True, slots=True)
class Row:
    section: str
    metric: str
    period: str
    group: str
    value: str


def number(value: float | None) -> str:
    """Whole numbers as they are, others to one decimal place."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return f"{value:.1f}"


def band_keys() -> list[str]:
    return [f"up_to_{top}_days" for top in BANDS] + [f"over_{BANDS[-1]}_days"]


def rows(report: Report) -> list[Row]:
    return list(_all(report))


def _all(report: Report) -> Iterator[Row]:
    yield from _sessions(report)
    yield from _checkins(report)
    yield from _buddies(report)
    yield from _faq(report)
    yield from _nudges(report)
    yield from _notices(report)


def _whole(report: Report, section: str, figures: list[tuple[str, float | None]]) -> Iterator[Row]:
    for metric, value in figures:
        if value is not None:
            yield Row(section, metric, report.period.iso(), ALL_GROUPS, number(value))


def _weekly(report: Report, section: str, series: list[tuple[str, WeekCounts]]) -> Iterator[Row]:
    weeks: list[Period] = list(report.period.weeks())
    for metric, counts in series:
        for week in weeks:
            count = counts.get(week_of(week.first), 0)
            yield Row(section, metric, week.iso(), ALL_GROUPS, str(count))


def _sessions(report: Report) -> Iterator[Row]:
    s = report.sessions
    average = s.attendances / s.sessions if s.sessions else None
    yield from _whole(
        report,
        "sessions",
        [
            ("sessions_held", s.sessions),
            ("attendances", s.attendances),
            ("people", s.people),
            ("first_timers", s.first_timers),
            ("average_attendance", average),
            ("groups_with_sessions", len(s.groups)),
            ("smaller_groups_in_totals_only", report.groups.hidden),
        ],
    )
    for group, label in zip(report.groups.shown, report.groups.labels, strict=True):
        values = (group.sessions, group.attendances, group.people, group.first_timers)
        for metric, value in zip(GROUP_METRICS, values, strict=True):
            yield Row("sessions", metric, report.period.iso(), label, str(value))
    yield from _weekly(
        report,
        "sessions",
        [
            ("sessions_held", s.sessions_by_week),
            ("attendances", s.attendances_by_week),
            ("first_timers", s.first_timers_by_week),
        ],
    )


def _checkins(report: Report) -> Iterator[Row]:
    c = report.checkins
    figures: list[tuple[str, float | None]] = []
    for phase in PHASES:
        figures += [(f"{phase}_answers", c.answers(phase)), (f"{phase}_average", c.average(phase))]
    for phase in PHASES:
        figures += [(f"{phase}_score:{score}", c.spread[phase][score]) for score in SCALE]
    yield from _whole(report, "checkins", figures)


def _buddies(report: Report) -> Iterator[Row]:
    b = report.buddies
    figures: list[tuple[str, float | None]] = [
        ("waiting_today", b.waiting_today),
        ("asked", b.asked),
        ("introduced", b.introduced),
        ("median_days_to_introduction", b.median_days),
        ("active_at_end", b.active_at_end),
        ("rating_answers", b.rating_answers),
    ]
    figures += [
        (f"introduced_within:{key}", n) for key, n in zip(band_keys(), b.bands(), strict=True)
    ]
    figures += [(f"ended:{reason}", n) for reason, n in b.endings.items()]
    figures += [(f"not_taken_up:{status}", n) for status, n in b.not_taken_up.items()]
    figures += [(f"rating:{score}", n) for score, n in b.ratings.items()]
    yield from _whole(report, "buddies", figures)
    yield from _weekly(report, "buddies", [("introduced", b.introduced_by_week)])


def _faq(report: Report) -> Iterator[Row]:
    f = report.faq
    figures: list[tuple[str, float | None]] = [
        ("answered", f.answered),
        ("helpful", f.helpful),
        ("unhelpful", f.unhelpful),
        ("not_sure", f.not_sure),
        ("handed_to_staff", f.handed_over),
        ("staff_answered", f.staff_answered),
        ("still_open", f.still_open),
        ("median_hours_to_answer", f.median_hours),
    ]
    figures += [(f"unhelpful_topic:{topic}", n) for topic, n in f.unhelpful_by_topic.items()]
    yield from _whole(report, "faq", figures)
    yield from _weekly(
        report,
        "faq",
        [("answered", f.answered_by_week), ("handed_to_staff", f.handed_over_by_week)],
    )


def _nudges(report: Report) -> Iterator[Row]:
    n = report.nudges
    figures: list[tuple[str, float | None]] = [("nudges", n.total)]
    figures += [(f"category:{category}", count) for category, count in n.by_category.items()]
    yield from _whole(report, "nudges", figures)
    yield from _weekly(report, "nudges", [("nudges", n.by_week)])


def _notices(report: Report) -> Iterator[Row]:
    n = report.notices
    yield from _whole(
        report,
        "notices",
        [
            ("sent", n.sent),
            ("groups_reached", n.groups_reached),
            ("people_reached", n.people_reached),
            ("asked_to_acknowledge", n.asked_to_acknowledge),
            ("acknowledgements", n.acknowledgements),
        ],
    )
    yield from _weekly(
        report,
        "notices",
        [("sent", n.sent_by_week), ("acknowledgements", n.acknowledged_by_week)],
    )
