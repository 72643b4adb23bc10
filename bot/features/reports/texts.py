"""The words of a report, read from config/messages/reports.toml."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pydantic import model_validator

from bot.features.reports.period import PeriodError, Problem
from bot.features.reports.report import SECTIONS
from config.texts import TextSection


class ReportTexts(TextSection):
    section = "reports"
    title: str
    period: str
    made: str
    privacy: str
    nothing_in_period: str
    unnamed_group: str
    hidden_groups: list[str]
    figure_heading: str
    value_heading: str
    group_heading: str
    week_axis: str
    count_axis: str
    months: list[str]
    sections: dict[str, str]
    how_to: dict[str, str]
    metrics: dict[str, dict[str, str]]
    detail_titles: dict[str, str]
    detail_labels: dict[str, dict[str, str]]
    charts: dict[str, str]
    series: dict[str, str]
    problems: dict[str, str]
    chat_caption: str
    chat_nothing: str
    cli_unknown_org: str
    cli_written: str
    cli_not_written: str
    cli_nothing: str

    @model_validator(mode="after")
    def _every_part_worded(self) -> ReportTexts:
        _missing(self.sections, SECTIONS, "sections")
        _missing(self.how_to, SECTIONS, "how_to")
        _missing(self.metrics, SECTIONS, "metrics")
        _missing(self.problems, [p.value for p in Problem], "problems")
        if len(self.hidden_groups) != 2:
            raise ValueError("hidden_groups needs two forms: one, and more than one")
        if len(self.months) != 12:
            raise ValueError("months needs the twelve month names, January first")
        return self

    def day(self, day: date) -> str:
        """`1 January 2026`."""
        return f"{day.day} {self.months[day.month - 1]} {day.year}"

    def short_day(self, day: date) -> str:
        """`5 Jan`, for chart axes."""
        return f"{day.day} {self.months[day.month - 1][:3]}"

    def hidden(self, count: int) -> str:
        return (self.hidden_groups[0] if count == 1 else self.hidden_groups[1]).format(count=count)

    def metric(self, section: str, metric: str) -> str:
        """A figure's label; a figure broken down by kind (`ended:planned`) by its kind's label."""
        kind, _, detail = metric.partition(":")
        if detail:
            return self.detail_labels.get(kind, {}).get(detail, detail.replace("_", " "))
        return self.metrics.get(section, {}).get(metric, metric.replace("_", " "))


def _missing(
    table: dict[str, str] | dict[str, dict[str, str]], keys: Iterable[str], name: str
) -> None:
    absent = [key for key in keys if key not in table]
    if absent:
        raise ValueError(f"{name} has no entry for {', '.join(absent)}")


def problem_words(texts: ReportTexts, error: PeriodError) -> str:
    """The kind sentence for a period that could not be used."""
    return texts.problems[error.problem.value].format(typed=error.typed)
