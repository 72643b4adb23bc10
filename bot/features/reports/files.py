"""Making a report's two files: the HTML page (with its charts) and the CSV beside it.

`make_files` is plain CPU work (drawing charts takes a moment): callers run it in a worker
thread with `asyncio.to_thread`, so carebot keeps answering other people meanwhile.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.reports import chart_plan, charts
from bot.features.reports.csv_file import csv_bytes
from bot.features.reports.html_page import html_bytes
from bot.features.reports.period import Period
from bot.features.reports.report import Report, gather
from bot.features.reports.texts import ReportTexts
from bot.features.reports.tidy import rows


@dataclass(frozen=True, slots=True)
class ReportFiles:
    stem: str
    """`harbour-fostering_2026-01-01_2026-03-31`: add `.html` or `.csv`."""
    html: bytes
    csv: bytes

    @property
    def html_name(self) -> str:
        return f"{self.stem}.html"

    @property
    def csv_name(self) -> str:
        return f"{self.stem}.csv"


def slug(name: str) -> str:
    """A file-name-safe name: `St. Anne's Fostering` becomes `st-annes-fostering`."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", plain.lower().replace("'", "")).strip("-")
    return words[:60].strip("-") or "organisation"


def file_stem(org_name: str, period: Period) -> str:
    return f"{slug(org_name)}_{period.first.isoformat()}_{period.last.isoformat()}"


def make_files(report: Report, texts: ReportTexts) -> ReportFiles:
    figures = rows(report)
    planned = chart_plan.plan(report, texts)
    drawn = list(zip(planned, charts.render_all(planned), strict=True))
    return ReportFiles(
        stem=file_stem(report.org_name, report.period),
        html=html_bytes(report, figures, drawn, texts),
        csv=csv_bytes(figures),
    )


@dataclass(frozen=True, slots=True)
class Made:
    report: Report
    files: ReportFiles


async def make_report(
    db: AsyncSession,
    *,
    org_id: int,
    org_name: str,
    period: Period,
    zone: tzinfo,
    now: datetime,
    texts: ReportTexts,
) -> Made:
    """Read the figures, then draw and write the files in a worker thread."""
    report = await gather(
        db,
        org_id=org_id,
        org_name=org_name,
        period=period,
        zone=zone,
        now=now,
        unnamed_group=texts.unnamed_group,
    )
    files = await asyncio.to_thread(make_files, report, texts)
    return Made(report, files)
