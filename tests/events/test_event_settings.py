"""The [events] settings: defaults, and one clear line naming the field when they are wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import ConfigError, load_settings


def settings_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "carebot.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_defaults_come_from_the_shipped_file() -> None:
    events = load_settings(env={}).events
    assert events.reminder_offsets == ("day_before_at 18:00", "1h before")
    assert (events.quiet_hours, events.missed_grace_minutes) == ("21:00-08:00", 120)


@pytest.mark.parametrize(
    ("body", "field", "problem"),
    [
        ('[events]\nreminder_offsets = ["soon"]\n', "events.reminder_offsets", "not understood"),
        ('[events]\nquiet_hours = "9pm-8am"\n', "events.quiet_hours", "not understood"),
        ("[events]\nmissed_grace_minutes = -5\n", "events.missed_grace_minutes", "greater"),
        ("[events]\nreminder_at = 3\n", "events.reminder_at", "unknown setting"),
    ],
)
def test_a_bad_events_setting_names_the_file_and_field(
    tmp_path: Path, body: str, field: str, problem: str
) -> None:
    path = settings_file(tmp_path, body)
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    message = str(caught.value)
    assert message.startswith(f"{path}: field '{field}'")
    assert problem in message


def test_no_reminders_and_no_quiet_hours_are_allowed(tmp_path: Path) -> None:
    path = settings_file(tmp_path, '[events]\nreminder_offsets = []\nquiet_hours = ""\n')
    events = load_settings(path, env={}).events
    assert (events.reminder_offsets, events.quiet_hours) == ((), "")
