"""No names anywhere in a report, and groups where fewer than 5 people came only in the totals."""

from __future__ import annotations

import re
from datetime import date

from bot.features.reports.chart_plan import plan
from bot.features.reports.period import Period
from bot.features.reports.privacy import MIN_PEOPLE, split_groups
from bot.features.reports.sessions import GroupFigures
from bot.features.reports.texts import ReportTexts
from tests.reports.seed import (
    BIG_GROUP,
    EVERY_NAME,
    PERIOD,
    SECRET_WORDS,
    SMALL_GROUPS,
    seed,
)
from tests.reports.support import csv_rows, made, report_only
from tests.support.harness import Harness

IMAGES = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=]+")


def words_of(name: str) -> list[str]:
    """The full name, each part of it, and the console account id made from it."""
    return [name, *name.split(), name.lower().replace(" ", "-")]


async def test_no_name_or_private_words_reach_the_html_or_the_csv(harness: Harness) -> None:
    seeded = await seed(harness)
    result = await made(harness, seeded.org_id, PERIOD)
    html = result.files.html.decode("utf-8")
    assert html.count("data:image/png;base64,") >= 8
    words = IMAGES.sub("", html)  # base64 is random letters: charts are checked below
    csv_text = result.files.csv.decode("utf-8-sig")
    texts = harness.app.services.texts.get(ReportTexts)
    charts = plan(result.report, texts)
    chart_words = " ".join(
        [c.title for c in charts]
        + [label for c in charts for label in c.categories]
        + [s.label for c in charts for s in c.series]
    )
    assert BIG_GROUP in words and BIG_GROUP in csv_text  # the checks below can see text
    for name in EVERY_NAME:
        for word in words_of(name):
            found = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
            for where in (words, csv_text, chart_words):
                assert not found.search(where), word
    for secret in SECRET_WORDS:
        assert secret not in words and secret not in csv_text


async def test_small_groups_appear_only_in_the_totals(harness: Harness) -> None:
    seeded = await seed(harness)
    made_report = await made(harness, seeded.org_id, PERIOD)
    html = made_report.files.html.decode("utf-8")
    groups_in_csv = {row["group"] for row in csv_rows(made_report.files.csv)}
    assert groups_in_csv == {"all groups", BIG_GROUP}
    for small in SMALL_GROUPS:
        assert small not in html
    assert "2 smaller groups are counted in the totals only." in html
    # Their sessions are still in the totals: 6 sessions, of which Tuesday Circle held 3.
    assert re.search(r"Sessions held</th><td class=\"n\">6<", html)


async def test_charts_never_label_a_small_group(harness: Harness) -> None:
    seeded = await seed(harness)
    report = await report_only(harness, seeded.org_id, PERIOD)
    texts = harness.app.services.texts.get(ReportTexts)
    labels = {label for chart in plan(report, texts) for label in chart.categories}
    assert not labels & set(SMALL_GROUPS)
    assert report.groups.hidden == 2
    assert [g.title for g in report.groups.shown] == [BIG_GROUP]


def test_the_threshold_is_five_different_people() -> None:
    groups = [
        GroupFigures(1, "Four", sessions=9, attendances=30, people=MIN_PEOPLE - 1),
        GroupFigures(2, "Three", sessions=9, attendances=20, people=3),
        GroupFigures(3, "Five", sessions=1, attendances=5, people=MIN_PEOPLE),
        GroupFigures(4, "Five", sessions=2, attendances=10, people=7),
        GroupFigures(5, "  ", sessions=2, attendances=10, people=8),
    ]
    split = split_groups(groups, "Group {number}")
    assert [g.group_id for g in split.shown] == [3, 4, 5]
    assert split.labels == ("Five", "Five (2)", "Group 3")  # never two rows with one name
    assert split.hidden == 2


def test_one_small_group_never_stands_alone_in_the_difference() -> None:
    """Totals minus the named groups must not give one small group's figures."""
    groups = [
        GroupFigures(1, "Tiny", sessions=9, attendances=30, people=MIN_PEOPLE - 1),
        GroupFigures(2, "Big", sessions=4, attendances=40, people=12),
        GroupFigures(3, "Middling", sessions=4, attendances=20, people=6),
    ]
    split = split_groups(groups, "Group {number}")
    assert [g.title for g in split.shown] == ["Big"]  # Middling goes unnamed with Tiny
    assert split.hidden == 2


async def test_a_period_with_only_small_groups_names_none(harness: Harness) -> None:
    seeded = await seed(harness)
    february = Period(date(2026, 2, 9), date(2026, 2, 15))  # only Tiny Hub met
    report = await report_only(harness, seeded.org_id, february)
    assert report.sessions.sessions == 1 and report.groups.shown == ()
    assert report.groups.hidden == 1
