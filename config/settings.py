"""Settings: one TOML file an organisation edits, plus environment variables.

Secrets (tokens, passwords) only ever come from the environment; a secret found
in the file stops the start with a clear message rather than being used.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

CONFIG_DIR = Path(__file__).parent
DEFAULT_SETTINGS_FILE = CONFIG_DIR / "carebot.toml"
SECRET_FIELDS = frozenset({"telegram_bot_token", "database_url"})
# Environment variables carebot reads, and the setting each one fills.
ENVIRONMENT = {
    "DATABASE_URL": "DATABASE_URL",
    "TELEGRAM_BOT_TOKEN": "TELEGRAM_BOT_TOKEN",
    "CAREBOT_DATA_DIR": "data_dir",
    "CAREBOT_LOG_FORMAT": "log_format",
    "CAREBOT_LOG_LEVEL": "log_level",
    "CAREBOT_TIMEZONE": "timezone",
}


class ConfigError(Exception):
    """Bad configuration, described in one line naming the file, the field and the problem."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RetentionSettings(_Section):
    """How long things are kept, in days (or hours where named so)."""

    pending_join_days: int = Field(7, ge=1, le=90)
    link_code_minutes: int = Field(30, ge=5, le=1440)
    invite_days: int = Field(14, ge=1, le=365)
    role_audit_days: int = Field(2190, ge=30)
    outbox_days: int = Field(30, ge=1, le=365)
    pending_choice_hours: int = Field(48, ge=1, le=720)


class DeliverySettings(_Section):
    max_attempts: int = Field(8, ge=1, le=50)
    base_backoff_seconds: float = Field(2.0, gt=0, le=600)
    max_backoff_seconds: float = Field(900.0, gt=0)


class Settings(BaseSettings):
    """Everything carebot can be told. Field names match the TOML keys."""

    model_config = SettingsConfigDict(env_prefix="CAREBOT_", extra="forbid", frozen=True)

    bot_name: str = Field("carebot", min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_]+$")
    timezone: str = "Europe/London"
    data_dir: Path = Path("data")
    log_format: Literal["text", "json"] = "text"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    privacy_notice_version: str = "2026-11"
    retention: RetentionSettings = RetentionSettings()
    delivery: DeliverySettings = DeliverySettings()
    database_url: SecretStr | None = Field(None, validation_alias="DATABASE_URL")
    telegram_bot_token: SecretStr | None = Field(None, validation_alias="TELEGRAM_BOT_TOKEN")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Only what load_settings hands over: it reads the file and the environment itself."""
        return (init_settings,)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r} (try 'Europe/London')") from exc
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def database(self) -> str:
        if self.database_url is not None:
            return self.database_url.get_secret_value()
        return f"sqlite:///{self.data_dir / 'carebot.db'}"


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def _describe(error: ValidationError, path: Path) -> str:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "(top level)"
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = "unknown setting (check the spelling)"
    return f"{path}: field '{field}': {message}"


def load_settings(path: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Read the settings file and the environment, or raise ConfigError with one clear line."""
    path = path or Path(os.environ.get("CAREBOT_CONFIG", DEFAULT_SETTINGS_FILE))
    values = _read_toml(path)
    leaked = sorted(key for key in values if key.lower() in SECRET_FIELDS)
    if leaked:
        name = leaked[0].lower()
        raise ConfigError(
            f"{path}: field '{name}': secrets must come from the environment "
            f"({name.upper()}), not from a file"
        )
    environ = os.environ if env is None else env
    for name, key in ENVIRONMENT.items():
        if environ.get(name):
            values[key] = environ[name]
    try:
        return Settings(**values)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, path)) from exc
