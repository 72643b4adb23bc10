"""Start-up checks, and what happens when a detector or the routes file lets us down."""

from __future__ import annotations

import pytest

from bot.core_texts import CoreTexts
from bot.roles import Role
from config.settings import ConfigError
from moderation.safeguarding import RoutesError
from storage.moderation_tables import SafeguardingAlert
from tests.engine.helpers import count
from tests.engine.moderation_support import queued_for, to
from tests.support.harness import Harness


def broken(*_args: object, **_kwargs: object) -> object:
    raise RuntimeError("detector bug")


def no_routes() -> object:
    raise RoutesError("config/safeguarding.yaml: missing route for categories.child_missing")


async def test_start_up_warms_the_detector(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    monkeypatch.setattr("moderation.nudging.feature.warm_up", lambda: calls.append(1))
    await harness.app.started()
    assert calls == [1]


async def test_a_broken_routes_file_stops_the_start(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("moderation.safeguarding_alerts.alerts.default_routes", no_routes)
    with pytest.raises(ConfigError, match=r"safeguarding\.yaml"):
        await harness.app.started()


async def test_without_routes_the_author_still_gets_help_and_the_lead_is_told(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    monkeypatch.setattr("moderation.safeguarding_alerts.watch.default_routes", no_routes)
    group = await h.group("Tuesday")
    sam = await h.person("Sam", Role.ADMIN)
    amira = await h.person("Amira")
    [reply] = to(amira, await h.say("She told me her dad hits her", as_=amira, in_=group))
    assert "call 999" in reply.text and "116 123" in reply.text
    assert len(await queued_for(h, sam, "safeguarding_alert")) == 1


async def test_a_detector_bug_never_stops_the_conversation(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    monkeypatch.setattr("moderation.nudging.middleware.check_text", broken)
    monkeypatch.setattr("moderation.safeguarding_alerts.watch.assess", broken)
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    actions = await h.say("Kyle McAllister told me his dad hits him", as_=amira, in_=group)
    assert actions == []
    help_text = await h.say("/help", as_=amira)
    assert h.app.services.texts.get(CoreTexts).something_wrong not in str(help_text)
    assert await count(h, SafeguardingAlert) == 0
