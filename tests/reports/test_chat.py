"""/report in a private chat: staff get the organisation's report as a file; others are told kindly.

In a group, /report still flags a message for the facilitators.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core_texts import CoreTexts
from bot.events import Action, Outgoing
from bot.features.reports.texts import ReportTexts
from bot.roles import Role
from tests.reports.seed import ORG, STAFF, at, seed
from tests.support.harness import Harness, only_text

FILE = "harbour-fostering_2026-01-01_2026-03-31.html"


def words(h: Harness) -> ReportTexts:
    return h.app.services.texts.get(ReportTexts)


def one_message(actions: Sequence[Action]) -> Outgoing:
    found = [a for a in actions if isinstance(a, Outgoing)]
    assert len(found) == 1, found
    return found[0]


async def test_staff_get_the_report_as_a_file_privately(harness: Harness) -> None:
    h = harness
    await seed(h)
    h.clock.set(at(2026, 4, 15, 10))
    staff = await h.person(STAFF, Role.STAFF, org=ORG)
    sent = one_message(await h.say("/report 2026-01-01 2026-03-31", as_=staff))
    assert sent.chat == staff.dm
    assert sent.text == words(h).chat_caption.format(
        org=ORG, first="1 January 2026", last="31 March 2026"
    )
    assert sent.attachment is not None
    assert sent.attachment.filename == FILE
    assert sent.attachment.mime_type == "text/html"
    page = sent.attachment.data.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<img src="data:image/png;base64,' in page
    assert "Harbour Fostering: evaluation report" in page
    assert "1 January 2026 to 31 March 2026" in page


async def test_dates_in_words_and_admins_work_too(harness: Harness) -> None:
    h = harness
    await seed(h)
    admin = await h.person("Ada Admin", Role.ADMIN, org=ORG)
    sent = one_message(await h.say("/report 1 January 2026 to 31 March 2026", as_=admin))
    assert sent.attachment is not None and sent.attachment.filename == FILE


async def test_without_dates_the_report_covers_the_last_three_months(harness: Harness) -> None:
    h = harness
    await seed(h)
    h.clock.set(at(2026, 4, 15, 10))
    staff = await h.person(STAFF, Role.STAFF, org=ORG)
    sent = one_message(await h.say("/report", as_=staff))
    assert sent.attachment is not None
    assert sent.attachment.filename == "harbour-fostering_2026-01-16_2026-04-15.html"
    assert "16 January 2026 to 15 April 2026" in sent.text


async def test_carers_are_told_it_is_for_staff_and_how_to_flag_instead(harness: Harness) -> None:
    h = harness
    await seed(h)
    core = h.app.services.texts.get(CoreTexts)
    flag = core.command_help["report"]
    for role in (Role.CARER, Role.MENTOR, Role.FACILITATOR):
        person = await h.person(f"Pat {role.label}", role, org=ORG)
        actions = await h.say("/report", as_=person)
        reply = one_message(actions)
        assert reply.attachment is None
        expected = core.needs_role_here_dm.format(name="report", role="staff member", what=flag)
        assert reply.text == expected
        assert "reply to it with /report" in reply.text
    stranger = h.guest("Stray Person")
    assert only_text(await h.say("/report", as_=stranger)) == core.needs_join


async def test_dates_that_cannot_be_used_get_a_kind_answer(harness: Harness) -> None:
    h = harness
    staff = await h.person(STAFF, Role.STAFF, org=ORG)
    problems = words(h).problems
    cases = {
        "/report 2026-02-30 2026-03-31": problems["bad_date"].format(typed="2026-02-30"),
        "/report 1 Smarch 2026 to 3 March 2026": problems["bad_date"].format(typed="1 Smarch 2026"),
        "/report 2026-03-31 2026-01-01": problems["backwards"],
        "/report 2020-01-01 2026-01-01": problems["too_long"],
        "/report soon": problems["usage"],
        "/report 2026-01-01 2026-02-01 2026-03-01": problems["usage"],
    }
    for typed, expected in cases.items():
        reply = one_message(await h.say(typed, as_=staff))
        assert reply.text == expected, typed
        assert reply.attachment is None


async def test_a_quiet_period_says_so_instead_of_sending_empty_charts(harness: Harness) -> None:
    h = harness
    await seed(h)
    staff = await h.person(STAFF, Role.STAFF, org=ORG)
    reply = one_message(await h.say("/report 2024-01-01 2024-03-31", as_=staff))
    assert reply.attachment is None
    assert reply.text == words(h).chat_nothing.format(
        org=ORG, first="1 January 2024", last="31 March 2024"
    )


async def test_in_a_group_report_still_flags_a_message(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday", org=ORG)
    staff = await h.person(STAFF, Role.STAFF, org=ORG)
    carer = await h.person("Cara Carer", Role.CARER, org=ORG)
    actions = await h.say("/report", as_=carer, in_=group, replying_to=staff)
    outgoing = [a for a in actions if isinstance(a, Outgoing)]
    assert all(a.attachment is None for a in outgoing)
    assert any("flagged a message" in a.text for a in outgoing if a.chat == staff.dm)
    flagged = await h.say("/report 2026-01-01 2026-03-31", as_=staff, in_=group)
    assert all(a.attachment is None for a in flagged if isinstance(a, Outgoing))


async def test_help_shows_the_private_report_to_staff_only(harness: Harness) -> None:
    h = harness
    core = h.app.services.texts.get(CoreTexts)
    private = core.help_line.format(name="report", text=core.command_help["report_private"])
    flag = core.help_line.format(name="report", text=core.command_help["report"])
    staff = await h.person(STAFF, Role.STAFF, org=ORG)
    carer = await h.person("Cara Carer", Role.CARER, org=ORG)
    staff_help = only_text(await h.say("/help", as_=staff)).splitlines()
    carer_help = only_text(await h.say("/help", as_=carer)).splitlines()
    assert flag in staff_help and private in staff_help
    assert flag in carer_help and private not in carer_help
