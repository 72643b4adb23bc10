"""Safeguarding settings and the nudge words: mistakes stop the start with one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from config.settings import ConfigError, load_settings
from config.texts import Texts
from moderation.nudging import NudgeTexts, check_text
from moderation.safeguarding_alerts.texts import SafeguardingTexts


def settings_error(tmp_path: Path, body: str) -> str:
    path = tmp_path / "carebot.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    return str(caught.value)


def test_safeguarding_settings_have_safe_defaults(tmp_path: Path) -> None:
    path = tmp_path / "carebot.toml"
    path.write_text("", encoding="utf-8")
    settings = load_settings(path, env={})
    assert settings.safeguarding.edt_number == ""
    assert settings.safeguarding.escalate_after_minutes == 15


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('[safeguarding]\nedt_number = "call Bob"\n', "safeguarding.edt_number"),
        ("[safeguarding]\nescalate_after_minutes = 0\n", "safeguarding.escalate_after_minutes"),
        ("[safeguarding]\nescalate_minutes = 5\n", "safeguarding.escalate_minutes"),
    ],
)
def test_bad_safeguarding_settings_name_the_field(tmp_path: Path, body: str, field: str) -> None:
    message = settings_error(tmp_path, body)
    assert f"field '{field}'" in message and "\n" not in message


def test_nudge_words_must_cover_every_kind_of_detail(tmp_path: Path) -> None:
    path = tmp_path / "messages.toml"
    shipped = Texts.load().get(NudgeTexts).model_dump()
    del shipped["placeholders"]["school"]
    lines = ["[confidentiality_nudges]"]
    lines += [f"{k} = {json.dumps(v)}" for k, v in shipped.items() if isinstance(v, str)]
    for table in ("category_names", "placeholders"):
        lines.append(f"[confidentiality_nudges.{table}]")
        lines += [f"{k} = {json.dumps(v)}" for k, v in shipped[table].items()]
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ConfigError, match="placeholders has no words for: school"):
        Texts.load(path).get(NudgeTexts)


def test_every_safeguarding_concern_has_words() -> None:
    texts = Texts.load().get(SafeguardingTexts)
    assert texts.names(["Dana", "Eli", "Sam"]) == "Dana, Eli and Sam"
    assert texts.place("") == "a private chat with carebot"


def test_placeholders_come_from_config() -> None:
    words = dict(Texts.load().get(NudgeTexts).placeholders, school="[a school]")
    finding = check_text("Kyle McAllister starts at St Bedes on Monday", words)
    assert finding is not None
    assert finding.suggestion == "[child's name] starts at [a school] on Monday"
    assert check_text("See you all on Tuesday") is None
