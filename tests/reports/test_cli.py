"""`carebot report`: files written to --out, and bad input stopped with a clear line and exit 2."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.cli.main import build_parser, main
from bot.features.reports.cli import period_from, write_report
from bot.features.reports.period import Period, PeriodError, Problem
from bot.features.reports.texts import ReportTexts
from tests.reports.seed import ORG, PERIOD, seed
from tests.reports.support import LONDON, MADE_AT, csv_rows
from tests.support.harness import Harness


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAREBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("CAREBOT_CONFIG", raising=False)
    return tmp_path / "data"


def words(h: Harness) -> ReportTexts:
    return h.app.services.texts.get(ReportTexts)


async def test_the_report_and_its_csv_are_written_side_by_side(
    harness: Harness, tmp_path: Path
) -> None:
    await seed(harness)
    out = tmp_path / "new" / "reports"
    outcome = await write_report(
        harness.db, "harbour fostering", PERIOD, out, texts=words(harness), zone=LONDON, now=MADE_AT
    )
    html = out / "harbour-fostering_2026-01-01_2026-03-31.html"
    csv = out / "harbour-fostering_2026-01-01_2026-03-31.csv"
    assert outcome.code == 0
    assert outcome.message == words(harness).cli_written.format(html=html, csv=csv)
    assert html.read_bytes().startswith(b"<!DOCTYPE html>")
    assert b'<img src="data:image/png;base64,' in html.read_bytes()
    attendance = [
        r["value"]
        for r in csv_rows(csv.read_bytes())
        if (r["metric"], r["period"], r["group"]) == ("attendances", PERIOD.iso(), "all groups")
    ]
    assert attendance == ["21"]


async def test_a_quiet_period_is_written_and_said(harness: Harness, tmp_path: Path) -> None:
    await seed(harness)
    quiet = Period(date(2024, 1, 1), date(2024, 1, 31))
    outcome = await write_report(
        harness.db, ORG, quiet, tmp_path, texts=words(harness), zone=LONDON, now=MADE_AT
    )
    assert outcome.code == 0
    assert outcome.message.endswith(words(harness).cli_nothing)
    assert (tmp_path / "harbour-fostering_2024-01-01_2024-01-31.html").exists()


async def test_an_unknown_organisation_or_folder_is_refused(
    harness: Harness, tmp_path: Path
) -> None:
    await seed(harness)
    texts = words(harness)
    unknown = await write_report(
        harness.db, "Harbor Fostering", PERIOD, tmp_path, texts=texts, zone=LONDON, now=MADE_AT
    )
    assert unknown.code == 2
    assert unknown.message == "carebot: " + texts.cli_unknown_org.format(name="Harbor Fostering")
    blocked = tmp_path / "a-file"
    blocked.write_bytes(b"not a folder")
    cannot = await write_report(
        harness.db, ORG, PERIOD, blocked, texts=texts, zone=LONDON, now=MADE_AT
    )
    assert cannot.code == 1
    assert "couldn't be written" in cannot.message
    assert blocked.read_bytes() == b"not a folder"
    assert not (tmp_path / "harbour-fostering_2026-01-01_2026-03-31.html").exists()


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["--from", "soon"], "I couldn't read 'soon' as a date."),
        (["--from", "2026-02-30", "--to", "2026-03-31"], "I couldn't read '2026-02-30'"),
        (["--from", "2026-03-31", "--to", "2026-01-01"], "The first date is after the second."),
        (["--from", "2020-01-01", "--to", "2026-01-01"], "a report can cover up to three years"),
    ],
)
def test_bad_dates_stop_with_exit_2(
    data_dir: Path, args: list[str], problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--org", ORG, "--out", str(data_dir / "out"), *args]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("carebot: ") and problem in err
    assert len(err.splitlines()) == 1
    assert not (data_dir / "out").exists()


def test_an_unknown_organisation_stops_with_exit_2(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["report", "--org", "Nobody Fostering", "--from", "1 January 2026", "--to", "2026-03-31",
         "--out", str(tmp_path / "out")]
    )  # fmt: skip
    assert code == 2
    assert "There's no organisation called 'Nobody Fostering'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_report_explains_itself(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["report", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for option in ("--org", "--from", "--to", "--out"):
        assert option in out


def test_one_date_is_enough() -> None:
    today = date(2026, 4, 15)
    assert period_from(None, None, today) == Period(date(2026, 1, 16), today)
    assert period_from("2026-04-01", None, today) == Period(date(2026, 4, 1), today)
    assert period_from(None, "2026-03-31", today) == Period(date(2026, 1, 1), date(2026, 3, 31))
    with pytest.raises(PeriodError) as refused:
        period_from("2026-05-01", None, today)
    assert refused.value.problem is Problem.BACKWARDS
