"""The delivery worker: sends what the outbox holds, within each platform's limits.

Exactly once per (item, chat) rests on one rule: a delivery is claimed (pending ->
sending) before the adapter is called, and settled (sent, pending again with a later
retry time, or failed) afterwards. Two workers may race on one database: only one
claim can win.

Sends go in chunks: the deliveries that the rate limits allow at this instant (a
platform's second is spread over `bursts_per_second` bursts, so for Telegram 6 every
200 ms; never more than `concurrency`) are claimed together in one short transaction
just before they are sent, and each platform answer is recorded the moment it arrives
(group commit: answers arriving together share one transaction, and no settle ever
waits behind a claim). The next chunk is claimed only once every answer of this one is
written down. So at any moment at most one chunk is "in doubt": claimed, perhaps
accepted by the platform, not yet recorded.

Stopping (`stop()`, or the event given to `run_forever`; SIGTERM and SIGINT in
`carebot run`): nothing more is claimed, the sends under way finish (each bounded by
`send_timeout`) and are recorded, then the worker returns. A normal stop therefore
loses nothing and sends nothing twice.

The one window no bot can close is a hard crash (SIGKILL, power cut, OOM kill) after
the platform accepted a message but before we wrote `sent`: Telegram has no
idempotency key and no way to ask "did you get this?", so nothing we store before or
after can tell "accepted" from "never arrived". What is in doubt then is the chunk in
flight: at most 6 messages on Telegram, and only those the platform had accepted are
repeated (bench/notices.py kills the process just as Telegram accepts a message, the
worst moment: 2 to 5 repeats per kill; a kill between chunks repeats none). Writing an
"about to send" mark does not help (it is what the claim already is), and writing
`sent` before sending would turn the duplicate into a loss.

Policy: **at least once**. A claim is a lease (the claimed row's `next_attempt_at` is
set to now + lease, and sends time out well before it); once the lease runs out, a
worker that finds the row still `sending` puts it back to `pending` with last_error
saying it was interrupted, and it goes again. carebot's messages are support and
safeguarding: a rare duplicate costs a moment's annoyance, a lost escalation can cost
a carer the help they asked for. Kinds listed in `at_most_once_kinds` take the other
side: an interrupted delivery is marked `failed` ("may not have arrived") and never
repeated.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, update
from sqlalchemy.sql.dml import Update

from bot.clock import Clock
from bot.delivery import queries
from bot.delivery.failures import DeliveryFailure, FailureListener, fallback_chat
from bot.delivery.groupcommit import GroupCommit
from bot.delivery.ports import PermanentSendError, RateLimits, Sender, TransientSendError
from bot.delivery.queries import Due, Item
from bot.delivery.ratelimit import RateLimiter
from bot.events import ChatKind, ChatRef, Outgoing
from config.settings import DeliverySettings
from storage.database import Database
from storage.models import Delivery

log = logging.getLogger(__name__)

INTERRUPTED_RESEND = "interrupted during send; sent again"
INTERRUPTED_DROPPED = "interrupted during send; may not have arrived"
EXPIRED = "expired before it could be sent"


class DeliveryWorker:
    """Sends due deliveries through the adapters; `run_once` for tests, `run_forever` for real.

    `rng` gives the backoff jitter (0..1). `lease` is how long a claim is trusted before a
    crashed worker's delivery is taken back; `send_timeout` (real seconds) must be
    shorter, and bounds how long a stop waits for sends under way. Each platform's
    overall limit goes in `bursts_per_second` even chunks (Telegram's 30/s as 6 every
    200 ms), never more than `concurrency` at once: that is all that is ever in flight,
    so all a crash can leave in doubt. A chunk is sent, and its answers written, before
    the next is claimed, so full speed needs round trips shorter than a burst's span
    (200 ms); slower ones only slow delivery down. Rate limits are kept per worker: run one
    worker per bot account. `on_failure` hears of every delivery that failed for good, so
    the core can react (see bot.undelivered).
    """

    def __init__(
        self,
        db: Database,
        senders: Mapping[str, Sender],
        limits: Mapping[str, RateLimits],
        clock: Clock,
        settings: DeliverySettings,
        *,
        rng: Callable[[], float] = random.random,
        lease: timedelta = timedelta(minutes=2),
        send_timeout: float = 30.0,
        concurrency: int = 32,
        bursts_per_second: int = 5,
        batch: int = 2000,
        idle_seconds: float = 60.0,
        at_most_once_kinds: frozenset[str] = frozenset(),
        on_failure: FailureListener | None = None,
    ) -> None:
        if timedelta(seconds=send_timeout) >= lease:
            raise ValueError("send_timeout must be shorter than the lease")
        self._db = db
        self._senders = dict(senders)
        self._limiter = RateLimiter(limits, bursts_per_second=bursts_per_second)
        self._clock = clock
        self._settings = settings
        self._rng = rng
        self._lease = lease
        self._send_timeout = send_timeout
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self._concurrency = concurrency
        self._batch = batch
        self._idle_seconds = idle_seconds
        self._at_most_once = at_most_once_kinds
        self._on_failure = on_failure
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        # SQLite has one writer: queue our own writes here rather than in its busy-wait.
        self._write_lock = asyncio.Lock() if db.is_sqlite else None
        self._answers: GroupCommit[Update] = GroupCommit(self._write_all)

    def wake(self) -> None:
        """Something was queued: look again now (pass to Outbox.add_listener)."""
        self._wake.set()

    def stop(self) -> None:
        """Claim nothing more; sends under way finish and are recorded, then passes end."""
        self._stopping.set()
        self._wake.set()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    @property
    def send_timeout(self) -> float:
        return self._send_timeout

    async def run_once(self) -> datetime | None:
        """Send everything due and allowed now; return when there is next something to do."""
        now = self._clock.now()
        await self._recover(now)
        async with self._db.sessions() as session:
            due, expired = await queries.due_deliveries(session, now, self._batch)
        if expired:
            await self._settle(expired, "expired", EXPIRED)
            log.info("%d deliveries expired unsent", len(expired))
        later: list[datetime] = []
        waiting = deque(due)
        sent_any = False
        while waiting:
            if self._stopping.is_set():
                return now  # stopped with work left: the next start takes it up
            chunk = self._take_slots(waiting, later)
            if chunk:
                if not await self._send_chunk(chunk):
                    return now  # the stop came just before the claim
                sent_any = True
        if len(due) + len(expired) >= self._batch and (sent_any or expired):
            return now  # a full batch made progress: more may be waiting right now
        if later and not sent_any:
            return max(min(later), now)  # everything due is held by rate limits until then
        async with self._db.sessions() as session:
            candidates = later + await queries.next_wakeups(session, now)
        return max(min(candidates), now) if candidates else None

    async def run_forever(self, stop: asyncio.Event) -> None:
        """Deliver until `stop` is set, sleeping until the next due time or a wake-up.

        Setting `stop` mid-pass works like `stop()`: sends under way finish and are recorded.
        """
        if stop.is_set():
            self.stop()
        watch = asyncio.ensure_future(stop.wait())
        watch.add_done_callback(lambda done: None if done.cancelled() else self.stop())
        try:
            await self._deliver_until_stopped()
        finally:
            watch.cancel()

    async def _deliver_until_stopped(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                next_at = await self.run_once()
            except Exception as exc:  # keep delivering; the database may be briefly busy
                log.error("delivery pass failed: %s", type(exc).__name__)
                next_at = None
            timeout = self._idle_seconds
            if next_at is not None:
                wait = (next_at - self._clock.now()).total_seconds()
                timeout = min(max(wait, 0.0), timeout)
            await _wait_any((self._wake, self._stopping), timeout)

    # -- one delivery ------------------------------------------------------------------

    def _take_slots(self, waiting: deque[Due], later: list[datetime]) -> list[Due]:
        """The next chunk: due rows the rate limits allow right now, up to `concurrency`.

        A slot is taken just before its send, never ahead; rows refused a slot wait for
        the pass that comes when the limits allow them (their times go to `later`).
        """
        now = self._clock.now()
        chunk: list[Due] = []
        while waiting and len(chunk) < self._concurrency:
            row = waiting.popleft()
            is_group = row.chat_kind == "group"
            free_at = self._limiter.reserve(row.platform, row.chat_id, is_group, now)
            if free_at is None:
                chunk.append(row)
            else:
                later.append(free_at)
        return chunk

    async def _send_chunk(self, chunk: list[Due]) -> bool:
        """Claim the chunk in one write, send it, and record every answer before returning.

        False when a stop came first and nothing was claimed.
        """
        async with self._db.sessions() as session:
            items = await queries.load_items(session, {row.item_id for row in chunk})
        if self._stopping.is_set():
            return False
        now = self._clock.now()
        claims = [
            update(Delivery)
            .where(Delivery.id == row.id, Delivery.status == "pending")
            .where(Delivery.next_attempt_at <= now)
            .values(
                status="sending", attempts=Delivery.attempts + 1, next_attempt_at=now + self._lease
            )
            for row in chunk
        ]
        won = await self._write(*claims)  # a row another worker claimed first counts 0
        sends = [
            self._send(row, items[row.item_id]) for row, n in zip(chunk, won, strict=True) if n
        ]
        failures: list[DeliveryFailure] = []
        for outcome in await asyncio.gather(*sends, return_exceptions=True):
            if isinstance(outcome, DeliveryFailure):
                failures.append(outcome)
            elif isinstance(outcome, Exception):  # a settle write failed: the lease covers it
                log.error("delivery pass error: %s", type(outcome).__name__)
            elif isinstance(outcome, BaseException):
                raise outcome
        for failure in failures:  # after every answer is written: settles come first
            await self._report(failure)
        return True

    async def _send(self, row: Due, item: Item) -> DeliveryFailure | None:
        attempts = row.attempts + 1
        sender = self._senders.get(row.platform)
        chat = ChatRef(row.platform, row.chat_id, ChatKind(row.chat_kind), row.thread_id or None)
        outgoing = Outgoing(chat, item.text, item.buttons, attachment=item.attachment)
        try:
            if sender is None:
                raise PermanentSendError(f"no adapter for platform {row.platform}")
            sent = await asyncio.wait_for(sender.send(outgoing), self._send_timeout)
        except PermanentSendError as exc:
            await self._record(_settled(row.id, "failed", exc.reason))
            log.warning("delivery %s failed for good: %s", row.id, exc.reason)
            fallback = fallback_chat(row.platform, row.fallback_chat_id, row.fallback_thread_id)
            return DeliveryFailure(row.id, row.item_id, item.kind, chat, fallback, exc)
        except TransientSendError as exc:
            await self._retry(row, attempts, exc.reason, exc.retry_after)
        except TimeoutError:
            if item.kind in self._at_most_once:
                await self._record(_settled(row.id, "failed", "timed out; may not have arrived"))
            else:
                await self._retry(row, attempts, "timed out", None)
        except Exception as exc:  # an adapter bug: retry, log the kind of error only
            log.error("adapter error on delivery %s: %s", row.id, type(exc).__name__)
            await self._retry(row, attempts, f"unexpected error: {type(exc).__name__}", None)
        else:
            done = await self._record(
                update(Delivery)
                .where(Delivery.id == row.id, Delivery.status == "sending")
                .values(
                    status="sent", sent_at=self._clock.now(), platform_message_id=sent.message_id
                )
            )
            if not done:
                log.warning("delivery %s was sent after its lease ran out", row.id)
        return None

    async def _retry(self, row: Due, attempts: int, reason: str, retry_after: float | None) -> None:
        if attempts >= self._settings.max_attempts:
            why = f"gave up after {attempts} attempts: {reason}"
            await self._record(_settled(row.id, "failed", why))
            log.warning("delivery %s failed: gave up after %d attempts", row.id, attempts)
            return
        now = self._clock.now()
        if retry_after is not None:
            delay = retry_after  # the platform's own figure, exactly
            self._limiter.hold(row.platform, row.chat_id, now + timedelta(seconds=retry_after))
        else:
            delay = self.backoff(attempts)
        await self._record(
            update(Delivery)
            .where(Delivery.id == row.id, Delivery.status == "sending")
            .values(
                status="pending",
                next_attempt_at=now + timedelta(seconds=delay),
                last_error=reason[:300],
            )
        )
        log.info("delivery %s will be retried in %.1fs: %s", row.id, delay, reason)

    async def _report(self, failure: DeliveryFailure) -> None:
        if self._on_failure is None:
            return
        try:
            if self._write_lock is None:
                await self._on_failure(failure)
            else:
                async with self._write_lock:
                    await self._on_failure(failure)
        except Exception as exc:  # a failed reaction must never stop delivery
            name = type(exc).__name__
            log.error("failure handler error on delivery %s: %s", failure.delivery_id, name)

    def backoff(self, attempts: int) -> float:
        """Seconds before retry `attempts` + 1: doubling, capped, with 'equal jitter'."""
        settings = self._settings
        ceiling = min(
            settings.max_backoff_seconds, settings.base_backoff_seconds * 2.0 ** (attempts - 1)
        )
        return ceiling * (0.5 + 0.5 * self._rng())

    # -- database ----------------------------------------------------------------------

    async def _record(self, stmt: Update) -> int:
        """Write down one platform answer as soon as possible (see GroupCommit)."""
        return await self._answers.submit(stmt)

    async def _write_all(self, stmts: Sequence[Update]) -> list[int]:
        return await self._write(*stmts)

    async def _write(self, *stmts: Update) -> list[int]:
        """Run `stmts` in one transaction; the rows each changed."""
        if self._write_lock is None:
            return await self._write_now(stmts)
        async with self._write_lock:
            return await self._write_now(stmts)

    async def _write_now(self, stmts: Sequence[Update]) -> list[int]:
        async with self._db.transaction() as session:
            results = [cast(CursorResult[Any], await session.execute(s)) for s in stmts]
            return [result.rowcount for result in results]

    async def _settle(
        self, ids: Sequence[int], status: str, reason: str, only_from: str = "pending"
    ) -> int:
        [count] = await self._write(
            update(Delivery)
            .where(Delivery.id.in_(ids), Delivery.status == only_from)
            .values(status=status, last_error=reason[:300])
        )
        return count

    async def _recover(self, now: datetime) -> None:
        """Deal with deliveries whose sender vanished mid-send (see the module docstring)."""
        async with self._db.sessions() as session:
            rows = await queries.stale_claims(session, now)
        for delivery_id, attempts, kind in rows:
            values: dict[str, Any] = {"status": "pending", "last_error": INTERRUPTED_RESEND}
            if kind in self._at_most_once:
                values = {"status": "failed", "last_error": INTERRUPTED_DROPPED}
            elif attempts >= self._settings.max_attempts:
                values = {"status": "failed", "last_error": "interrupted too many times"}
            else:
                values["next_attempt_at"] = now
            guard = update(Delivery).where(
                Delivery.id == delivery_id,
                Delivery.status == "sending",
                Delivery.next_attempt_at <= now,
            )
            [taken] = await self._write(guard.values(values))
            if taken:
                log.warning(
                    "delivery %s interrupted mid-send: now %s", delivery_id, values["status"]
                )


def _settled(delivery_id: int, status: str, reason: str) -> Update:
    """A claimed delivery that is over, one way or another (`reason` goes in last_error)."""
    return (
        update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.status == "sending")
        .values(status=status, last_error=reason[:300])
    )


async def _wait_any(events: Sequence[asyncio.Event], seconds: float) -> None:
    waiters = [asyncio.ensure_future(e.wait()) for e in events]
    try:
        await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
