"""The command line: every subcommand explains itself, and bad set-ups fail clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli.main import build_parser, main

SUBCOMMANDS = [
    [],
    ["run"],
    ["chat"],
    ["admin"],
    ["admin", "create-org"],
    ["admin", "invite"],
    ["db"],
    ["db", "upgrade"],
    ["config"],
    ["config", "check"],
]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAREBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("CAREBOT_CONFIG", raising=False)
    return tmp_path / "data"


@pytest.mark.parametrize("words", SUBCOMMANDS, ids=lambda w: " ".join(w) or "carebot")
def test_every_subcommand_has_help(words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([*words, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: carebot")
    assert len(out.splitlines()) >= 3


def test_config_check_passes_on_the_shipped_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "check"]) == 0
    assert "looks good" in capsys.readouterr().out


def test_bad_setting_stops_with_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('timezone = "Europe/Londn"\n', encoding="utf-8")
    assert main(["config", "check", "--config", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert str(bad) in err and "timezone" in err and "Europe/Londn" in err


def test_secret_in_settings_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "leaky.toml"
    bad.write_text('telegram_bot_token = "123:abc"\n', encoding="utf-8")
    assert main(["config", "check", "--config", str(bad)]) == 2
    assert "secrets must come from the environment" in capsys.readouterr().err


def test_unusable_database_url_is_a_config_problem(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://me@localhost/db")
    assert main(["db", "upgrade"]) == 2
    assert "DATABASE_URL" in capsys.readouterr().err


def test_bootstrap_an_organisation_from_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    assert main(["admin", "create-org", "Harbour Fostering"]) == 0
    assert "Created organisation 'Harbour Fostering'" in capsys.readouterr().out
    assert main(["admin", "create-org", "harbour fostering"]) == 1
    assert "already an organisation" in capsys.readouterr().out
    assert main(["admin", "invite", "--org", "Harbour Fostering", "--role", "admin"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"/join [A-Z2-9]{5}-[A-Z2-9]{5}", out)
    assert (data_dir / "carebot.db").exists()


def test_invite_for_unknown_org_or_bad_days(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["admin", "invite", "--org", "Nobody", "--role", "carer"]) == 1
    assert "no organisation called 'Nobody'" in capsys.readouterr().out
    assert main(["admin", "create-org", "Harbour"]) == 0
    assert main(["admin", "invite", "--org", "Harbour", "--role", "carer", "--days", "0"]) == 1
    assert "--days" in capsys.readouterr().out


def test_telegram_deep_link_when_username_known(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_USERNAME", "harbour_carebot")
    assert main(["admin", "create-org", "Harbour"]) == 0
    assert main(["admin", "invite", "--org", "Harbour", "--role", "carer"]) == 0
    assert re.search(r"https://t.me/harbour_carebot\?start=[A-Z2-9]{10}", capsys.readouterr().out)


def test_unknown_role_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["admin", "invite", "--org", "Harbour", "--role", "boss"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
