"""Running a session: welcome and check-in, turns, topics, breaks, action points and the end.

carebot keeps no transcript: after a whole session, only who came, the check-in totals and
the action points are in the database. The clock starts on Monday 5 January 2026 at 9am.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import build_app
from bot.features.sessions.topics import choose, load_library
from bot.roles import Role
from config.settings import ConfigError
from moderation.rules import RuleTexts
from storage.all_tables import Base
from storage.events_tables import (
    SessionAction,
    SessionAttendance,
    SessionCheckin,
    SessionCheckinVoter,
    SessionTurn,
)
from tests.engine.events_support import Postbox, fire, one_to, said_to
from tests.engine.helpers import count, rows
from tests.support.harness import Harness, only_text

SEED = 7
SCALE = ["1 Struggling", "2 Low", "3 OK", "4 Good", "5 Great"]
TURN = "🙋 I'd like a turn"


@pytest.fixture
def h(harness: Harness) -> Harness:
    """The harness with a seeded random source, so the speaking order repeats exactly."""
    services = harness.app.services
    harness.app = build_app(
        settings=services.settings,
        texts=services.texts,
        clock=harness.clock,
        db=services.db,
        capabilities=services.capabilities,
        rng=random.Random(SEED),
    )
    return harness


async def spread(h: Harness, phase: str) -> dict[int, int]:
    found = await rows(h, SessionCheckin, SessionCheckin.phase == phase)
    return {row.score: row.count for row in found if row.count}


async def test_a_whole_session_keeps_only_attendance_totals_and_actions(h: Harness) -> None:
    group = await h.group("Tuesday")
    fran = await h.person("Fran", Role.FACILITATOR)
    amira, ben, cara = [await h.person(n) for n in ("Amira", "Ben", "Cara")]

    [start] = await h.say("/session start", as_=fran, in_=group)
    rules = h.app.services.texts.get(RuleTexts).rules
    assert start.text.startswith("*Welcome, everyone.*")  # type: ignore[union-attr]
    assert rules in start.text  # type: ignore[union-attr]
    assert "*Check-in:* how are you today? Tap a number." in start.text  # type: ignore[union-attr]
    assert [b.label for b in start.buttons] == [*SCALE, TURN]  # type: ignore[union-attr]

    thanks = await h.press("2 Low", as_=amira, in_=group)
    assert said_to(thanks, group) == []
    assert one_to(thanks, amira) == (
        "Thank you. Your answer is counted, and never shown with your name."
    )
    await h.press("4 Good", as_=ben, in_=group)
    assert only_text(await h.say("/checkin", as_=fran, in_=group)) == (
        "2 of you have answered so far. I'll share the totals once at least 3 have, "
        "so nobody can be singled out."
    )
    await h.press("4 Good", as_=cara, in_=group)
    again = only_text(await h.press("5 Great", as_=amira, in_=group))
    assert again == "You've already answered this check-in, thank you."
    totals = only_text(await h.say("/checkin", as_=fran, in_=group))
    assert totals.splitlines() == [
        "*How we're doing* (3 answers):",
        "5 Great: 0",
        "4 Good: ■■ 2",
        "3 OK: 0",
        "2 Low: ■ 1",
        "1 Struggling: 0",
    ]

    assert "on the list for a turn" in only_text(await h.press(TURN, as_=amira, in_=group))
    await h.press(TURN, as_=cara, in_=group)
    await h.press(TURN, as_=ben, in_=group)
    assert "already on the list" in only_text(await h.press(TURN, as_=cara, in_=group))
    order = ["Amira", "Ben", "Cara"]
    random.Random(SEED).shuffle(order)  # /round is the first use of the random source
    speaking = only_text(await h.say("/round", as_=fran, in_=group))
    assert speaking.splitlines() == [
        "*Speaking order*",
        *(f"{i}. {n}" for i, n in enumerate(order, 1)),
    ]

    library = load_library()
    school = only_text(await h.say("/topic school", as_=fran, in_=group))
    heading, prompt = school.split("\n")
    assert heading == "*Something to talk about* (School and PEPs):"
    assert prompt in library.themes["school"].prompts
    anything = only_text(await h.say("/topic", as_=fran, in_=group)).split("\n")[1]
    assert any(anything in theme.prompts for theme in library.themes.values())
    own = only_text(await h.say("/topic How did the holidays go?", as_=fran, in_=group))
    assert own == "*Something to talk about:*\nHow did the holidays go?"

    await h.say("my little one had a rough week at school", as_=ben, in_=group)
    brk = only_text(await h.say("/break 15", as_=fran, in_=group))
    assert brk == "Let's take a 15-minute break. We'll start again at 9:15am."
    post = Postbox(h)
    await fire(h, h.clock.now() + timedelta(minutes=15))
    [back] = await post.new()
    assert (back.chat_id, back.text) == (group.id, "Welcome back, everyone. Let's carry on.")

    noted = only_text(await h.say("/action Fran to share the PEP guide", as_=fran, in_=group))
    assert noted == "Action point noted: Fran to share the PEP guide"
    assert one_to(await h.say("/here", as_=amira, in_=group), amira) == (
        "Thanks, you're marked as here today."
    )
    assert "already marked" in one_to(await h.say("/here", as_=amira, in_=group), amira)
    await h.say("/here", as_=ben, in_=group)

    [end] = await h.say("/session end", as_=fran, in_=group)
    assert end.text.splitlines() == [  # type: ignore[union-attr]
        "*That's the end of today's session.* Thank you all for coming, and for what you shared.",
        "",
        "How we were at the start:",
        *totals.splitlines(),
        "",
        "*Action points*",
        "- Fran to share the PEP guide",
        "",
        "*Before you go:* how are you now? Tap a number. Again, only the totals are shown.",
    ]
    assert [b.label for b in end.buttons] == SCALE  # type: ignore[union-attr]
    assert await count(h, SessionTurn) == 0  # the speaking list goes with the session
    await h.press("3 OK", as_=amira, in_=group)
    await h.press("5 Great", as_=ben, in_=group)
    closed = only_text(await h.press_data(start.buttons[0].data, as_=cara, in_=group))  # type: ignore[union-attr]
    assert closed == "That check-in has closed now. Thank you all the same."
    await fire(h, h.clock.now() + timedelta(hours=1))
    late = only_text(await h.press("4 Good", as_=cara, in_=group))
    assert late == "That check-in has closed now. Thank you all the same."

    assert await spread(h, "start") == {2: 1, 4: 2}
    assert await spread(h, "end") == {3: 1, 5: 1}
    assert await count(h, SessionCheckinVoter) == 0  # who answered is forgotten
    assert [a.text for a in await rows(h, SessionAction)] == ["Fran to share the PEP guide"]
    assert len(await rows(h, SessionAttendance)) == 2
    async with h.db.sessions() as db:  # nothing anyone said in the group was kept
        for table in Base.metadata.sorted_tables:
            for row in (await db.execute(select(table))).all():
                assert "rough week" not in repr(row), table.name


async def test_session_commands_explain_what_they_need(h: Harness) -> None:
    group = await h.group("Tuesday")
    other = await h.group("Thursday")
    lonely = await h.group("Lonely", register=False)
    fran = await h.person("Fran", Role.FACILITATOR)
    amira = await h.person("Amira")
    visitor = h.guest("Visitor")

    assert "for facilitators" in only_text(await h.say("/session start", as_=amira, in_=group))
    assert "isn't registered" in only_text(await h.say("/session start", as_=fran, in_=lonely))
    assert "isn't registered" in only_text(await h.say("/topic", as_=fran, in_=lonely))
    usage = "Use /session start to begin a session and /session end to close it."
    assert only_text(await h.say("/session", as_=fran, in_=group)) == usage
    assert only_text(await h.say("/session dance", as_=fran, in_=group)) == usage
    no_session = "There's no session running here just now. Start one with /session start."
    for said in ("/session end", "/round", "/checkin", "/break", "/action Call Sam"):
        assert only_text(await h.say(said, as_=fran, in_=group)) == no_session, said
    assert "/break 10" in only_text(await h.say("/break 90", as_=fran, in_=group))
    assert "/break 10" in only_text(await h.say("/break soon", as_=fran, in_=group))
    assert "What's the action?" in only_text(await h.say("/action", as_=fran, in_=group))
    here = one_to(await h.say("/here", as_=amira, in_=group), amira)
    assert here.startswith("There's no session running just now")

    [start] = await h.say("/session start", as_=fran, in_=group)
    h.clock.advance(timedelta(minutes=20))
    assert only_text(await h.say("/session start", as_=fran, in_=group)) == (
        "A session is already running here (it started at 9am). "
        "Send /session end to close it before starting another."
    )
    joined_first = "you'll need to join carebot first"
    assert joined_first in only_text(await h.press("3 OK", as_=visitor, in_=group))
    assert joined_first in only_text(await h.press(TURN, as_=visitor, in_=group))
    stale = "That button is from an older session, sorry."
    for data in ("chk:999.s.3", "chk:1.x.3", "chk:1.s.9", "chk:one", "turn:999", "turn:x"):
        assert only_text(await h.press_data(data, as_=amira, in_=group)) == stale, data
    elsewhere = start.buttons[2].data  # type: ignore[union-attr]
    assert only_text(await h.press_data(elsewhere, as_=amira, in_=other)) == stale
    assert "for facilitators" in only_text(await h.say("/round", as_=amira, in_=group))

    await h.say("/break 10", as_=fran, in_=group)
    await h.say("/session end", as_=fran, in_=group)
    post = Postbox(h)
    await fire(h, h.clock.now() + timedelta(minutes=10))
    assert [m for m in await post.new() if m.kind == "session_break"] == []
    turn_after = start.buttons[-1].data  # type: ignore[union-attr]
    assert only_text(await h.press_data(turn_after, as_=amira, in_=group)) == stale

    await h.say("/session start", as_=fran, in_=group)  # and then nobody ends it
    h.clock.advance(timedelta(hours=13))
    restarted = only_text(await h.say("/session start", as_=fran, in_=group))
    assert restarted.startswith(
        "(The session from Monday 5 January 2026 was never closed, so I've closed it.)"
    )


async def test_attendance_history_first_timers_and_people_missed(h: Harness) -> None:
    group = await h.group("Tuesday")
    fran = await h.person("Fran", Role.FACILITATOR)
    names = ("Amira", "Ben", "Cara", "Dev", "Eve", "Sam Jones", "Sam Lee")
    amira, ben, cara, dev, eve, sam_j, sam_l = [await h.person(n) for n in names]
    for person in (sam_j, sam_l):
        await h.say("hello", as_=person, in_=group)

    def to_fran(actions: list[object]) -> str:
        assert said_to(actions, group) == []  # type: ignore[arg-type]
        return one_to(actions, fran)  # type: ignore[arg-type]

    assert to_fran(await h.say("/attendance", as_=fran, in_=group)) == (
        "No sessions have been recorded in this group yet."
    )
    assert to_fran(await h.say("/attendance add Amira", as_=fran, in_=group)).startswith(
        "There's no session to add them to yet."
    )
    weeks = [(amira, ben, cara), (amira, ben), (amira, dev), (amira, eve)]
    for week, came in enumerate(weeks):
        await h.say("/session start", as_=fran, in_=group)
        for person in came:
            await h.say("/here", as_=person, in_=group)
        if week == 0:
            for person, score in zip(came, ("2 Low", "3 OK", "4 Good"), strict=True):
                await h.press(score, as_=person, in_=group)
        await h.say("/session end", as_=fran, in_=group)
        if week == 0:
            for person, score in zip(came, ("4 Good", "4 Good", "5 Great"), strict=True):
                await h.press(score, as_=person, in_=group)
        h.clock.advance(timedelta(days=7) if week < 3 else timedelta(hours=2))

    added = to_fran(await h.say("/attendance add dev", as_=fran, in_=group))
    assert added == "Added Dev to the session on Monday 26 January 2026."
    answers = {
        "/attendance add dev": "Dev is already down for the session on Monday 26 January 2026.",
        "/attendance add Zed": "I can't find anyone called “Zed” in this group.",
        "/attendance add sam": "More than one person matches “sam”: Sam Jones, Sam Lee.",
        "/attendance add": "Who came? For example: /attendance add Amira",
    }
    for said, answer in answers.items():
        assert to_fran(await h.say(said, as_=fran, in_=group)).startswith(answer), said
    assert "for facilitators" in only_text(await h.say("/attendance", as_=amira, in_=group))

    history = to_fran(await h.say("/attendance", as_=fran, in_=group))
    assert history.splitlines() == [
        "*Attendance in Tuesday*",
        "- Monday 26 January 2026: 3 came",
        "- Monday 19 January 2026: 2 came",
        "- Monday 12 January 2026: 2 came",
        "- Monday 5 January 2026: 3 came; check-in 3.0 → 4.3 on average (out of 5)",
        "New at the last session: Eve. A friendly hello afterwards can mean a lot.",
        "Not seen at the last 3 sessions: Cara. A kind personal invitation can help someone "
        "come back; there may be a lot going on at home.",
    ]

    mine = next(t for t in said_to(await h.say("/mydata", as_=cara), cara) if "Here is" in t)
    assert "*Sessions you came to*:\n- Tuesday, Monday 5 January 2026" in mine
    await h.say("/forgetme", as_=cara)
    await h.press("Yes, erase it all", as_=cara)
    assert await count(h, SessionAttendance) == 9


def test_the_topic_library_is_checked_and_read(tmp_path: Path) -> None:
    library = load_library()
    assert {t.name for t in library.themes.values()} == {
        "Self-care",
        "School and PEPs",
        "Family time",
        "Behaviour as communication",
        "Trauma and attachment",
        "The system and your rights",
    }
    rng = random.Random(1)
    assert choose(library, "PEPs", rng).theme == "School and PEPs"
    assert choose(library, "trauma_attachment", rng).theme == "Trauma and attachment"
    assert choose(library, "  ", rng).theme in {t.name for t in library.themes.values()}
    assert choose(library, "Our own question?", rng).theme is None

    broken = tmp_path / "topics.toml"
    broken.write_text('[themes.empty]\nname = "Empty"\nprompts = []\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"topics\.toml: field 'themes\.empty\.prompts'"):
        load_library(broken)
    broken.write_text("[themes.x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_library(broken)
    with pytest.raises(ConfigError, match="file not found"):
        load_library(tmp_path / "missing.toml")
