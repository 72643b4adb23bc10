"""Settings: one TOML file an organisation edits, plus environment variables.

Secrets (tokens, passwords) only ever come from the environment; a secret found
in the file stops the start with a clear message rather than being used.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

CONFIG_DIR = Path(__file__).parent
DEFAULT_SETTINGS_FILE = CONFIG_DIR / "carebot.toml"
SECRET_FIELDS = frozenset({"telegram_bot_token", "telegram_webhook_secret", "database_url"})
TELEGRAM_PUBLIC_API = "https://api.telegram.org"
# Environment variables carebot reads, and the setting each one fills.
ENVIRONMENT = {
    "DATABASE_URL": "DATABASE_URL",
    "TELEGRAM_BOT_TOKEN": "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL": "telegram_api_base_url",
    "TELEGRAM_WEBHOOK_URL": "telegram_webhook_url",
    "TELEGRAM_WEBHOOK_LISTEN": "telegram_webhook_listen",
    "TELEGRAM_WEBHOOK_PORT": "telegram_webhook_port",
    "TELEGRAM_WEBHOOK_SECRET": "TELEGRAM_WEBHOOK_SECRET",
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


class SafeguardingSettings(_Section):
    """Who to call out of hours, and how long a safeguarding alert waits before escalating."""

    edt_number: str = Field("", max_length=40, pattern=r"^[0-9 +()-]*$")
    escalate_after_minutes: int = Field(15, ge=1, le=1440)


class EventSettings(_Section):
    """Group events: default reminders and quiet hours (groups may change theirs)."""

    # Each like "day_before_at 18:00", "same_day_at 08:30" or "1h before"; empty: no reminders.
    reminder_offsets: tuple[str, ...] = ("day_before_at 18:00", "1h before")
    # Local times with no reminders, e.g. "21:00-08:00"; "" for none.
    quiet_hours: str = "21:00-08:00"
    # A reminder that fell due while carebot was down is still sent this long afterwards.
    missed_grace_minutes: int = Field(120, ge=0, le=1440)

    @field_validator("reminder_offsets")
    @classmethod
    def _offsets_read(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from bot.features.events.reminders import parse_offset

        for offset in value:
            parse_offset(offset)
        return value

    @field_validator("quiet_hours")
    @classmethod
    def _quiet_hours_read(cls, value: str) -> str:
        from bot.features.events.reminders import QuietHours

        if value.strip():
            QuietHours.parse(value)
        return value.strip()


class BuddySettings(_Section):
    """The buddy programme: how long people have to answer, follow-up rhythm, matching."""

    response_days: int = Field(7, ge=1, le=30)
    first_checkin_days: int = Field(7, ge=1, le=60)
    checkin_every_days: int = Field(14, ge=1, le=90)
    missed_checkins_before_asking: int = Field(3, ge=1, le=10)
    pairing_months: int = Field(6, ge=1, le=24)
    # Local time the daily matching run starts, "HH:MM".
    match_time: str = Field("10:00", pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    min_score: int = Field(0, ge=0)
    # Send proposals without a staff member pressing "Send" (all organisations, or named ones).
    auto_send: bool = False
    auto_send_orgs: tuple[str, ...] = ()


class FaqSettings(_Section):
    """The FAQ: an organisation's own topics, and how long passed-on questions are kept."""

    # A folder of the organisation's own topic files (same format as config/faq); a file
    # with a shared topic's slug replaces it, a new slug adds a topic. None: shared only.
    overrides_dir: Path | None = None
    # A question a carer agreed to pass to staff is erased this many days after it was asked.
    ticket_days: int = Field(90, ge=1, le=730)
    # Groups where staff have not chosen: offer a topic in one line on very confident matches?
    group_suggestions: bool = False

    @field_validator("overrides_dir", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value


class NoticeSettings(_Section):
    """Staff notices: local times when they are held back, for all or for named organisations."""

    # Local times when no notice goes out, e.g. "21:00-08:00"; "" for none. A notice due
    # inside them waits until they end.
    quiet_hours: str = "21:00-08:00"
    # Organisations with quiet hours of their own, by name: {"Harbour Fostering" = "22:00-07:30"}.
    org_quiet_hours: dict[str, str] = Field(default_factory=dict)

    @field_validator("quiet_hours")
    @classmethod
    def _quiet_hours_read(cls, value: str) -> str:
        from bot.features.events.reminders import QuietHours

        if value.strip():
            QuietHours.parse(value)
        return value.strip()

    @field_validator("org_quiet_hours")
    @classmethod
    def _org_quiet_hours_read(cls, value: dict[str, str]) -> dict[str, str]:
        from bot.features.events.reminders import QuietHours

        for hours in value.values():
            if hours.strip():
                QuietHours.parse(hours)
        return {name.strip(): hours.strip() for name, hours in value.items()}


class Settings(BaseSettings):
    """Everything carebot can be told. Field names match the TOML keys."""

    model_config = SettingsConfigDict(env_prefix="CAREBOT_", extra="forbid", frozen=True)

    bot_name: str = Field("carebot", min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_]+$")
    timezone: str = "Europe/London"
    data_dir: Path = Path("data")
    # Where the console saves files carebot sends (a relative folder is inside data_dir).
    console_files_dir: Path = Path("console-files")
    log_format: Literal["text", "json"] = "text"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    privacy_notice_version: str = "2026-11"
    retention: RetentionSettings = RetentionSettings()
    delivery: DeliverySettings = DeliverySettings()
    events: EventSettings = EventSettings()
    safeguarding: SafeguardingSettings = SafeguardingSettings()
    buddies: BuddySettings = BuddySettings()
    faq: FaqSettings = FaqSettings()
    notices: NoticeSettings = NoticeSettings()
    database_url: SecretStr | None = Field(None, validation_alias="DATABASE_URL")
    telegram_bot_token: SecretStr | None = Field(None, validation_alias="TELEGRAM_BOT_TOKEN")
    # A self-hosted Bot API server, if the organisation runs one.
    telegram_api_base_url: str = TELEGRAM_PUBLIC_API
    # Webhook mode when set (else long polling). Telegram only calls https:// addresses.
    telegram_webhook_url: str | None = None
    telegram_webhook_listen: str = Field("127.0.0.1", min_length=1)
    telegram_webhook_port: int = Field(8443, ge=1, le=65535)
    telegram_webhook_secret: SecretStr | None = Field(
        None, validation_alias="TELEGRAM_WEBHOOK_SECRET"
    )

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

    @field_validator("telegram_api_base_url", "telegram_webhook_url")
    @classmethod
    def _web_address(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        value = value.strip().rstrip("/")
        secure_only = info.field_name == "telegram_webhook_url"
        scheme = r"https" if secure_only else r"https?"
        if not re.fullmatch(scheme + r"://[^\s/?#]+(/[^\s?#]*)?", value):
            start = "https://" if secure_only else "https:// or http://"
            raise ValueError(f"should be a web address starting with {start}")
        return value

    @field_validator("telegram_webhook_secret")
    @classmethod
    def _usable_secret(cls, value: SecretStr | None) -> SecretStr | None:
        secret = None if value is None else value.get_secret_value()
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
            raise ValueError("use 16 to 256 letters, digits, '_' or '-' (Telegram's rule)")
        return value

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
        settings = Settings(**values)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, path)) from exc
    if settings.telegram_webhook_url and settings.telegram_webhook_secret is None:
        raise ConfigError(
            "environment: field 'TELEGRAM_WEBHOOK_SECRET': required when TELEGRAM_WEBHOOK_URL "
            "is set (a long random string of letters, digits, '_' or '-')"
        )
    return settings
