"""Group commit: many small writes that arrive together go to the database in one transaction.

The delivery worker records each platform answer the moment it arrives. Answers come in
bursts (a rate-limit slot's worth of sends go out at once), and one transaction per
answer would make the later ones wait behind the earlier ones' commits. Here the first
caller writes whatever is queued; callers arriving meanwhile are written together by the
next one, so no answer waits for more than the commit under way and its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

Statement = TypeVar("Statement")
WriteAll = Callable[[Sequence[Statement]], Awaitable[list[int]]]


class GroupCommit(Generic[Statement]):
    """`submit(stmt)` returns its row count once a transaction holding it has committed."""

    def __init__(self, write_all: WriteAll[Statement]) -> None:
        self._write_all = write_all
        self._queue: list[tuple[Statement, asyncio.Future[int]]] = []
        self._lock = asyncio.Lock()
        self.commits = 0

    async def submit(self, stmt: Statement) -> int:
        done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._queue.append((stmt, done))
        async with self._lock:
            if not done.done():  # nobody wrote it while we waited: write all that is queued
                batch, self._queue = self._queue, []
                await self._commit(batch)
        return done.result()

    async def _commit(self, batch: list[tuple[Statement, asyncio.Future[int]]]) -> None:
        try:
            counts = await self._write_all([stmt for stmt, _ in batch])
        except BaseException as exc:  # every caller in the batch learns the write failed
            for _, done in batch:
                if done.done():
                    continue
                if isinstance(exc, Exception):
                    done.set_exception(exc)
                else:  # cancelled or going down: so are they
                    done.cancel()
            if not isinstance(exc, Exception):
                raise
            return
        self.commits += 1
        for (_, done), count in zip(batch, counts, strict=True):
            done.set_result(count)
