"""Making a report straight from storage, and reading figures back out of its CSV."""

from __future__ import annotations

import csv
import io
from zoneinfo import ZoneInfo

from bot.features.reports.csv_file import csv_bytes
from bot.features.reports.files import Made, make_report
from bot.features.reports.period import Period
from bot.features.reports.report import Report, gather
from bot.features.reports.texts import ReportTexts
from bot.features.reports.tidy import rows
from tests.reports.seed import ORG, at
from tests.support.harness import Harness

LONDON = ZoneInfo("Europe/London")
MADE_AT = at(2026, 4, 15, 10)


async def made(h: Harness, org_id: int, period: Period, org_name: str = ORG) -> Made:
    async with h.db.transaction() as db:
        return await make_report(
            db,
            org_id=org_id,
            org_name=org_name,
            period=period,
            zone=LONDON,
            now=MADE_AT,
            texts=h.app.services.texts.get(ReportTexts),
        )


async def report_only(h: Harness, org_id: int, period: Period, org_name: str = ORG) -> Report:
    """The figures without drawing charts (quicker, for tests about numbers)."""
    texts = h.app.services.texts.get(ReportTexts)
    async with h.db.transaction() as db:
        return await gather(
            db,
            org_id=org_id,
            org_name=org_name,
            period=period,
            zone=LONDON,
            now=MADE_AT,
            unnamed_group=texts.unnamed_group,
        )


async def csv_only(h: Harness, org_id: int, period: Period, org_name: str = ORG) -> bytes:
    """The CSV exactly as `make_files` writes it, without the charts."""
    return csv_bytes(rows(await report_only(h, org_id, period, org_name)))


def csv_rows(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def figures(data: bytes, period: str, group: str = "all groups") -> dict[tuple[str, str], str]:
    """(section, metric) -> value, for one period and group."""
    return {
        (row["section"], row["metric"]): row["value"]
        for row in csv_rows(data)
        if row["period"] == period and row["group"] == group
    }
