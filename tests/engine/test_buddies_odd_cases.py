"""Odd corners of the buddy programme: answers after leaving, made-up buttons, empty reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete

from bot.cli.main import main
from bot.roles import Role
from storage.buddies_tables import BuddyPairing, BuddyProfile
from storage.models import ConversationState, Membership, Person
from tests.engine.buddies_helpers import Buddies
from tests.engine.helpers import count, rows
from tests.support.harness import Harness, only_text, texts


async def test_an_answer_after_leaving_the_service_is_not_saved(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    await h.say("/buddy", as_=amira)
    [person] = await rows(h, Person, Person.display_name == "Amira")
    async with h.db.transaction() as db:
        await db.execute(delete(Membership).where(Membership.person_id == person.id))
    answer = only_text(await h.say("kinship", as_=amira))
    assert answer.startswith("Those questions have closed, so I haven't kept that answer.")
    assert await count(h, ConversationState) == 0  # the question is closed
    assert await count(h, BuddyProfile) == 0


async def test_made_up_option_buttons_change_nothing(harness: Harness) -> None:
    h = harness
    amira = await h.person("Amira")
    await h.say("/buddy", as_=amira)
    for data in ("bq:care_kinds:pirates", "bq:care_kinds", "bq:", "bq:region:3"):
        assert only_text(await h.press_data(data, as_=amira)).startswith("That button belongs")
    assert "So far: Kinship" in only_text(await h.press_data("bq:care_kinds:kinship", as_=amira))


async def test_a_swap_choice_that_is_no_longer_possible(harness: Harness) -> None:
    h = harness
    b = Buddies(h)
    await b.mentor("Mo")
    await b.carer("Amira")
    sam = await b.staff_member()
    await b.matched()
    [pairing] = await rows(h, BuddyPairing)
    for data in (f"bpick:{pairing.id}:999", f"bpick:{pairing.id}:x", f"bpick:{pairing.id}"):
        assert "already dealt with" in only_text(await h.press_data(data, as_=sam))
    [still] = await rows(h, BuddyPairing)
    assert still.status == "proposed"


async def test_an_empty_programme_report_and_overview(harness: Harness) -> None:
    h = harness
    sam = await h.person("Sam", Role.STAFF)
    report = only_text(await h.say("/buddies report", as_=sam))
    assert "- Waiting for a match: 0" in report
    assert "- From asking to introduction: no introductions yet" in report
    assert "- Endings: none yet" in report
    assert "- How helpful buddies were: no answers yet" in report
    overview = texts(await h.say("/buddies", as_=sam))
    assert overview == [
        "*Buddy programme*: 0 to check, 0 waiting for answers, 0 waiting for a match, "
        "0 active pairs.",
        "Nobody is waiting for a match.",
    ]
    assert "New proposals: 0." in texts(await h.press("Look for matches now", as_=sam))[0]


@pytest.mark.parametrize("dry_run", [True, False])
def test_the_command_line_names_an_unknown_organisation(
    dry_run: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CAREBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("CAREBOT_CONFIG", raising=False)
    words = ["buddies", "match", "--org", "Nobody Fostering"] + (["--dry-run"] if dry_run else [])
    assert main(words) == 1
    assert "there is no organisation called 'Nobody Fostering'" in capsys.readouterr().out
