"""Staff's view of the FAQ (`/faq gaps`), forgetting tickets on time, and local topics."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import build_app
from bot.features.faq.upkeep import JOB
from bot.roles import Role
from config.settings import ConfigError, FaqSettings
from storage.faq_tables import FaqTicket
from storage.models import ScheduledJob
from tests.engine.faq_support import PP_QUESTION, handover_texts, staff_texts
from tests.engine.helpers import outgoing, rows
from tests.support.harness import Harness, only_text

LOCAL_TOPIC = """\
---
slug: {slug}
title: {title}
short: {short}
keywords: [pantry, food bank, respite]
questions:
  - where is the food pantry
nations: [england]
sources:
  - title: Harbour Fostering
    url: https://example.org/harbour
last_checked: 2026-10-01
ask: The Harbour office.
---
"""


async def test_gaps_show_weeks_questions_and_unhelpful_answers(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    sue = await h.person("Sue", Role.STAFF)
    await h.say("can our foster child have a pet rabbit?", as_=cara)  # not sure, not passed
    await h.say("will panel approve us?", as_=cara)
    await h.press("Yes, pass it on", as_=cara)
    await h.say("/answer 1 Your SSW will talk it through with you.", as_=sue)
    h.clock.advance(timedelta(days=7))
    await h.say("can you check if her PP+ has been paid?", as_=cara)
    await h.press("Yes, pass it on", as_=cara)
    await h.say(PP_QUESTION, as_=cara)
    await h.press("No", as_=cara)
    await h.say("whats pupil premium plus", as_=cara)
    await h.press("Yes", as_=cara)
    gaps = only_text(await h.say("/faq gaps", as_=sue))
    assert gaps == "\n".join(
        [
            "*Where I couldn't help* (last 8 weeks)",
            "- Week of 12 January: not sure 0, about a family's case 1, passed to your team 1",
            "- Week of 5 January: not sure 1, about a family's case 1, passed to your team 1",
            "",
            "*Questions carers passed to your team*",
            '- #2, 12 January (waiting for an answer): "can you check if her PP+ has been paid?"',
            '- #1, 5 January (answered): "will panel approve us?"',
            "",
            "*Answers marked not helpful* (last 90 days)",
            "- Pupil Premium Plus (PP+): not helpful 1, helpful 1, shown 2 times",
        ]
    )


async def test_gaps_when_all_is_quiet_who_may_see_them_and_whose(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    sue = await h.person("Sue", Role.STAFF)
    eve = await h.person("Eve", Role.STAFF, org="Other Fostering")
    group = await h.group("Tuesday")
    words = staff_texts(h)
    quiet = only_text(await h.say("/faq gaps", as_=sue))
    assert words.gaps_no_weeks in quiet and words.gaps_no_questions in quiet
    assert words.gaps_no_unhelpful in quiet
    assert "private chat" in only_text(await h.say("/faq gaps", as_=sue, in_=group))
    assert "for staff members" in only_text(await h.say("/faq gaps", as_=cara))
    await h.say("will panel approve us?", as_=cara)
    await h.press("Yes, pass it on", as_=cara)
    assert "panel" in only_text(await h.say("/faq gaps", as_=sue))
    theirs = only_text(await h.say("/faq gaps", as_=eve))
    assert "panel" not in theirs and words.gaps_no_questions in theirs


async def test_retention_erases_the_question_after_its_period(harness: Harness) -> None:
    h = harness
    timers = h.app.services.timers
    assert timers is not None
    cara = await h.person("Cara")
    sue = await h.person("Sue", Role.STAFF)
    await h.app.started()
    await h.app.started()
    async with h.db.transaction() as db:
        pending = (await db.execute(select(ScheduledJob).where(ScheduledJob.kind == JOB))).scalars()
        [job] = list(pending)
    local = job.run_at.astimezone(h.app.services.settings.zone)
    assert (local.hour, local.minute) == (3, 45)
    await h.say("will panel approve us?", as_=cara)
    await h.press("Yes, pass it on", as_=cara)
    h.clock.advance(timedelta(days=89))
    await timers.run_due()
    [kept] = await rows(h, FaqTicket)
    assert kept.question == "will panel approve us?"
    h.clock.advance(timedelta(days=2))
    await timers.run_due()
    [ticket] = await rows(h, FaqTicket)
    assert ticket.question is None and ticket.person_id is None
    assert ticket.created_at is not None  # the anonymous number stays, for counts
    reply = only_text(await h.say("/answer 1 Sorry for the wait", as_=sue))
    assert reply == handover_texts(h).answer_unreachable.format(number=1)
    async with h.db.transaction() as db:
        waiting = await db.scalar(
            select(ScheduledJob.run_at).where(
                ScheduledJob.kind == JOB, ScheduledJob.status == "pending"
            )
        )
    assert waiting is not None and waiting > h.clock.now()


async def test_gaps_say_when_a_question_was_erased(harness: Harness) -> None:
    h = harness
    app = h.app
    settings = app.services.settings.model_copy(update={"faq": FaqSettings(ticket_days=14)})
    h.app = build_app(
        settings=settings, texts=app.services.texts, clock=h.clock, db=app.services.db
    )
    timers = h.app.services.timers
    assert timers is not None
    await h.app.started()
    cara = await h.person("Cara")
    sue = await h.person("Sue", Role.STAFF)
    await h.say("will panel approve us?", as_=cara)
    await h.press("Yes, pass it on", as_=cara)
    h.clock.advance(timedelta(days=15))
    await timers.run_due()
    gaps = only_text(await h.say("/faq gaps", as_=sue))
    assert "panel" not in gaps
    assert "- #1, 5 January (waiting for an answer): question erased after its keeping time" in gaps


async def test_an_organisations_own_topics_replace_and_add(
    harness: Harness, tmp_path: Path
) -> None:
    h = harness
    own = tmp_path / "harbour-faq"
    own.mkdir()
    (own / "respite-short-breaks.md").write_text(
        LOCAL_TOPIC.format(
            slug="respite-short-breaks",
            title="Short breaks at Harbour",
            short="Harbour offers every carer 18 nights of short breaks a year.",
        ),
        encoding="utf-8",
    )
    (own / "harbour-pantry.md").write_text(
        LOCAL_TOPIC.format(
            slug="harbour-pantry",
            title="The Harbour food pantry",
            short="Our food pantry is open on Tuesdays at the Harbour office.",
        ).replace("respite]", "larder]"),
        encoding="utf-8",
    )
    app = h.app
    settings = app.services.settings.model_copy(update={"faq": FaqSettings(overrides_dir=own)})
    h.app = build_app(
        settings=settings, texts=app.services.texts, clock=h.clock, db=app.services.db
    )
    await h.app.started()
    cara = await h.person("Cara")
    [answer] = outgoing(await h.say("how many respite nights do we get?", as_=cara))
    assert answer.text.startswith("*Short breaks at Harbour*\nHarbour offers every carer 18")
    assert "[Harbour Fostering](https://example.org/harbour)" in answer.text
    assert "Last checked October 2026" in answer.text
    assert "More" not in [b.label for b in answer.buttons]  # no longer answer written
    [added] = outgoing(await h.say("when is the food pantry open?", as_=cara))
    assert added.text.startswith("*The Harbour food pantry*")
    assert "Pupil Premium Plus" in outgoing(await h.say(PP_QUESTION, as_=cara))[0].text


async def test_a_missing_overrides_folder_stops_the_start(harness: Harness, tmp_path: Path) -> None:
    h = harness
    app = h.app
    settings = app.services.settings.model_copy(
        update={"faq": FaqSettings(overrides_dir=tmp_path / "nowhere")}
    )
    h.app = build_app(
        settings=settings, texts=app.services.texts, clock=h.clock, db=app.services.db
    )
    with pytest.raises(ConfigError, match=r"faq\.overrides_dir.*nowhere.*not found"):
        await h.app.started()
