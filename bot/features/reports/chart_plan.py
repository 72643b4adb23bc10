"""Which charts a report has, with their words and numbers: pure, so it is easy to test.

Only groups big enough to name get a bar of their own; a chart with nothing but zeros
is left out (the section's table says "nothing happened" instead).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.features.reports.buddies import RATINGS
from bot.features.reports.checkins import SCALE
from bot.features.reports.period import week_of
from bot.features.reports.report import Report
from bot.features.reports.scope import WeekCounts
from bot.features.reports.texts import ReportTexts
from bot.features.reports.tidy import band_keys

MOST_BARS = 15  # the longest "by kind" charts show the top ones; the table has them all


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    values: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class BarChart:
    key: str
    section: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    horizontal: bool = False
    category_axis: str = ""
    value_axis: str = ""

    @property
    def empty(self) -> bool:
        return not any(v for s in self.series for v in s.values)


def plan(report: Report, texts: ReportTexts) -> list[BarChart]:
    charts = [
        *_sessions(report, texts),
        *_checkins(report, texts),
        *_buddies(report, texts),
        *_faq(report, texts),
        *_nudges(report, texts),
        *_notices(report, texts),
    ]
    return [chart for chart in charts if not chart.empty and _worth_drawing(chart)]


def _worth_drawing(chart: BarChart) -> bool:
    """A "by group" chart with one bar says nothing the table doesn't."""
    return chart.key != "attendance_by_group" or len(chart.categories) > 1


def _weekly(
    report: Report,
    texts: ReportTexts,
    key: str,
    section: str,
    series: list[tuple[str, WeekCounts]],
) -> BarChart:
    weeks = list(report.period.weeks())
    return BarChart(
        key=key,
        section=section,
        title=texts.charts[key],
        categories=tuple(texts.short_day(week.first) for week in weeks),
        series=tuple(
            Series(texts.series[name], tuple(counts.get(week_of(w.first), 0) for w in weeks))
            for name, counts in series
        ),
        category_axis=texts.week_axis,
        value_axis=texts.count_axis,
    )


def _by_kind(
    texts: ReportTexts, key: str, section: str, kind: str, counts: dict[str, int], series: str
) -> BarChart:
    top = list(counts.items())[:MOST_BARS]
    return BarChart(
        key=key,
        section=section,
        title=texts.charts[key],
        categories=tuple(texts.metric(section, f"{kind}:{name}") for name, _ in top),
        series=(Series(texts.series[series], tuple(n for _, n in top)),),
        horizontal=True,
        value_axis=texts.count_axis,
    )


def _sessions(report: Report, texts: ReportTexts) -> list[BarChart]:
    s = report.sessions
    shown = report.groups
    return [
        _weekly(
            report, texts, "sessions_by_week", "sessions", [("sessions_held", s.sessions_by_week)]
        ),
        _weekly(
            report,
            texts,
            "attendance_by_week",
            "sessions",
            [("attendances", s.attendances_by_week), ("first_timers", s.first_timers_by_week)],
        ),
        BarChart(
            key="attendance_by_group",
            section="sessions",
            title=texts.charts["attendance_by_group"],
            categories=shown.labels,
            series=(
                Series(texts.series["attendances"], tuple(g.attendances for g in shown.shown)),
            ),
            horizontal=True,
            value_axis=texts.count_axis,
        ),
    ]


def _checkins(report: Report, texts: ReportTexts) -> list[BarChart]:
    spread = report.checkins.spread
    return [
        BarChart(
            key="checkin_spread",
            section="checkins",
            title=texts.charts["checkin_spread"],
            categories=tuple(texts.metric("checkins", f"start_score:{n}") for n in SCALE),
            series=tuple(
                Series(texts.series[phase], tuple(spread[phase][n] for n in SCALE))
                for phase in ("start", "end")
            ),
            value_axis=texts.count_axis,
        )
    ]


def _buddies(report: Report, texts: ReportTexts) -> list[BarChart]:
    b = report.buddies
    bands = dict(zip(band_keys(), b.bands(), strict=True))
    return [
        _weekly(
            report,
            texts,
            "introductions_by_week",
            "buddies",
            [("introduced", b.introduced_by_week)],
        ),
        _by_kind(
            texts, "time_to_introduction", "buddies", "introduced_within", bands, "introduced"
        ),
        BarChart(
            key="ratings",
            section="buddies",
            title=texts.charts["ratings"],
            categories=tuple(texts.metric("buddies", f"rating:{n}") for n in RATINGS),
            series=(Series(texts.series["pairings"], tuple(b.ratings[n] for n in RATINGS)),),
            value_axis=texts.count_axis,
        ),
    ]


def _faq(report: Report, texts: ReportTexts) -> list[BarChart]:
    f = report.faq
    return [
        _weekly(
            report,
            texts,
            "faq_by_week",
            "faq",
            [("answered", f.answered_by_week), ("handed_to_staff", f.handed_over_by_week)],
        ),
        _by_kind(
            texts, "unhelpful_topics", "faq", "unhelpful_topic", f.unhelpful_by_topic, "answers"
        ),
    ]


def _nudges(report: Report, texts: ReportTexts) -> list[BarChart]:
    n = report.nudges
    return [_by_kind(texts, "nudges_by_category", "nudges", "category", n.by_category, "nudges")]


def _notices(report: Report, texts: ReportTexts) -> list[BarChart]:
    n = report.notices
    return [
        _weekly(
            report,
            texts,
            "notices_by_week",
            "notices",
            [("sent", n.sent_by_week), ("acknowledgements", n.acknowledged_by_week)],
        )
    ]
