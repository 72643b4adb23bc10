"""Updates per second through Telegram: fake Bot API -> python-telegram-bot -> engine -> back.

Run `python bench/telegram.py [--updates 500] [--mode polling|webhook]`. A fake Bot
API server on 127.0.0.1 serves private "/privacy" messages from distinct carers;
the real Telegram adapter receives them (long polling or webhook), the real engine
answers, the reply goes through the outbox and the delivery worker, and the fake
records the sendMessage. Latency is from an update being offered to its reply
arriving. Telegram's own rate limits (30/s overall) are lifted here, so the figures
show what carebot itself costs, not what Telegram allows.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

# This file is called telegram.py: take its folder (sys.path[0]) off the path, or it would
# hide the python-telegram-bot library, and put the project's root there instead.
sys.path.pop(0)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import build_app
from bot.clock import SystemClock
from bot.runner import Runner
from config.settings import load_settings
from config.texts import Texts
from storage.database import Database
from storage.migrate import upgrade
from tests.contract.drivers import TelegramDriver
from tests.contract.fake_telegram import FakeBotApi


def percentiles(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p99 = ordered[int(0.99 * (len(ordered) - 1))]
    return f"p50 {statistics.median(ordered):7.1f} ms   p99 {p99:7.1f} ms"


async def run(updates: int, webhook: bool, workdir: Path) -> None:
    driver = TelegramDriver(webhook=webhook)
    await driver.open()
    api: FakeBotApi = driver.api
    db = Database(f"sqlite:///{workdir / f'bench-{webhook}.db'}")
    await upgrade(db)
    adapter = driver.adapter()
    app = build_app(
        settings=load_settings(
            env={"CAREBOT_DATA_DIR": str(workdir), "CAREBOT_LOG_LEVEL": "ERROR"}
        ),
        texts=Texts.load(),
        clock=SystemClock(),
        db=db,
        capabilities={adapter.name: adapter.capabilities},
    )
    runner = Runner(app, [adapter])
    await runner.start()
    users = [driver.user(f"Carer {n}") for n in range(updates)]
    offered: dict[str, float] = {}
    try:
        # Warm up (first queries, connection pools), then one at a time, then a burst.
        warm = driver.user("Warm Up")
        await driver.say(warm, driver.dm(warm), "/privacy")
        await api.wait_for("sendMessage", 1)
        alone: list[float] = []
        for n in range(min(updates, 100)):
            user = driver.user(f"Alone {n}")
            began = time.perf_counter()
            await driver.say(user, driver.dm(user), "/privacy")
            (*_, reply) = await api.wait_for("sendMessage", n + 2)
            alone.append((reply.at - began) * 1000)
        done = len(api.called("sendMessage"))
        start = time.perf_counter()
        for user in users:
            offered[user.id] = time.perf_counter()
            await driver.say(user, driver.dm(user), "/privacy")
        calls = await api.wait_for("sendMessage", done + updates, within=300)
        elapsed = time.perf_counter() - start
    finally:
        await runner.stop()
        await driver.close()
        await db.close()
    burst = [
        (call.at - offered[call.params["chat_id"]]) * 1000
        for call in calls
        if call.params["chat_id"] in offered
    ]
    mode = "webhook" if webhook else "long polling"
    print(f"Telegram, {mode}: private messages, each answered")
    print(f"  one at a time ({len(alone)}):  round trip {percentiles(alone)}")
    print(f"  burst of {updates}:  {updates / elapsed:6.1f} updates/s ({elapsed:.2f} s in all)")
    print(f"  {'':20} until answered {percentiles(burst)}")


async def main(updates: int, modes: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for mode in modes:
            await run(updates, mode == "webhook", Path(tmp))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=500)
    parser.add_argument("--mode", choices=["polling", "webhook", "both"], default="both")
    args = parser.parse_args()
    chosen = ["polling", "webhook"] if args.mode == "both" else [args.mode]
    asyncio.run(main(args.updates, chosen))
