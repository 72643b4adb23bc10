"""The fake Telegram of `bench/notices.py`, and the delivery process it runs (and kills).

Run by the benchmark as `python bench/notices_platform.py DB LOG START [--kill-after N
--kill-mode term|kill] [--latency-ms MS --seed S]`. It runs the real DeliveryWorker
(Telegram's limits, the settings' retries) against `FakeTelegram`, which enforces
Telegram's published limits itself (30/s overall, 1/s per chat, 20/min per group,
sliding windows) and answers a broken limit with a 429 and its retry_after, as the
Telegram adapter reports it (TransientSendError("rate_limited", retry_after)). Some
chats fail for good (carebot removed from the group, person blocked carebot) and some
fail once (network).

Every answer is appended to LOG (flushed, so a SIGKILL cannot hide it) and the platform
reads LOG back at start: its windows, like Telegram's, outlive carebot's restarts.
Platform time is a FakeClock that jumps to whenever the worker next has something to do.

A send takes real time on the way there and back (each a random 0..MS/2 ms), so answers
arrive spread out as over a real network, and a message can be accepted while its
answer is still on the way. With --kill-after N the process signals itself just after
the platform accepted its Nth message: `kill` is SIGKILL (nothing more happens), `term`
is SIGTERM, which stops the worker the way `carebot run` does (it claims nothing more,
lets the sends under way finish and records them) and the process exits normally.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import signal
import sys
import time
from collections import defaultdict, deque
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import FakeClock
from bot.delivery import (
    TELEGRAM_LIMITS,
    ChatUnavailable,
    DeliveryWorker,
    DirectMessageRefused,
    PermanentSendError,
    SentMessage,
    TransientSendError,
)
from bot.events import ChatKind, ChatRef, Outgoing
from config.settings import load_settings
from storage.database import Database

SECOND = timedelta(seconds=1)
MINUTE = timedelta(minutes=1)


def fate(chat_id: str) -> str:
    """What the platform does with a chat: "ok", "flaky" (fails once), or fails for good:
    "removed" (a group that removed carebot), "blocked", "not_started" (never opened a chat).
    """
    number = int(chat_id.lstrip("-")) % 100
    group = chat_id.startswith("-")
    if number == 7:
        return "removed" if group else "blocked"
    if number == 57 and not group:
        return "not_started"
    return "flaky" if number in (11, 61) else "ok"


FAILS_FOR_GOOD = ("removed", "blocked", "not_started")


class Window:
    """At most `limit` events in any half-open span of `period` (Telegram's own view)."""

    def __init__(self, limit: int, period: timedelta) -> None:
        self.limit, self.period = limit, period
        self.times: deque[datetime] = deque()

    def free_at(self, now: datetime) -> datetime:
        while self.times and self.times[0] <= now - self.period:
            self.times.popleft()
        return now if len(self.times) < self.limit else self.times[-self.limit] + self.period


class FakeTelegram:
    """Telegram as seen by carebot's sender: accepts, refuses for good, or answers 429."""

    def __init__(
        self,
        clock: FakeClock,
        log: Path,
        kill_at: int | None,
        signal_to_send: signal.Signals = signal.SIGKILL,
        latency: float = 0.0,
        seed: int = 0,
    ) -> None:
        self.clock, self.kill_at, self.signal = clock, kill_at, signal_to_send
        self.latency, self.random = latency, random.Random(seed)
        limits = TELEGRAM_LIMITS
        self.overall = Window(limits.global_per_second, SECOND)
        self.per_chat: dict[str, Window] = defaultdict(
            lambda: Window(limits.per_chat_per_second, SECOND)
        )
        self.per_group: dict[str, Window] = defaultdict(
            lambda: Window(limits.per_group_per_minute, MINUTE)
        )
        self.tried: set[str] = set()
        self.accepted = 0
        for line in log.read_text().splitlines() if log.exists() else []:
            what, chat, at = line.split()
            self.tried.add(chat)
            if what != "429":
                self._count(chat, datetime.fromisoformat(at))
            self.accepted += what == "ok"
        self.log = log.open("a", encoding="utf-8")

    def _count(self, chat: str, at: datetime) -> None:
        self.overall.times.append(at)
        self.per_chat[chat].times.append(at)
        if chat.startswith("-"):
            self.per_group[chat].times.append(at)

    def next_free(self, now: datetime) -> datetime:
        return self.overall.free_at(now)

    def _write(self, what: str, chat: str, now: datetime) -> None:
        self.log.write(f"{what} {chat} {now.isoformat()}\n")
        self.log.flush()  # in the kernel's hands: SIGKILL cannot lose it

    async def _network(self) -> None:
        """One way over the network: other sends interleave meanwhile."""
        await asyncio.sleep(self.random.uniform(0, self.latency / 2) if self.latency else 0)

    async def send(self, outgoing: Outgoing) -> SentMessage:
        now, chat = self.clock.now(), outgoing.chat.id
        await self._network()
        windows = [self.overall, self.per_chat[chat]]
        if outgoing.chat.kind is ChatKind.GROUP:
            windows.append(self.per_group[chat])
        free = max(w.free_at(now) for w in windows)
        if free > now:
            self._write("429", chat, now)
            wait = math.ceil((free - now).total_seconds())
            raise TransientSendError("rate_limited", retry_after=wait)
        self._count(chat, now)
        first_try = chat not in self.tried
        self.tried.add(chat)
        kind = fate(chat)
        if kind == "flaky" and first_try:
            self._write("network", chat, now)
            raise TransientSendError("network")
        if kind == "removed":
            self._write("removed", chat, now)
            raise ChatUnavailable("bot_removed")
        if kind == "blocked":
            self._write("blocked", chat, now)
            raise PermanentSendError("user_blocked")
        if kind == "not_started":
            self._write("not_started", chat, now)
            raise DirectMessageRefused("dm_not_started")
        self._write("ok", chat, now)
        self.accepted += 1
        message_id = str(self.accepted)
        if self.kill_at is not None and self.accepted == self.kill_at:
            os.kill(os.getpid(), self.signal)  # accepted; carebot has not heard yet
        await self._network()  # the answer on its way back
        return SentMessage(message_id=message_id)

    async def delete(self, chat: ChatRef, message_id: str) -> None:
        return None


async def deliver(
    db_path: Path,
    log: Path,
    start: datetime,
    kill_after: int | None,
    mode: str,
    latency: float,
    seed: int,
) -> None:
    clock = FakeClock(start)
    sig = signal.SIGTERM if mode == "term" else signal.SIGKILL
    platform = FakeTelegram(clock, log, kill_after, sig, latency, seed)
    settings = load_settings(env={"CAREBOT_LOG_LEVEL": "ERROR"})
    db = Database(f"sqlite:///{db_path}")
    worker = DeliveryWorker(
        db, {"telegram": platform}, {"telegram": TELEGRAM_LIMITS}, clock, settings.delivery
    )
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, worker.stop)
    passes = idle = 0
    idle_wall = 0.0
    try:
        while not worker.stopping:
            before, began = platform.accepted, time.perf_counter()
            next_at = await worker.run_once()
            passes += 1
            if next_at is None or worker.stopping:
                break
            now = clock.now()
            if next_at > now:
                clock.set(next_at)
            elif platform.accepted == before:
                # More due than one batch, all waiting for a slot: run_once said "now", and a
                # real worker would look again at once until the next slot frees. Skip to it.
                idle += 1
                idle_wall += time.perf_counter() - began
                clock.set(max(platform.next_free(now), now + timedelta(milliseconds=10)))
    finally:
        await db.close()
    stats = {"passes": passes, "idle_passes": idle, "idle_wall": idle_wall}
    print(json.dumps({**stats, "stopped": worker.stopping}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("log", type=Path)
    parser.add_argument("start")
    parser.add_argument("--kill-after", type=int)
    parser.add_argument("--kill-mode", choices=["term", "kill"], default="kill")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="round trip, at most")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    started = datetime.fromisoformat(args.start)
    latency = args.latency_ms / 1000
    run = deliver(args.db, args.log, started, args.kill_after, args.kill_mode, latency, args.seed)
    asyncio.run(run)
