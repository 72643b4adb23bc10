"""Sliding-window rate limits, driven by whatever clock the caller passes in.

Pure bookkeeping with no I/O and no sleeping, so it can be table-tested with plain
datetimes and shared by the delivery worker and the benchmark. A window never lets
more than `limit` sends happen in any span of `period`, which is how platforms
phrase their limits ("20 messages per minute per group").

A platform's overall limit can also be spread over the second in `bursts_per_second`
even bursts (30 a second as 6 every 200 ms). Fewer sends are then in flight at once,
which is what a crash can leave in doubt (see bot.delivery.worker), and the platform
never sees a whole second's messages arrive in one go.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from datetime import datetime, timedelta

from bot.delivery.ports import RateLimits

SECOND = timedelta(seconds=1)
MINUTE = timedelta(minutes=1)
_SWEEP_EVERY = 1000


class SlidingWindow:
    """At most `limit` events in any half-open span of length `period`."""

    __slots__ = ("_events", "limit", "period")

    def __init__(self, limit: int, period: timedelta) -> None:
        if limit < 1 or period <= timedelta(0):
            raise ValueError("a window needs a limit of at least 1 and a positive period")
        self.limit = limit
        self.period = period
        self._events: deque[datetime] = deque()

    def _forget(self, now: datetime) -> None:
        horizon = now - self.period
        while self._events and self._events[0] <= horizon:
            self._events.popleft()

    def next_free(self, now: datetime) -> datetime:
        """The earliest time an event is allowed: `now` when there is room already."""
        self._forget(now)
        if len(self._events) < self.limit:
            return now
        return self._events[-self.limit] + self.period

    def record(self, now: datetime) -> None:
        self._events.append(now)

    def idle(self, now: datetime) -> bool:
        self._forget(now)
        return not self._events


class KeyedWindows:
    """One window per key (a chat), forgetting keys that have gone quiet."""

    def __init__(self, limit: int, period: timedelta) -> None:
        self.limit = limit
        self.period = period
        self._windows: dict[str, SlidingWindow] = {}
        self._records = 0

    def next_free(self, key: str, now: datetime) -> datetime:
        window = self._windows.get(key)
        return now if window is None else window.next_free(now)

    def record(self, key: str, now: datetime) -> None:
        window = self._windows.get(key)
        if window is None:
            window = self._windows[key] = SlidingWindow(self.limit, self.period)
        window.record(now)
        self._records += 1
        if self._records % _SWEEP_EVERY == 0:
            self._sweep(now)

    def _sweep(self, now: datetime) -> None:
        for key in [k for k, w in self._windows.items() if w.idle(now)]:
            del self._windows[key]

    def __len__(self) -> int:
        return len(self._windows)


class PlatformLimiter:
    """All of one platform's limits at once, plus holds a platform asked for (retry-after)."""

    def __init__(self, limits: RateLimits, bursts_per_second: int = 1) -> None:
        if bursts_per_second < 1:
            raise ValueError("bursts_per_second must be at least 1")
        self.limits = limits
        self._global = SlidingWindow(limits.global_per_second, SECOND)
        self.per_burst = math.ceil(limits.global_per_second / bursts_per_second)
        self._burst = SlidingWindow(self.per_burst, SECOND / bursts_per_second)
        self._per_chat = KeyedWindows(limits.per_chat_per_second, SECOND)
        self._per_group = KeyedWindows(limits.per_group_per_minute, MINUTE)
        self._holds: dict[str, datetime] = {}

    def next_free(self, chat_id: str, is_group: bool, now: datetime) -> datetime:
        """When a send to this chat would be allowed (`now` if it is allowed already)."""
        times = [
            self._global.next_free(now),
            self._burst.next_free(now),
            self._per_chat.next_free(chat_id, now),
        ]
        if is_group:
            times.append(self._per_group.next_free(chat_id, now))
        hold = self._holds.get(chat_id)
        if hold is not None:
            if hold <= now:
                del self._holds[chat_id]
            else:
                times.append(hold)
        return max(times)

    def reserve(self, chat_id: str, is_group: bool, now: datetime) -> datetime | None:
        """Take a send slot now and return None, or return when to ask again."""
        free_at = self.next_free(chat_id, is_group, now)
        if free_at > now:
            return free_at
        self._global.record(now)
        self._burst.record(now)
        self._per_chat.record(chat_id, now)
        if is_group:
            self._per_group.record(chat_id, now)
        return None

    def hold(self, chat_id: str, until: datetime) -> None:
        """Send nothing more to this chat before `until` (the platform said so)."""
        current = self._holds.get(chat_id)
        if current is None or until > current:
            self._holds[chat_id] = until


class RateLimiter:
    """Limiters for every platform; an unknown platform gets the generous defaults."""

    def __init__(
        self,
        limits: Mapping[str, RateLimits],
        default: RateLimits | None = None,
        bursts_per_second: int = 1,
    ) -> None:
        self._limits = dict(limits)
        self._default = default or RateLimits()
        self._bursts = bursts_per_second
        self._platforms: dict[str, PlatformLimiter] = {}

    def platform(self, name: str) -> PlatformLimiter:
        limiter = self._platforms.get(name)
        if limiter is None:
            limiter = PlatformLimiter(self._limits.get(name, self._default), self._bursts)
            self._platforms[name] = limiter
        return limiter

    def reserve(
        self, platform: str, chat_id: str, is_group: bool, now: datetime
    ) -> datetime | None:
        return self.platform(platform).reserve(chat_id, is_group, now)

    def hold(self, platform: str, chat_id: str, until: datetime) -> None:
        self.platform(platform).hold(chat_id, until)
