"""Files through the outbox: stored whole, sent with their caption, refused when too big,
kept off platforms that take no files, and purged with their item.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.capabilities import Capabilities
from bot.choices import as_numbered
from bot.clock import FakeClock
from bot.core_texts import CoreTexts
from bot.delivery import Outbox, purge_outbox
from bot.delivery.attachments import (
    MAX_ATTACHMENT_BYTES,
    FilesWhereSupported,
    check_attachment,
    deliverable,
)
from bot.events import Attachment, Button, ChatRef, Outgoing
from config.texts import Texts
from storage.database import Database
from storage.models import Delivery, OutboxItem
from tests.delivery.conftest import FakeSender, dm, drain, group, make_worker

pytestmark = pytest.mark.storage

EVERY_BYTE = bytes(range(256)) * 4  # binary-safe storage: every byte value, NULs included
REPORT = Attachment("report.bin", EVERY_BYTE, "application/octet-stream")


async def queue(
    database: Database, clock: FakeClock, attachment: Attachment, *chats: ChatRef
) -> int:
    async with database.transaction() as session:
        item = await Outbox(clock).enqueue(
            session,
            kind="report",
            text="Your *report* is attached.",
            chats=list(chats),
            buttons=[Button("Thanks", "ok:1")],
            attachment=attachment,
        )
    assert item is not None
    return item


async def test_a_file_goes_to_every_chat_exactly_as_queued(
    database: Database, clock: FakeClock
) -> None:
    await queue(database, clock, REPORT, dm(1), group(2))
    sender = FakeSender(clock)
    await drain(make_worker(database, clock, {"telegram": sender}), clock)
    assert sorted(out.chat.id for _, out in sender.sent) == ["g2", "u1"]
    for _, outgoing in sender.sent:
        assert outgoing.attachment == REPORT
        assert outgoing.text == "Your *report* is attached."
        assert outgoing.buttons == (Button("Thanks", "ok:1"),)


async def test_messages_without_a_file_still_have_none(
    database: Database, clock: FakeClock
) -> None:
    async with database.transaction() as session:
        await Outbox(clock).enqueue(session, kind="k", text="Plain words", chats=[dm(1)])
    sender = FakeSender(clock)
    await drain(make_worker(database, clock, {"telegram": sender}), clock)
    [(_, outgoing)] = sender.sent
    assert outgoing.attachment is None and outgoing.text == "Plain words"


@pytest.mark.parametrize(
    ("attachment", "problem"),
    [
        (Attachment("big.bin", b"x" * (MAX_ATTACHMENT_BYTES + 1)), "at most 5242880 bytes"),
        (Attachment("  ", b"data"), "needs a file name"),
        (Attachment("n" * 201 + ".txt", b"data"), "at most 200 characters"),
        (Attachment("a.ics", b"data", "calendar"), "needs a mime type"),
    ],
)
async def test_unsendable_files_are_refused_and_nothing_is_queued(
    database: Database, clock: FakeClock, attachment: Attachment, problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        await queue(database, clock, attachment, dm(1))
    async with database.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(OutboxItem)) == 0
        assert await session.scalar(select(func.count()).select_from(Delivery)) == 0


def test_a_file_of_exactly_the_limit_is_allowed() -> None:
    check_attachment(Attachment("full.bin", b"x" * MAX_ATTACHMENT_BYTES))


async def test_purge_takes_the_file_with_its_item(database: Database, clock: FakeClock) -> None:
    item = await queue(database, clock, REPORT, dm(1))
    await drain(make_worker(database, clock, {"telegram": FakeSender(clock)}), clock)
    async with database.transaction() as session:
        assert await purge_outbox(session, now=clock.now(), keep_days=30) == 0
        stored = await session.get(OutboxItem, item)
        assert stored is not None and stored.attachment_data == EVERY_BYTE
    clock.advance(timedelta(days=31))
    async with database.transaction() as session:
        assert await purge_outbox(session, now=clock.now(), keep_days=30) == 1
    async with database.sessions() as session:
        files = select(func.count()).where(OutboxItem.attachment_data.is_not(None))
        assert await session.scalar(files) == 0


# -- platforms that take no files ------------------------------------------------------


@pytest.fixture
def core(texts: Texts) -> CoreTexts:
    return texts.get(CoreTexts)


NO_FILES = Capabilities(can_send_files=False)


def test_without_files_the_caption_goes_with_a_kind_line(core: CoreTexts) -> None:
    outgoing = Outgoing(dm(1), "Your report.", (Button("OK", "ok:"),), attachment=REPORT)
    fitted = deliverable(outgoing, NO_FILES, core)
    assert fitted.attachment is None
    assert fitted.buttons == outgoing.buttons and fitted.chat == outgoing.chat
    assert fitted.text == (
        "Your report.\n\n_I wanted to send you a file here (report.bin), but this app "
        "doesn't let me send files. Sorry about that._"
    )
    assert deliverable(outgoing, Capabilities(), core) is outgoing
    no_caption = deliverable(Outgoing(dm(1), "", attachment=REPORT), NO_FILES, core)
    assert no_caption.text.startswith("_I wanted to send you a file here (report.bin)")


def test_an_oversized_file_becomes_a_kind_line_rather_than_a_crash(core: CoreTexts) -> None:
    huge = Attachment("huge.bin", b"x" * (MAX_ATTACHMENT_BYTES + 1))
    fitted = deliverable(Outgoing(dm(1), "Here it is.", attachment=huge), Capabilities(), core)
    assert fitted.attachment is None
    assert fitted.text.endswith("(huge.bin), but it was too big for me to send. Sorry about that._")


async def test_the_sender_wrapper_keeps_files_off_platforms_without_them(
    clock: FakeClock, core: CoreTexts
) -> None:
    inner = FakeSender(clock)
    groups_only = FilesWhereSupported(
        inner, lambda chat: NO_FILES if chat.id.startswith("u") else Capabilities(), core
    )
    await groups_only.send(Outgoing(dm(1), "For you.", attachment=REPORT))
    await groups_only.send(Outgoing(group(2), "For all.", attachment=REPORT))
    await groups_only.delete(group(2), "77")
    (_, to_person), (_, to_group) = inner.sent
    assert to_person.attachment is None and "(report.bin)" in to_person.text
    assert to_group.attachment == REPORT and to_group.text == "For all."
    assert inner.deleted == [(group(2), "77")]
    assert groups_only.private_chat_link("note") is None  # FakeSender offers no links


def test_numbered_choices_keep_the_file(core: CoreTexts) -> None:
    outgoing = Outgoing(
        dm(1), "Pick one.", (Button("Yes", "y"), Button("No", "n")), attachment=REPORT
    )
    numbered = as_numbered(outgoing, core)
    assert numbered.attachment == REPORT and numbered.buttons == ()
    assert numbered.text.endswith("1. Yes\n2. No")
