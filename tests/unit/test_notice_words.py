"""Table tests for the notice readers: audiences, send times, quiet hours, failure reasons."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.features.events.reminders import QuietHours
from bot.features.notices.audience import (
    GROUPS,
    PEOPLE,
    Audience,
    AudienceProblem,
    describe,
    read_audience,
)
from bot.features.notices.report import reason_key
from bot.features.notices.when import (
    WhenProblem,
    quiet_hours_for,
    read_when,
    release_time,
)
from config.settings import NoticeSettings

LONDON = ZoneInfo("Europe/London")
REGIONS = [(1, "Leeds"), (2, "North Leeds"), (3, "York"), (4, "Bath and North East Somerset")]
MONDAY_9AM = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("all groups", Audience(GROUPS)),
        ("Everyone", Audience(GROUPS)),
        ("support groups in Leeds", Audience(GROUPS, (1,), ("support_group",))),
        ("the support groups in North Leeds", Audience(GROUPS, (2,), ("support_group",))),
        ("groups in north leeds, York", Audience(GROUPS, (2, 3))),
        ("in Bath and North East Somerset", Audience(GROUPS, (4,))),
        (
            "coffee mornings and support groups in York & Leeds",
            Audience(GROUPS, (1, 3), ("support_group", "coffee_morning")),
        ),
        ("staff groups", Audience(GROUPS, (), ("staff",))),
        ("Mockingbird hubs", Audience(GROUPS, (), ("constellation",))),
        ("book clubs", None),
        ("carers", Audience(PEOPLE, roles=("carer",))),
        ("all foster carers privately", Audience(PEOPLE, roles=("carer",))),
        ("Facilitators and mentors", Audience(PEOPLE, roles=("mentor", "facilitator"))),
        ("everyone, privately", Audience(PEOPLE, roles=("carer", "mentor", "facilitator"))),
    ],
)
def test_audiences_people_type(typed: str, expected: Audience | None) -> None:
    read = read_audience(typed, REGIONS)
    if expected is None:
        assert isinstance(read, AudienceProblem)
    else:
        assert read == expected


@pytest.mark.parametrize(
    ("typed", "kind", "words"),
    [
        ("support groups in Leds", "unknown_region", "leds"),
        ("groups in Leeds and Hull", "unknown_region", "hull"),
        ("knitting circles", "unknown_words", "knitting circle"),
        ("mentors in York", "people_by_region", "york"),
        ("support groups and carers", "mixed", None),
        ("coffee mornings privately", "mixed", None),
    ],
)
def test_audiences_that_cannot_be_read_say_which_words(
    typed: str, kind: str, words: str | None
) -> None:
    read = read_audience(typed, REGIONS)
    assert isinstance(read, AudienceProblem)
    assert read.kind == kind
    assert read.details.get("words") == words


def test_carers_include_mentors() -> None:
    assert Audience(PEOPLE, roles=("carer",)).member_roles == ("carer", "mentor")
    assert Audience.from_json(Audience(GROUPS, (3,), ("staff",)).to_json()) == Audience(
        GROUPS, (3,), ("staff",)
    )


def test_describing_an_audience() -> None:
    words = {"and": "and", "all_groups": "all groups", "groups_in": "{kinds} in {regions}"}
    words["people"] = "{roles}, privately"
    names = {"support_group": "support groups", "coffee_morning": "coffee mornings"}
    roles = {"carer": "carers", "mentor": "mentors"}
    regions = dict(REGIONS)

    def said(audience: Audience) -> str:
        return describe(
            audience, region_names=regions, purpose_names=names, role_names=roles, words=words
        )

    assert said(Audience(GROUPS)) == "all groups"
    assert said(Audience(GROUPS, (1, 3), ("support_group",))) == "support groups in Leeds and York"
    assert said(Audience(GROUPS, (1, 2, 3))) == "all groups in Leeds, North Leeds and York"
    assert said(Audience(PEOPLE, roles=("carer", "mentor"))) == "carers and mentors, privately"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("now", MONDAY_9AM),
        ("Send it now please", MONDAY_9AM),
        ("tomorrow 9am", datetime(2026, 1, 6, 9, 0, tzinfo=UTC)),
        ("Friday at 10:30", datetime(2026, 1, 9, 10, 30, tzinfo=UTC)),
        ("3 March 2pm", datetime(2026, 3, 3, 14, 0, tzinfo=UTC)),
        ("on 1 April at 9am", datetime(2026, 4, 1, 8, 0, tzinfo=UTC)),  # BST
        ("in 2 hours", datetime(2026, 1, 5, 11, 0, tzinfo=UTC)),
        ("in half an hour", datetime(2026, 1, 5, 9, 30, tzinfo=UTC)),
        ("at 7", datetime(2026, 1, 5, 19, 0, tzinfo=UTC)),  # a bare 7 is the evening
        ("tonight at 8", datetime(2026, 1, 5, 20, 0, tzinfo=UTC)),
    ],
)
def test_send_times_people_type(typed: str, expected: datetime) -> None:
    assert read_when(typed, now=MONDAY_9AM, zone=LONDON) == expected


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("whenever", "not_understood"),
        ("yesterday 9am", "not_understood"),
        ("tomorrow", "no_time"),
        ("8am", "in_the_past"),
        ("5 January 2026 8:30am", "in_the_past"),
        ("3 March 2028 9am", "too_far"),
        ("31 April 9am", "date_does_not_exist"),
        ("Monday 10am", "ambiguous_next"),
        ("9am and 10am tomorrow", "conflicting"),
    ],
)
def test_send_times_that_cannot_be_used(typed: str, kind: str) -> None:
    read = read_when(typed, now=MONDAY_9AM, zone=LONDON)
    assert isinstance(read, WhenProblem)
    assert read.kind == kind


@pytest.mark.parametrize(
    ("local", "released"),
    [
        ((2026, 1, 5, 20, 59), (2026, 1, 5, 20, 59)),
        ((2026, 1, 5, 21, 0), (2026, 1, 5, 21, 0)),  # the edges themselves are allowed
        ((2026, 1, 5, 21, 1), (2026, 1, 6, 8, 0)),
        ((2026, 1, 6, 3, 0), (2026, 1, 6, 8, 0)),
        ((2026, 3, 28, 23, 0), (2026, 3, 29, 8, 0)),  # across the clocks going forward
        ((2026, 1, 6, 8, 0), (2026, 1, 6, 8, 0)),
    ],
)
def test_quiet_hours_hold_a_notice_until_they_end(
    local: tuple[int, ...], released: tuple[int, ...]
) -> None:
    quiet = QuietHours.parse("21:00-08:00")
    moment = datetime(*local, tzinfo=LONDON)  # type: ignore[misc]
    expected = datetime(*released, tzinfo=LONDON)  # type: ignore[misc]
    assert release_time(moment, quiet, LONDON) == expected
    assert release_time(moment, None, LONDON) == moment


def test_an_organisation_may_have_its_own_quiet_hours() -> None:
    settings = NoticeSettings(org_quiet_hours={"Harbour Fostering": "22:00-07:30"})
    assert quiet_hours_for(settings, "harbour fostering") == QuietHours.parse("22:00-07:30")
    assert quiet_hours_for(settings, "Other") == QuietHours.parse("21:00-08:00")
    assert quiet_hours_for(NoticeSettings(quiet_hours=""), "Other") is None
    with pytest.raises(ValueError, match="quiet hours"):
        NoticeSettings(org_quiet_hours={"Harbour": "late"})


@pytest.mark.parametrize(
    ("recorded", "key"),
    [
        ("bot_removed", "bot_removed"),
        ("user_blocked", "user_blocked"),
        ("gave up after 8 attempts: network", "gave_up"),
        ("expired before it could be sent", "expired"),
        ("interrupted during send; may not have arrived", "interrupted"),
        ("timed out; may not have arrived", "interrupted"),
        ("no adapter for platform slack", "other"),
        (None, "other"),
    ],
)
def test_failure_reasons_in_plain_words(recorded: str | None, key: str) -> None:
    known = {"bot_removed": "", "user_blocked": "", "other": ""}
    assert reason_key(recorded, known) == key
