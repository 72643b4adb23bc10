"""Bad configuration stops the start with ONE line naming the file, the field and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import Field

from bot.core_texts import CoreTexts
from config.settings import DEFAULT_SETTINGS_FILE, ConfigError, load_settings
from config.texts import DEFAULT_MESSAGES_DIR, Texts, TextSection


def write(tmp_path: Path, body: str, name: str = "carebot.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def config_error(action: object) -> str:
    assert callable(action)
    with pytest.raises(ConfigError) as caught:
        action()
    message = str(caught.value)
    assert "\n" not in message, f"not one line: {message!r}"
    return message


# --- settings ---------------------------------------------------------------------------


def test_the_shipped_settings_file_loads() -> None:
    settings = load_settings(DEFAULT_SETTINGS_FILE, env={})
    assert settings.bot_name == "carebot"
    assert settings.timezone == "Europe/London"
    assert settings.retention.invite_days == 14


@pytest.mark.parametrize(
    ("body", "field", "problem"),
    [
        ('bot_name = "carebot"\ncolour = "blue"\n', "'colour'", "unknown setting"),
        ("[retention]\ninvite_dayz = 3\n", "'retention.invite_dayz'", "unknown setting"),
        ('timezone = "Mars/Olympus"\n', "'timezone'", "unknown time zone 'Mars/Olympus'"),
        ("[retention]\ninvite_days = 0\n", "'retention.invite_days'", "greater than or equal"),
        ('log_level = "LOUD"\n', "'log_level'", "'DEBUG'"),
        ('bot_name = "care bot"\n', "'bot_name'", "pattern"),
        (
            'database_url = "postgresql://me:pw@host/db"\n',
            "'database_url'",
            "secrets must come from the environment (DATABASE_URL)",
        ),
        (
            'telegram_bot_token = "123:abc"\n',
            "'telegram_bot_token'",
            "secrets must come from the environment (TELEGRAM_BOT_TOKEN)",
        ),
    ],
)
def test_bad_settings_give_one_clear_line(
    tmp_path: Path, body: str, field: str, problem: str
) -> None:
    path = write(tmp_path, body)
    message = config_error(lambda: load_settings(path, env={}))
    assert message.startswith(f"{path}: field {field}: ")
    assert problem in message


def test_a_secret_in_the_file_is_never_echoed(tmp_path: Path) -> None:
    path = write(tmp_path, 'database_url = "postgresql://me:hunter2@host/db"\n')
    assert "hunter2" not in config_error(lambda: load_settings(path, env={}))


@pytest.mark.parametrize("key", ["DATABASE_URL", "TELEGRAM_BOT_TOKEN"])
def test_an_upper_case_secret_in_the_file_is_refused(tmp_path: Path, key: str) -> None:
    path = write(tmp_path, f'{key} = "postgresql://me:pw@host/db"\n')
    message = config_error(lambda: load_settings(path, env={}))
    assert "secrets must come from the environment" in message


def test_bad_toml_names_the_file_and_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'bot_name = "carebot\ntimezone = \n')
    message = config_error(lambda: load_settings(path, env={}))
    assert message.startswith(f"{path}: not valid TOML")
    assert "line 1" in message


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    assert config_error(lambda: load_settings(path, env={})) == f"{path}: file not found"


def test_environment_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, 'data_dir = "from-file"\n')
    plain = load_settings(path, env={})
    assert plain.data_dir == Path("from-file")
    assert plain.database_url is None
    assert plain.database() == f"sqlite:///{Path('from-file') / 'carebot.db'}"

    env = {"CAREBOT_DATA_DIR": str(tmp_path / "elsewhere")}
    moved = load_settings(path, env=env)
    assert moved.data_dir == tmp_path / "elsewhere"
    assert moved.database() == f"sqlite:///{tmp_path / 'elsewhere' / 'carebot.db'}"

    url = "postgresql://carebot@127.0.0.1:5432/carebot"
    pg = load_settings(path, env={"DATABASE_URL": url, "TELEGRAM_BOT_TOKEN": "1:x"})
    assert pg.database() == url
    assert pg.database_url is not None and url not in repr(pg)
    assert pg.telegram_bot_token is not None
    assert pg.telegram_bot_token.get_secret_value() == "1:x"


def test_empty_environment_values_are_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, 'data_dir = "from-file"\n')
    settings = load_settings(path, env={"CAREBOT_DATA_DIR": "", "DATABASE_URL": ""})
    assert settings.data_dir == Path("from-file") and settings.database_url is None


def test_an_explicit_env_is_the_only_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://leak@host/db")
    settings = load_settings(write(tmp_path, ""), env={})
    assert settings.database_url is None


# --- texts ------------------------------------------------------------------------------


class Greeting(TextSection):
    section = "greeting"
    hello: str
    names: dict[str, str] = Field(default_factory=dict)


def test_the_shipped_texts_validate() -> None:
    core = Texts.load().get(CoreTexts)
    assert "{name}" in core.unknown_command_none


def test_missing_texts_file(tmp_path: Path) -> None:
    path = tmp_path / "messages.toml"
    assert config_error(lambda: Texts.load(path)) == f"{path}: file not found"


def test_broken_toml_in_texts(tmp_path: Path) -> None:
    path = write(tmp_path, "[greeting\nhello = 'x'\n", "messages.toml")
    assert config_error(lambda: Texts.load(path)).startswith(f"{path}: not valid TOML")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[other]\nhello = 'hi'\n", "section [greeting] is missing"),
        ("greeting = 'hi'\n", "section [greeting] is missing"),
        ("[greeting]\nhello = 'hi'\nhelo = 'typo'\n", "field 'greeting.helo': unknown text"),
        ("[greeting]\nnames = {}\n", "field 'greeting.hello': Field required"),
        ("[greeting]\nhello = 3\n", "field 'greeting.hello': Input should be a valid string"),
    ],
)
def test_text_problems_name_file_field_and_problem(
    tmp_path: Path, body: str, expected: str
) -> None:
    path = write(tmp_path, body, "messages.toml")
    texts = Texts.load(path)
    message = config_error(lambda: texts.get(Greeting))
    assert message.startswith(f"{path}: ")
    assert expected in message


@pytest.mark.parametrize(
    "body",
    [
        "[greeting]\nhello = 'Hello {name'\n",
        "[greeting]\nhello = 'Hello name}'\n",
        "[greeting]\nhello = 'ok'\nnames = { a = 'fine', b = '{broken' }\n",
    ],
)
def test_a_broken_placeholder_is_caught_at_start(tmp_path: Path, body: str) -> None:
    path = write(tmp_path, body, "messages.toml")
    message = config_error(lambda: Texts.load(path).get(Greeting))
    assert message.startswith(f"{path}: field 'greeting")
    assert "broken {placeholder}" in message
    assert "hello" in message or "names" in message


def test_good_texts_are_cached(tmp_path: Path) -> None:
    texts = Texts.load(write(tmp_path, "[greeting]\nhello = 'Hi {name}'\n", "messages.toml"))
    first = texts.get(Greeting)
    assert first.hello.format(name="Amira") == "Hi Amira"
    assert texts.get(Greeting) is first


def test_default_messages_file_has_help_for_every_command() -> None:
    from bot.app import feature_routers

    core = Texts.load(DEFAULT_MESSAGES_DIR).get(CoreTexts)
    for router in feature_routers():
        for spec in router.commands:
            assert spec.hidden or spec.help_line_key in core.command_help, spec.name
