"""Group commit: answers that arrive while a write is under way are written together next."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from bot.delivery.groupcommit import GroupCommit


class HeldWrites:
    """A database stand-in: each write waits until the test lets it through."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.release = asyncio.Event()
        self.started = asyncio.Event()
        self.fail_with: Exception | None = None

    async def write_all(self, stmts: Sequence[str]) -> list[int]:
        self.batches.append(list(stmts))
        self.started.set()
        await self.release.wait()
        if self.fail_with is not None:
            raise self.fail_with
        return [len(stmt) for stmt in stmts]


async def test_answers_arriving_during_a_write_share_the_next_one() -> None:
    db = HeldWrites()
    commit: GroupCommit[str] = GroupCommit(db.write_all)
    first = asyncio.create_task(commit.submit("a"))
    await db.started.wait()  # "a" is being written alone
    later = [asyncio.create_task(commit.submit(s)) for s in ("bb", "ccc", "dddd")]
    await asyncio.sleep(0)  # let them queue behind it
    assert db.batches == [["a"]]
    db.release.set()
    assert await first == 1
    assert [await task for task in later] == [2, 3, 4]  # each learns its own row count
    assert db.batches == [["a"], ["bb", "ccc", "dddd"]]
    assert commit.commits == 2


async def test_a_failed_write_fails_every_answer_in_it() -> None:
    db = HeldWrites()
    db.fail_with = OSError("disk I/O error")
    commit: GroupCommit[str] = GroupCommit(db.write_all)
    first = asyncio.create_task(commit.submit("a"))
    await db.started.wait()
    second = asyncio.create_task(commit.submit("b"))
    await asyncio.sleep(0)
    db.release.set()
    for task in (first, second):
        with pytest.raises(OSError, match="disk"):
            await task
    assert commit.commits == 0
    db.fail_with = None
    assert await commit.submit("c") == 1  # the next write starts afresh
    assert db.batches[-1] == ["c"]


async def test_a_cancelled_write_cancels_the_answers_waiting_on_it() -> None:
    db = HeldWrites()
    commit: GroupCommit[str] = GroupCommit(db.write_all)
    first = asyncio.create_task(commit.submit("a"))
    await db.started.wait()
    second = asyncio.create_task(commit.submit("b"))
    await asyncio.sleep(0)
    db.batches.clear()
    db.started.clear()
    first.cancel()  # the process is going down mid-write
    with pytest.raises(asyncio.CancelledError):
        await first
    await db.started.wait()  # "b" was not written by the cancelled one: it writes itself
    db.release.set()
    assert await second == 1
    assert db.batches == [["b"]]
