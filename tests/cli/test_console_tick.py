"""`:wait` in the console fires what falls due and delivers what it queued, once."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

from adapters.console.session import PLATFORM, ConsoleSession
from bot.app import build_app, feature_routers
from bot.cli.chat import _due_work
from bot.clock import FakeClock
from bot.events import ChatKind, ChatRef
from bot.router import JobContext, Router
from config.settings import Settings
from config.texts import Texts
from storage.database import Database


async def test_wait_fires_a_due_timer_and_prints_its_delivery(
    database: Database, settings: Settings, texts: Texts, clock: FakeClock
) -> None:
    reminders = Router("test_reminders")

    @reminders.job("test.remind")
    async def remind(job: JobContext, payload: dict[str, Any]) -> None:
        assert job.outbox is not None
        chat = ChatRef(PLATFORM, payload["to"], ChatKind.DM)
        await job.outbox.enqueue(job.db, kind="reminder", text=payload["text"], chats=[chat])

    app = build_app(
        settings=settings,
        texts=texts,
        clock=clock,
        db=database,
        routers=[*feature_routers(), reminders],
    )
    out, err = io.StringIO(), io.StringIO()
    session = ConsoleSession(app=app, clock=clock, out=out, err=err, jsonl=True)
    session.tick = _due_work(app, session)
    await session.feed(":as Sam")
    timers = app.services.timers
    assert timers is not None
    async with database.transaction() as db:
        await timers.schedule(
            db, "test.remind", clock.now() + timedelta(hours=1), {"to": "sam", "text": "Tea at 3"}
        )
    await session.feed(":wait 30m")
    assert out.getvalue() == ""
    await session.feed(":wait 31m")
    assert '"to": "dm:Sam"' in out.getvalue() and "Tea at 3" in out.getvalue()
    await session.feed(":wait 3d")
    assert out.getvalue().count("Tea at 3") == 1
