"""`carebot report`: write an organisation's evaluation report (HTML and CSV) to a folder.

Exit codes: 0 written, 1 the files could not be written, 2 bad input (a date carebot
cannot read, dates the wrong way round, an unknown organisation) or bad settings.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from bot.cli.common import add_config_option, settings_from
from bot.clock import SystemClock
from bot.features.reports.files import ReportFiles, make_report
from bot.features.reports.period import (
    Period,
    PeriodError,
    default_period,
    make_period,
    parse_day,
)
from bot.features.reports.texts import ReportTexts, problem_words
from bot.people.orgs import find_org
from bot.runtime import open_database
from config.texts import Texts
from storage.database import Database

EXIT_WRITTEN = 0
EXIT_NOT_WRITTEN = 1
EXIT_BAD_INPUT = 2


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "report",
        help="write an organisation's evaluation report (HTML with charts, and a CSV)",
        description=(
            "Write an evaluation report for one organisation: an HTML page with charts that "
            "opens offline, and the same numbers as a CSV beside it. No names of carers; groups "
            "where fewer than 5 people came are counted only in the totals. Dates like "
            "2026-01-31 or '31 January 2026', both days included; without dates, the last "
            "three months."
        ),
    )
    parser.add_argument("--org", required=True, help="the organisation's name")
    parser.add_argument("--from", dest="first", help="the first day (default: 3 months ago)")
    parser.add_argument("--to", dest="last", help="the last day (default: today)")
    parser.add_argument(
        "--out", type=Path, default=Path("reports"), help="folder for the files (default: reports)"
    )
    add_config_option(parser)
    parser.set_defaults(handler=handle)


def period_from(first: str | None, last: str | None, today: date) -> Period:
    """Both dates, or one of them with the three-month default for the other."""
    if first is None and last is None:
        return default_period(today)
    end = parse_day(last) if last is not None else today
    start = parse_day(first) if first is not None else default_period(end).first
    return make_period(start, end)


@dataclass(frozen=True, slots=True)
class Outcome:
    code: int
    message: str


async def handle(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    texts = Texts.load().get(ReportTexts)
    now = SystemClock().now()
    try:
        period = period_from(args.first, args.last, now.astimezone(settings.zone).date())
    except PeriodError as error:
        print(f"carebot: {problem_words(texts, error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    db = await open_database(settings)
    try:
        outcome = await write_report(
            db, args.org, period, args.out, texts=texts, zone=settings.zone, now=now
        )
    finally:
        await db.close()
    print(outcome.message, file=sys.stderr if outcome.code else sys.stdout)
    return outcome.code


async def write_report(
    db: Database,
    org_name: str,
    period: Period,
    folder: Path,
    *,
    texts: ReportTexts,
    zone: tzinfo,
    now: datetime,
) -> Outcome:
    """Make the report and write both files; read-only on the database."""
    async with db.sessions() as session:  # never committed: a report changes nothing
        org = await find_org(session, org_name)
        if org is None:
            return Outcome(
                EXIT_BAD_INPUT, f"carebot: {texts.cli_unknown_org.format(name=org_name)}"
            )
        made = await make_report(
            session,
            org_id=org.id,
            org_name=org.name,
            period=period,
            zone=zone,
            now=now,
            texts=texts,
        )
    try:
        html_path, csv_path = await asyncio.to_thread(save, made.files, folder)
    except OSError as problem:
        return Outcome(
            EXIT_NOT_WRITTEN, f"carebot: {texts.cli_not_written.format(problem=problem)}"
        )
    lines = [texts.cli_written.format(html=html_path, csv=csv_path)]
    if made.report.empty:
        lines.append(texts.cli_nothing)
    return Outcome(EXIT_WRITTEN, "\n".join(lines))


def save(files: ReportFiles, folder: Path) -> tuple[Path, Path]:
    """Write both files (making the folder if need be); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    html_path, csv_path = folder / files.html_name, folder / files.csv_name
    html_path.write_bytes(files.html)
    csv_path.write_bytes(files.csv)
    return html_path, csv_path
