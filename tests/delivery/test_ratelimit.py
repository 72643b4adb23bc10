"""Table tests for the sliding windows: pure, no database, no clock but plain datetimes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery import TELEGRAM_LIMITS, RateLimits
from bot.delivery.ratelimit import KeyedWindows, PlatformLimiter, RateLimiter, SlidingWindow

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("limit", "period", "recorded", "asked", "expected"),
    [
        (1, 1, [], 0, 0),  # empty: free now
        (1, 1, [0], 0.5, 1),  # one per second: wait for the first to leave
        (1, 1, [0], 1, 1),  # exactly one period later is allowed
        (3, 1, [0, 0.2], 0.3, 0.3),  # room left
        (3, 1, [0, 0.2, 0.4], 0.5, 1),  # full: the oldest leaves at 1.0
        (3, 1, [0, 0.2, 0.4], 1.1, 1.1),  # oldest gone by now
        (20, 60, [i for i in range(20)], 30, 60),  # 20 per minute
    ],
)
def test_sliding_window(
    limit: int, period: float, recorded: list[float], asked: float, expected: float
) -> None:
    window = SlidingWindow(limit, timedelta(seconds=period))
    for moment in recorded:
        window.record(at(moment))
    assert window.next_free(at(asked)) == at(expected)


def test_window_over_full_waits_for_the_right_event() -> None:
    window = SlidingWindow(2, timedelta(seconds=1))
    for moment in (0, 0.1, 0.2):  # recorded past the limit (e.g. a hold was ignored)
        window.record(at(moment))
    assert window.next_free(at(0.5)) == at(1.1)  # then only one of the three is in view


@pytest.mark.parametrize(("limit", "seconds"), [(0, 1), (1, 0), (1, -1)])
def test_window_rejects_nonsense(limit: int, seconds: float) -> None:
    with pytest.raises(ValueError, match="window"):
        SlidingWindow(limit, timedelta(seconds=seconds))


def test_window_idle() -> None:
    window = SlidingWindow(1, timedelta(seconds=1))
    assert window.idle(at(0))
    window.record(at(0))
    assert not window.idle(at(0.5))
    assert window.idle(at(1))


def test_keyed_windows_are_independent_and_forget_quiet_keys() -> None:
    windows = KeyedWindows(1, timedelta(seconds=1))
    windows.record("a", at(0))
    assert windows.next_free("a", at(0)) == at(1)
    assert windows.next_free("b", at(0)) == at(0)
    for i in range(1, 1000):  # the 1000th record sweeps idle keys
        windows.record(f"k{i}", at(10))
    assert len(windows) == 999  # "a" was forgotten, the fresh ones kept


@pytest.mark.parametrize(
    ("is_group", "sends", "asked", "expected"),
    [
        (False, [], 0, 0),
        (False, [0], 0, 1),  # 1 per second per chat
        (True, [0], 0.5, 1),
        (True, list(range(20)), 20, 60),  # 20 per minute per group
        (False, list(range(20)), 20, 20),  # DMs have no per-minute limit
    ],
)
def test_platform_limiter_per_chat(
    is_group: bool, sends: list[float], asked: float, expected: float
) -> None:
    limiter = PlatformLimiter(TELEGRAM_LIMITS)
    for moment in sends:
        assert limiter.reserve("c", is_group, at(moment)) is None
    assert limiter.next_free("c", is_group, at(asked)) == at(expected)


def test_platform_limiter_global() -> None:
    limiter = PlatformLimiter(TELEGRAM_LIMITS)
    for i in range(30):
        assert limiter.reserve(f"c{i}", True, at(0)) is None
    assert limiter.reserve("c30", True, at(0)) == at(1)
    assert limiter.reserve("c30", True, at(1)) is None


def test_reserve_takes_nothing_when_refused() -> None:
    limiter = PlatformLimiter(TELEGRAM_LIMITS)
    assert limiter.reserve("c", True, at(0)) is None
    assert limiter.reserve("c", True, at(0.5)) == at(1)
    assert limiter.reserve("c", True, at(1)) is None  # the refusal used no slot


def test_hold_delays_one_chat_and_then_lapses() -> None:
    limiter = PlatformLimiter(TELEGRAM_LIMITS)
    limiter.hold("c", at(7.5))
    limiter.hold("c", at(3))  # a shorter hold never shortens a longer one
    assert limiter.reserve("c", False, at(0)) == at(7.5)
    assert limiter.reserve("other", False, at(0)) is None
    assert limiter.reserve("c", False, at(7.5)) is None


def test_rate_limiter_uses_defaults_for_unknown_platforms() -> None:
    limiter = RateLimiter({"telegram": TELEGRAM_LIMITS})
    assert limiter.platform("telegram").limits == TELEGRAM_LIMITS
    assert limiter.platform("console").limits == RateLimits()
    assert limiter.platform("console") is limiter.platform("console")
    assert limiter.reserve("telegram", "c", False, at(0)) is None
    limiter.hold("telegram", "c", at(5))
    assert limiter.reserve("telegram", "c", False, at(1)) == at(5)


@pytest.mark.parametrize(
    "field", ["global_per_second", "per_chat_per_second", "per_group_per_minute"]
)
def test_rate_limits_must_be_positive(field: str) -> None:
    with pytest.raises(ValueError, match=field):
        RateLimits(**{field: 0})


def test_bursts_spread_the_second_evenly() -> None:
    limiter = PlatformLimiter(TELEGRAM_LIMITS, bursts_per_second=5)
    assert limiter.per_burst == 6
    for i in range(6):
        assert limiter.reserve(f"c{i}", True, at(0)) is None
    assert limiter.reserve("c6", True, at(0)) == at(0.2)  # the next burst, not the next second
    for burst in range(1, 5):
        for i in range(6):
            assert limiter.reserve(f"b{burst}-{i}", True, at(0.2 * burst)) is None
    assert limiter.reserve("late", True, at(0.9)) == at(1)  # the second's 30 are used up


def test_bursts_round_up_and_must_be_positive() -> None:
    assert PlatformLimiter(RateLimits(global_per_second=7), bursts_per_second=5).per_burst == 2
    assert RateLimiter({}, bursts_per_second=4).platform("x").per_burst == 25
    with pytest.raises(ValueError, match="bursts_per_second"):
        PlatformLimiter(TELEGRAM_LIMITS, bursts_per_second=0)
