"""`carebot scan`: JSON lines in, one result per line out, and bad lines never stop the run."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from bot.cli.main import build_parser, main


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: bytes
) -> list[dict[str, Any]]:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="ascii"))
    assert main(["scan"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_scan_reports_categories_and_spans(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (
        '{"id": 1, "text": "Kyle McAllister starts at St Bedes on Monday"}\n'
        "\n"
        '{"id": "b", "text": "See you all on Tuesday x"}\n'
    )
    first, second = run(monkeypatch, capsys, lines.encode())
    assert first == {
        "id": 1,
        "identifying": True,
        "categories": ["child_name", "school"],
        "spans": [
            {"start": 0, "end": 15, "category": "child_name"},
            {"start": 26, "end": 34, "category": "school"},
        ],
    }
    assert second == {"id": "b", "identifying": False, "categories": [], "spans": []}


def test_bad_lines_are_reported_and_the_scan_carries_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (
        b"not json\n"
        b'{"id": 2}\n'
        b'{"id": 3, "text": 42}\n'
        b'{"id": 4, "text": "caf\xc3\xa9 with Kyle McAllister \xff"}\n'
    )
    results = run(monkeypatch, capsys, data)
    assert [r.get("error", "").split(":")[0] for r in results[:3]] == [
        "bad_json",
        "missing_text",
        "bad_text",
    ]
    assert results[3]["categories"] == ["child_name"]


def test_scan_explains_itself(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["scan", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: carebot scan")
    assert '"identifying": true|false' in out
