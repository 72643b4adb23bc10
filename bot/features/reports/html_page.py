"""The report as one HTML page that opens anywhere, offline: styles inline, charts as data URIs.

Every word and number goes through `html.escape`; figures come from the same tidy rows
as the CSV.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape

from bot.features.reports.chart_plan import BarChart
from bot.features.reports.report import SECTIONS, Report
from bot.features.reports.texts import ReportTexts
from bot.features.reports.tidy import ALL_GROUPS, GROUP_METRICS, Row

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1b1b1b;
  max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 2px solid #0072B2; }
h3 { font-size: 1rem; margin-bottom: 0.3rem; }
.period { font-size: 1.1rem; margin: 0; }
.made, .how, .note { color: #4a4a4a; }
.privacy { background: #eef5fb; padding: 0.6rem 0.8rem; border-radius: 4px; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; }
th, td { text-align: left; padding: 0.25rem 0.9rem 0.25rem 0; border-bottom: 1px solid #ddd; }
td.n, th.n { text-align: right; }
img { max-width: 100%; height: auto; display: block; margin: 0.8rem 0; }
@media print { h2 { break-before: auto; } img, table { break-inside: avoid; } }
"""


def html_bytes(
    report: Report,
    rows: Sequence[Row],
    charts: Sequence[tuple[BarChart, bytes]],
    texts: ReportTexts,
) -> bytes:
    title = texts.title.format(org=report.org_name)
    period = texts.period.format(
        first=texts.day(report.period.first), last=texts.day(report.period.last)
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} ({escape(period)})</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="period">{escape(period)}</p>',
        f'<p class="made">{escape(texts.made.format(date=texts.day(report.made_at.date())))}</p>',
        f'<p class="privacy">{escape(texts.privacy)}</p>',
        "</header>",
    ]
    for section in SECTIONS:
        mine = [chart for chart in charts if chart[0].section == section]
        parts += _section(report, section, [r for r in rows if r.section == section], mine, texts)
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")


def _section(
    report: Report,
    section: str,
    rows: list[Row],
    charts: list[tuple[BarChart, bytes]],
    texts: ReportTexts,
) -> list[str]:
    parts = [
        f'<section id="{escape(section)}">',
        f"<h2>{escape(texts.sections[section])}</h2>",
        f'<p class="how">{escape(texts.how_to[section])}</p>',
    ]
    whole = [r for r in rows if r.group == ALL_GROUPS and r.period == report.period.iso()]
    if report.section_empty(section):
        parts += [f'<p class="nothing">{escape(texts.nothing_in_period)}</p>', "</section>"]
        return parts
    summary = [(texts.metric(section, r.metric), r.value) for r in whole if ":" not in r.metric]
    parts += _table((texts.figure_heading, texts.value_heading), summary)
    for chart, png in charts:
        encoded = base64.b64encode(png).decode("ascii")
        parts.append(f'<img src="data:image/png;base64,{encoded}" alt="{escape(chart.title)}">')
    if section == "sessions":
        parts += _groups(report, rows, texts)
    parts += _details(section, [r for r in whole if ":" in r.metric], texts)
    parts.append("</section>")
    return parts


def _groups(report: Report, rows: list[Row], texts: ReportTexts) -> list[str]:
    """One row per group big enough to name; the smaller ones only as a count."""
    parts: list[str] = []
    if report.groups.shown:
        value = {(r.group, r.metric): r.value for r in rows if r.group != ALL_GROUPS}
        headings = [texts.group_heading] + [texts.metric("sessions", m) for m in GROUP_METRICS]
        body = [
            [label] + [value[(label, m)] for m in GROUP_METRICS] for label in report.groups.labels
        ]
        parts += _grid(headings, body)
    if report.groups.hidden:
        parts.append(f'<p class="note">{escape(texts.hidden(report.groups.hidden))}</p>')
    return parts


def _details(section: str, rows: list[Row], texts: ReportTexts) -> list[str]:
    """A small table per figure broken down by kind (`ended:planned` ...), unless all zero."""
    kinds: dict[str, list[Row]] = {}
    for row in rows:
        kinds.setdefault(row.metric.partition(":")[0], []).append(row)
    parts: list[str] = []
    for kind, found in kinds.items():
        if all(r.value in ("0", "") for r in found):
            continue
        parts.append(f"<h3>{escape(texts.detail_titles.get(kind, kind))}</h3>")
        lines = [(texts.metric(section, r.metric), r.value) for r in found]
        parts += _table((texts.figure_heading, texts.value_heading), lines)
    return parts


def _table(headings: tuple[str, str], lines: Sequence[tuple[str, str]]) -> list[str]:
    return _grid(list(headings), [[label, value] for label, value in lines])


def _grid(headings: list[str], body: Sequence[Sequence[str]]) -> list[str]:
    """A table whose first column is words and the rest numbers."""
    number = ' class="n"'
    head = "".join(
        f'<th scope="col"{number if i else ""}>{escape(h)}</th>' for i, h in enumerate(headings)
    )
    parts = ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    for cells in body:
        first, *numbers = cells
        tds = "".join(f'<td class="n">{escape(n)}</td>' for n in numbers)
        parts.append(f'<tr><th scope="row">{escape(first)}</th>{tds}</tr>')
    parts += ["</tbody>", "</table>"]
    return parts
