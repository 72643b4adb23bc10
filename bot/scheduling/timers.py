"""Durable timers: the database says what is due, APScheduler only says when to look.

A `ScheduledJob` row is written in the caller's unit of work, so a reminder exists
exactly when the feature's other changes do. `run_due()` claims each due row and
runs its handler in one transaction (claim, handler's writes and `done` commit
together, or none of them does), so a job fires once even if two workers race or
the process dies mid-handler. APScheduler's timers are a mirror, rebuilt from the
table at start and kept in step after each commit; a timer that fires late or not
at all loses nothing, because every firing, and a periodic sweep, calls run_due().

Handlers are `async def handler(db: AsyncSession, payload: dict) -> None`: the
session is the job's unit of work (queue outbox messages in it, schedule follow-ups
in it). A handler that raises marks its job `failed`, with the kind of error kept
in `last_error`; it is never retried and never stops the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from sqlalchemy import event, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from bot.clock import Clock
from bot.delivery.outbox import insert_unless_duplicate
from storage.database import Database
from storage.models import ScheduledJob

log = logging.getLogger(__name__)

JobRunner = Callable[[AsyncSession, dict[str, Any]], Awaitable[None]]

TIMER_PREFIX = "carebot-job:"
SWEEP_ID = "carebot-timers-sweep"
_ARM = "carebot.timers.arm"
_DISARM = "carebot.timers.disarm"


class Timers:
    """Schedule, cancel and run durable jobs; mirror the pending ones into APScheduler."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        handlers: Mapping[str, JobRunner],
        *,
        batch: int = 100,
        sweep_seconds: float | None = 60.0,
    ) -> None:
        self._db = db
        self._clock = clock
        self._handlers = dict(handlers)
        self._batch = batch
        self._sweep_seconds = sweep_seconds
        self._scheduler: AsyncIOScheduler | None = None
        self._armed: set[str] = set()
        self._running = asyncio.Lock()

    # -- in the caller's unit of work ---------------------------------------------------

    async def schedule(
        self,
        db: AsyncSession,
        kind: str,
        run_at: datetime,
        payload: dict[str, Any],
        dedupe_key: str | None = None,
    ) -> int:
        """Add a job; with a `dedupe_key` used before, the existing job's id instead."""
        if kind not in self._handlers:
            raise ValueError(f"no handler for job kind {kind!r}")
        if run_at.tzinfo is None:
            raise ValueError("run_at must be timezone-aware")
        values: dict[str, Any] = {
            "kind": kind,
            "run_at": run_at,
            "payload": payload,
            "status": "pending",
            "dedupe_key": dedupe_key,
            "created_at": self._clock.now(),
        }
        job_id = await insert_unless_duplicate(db, ScheduledJob, values)
        if job_id is None:
            existing = await db.scalar(
                select(ScheduledJob.id).where(ScheduledJob.dedupe_key == dedupe_key)
            )
            if existing is None:  # pragma: no cover - deleted between the two statements
                raise RuntimeError("a job's dedupe key clashed, then vanished")
            log.info("job not scheduled again: dedupe key already used (kind=%s)", kind)
            return existing
        self._after_commit(db, _ARM, (job_id, run_at))
        return job_id

    async def cancel(self, db: AsyncSession, job: int | str) -> bool:
        """Cancel a pending job by id or by dedupe key; False if it was not pending."""
        match = ScheduledJob.id == job if isinstance(job, int) else ScheduledJob.dedupe_key == job
        result = await db.execute(
            update(ScheduledJob)
            .where(match, ScheduledJob.status == "pending")
            .values(status="cancelled")
            .returning(ScheduledJob.id)
        )
        ids = list(result.scalars())
        for job_id in ids:
            self._after_commit(db, _DISARM, job_id)
        return bool(ids)

    def _after_commit(self, db: AsyncSession, key: str, entry: object) -> None:
        """Remember a timer change; make it only once the unit of work commits."""
        db.info.setdefault(key, []).append(entry)
        sync: Session = db.sync_session
        if not event.contains(sync, "after_commit", self._committed):
            event.listen(sync, "after_commit", self._committed)
            event.listen(sync, "after_rollback", self._rolled_back)

    def _committed(self, session: Session) -> None:
        for job_id, run_at in session.info.pop(_ARM, []):
            self._arm(job_id, run_at)
        for job_id in session.info.pop(_DISARM, []):
            self._disarm(job_id)

    def _rolled_back(self, session: Session) -> None:
        session.info.pop(_ARM, None)
        session.info.pop(_DISARM, None)

    # -- running jobs -------------------------------------------------------------------

    async def run_due(self) -> int:
        """Run every job due by the clock, each once; how many ran to completion."""
        async with self._running:
            now = self._clock.now()
            seen: set[int] = set()
            completed = 0
            while True:
                async with self._db.sessions() as session:
                    rows = (
                        await session.execute(
                            select(ScheduledJob.id, ScheduledJob.kind)
                            .where(ScheduledJob.status == "pending", ScheduledJob.run_at <= now)
                            .order_by(ScheduledJob.run_at, ScheduledJob.id)
                            .limit(self._batch)
                        )
                    ).all()
                fresh = [(job_id, kind) for job_id, kind in rows if job_id not in seen]
                if not fresh:
                    return completed
                for job_id, kind in fresh:
                    seen.add(job_id)
                    completed += await self._run_one(job_id, kind, now)

    async def _run_one(self, job_id: int, kind: str, now: datetime) -> bool:
        handler = self._handlers.get(kind)
        if handler is None:
            await self._fail(job_id, kind, "no handler for this kind of job", now)
            return False
        failure: str | None = None
        try:
            async with self._db.transaction() as session:
                claimed = await session.execute(
                    update(ScheduledJob)
                    .where(ScheduledJob.id == job_id, ScheduledJob.status == "pending")
                    .values(status="done", fired_at=now)
                    .returning(ScheduledJob.payload)
                )
                payload = claimed.scalar_one_or_none()
                if payload is None:
                    return False  # another worker ran it, or it was cancelled
                try:
                    await handler(session, dict(payload))
                    await session.flush()  # the handler's own constraint errors are its own
                except Exception as exc:
                    failure = type(exc).__name__
                    raise
        except Exception as exc:
            if failure is None:  # claiming or committing failed: leave it pending for later
                log.error("could not run job %s (%s): %s", job_id, kind, type(exc).__name__)
                return False
            log.error("job %s (%s) failed: %s", job_id, kind, failure)
            await self._fail(job_id, kind, failure, now)
            return False
        log.info("job %s (%s) done", job_id, kind)
        return True

    async def _fail(self, job_id: int, kind: str, error: str, now: datetime) -> None:
        try:
            async with self._db.transaction() as session:
                await session.execute(
                    update(ScheduledJob)
                    .where(ScheduledJob.id == job_id, ScheduledJob.status == "pending")
                    .values(status="failed", fired_at=now, last_error=error[:300])
                )
        except Exception as exc:
            log.error("could not mark job %s (%s) failed: %s", job_id, kind, type(exc).__name__)

    async def next_due(self) -> datetime | None:
        """When the earliest pending job is due (for a console with a fake clock)."""
        async with self._db.sessions() as session:
            return await session.scalar(
                select(func.min(ScheduledJob.run_at)).where(ScheduledJob.status == "pending")
            )

    # -- the in-memory mirror -----------------------------------------------------------

    async def start(self, scheduler: AsyncIOScheduler) -> int:
        """Mirror pending jobs into `scheduler` (whose start and shutdown stay the caller's)."""
        self._scheduler = scheduler
        self._armed.clear()
        if self._sweep_seconds is not None:
            scheduler.add_job(
                self._fire,
                "interval",
                seconds=self._sweep_seconds,
                id=SWEEP_ID,
                replace_existing=True,
                coalesce=True,
                max_instances=1,
            )
        return await self.rebuild()

    async def rebuild(self) -> int:
        """Make the scheduler hold one timer per pending job, and no others of ours."""
        scheduler = self._scheduler
        if scheduler is None:
            raise RuntimeError("Timers.start(scheduler) must come before rebuild()")
        async with self._db.sessions() as session:
            rows = (
                await session.execute(
                    select(ScheduledJob.id, ScheduledJob.run_at).where(
                        ScheduledJob.status == "pending"
                    )
                )
            ).all()
        wanted = {f"{TIMER_PREFIX}{job_id}" for job_id, _ in rows}
        for timer in scheduler.get_jobs():
            if timer.id.startswith(TIMER_PREFIX) and timer.id not in wanted:
                self._disarm(int(timer.id.removeprefix(TIMER_PREFIX)))
        for job_id, run_at in rows:
            self._arm(job_id, run_at)
        log.info("rebuilt %d timers from the database", len(rows))
        return len(rows)

    def _arm(self, job_id: int, run_at: datetime) -> None:
        scheduler = self._scheduler
        if scheduler is None:
            return
        timer_id = f"{TIMER_PREFIX}{job_id}"
        # A stopped scheduler would keep both copies until start; remember what is
        # armed so the common case (first arming, e.g. rebuilding 10,000 timers at
        # start) skips APScheduler's linear search of its pending list.
        if scheduler.running:
            self._armed.clear()  # only needed while stopped
        else:
            if timer_id in self._armed:
                with contextlib.suppress(JobLookupError):
                    scheduler.remove_job(timer_id)
            self._armed.add(timer_id)
        scheduler.add_job(
            self._fire,
            DateTrigger(run_date=run_at),
            id=timer_id,
            replace_existing=True,
            misfire_grace_time=None,
            coalesce=True,
        )

    def _disarm(self, job_id: int) -> None:
        self._armed.discard(f"{TIMER_PREFIX}{job_id}")
        if self._scheduler is not None:
            with contextlib.suppress(JobLookupError):
                self._scheduler.remove_job(f"{TIMER_PREFIX}{job_id}")

    async def _fire(self) -> None:
        try:
            await self.run_due()
        except Exception as exc:  # the next firing or sweep tries again
            log.error("timer pass failed: %s", type(exc).__name__)
