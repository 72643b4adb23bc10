"""`carebot run` stops cleanly on signals; logs never carry what people wrote."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.logs import JsonFormatter, configure_logging
from bot.router import Router
from tests.support.harness import Harness, only_text

SECRET_WORDS = "Kyle McAllister goes to St Bedes"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_run_shuts_down_cleanly_on_a_signal(tmp_path: Path, sig: signal.Signals) -> None:
    env = {**os.environ, "CAREBOT_DATA_DIR": str(tmp_path / "data")}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli.main", "run"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if "carebot started" in line:
                break
        process.send_signal(sig)
        code = process.wait(timeout=30)
        rest = process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
    assert code == 0
    assert "carebot stopping" in rest


def test_json_log_lines_are_json(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("INFO", "json")
    try:
        logging.getLogger("carebot.test").info("delivered %d messages", 3)
    finally:
        configure_logging("WARNING", "text")
    line = capsys.readouterr().err.strip().splitlines()[-1]
    entry = json.loads(line)
    assert entry["message"] == "delivered 3 messages"
    assert entry["level"] == "INFO"


def test_json_formatter_names_the_error_type() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    entry = json.loads(JsonFormatter().format(record))
    assert entry["error"] == "ValueError"


async def test_a_failing_handler_logs_without_the_message_text(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    broken = Router("broken")

    @broken.message()
    async def explode(_ctx: object, _message: object) -> bool:
        raise RuntimeError("handler bug")

    h.app.dispatcher.routers = (*h.app.dispatcher.routers, broken)
    amira = await h.person("Amira")
    group = await h.group("Tuesday")
    with caplog.at_level(logging.DEBUG):
        reply = only_text(await h.say(SECRET_WORDS, as_=amira, in_=group))
    assert "something went wrong" in reply
    assert "handler failed" in caplog.text
    assert SECRET_WORDS not in caplog.text
    assert "McAllister" not in caplog.text
