""" "Add to calendar": the .ics file goes privately, reads back in a calendar library, and
the command line writes a group's calendar. The clock starts on Monday 5 January 2026 at 9am.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import icalendar
import pytest

from bot.capabilities import Capabilities
from bot.cli import events as events_cli
from bot.events import Action, Attachment
from bot.features.events.calendar import file_name
from bot.roles import Role
from storage.database import Database
from tests.engine.events_support import LONDON, one_to, said_to, save_event
from tests.support.harness import PLATFORM, Actor, Harness, attachments, only_text

SUNDAYS = "Sunday walk every Sunday at 10:30 from 22 March at Hollins Park gates, wear boots"


def calendar_sent_to(actions: Sequence[Action], person: Actor, name: str) -> icalendar.Calendar:
    """The one file sent privately to `person`: a real iCalendar file called `name`."""
    [sent] = attachments(actions, person.dm)
    assert isinstance(sent, Attachment)
    assert sent.filename == name
    assert sent.mime_type == "text/calendar"
    assert sent.data.startswith(b"BEGIN:VCALENDAR\r\n") and sent.data.endswith(b"END:VCALENDAR\r\n")
    return icalendar.Calendar.from_ical(sent.data)


@pytest.fixture
async def fran(harness: Harness) -> Actor:
    return await harness.person("Fran", Role.FACILITATOR)


async def test_add_to_calendar_sends_the_event_privately(harness: Harness, fran: Actor) -> None:
    h = harness
    group = await h.group("Walkers")
    amira = await h.person("Amira")
    await save_event(h, SUNDAYS, as_=fran, in_=group)
    await h.say("/event skip 1 5 April Easter", as_=fran, in_=group)
    listing = await h.say("/events", as_=amira, in_=group)
    actions = await h.press("📅 Sunday walk", as_=amira, in_=group)
    assert said_to(actions, group) == []
    message = one_to(actions, amira)
    assert message.startswith("Here's *Sunday walk* for your calendar. Tap the file to open it")
    assert "BEGIN:" not in message  # the calendar is in the file, not the text
    calendar = calendar_sent_to(actions, amira, "sunday-walk.ics")
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Sunday walk"
    assert str(event["UID"]) == "event-1@carebot.invalid"
    assert str(event["LOCATION"]) == "Hollins Park gates"
    assert str(event["DESCRIPTION"]) == "wear boots"
    assert event["DTSTART"].dt == datetime(2026, 3, 22, 10, 30, tzinfo=LONDON)
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["BYDAY"] == ["SU"]
    skipped = [d.dt for d in event["EXDATE"].dts]
    assert skipped == [datetime(2026, 4, 5, 10, 30, tzinfo=LONDON)]
    assert int(event["SEQUENCE"]) == 1  # the skip changed the event
    raw = h.files_sent_to(amira)[0].data.decode("utf-8")
    assert "TZID=Europe/London:20260322T103000" in raw
    assert "BEGIN:VTIMEZONE" in raw and "TZNAME:BST" in raw
    assert listing  # the /events answer offered the button pressed above
    assert attachments(listing) == []  # the listing itself carries no file


async def test_the_whole_group_calendar_and_stale_buttons(harness: Harness, fran: Actor) -> None:
    h = harness
    group = await h.group("Walkers")
    amira = await h.person("Amira")
    nothing = await h.press_data("evcalg:1", as_=amira, in_=group)
    assert one_to(nothing, amira).startswith("There's nothing coming up in this group")
    await save_event(h, SUNDAYS, as_=fran, in_=group)
    await save_event(h, "Picnic on 6 June at noon online", as_=fran, in_=group)
    await save_event(h, "Quiz on 7 February at 7pm", as_=fran, in_=group)
    await h.say("/event cancel 3", as_=fran, in_=group)
    await h.say("/events", as_=amira, in_=group)
    pressed = await h.press("📅 All of them", as_=amira, in_=group)
    message = one_to(pressed, amira)
    assert message.startswith("Here are *Walkers*'s events for your calendar.")
    assert attachments(pressed, group) == []  # nothing goes to the group itself
    calendar = calendar_sent_to(pressed, amira, "walkers.ics")
    assert str(calendar["X-WR-CALNAME"]) == "Walkers"
    titles = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert titles == ["Sunday walk", "Picnic"]  # in date order; the cancelled quiz is left out

    for data in ("evcal:999", "evcal:x", "evcalg:999", "evcalg:"):
        answer = await h.press_data(data, as_=amira, in_=group)
        assert one_to(answer, amira).startswith("That event isn't there any more"), data
        assert attachments(answer) == [], data
    visitor = h.guest("Visitor")
    assert "join first" in only_text(await h.press_data("evcal:1", as_=visitor, in_=group))
    assert file_name("Coffee & chat!!") == "coffee-chat.ics"
    assert file_name("☕") == "event.ics"


class _Borrowed:
    """The test's database, lent to the command line (which would otherwise close it)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.sessions = db.sessions

    async def close(self) -> None:
        return None


async def test_the_command_line_writes_a_group_calendar(
    harness: Harness, fran: Actor, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    h = harness
    group = await h.group("Walkers")
    await h.group("Walkers", org="Another Service", platform="telegram")
    await h.group("Quiet")
    await save_event(h, SUNDAYS, as_=fran, in_=group)

    async def borrowed(_settings: Any) -> _Borrowed:
        return _Borrowed(h.db)

    monkeypatch.setattr(events_cli, "open_database", borrowed)
    monkeypatch.setattr(events_cli, "settings_from", lambda _args: h.app.services.settings)

    def run(group_name: str) -> argparse.Namespace:
        return argparse.Namespace(group=group_name, config=None)

    assert await events_cli.handle_ics(clock=h.clock, args=run("walkers")) == 1
    assert "more than one group matches 'walkers'" in capsys.readouterr().err
    event_row = await save_event(h, "Quiz on 7 February at 7pm", as_=fran, in_=group)
    assert await events_cli.handle_ics(clock=h.clock, args=run(str(event_row.group_id))) == 0
    out = capsys.readouterr().out
    assert out.startswith("BEGIN:VCALENDAR\r\n") and out.endswith("END:VCALENDAR\r\n")
    titles = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(out).walk("VEVENT")]
    assert titles == ["Quiz", "Sunday walk"]

    assert await events_cli.handle_ics(clock=h.clock, args=run("Nowhere")) == 1
    assert "there is no group called 'Nowhere'" in capsys.readouterr().err
    assert await events_cli.handle_ics(clock=h.clock, args=run("Quiet")) == 0
    quiet = capsys.readouterr()
    assert "nothing is coming up in 'Quiet'" in quiet.err
    assert "BEGIN:VEVENT" not in quiet.out


class TestOnAPlatformWithoutFiles:
    @pytest.fixture
    def capabilities(self) -> dict[str, Capabilities]:
        return {PLATFORM: Capabilities(buttons=True, can_send_files=False)}

    async def test_the_caption_comes_with_a_kind_line_instead(
        self, harness: Harness, fran: Actor
    ) -> None:
        h = harness
        group = await h.group("Walkers")
        amira = await h.person("Amira")
        await save_event(h, SUNDAYS, as_=fran, in_=group)
        await h.say("/events", as_=amira, in_=group)
        actions = await h.press("📅 Sunday walk", as_=amira, in_=group)
        assert attachments(actions) == [] and h.files_sent_to(amira) == []
        message = one_to(actions, amira)
        assert message.startswith("Here's *Sunday walk* for your calendar.")
        assert message.endswith(
            "\n\n_I wanted to send you a file here (sunday-walk.ics), but this app doesn't let "
            "me send files. Sorry about that._"
        )
