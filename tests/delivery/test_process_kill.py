"""Real processes, really killed (SIGKILL) or stopped (SIGTERM): nothing queued is lost,
nothing is sent twice."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

from tests.delivery.crash_child import CHATS


def child(*args: str) -> int:
    result = subprocess.run(
        [sys.executable, "-m", "tests.delivery.crash_child", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode


def claimed_unrecorded(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        [(count,)] = conn.execute("SELECT count(*) FROM deliveries WHERE status = 'sending'")
    return int(count)


def sends(log: Path) -> Counter[str]:
    if not log.exists():
        return Counter()
    return Counter(log.read_text(encoding="utf-8").split())


def test_killed_after_queueing_then_restarted(tmp_path: Path) -> None:
    db, log = tmp_path / "carebot.db", tmp_path / "sent.log"
    assert child("queue", str(db), str(log)) == -signal.SIGKILL
    assert sends(log) == Counter()
    assert child("deliver", str(db), str(log)) == 0
    assert child("deliver", str(db), str(log), "-", "10") == 0  # a second start sends nothing
    counted = sends(log)
    assert len(counted) == CHATS
    assert set(counted.values()) == {1}


def test_killed_in_the_middle_of_delivering_then_restarted(tmp_path: Path) -> None:
    db, log = tmp_path / "carebot.db", tmp_path / "sent.log"
    assert child("queue", str(db), str(log)) == -signal.SIGKILL
    assert child("deliver", str(db), str(log), "15") == -signal.SIGKILL
    assert sum(sends(log).values()) == 15
    # After the two-minute lease, the interrupted claim is taken up again.
    assert child("deliver", str(db), str(log), "-", "5") == 0
    counted = sends(log)
    assert len(counted) == CHATS
    assert set(counted.values()) == {1}


def test_stopped_by_sigterm_mid_send_then_restarted_at_once(tmp_path: Path) -> None:
    db, log = tmp_path / "carebot.db", tmp_path / "sent.log"
    assert child("queue", str(db), str(log)) == -signal.SIGKILL
    # SIGTERM arrives while send 15 is with the platform: it is answered and recorded,
    # nothing more is claimed, and the process exits normally.
    assert child("term", str(db), str(log), "15") == 0
    assert sends(log) == Counter(f"g{n}" for n in range(15))
    assert claimed_unrecorded(db) == 0
    # So a restart at once (no lease to wait for) sends the rest, each exactly once.
    assert child("deliver", str(db), str(log)) == 0
    counted = sends(log)
    assert len(counted) == CHATS
    assert set(counted.values()) == {1}
