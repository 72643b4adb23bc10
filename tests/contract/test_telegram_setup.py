"""Setting Telegram up: settings, `carebot run` choosing the adapter, `carebot doctor`."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import AsyncIterator

import pytest

from adapters.telegram.adapter import TelegramAdapter, TelegramConfig
from adapters.telegram.doctor import Level, RegisteredGroup, diagnose, report
from bot.cli.run import configured_adapters
from config.settings import ConfigError, load_settings
from tests.contract.fake_telegram import TOKEN, FakeBotApi

SECRET = "a-long-random-secret-1234"


def test_no_token_no_telegram() -> None:
    assert configured_adapters(load_settings(env={})) == []


def test_token_starts_telegram_by_polling() -> None:
    settings = load_settings(env={"TELEGRAM_BOT_TOKEN": TOKEN})
    (adapter,) = configured_adapters(settings)
    assert isinstance(adapter, TelegramAdapter) and adapter.name == "telegram"
    config = TelegramConfig.from_settings(settings)
    assert config.api_base_url == "https://api.telegram.org"
    assert config.webhook_url is None
    assert adapter.application.updater is not None


def test_webhook_settings() -> None:
    settings = load_settings(
        env={
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/",
            "TELEGRAM_WEBHOOK_URL": "https://carebot.example.org/tg",
            "TELEGRAM_WEBHOOK_SECRET": SECRET,
            "TELEGRAM_WEBHOOK_PORT": "9443",
        }
    )
    config = TelegramConfig.from_settings(settings)
    assert config.api_base_url == "http://127.0.0.1:8081"
    assert (config.webhook_listen, config.webhook_port) == ("127.0.0.1", 9443)
    assert config.webhook_secret == SECRET
    (adapter,) = configured_adapters(settings)
    assert isinstance(adapter, TelegramAdapter) and adapter.application.updater is None


@pytest.mark.parametrize(
    ("env", "field"),
    [
        ({"TELEGRAM_WEBHOOK_URL": "https://carebot.example.org/tg"}, "TELEGRAM_WEBHOOK_SECRET"),
        ({"TELEGRAM_WEBHOOK_URL": "http://carebot.example.org/tg"}, "telegram_webhook_url"),
        ({"TELEGRAM_WEBHOOK_SECRET": "too short"}, "TELEGRAM_WEBHOOK_SECRET"),
        ({"TELEGRAM_API_BASE_URL": "api.telegram.org"}, "telegram_api_base_url"),
        ({"TELEGRAM_WEBHOOK_PORT": "70000"}, "telegram_webhook_port"),
    ],
)
def test_bad_telegram_settings_fail_in_one_line(env: dict[str, str], field: str) -> None:
    with pytest.raises(ConfigError) as problem:
        load_settings(env=env)
    message = str(problem.value)
    assert f"field '{field}'" in message and "\n" not in message
    assert SECRET not in message


def test_webhook_secret_never_from_a_file(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "carebot.toml"  # type: ignore[operator]
    path.write_text(f'telegram_webhook_secret = "{SECRET}"\n')
    with pytest.raises(ConfigError, match="secrets must come from the environment"):
        load_settings(path, env={})


def test_run_stops_with_exit_2_on_a_webhook_without_secret(tmp_path: object) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "run"],
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "CAREBOT_DATA_DIR": str(tmp_path),
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_WEBHOOK_URL": "https://carebot.example.org/tg",
        },
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "TELEGRAM_WEBHOOK_SECRET" in result.stderr


def test_doctor_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "doctor", "telegram", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    words = " ".join(result.stdout.split())
    assert "privacy mode off" in words and "may delete messages" in words


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    fake = FakeBotApi()
    await fake.start()
    yield fake
    await fake.close()


async def test_doctor_says_what_to_fix(api: FakeBotApi) -> None:
    api.me["can_read_all_group_messages"] = False
    me = api.me
    api.members = {
        "-1001": {
            "status": "administrator",
            "user": me,
            "can_delete_messages": True,
            "can_be_edited": False,
            "is_anonymous": False,
            "can_manage_chat": True,
            "can_restrict_members": False,
            "can_promote_members": False,
            "can_change_info": False,
            "can_invite_users": True,
            "can_post_stories": False,
            "can_edit_stories": False,
            "can_delete_stories": False,
            "can_manage_video_chats": False,
        },
        "-1002": {
            "status": "administrator",
            "user": me,
            "can_delete_messages": False,
            "can_be_edited": False,
            "is_anonymous": False,
            "can_manage_chat": True,
            "can_restrict_members": False,
            "can_promote_members": False,
            "can_change_info": False,
            "can_invite_users": True,
            "can_post_stories": False,
            "can_edit_stories": False,
            "can_delete_stories": False,
            "can_manage_video_chats": False,
        },
        "-1003": {"status": "member", "user": me},
        "-1004": {"status": "kicked", "user": me, "until_date": 0},
    }
    api.fail("getChatMember", 400, "Bad Request: chat not found", chat_id="-1005")
    groups = [
        RegisteredGroup("Tuesday Carers", "-1001"),
        RegisteredGroup("Coffee Leeds", "-1002"),
        RegisteredGroup("North Network", "-1003"),
        RegisteredGroup("Old Group", "-1004", active=False),
        RegisteredGroup("Gone Group", "-1005"),
    ]
    config = TelegramConfig(token=TOKEN, api_base_url=api.url)
    findings = await diagnose(config, groups)
    levels = [f.level for f in findings]
    assert levels == [Level.OK, Level.FIX, Level.OK, Level.CHECK, Level.FIX, Level.FIX, Level.FIX]
    assert "@carebot" in findings[0].text
    assert "/setprivacy" in findings[1].text and "Disable" in findings[1].text
    assert findings[2].text.startswith("Tuesday Carers: carebot is an admin and may delete")
    assert "turn on Delete messages" in findings[3].text
    assert "not in this group any more" in findings[5].text
    out = io.StringIO()
    assert report(findings, out) == 1
    assert "4 thing(s) to fix" in out.getvalue()


async def test_doctor_with_a_bad_token(api: FakeBotApi) -> None:
    findings = await diagnose(TelegramConfig(token="1:wrong", api_base_url=api.url), [])
    assert [f.level for f in findings] == [Level.FIX]
    assert "did not accept TELEGRAM_BOT_TOKEN" in findings[0].text
    out = io.StringIO()
    assert report(findings, out) == 1


async def test_doctor_all_good(api: FakeBotApi) -> None:
    config = TelegramConfig(token=TOKEN, api_base_url=api.url, bot_name="CareBot")
    findings = await diagnose(config, [])
    out = io.StringIO()
    assert report(findings, out) == 0
    assert "All set for Telegram." in out.getvalue()
