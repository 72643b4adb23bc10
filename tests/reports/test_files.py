"""The files themselves: a quiet period draws no charts, output repeats exactly, names are safe."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from sqlalchemy import select

from bot.features.reports.csv_file import csv_bytes, safe_cell
from bot.features.reports.files import file_stem, slug
from bot.features.reports.period import Period
from bot.features.reports.report import SECTIONS
from bot.features.reports.texts import ReportTexts
from bot.features.reports.tidy import Row
from storage.events_tables import GroupSession, SessionAttendance
from storage.models import Group
from tests.reports.seed import PERIOD, seed
from tests.reports.support import made
from tests.support.harness import Harness


async def test_a_quiet_period_gives_a_page_that_says_so(harness: Harness) -> None:
    seeded = await seed(harness)
    result = await made(harness, seeded.org_id, Period(date(2024, 1, 1), date(2024, 3, 31)))
    page = result.files.html.decode("utf-8")
    nothing = harness.app.services.texts.get(ReportTexts).nothing_in_period
    assert result.report.empty
    assert page.count(nothing) == len(SECTIONS)
    assert "<img" not in page


async def test_the_same_figures_give_the_same_bytes(harness: Harness) -> None:
    seeded = await seed(harness)
    first = await made(harness, seeded.org_id, PERIOD)
    second = await made(harness, seeded.org_id, PERIOD)
    assert first.files == second.files


async def test_words_from_chats_are_escaped(harness: Harness) -> None:
    h = harness
    seeded = await seed(h)
    nasty = "<script>alert(1)</script> & Co"
    await h.group(nasty, org="Harbour Fostering")
    async with h.db.transaction() as db:
        group_id = await db.scalar(select(Group.id).where(Group.title == nasty))
        session = GroupSession(
            group_id=group_id, started_at=PERIOD.starts(h.app.services.settings.zone)
        )
        db.add(session)
        await db.flush()
        for person_id in list(seeded.people.values())[:5]:
            db.add(
                SessionAttendance(
                    session_id=session.id,
                    person_id=person_id,
                    how="here",
                    recorded_at=session.started_at,
                )
            )
    result = await made(h, seeded.org_id, PERIOD, org_name="Harbour <b>Fostering</b>")
    page = result.files.html.decode("utf-8")
    assert "<script>" not in page and "<b>Fostering" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    assert "Harbour &lt;b&gt;Fostering&lt;/b&gt;" in page


def test_csv_cells_that_look_like_formulas_are_defused() -> None:
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell("@group") == "'@group"
    assert safe_cell("-3.5") == "-3.5"
    assert safe_cell("Tuesday") == "Tuesday"
    data = csv_bytes([Row("sessions", "attendances", "2026-01-01/2026-01-04", "=1+1", "4")])
    assert b"'=1+1" in data


def test_file_names_use_a_slug_and_iso_dates() -> None:
    assert slug("St. Anne’s Fostering & Co") == "st-annes-fostering-co"
    assert slug("Ffostrio Cymru — Gwynedd") == "ffostrio-cymru-gwynedd"
    assert slug("???") == "organisation"
    assert file_stem("Harbour Fostering", PERIOD) == "harbour-fostering_2026-01-01_2026-03-31"


def test_carebot_starts_without_loading_matplotlib() -> None:
    code = (
        "import sys, bot.app, bot.cli.main, bot.features.reports.chat, bot.features.reports.files;"
        "print('matplotlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
