"""The profile questions read typed and tapped answers, or say plainly they could not."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.features.buddies import questions
from bot.features.buddies.questions import DONE, SKIP, Reading
from bot.features.buddies.when import add_months, day, next_local

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("step", "text", "value"),
    [
        ("years_caring", "about 6 years", 6),
        ("years_caring", "18 months", 1),
        ("years_caring", "200", 70),
        ("care_kinds", "kinship and teens", ["kinship", "teenagers"]),
        ("care_kinds", "SGO", ["special_guardianship"]),
        ("age_ranges", "toddlers and 16+", ["0-4", "16+"]),
        ("region", "NE", "North East"),
        ("region", "yorkshire", "Yorkshire and the Humber"),
        ("local_authority", "  Brighton   and Hove ", "Brighton and Hove"),
        ("local_authority", "skip", ""),
        ("languages", "English and BSL", ["british sign language", "english"]),
        ("availability", "anytime", ["weekday_daytime", "evenings", "weekends"]),
        ("contact_ways", "WhatsApp", ["messages"]),
        ("capacity", "two", 2),
    ],
)
def test_answers_carebot_understands(step: str, text: str, value: object) -> None:
    assert questions.read(step, text) == Reading(value, done=True)


@pytest.mark.parametrize(
    ("step", "text"),
    [
        ("years_caring", "a while"),
        ("care_kinds", "fostr"),
        ("region", "Leeds"),
        ("local_authority", "   "),
        ("languages", " , "),
        ("capacity", "5"),
        ("capacity", "lots"),
    ],
)
def test_answers_it_asks_again_for(step: str, text: str) -> None:
    assert not questions.read(step, text).done


def test_what_was_understood_is_kept_and_the_rest_named() -> None:
    reading = questions.read("care_kinds", "kinship and fostr", picked=("teenagers",))
    assert reading == Reading(add=("kinship",), unknown=("fostr",))
    # Earlier taps are kept, and values come back in the order the kinds are listed.
    merged = questions.read("care_kinds", "respite", picked=("kinship",))
    assert merged == Reading(["respite", "kinship"], done=True)


def test_taps_choose_toggle_and_finish() -> None:
    assert questions.press("care_kinds", "kinship", ()) == ("kinship",)
    assert questions.press("care_kinds", "kinship", ("kinship",)) == ()
    assert questions.press("care_kinds", DONE, ("kinship",)) == Reading(["kinship"], done=True)
    assert questions.press("care_kinds", DONE, ()) == Reading()
    assert questions.press("care_kinds", "pirates", ()) is None
    assert questions.press("region", "0", ()) == Reading("North East", done=True)
    assert questions.press("region", "12", ()) is None
    assert questions.press("local_authority", SKIP, ()) == Reading("", done=True)
    assert questions.press("capacity", "4", ()) is None
    assert questions.press("years_caring", "6", ()) is None


def test_the_questions_come_in_order_for_each_role() -> None:
    assert questions.steps("mentor")[0] == "years_caring"
    assert questions.steps("mentee")[0] == "care_kinds"
    assert questions.next_step("mentee", "contact_ways") is None
    assert questions.next_step("mentor", "contact_ways") == "capacity"


def test_six_months_keeps_the_local_time_across_the_clock_change() -> None:
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # 09:00 GMT
    assert add_months(start, 6, LONDON) == datetime(2026, 7, 5, 8, 0, tzinfo=UTC)  # 09:00 BST
    end_of_month = datetime(2026, 8, 31, 12, 0, tzinfo=UTC)
    assert add_months(end_of_month, 6, LONDON).astimezone(LONDON).date().isoformat() == (
        "2027-02-28"
    )


def test_the_daily_run_time_and_dates_people_see() -> None:
    morning = datetime(2026, 3, 29, 8, 0, tzinfo=UTC)  # the clocks went forward at 01:00
    assert next_local(morning, "10:00", LONDON) == datetime(2026, 3, 29, 9, 0, tzinfo=UTC)
    assert next_local(datetime(2026, 3, 29, 9, 0, tzinfo=UTC), "10:00", LONDON) == datetime(
        2026, 3, 30, 9, 0, tzinfo=UTC
    )
    assert day(datetime(2026, 6, 30, 23, 30, tzinfo=UTC), LONDON) == "1 Jul"
