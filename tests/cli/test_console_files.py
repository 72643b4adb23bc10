"""Files on the console: saved under the data folder and shown as one line, in a scripted
chat, through the outbox under `carebot run`, and safely named whatever they are called.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import icalendar
import pytest

from adapters.console.adapter import ConsoleAdapter
from adapters.console.files import FileShelf, file_line, safe_name, size_label
from adapters.console.session import PLATFORM, ConsoleSession
from bot.app import build_app
from bot.clock import FakeClock
from bot.events import Attachment, ChatKind, ChatRef, Outgoing
from bot.runner import Runner
from config.settings import Settings
from config.texts import Texts
from storage.database import Database
from tests.cli.test_chat_script import run_chat

CALENDAR_SCRIPT = """\
:as Fran facilitator
:in Walkers
/event Sunday walk every Sunday at 10:30 from 22 March at Hollins Park gates
:press Save
:as Amira
:in Walkers
/events
:press 📅 Sunday walk
:press 📅 Sunday walk
"""


def test_add_to_calendar_saves_the_file_and_says_where(tmp_path: Path) -> None:
    result = run_chat(tmp_path, script=CALENDAR_SCRIPT)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "data" / "console-files"
    first, second = folder / "sunday-walk.ics", folder / "sunday-walk-2.ics"
    size = size_label(first.stat().st_size)
    assert f"  📎 sunday-walk.ics ({size}) saved to {first}\n" in result.stdout
    assert f"  📎 sunday-walk.ics ({size}) saved to {second}\n" in result.stdout
    assert "[dm:Amira] carebot:\n  Here's *Sunday walk* for your calendar." in result.stdout
    [event] = icalendar.Calendar.from_ical(first.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Sunday walk"
    assert first.read_bytes() == second.read_bytes()


def test_jsonl_describes_the_file(tmp_path: Path) -> None:
    result = run_chat(tmp_path, "--jsonl", script=CALENDAR_SCRIPT)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    with_files = [line for line in lines if "file" in line]
    assert [line["to"] for line in with_files] == ["dm:Amira", "dm:Amira"]
    described = with_files[0]["file"]
    saved = tmp_path / "data" / "console-files" / "sunday-walk.ics"
    assert described == {
        "name": "sunday-walk.ics",
        "mime_type": "text/calendar",
        "bytes": saved.stat().st_size,
        "saved_to": str(saved),
    }
    assert all("file" not in line for line in lines if line["to"] != "dm:Amira")


async def test_a_file_through_the_outbox_reaches_the_console(
    database: Database, settings: Settings, texts: Texts, clock: FakeClock
) -> None:
    app = build_app(settings=settings, texts=texts, clock=clock, db=database)
    out = io.StringIO()
    session = ConsoleSession(app=app, clock=clock, out=out, err=io.StringIO())
    session.names["sam"] = "Sam"
    runner = Runner(app, [ConsoleAdapter(session, on_end=lambda: None)])
    report = Attachment("notes.txt", "Tea at 3 ☕\n".encode(), "text/plain")
    to_sam = ChatRef(PLATFORM, "sam", ChatKind.DM)
    await runner.perform([Outgoing(to_sam, "Your notes.", attachment=report)])
    assert out.getvalue() == ""  # queued, not yet sent
    await runner.worker.run_once()
    saved = settings.data_dir / "console-files" / "notes.txt"
    assert saved.read_bytes() == report.data
    assert out.getvalue() == (
        f"[dm:Sam] carebot:\n  Your notes.\n  📎 notes.txt (13 bytes) saved to {saved}\n"
    )


async def test_a_file_that_cannot_be_saved_is_still_shown(
    database: Database, settings: Settings, texts: Texts, clock: FakeClock, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("in the way")
    app = build_app(settings=settings, texts=texts, clock=clock, db=database)
    out, err = io.StringIO(), io.StringIO()
    session = ConsoleSession(app=app, clock=clock, out=out, err=err, files=FileShelf(blocker))
    attachment = Attachment("a.ics", b"BEGIN:VCALENDAR", "text/calendar")
    session.show([Outgoing(ChatRef(PLATFORM, "sam", ChatKind.DM), "Here.", attachment=attachment)])
    assert "📎 a.ics (15 bytes), not saved" in out.getvalue()
    assert "couldn't save a.ics" in out.getvalue()  # the console's own note, not carebot's


@pytest.mark.parametrize(
    ("given", "saved_as"),
    [
        ("sunday-walk.ics", "sunday-walk.ics"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        (".hidden", "hidden"),
        ("Coffee & chat!.ics", "Coffee-chat-.ics"),
        ("", "file"),
        ("..", "file"),
    ],
)
def test_file_names_stay_inside_the_folder(given: str, saved_as: str, tmp_path: Path) -> None:
    assert safe_name(given) == saved_as
    saved = FileShelf(tmp_path / "files").save(Attachment(given, b"x"))
    assert saved == tmp_path / "files" / saved_as


@pytest.mark.parametrize(
    ("size", "label"),
    [(0, "0 bytes"), (1, "1 byte"), (1023, "1023 bytes"), (1229, "1.2 KB"), (3565158, "3.4 MB")],
)
def test_sizes_read_the_way_people_say_them(size: int, label: str) -> None:
    assert size_label(size) == label


def test_the_file_line() -> None:
    attachment = Attachment("carebot-events.ics", b"x" * 1229, "text/calendar")
    line = file_line(attachment, Path("data/console-files/carebot-events.ics"))
    assert line == "📎 carebot-events.ics (1.2 KB) saved to data/console-files/carebot-events.ics"
