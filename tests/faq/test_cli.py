"""The plain functions behind ``carebot faq ask`` and ``carebot faq check``."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from bot.features.faq import cli
from bot.features.faq.knowledge import default_kb_dir
from tests.faq.conftest import WriteTopic

KB = [default_kb_dir()]


def test_ask_once_prints_answer() -> None:
    out = io.StringIO()
    code = cli.ask_once(KB, "how long can staying put last?", out)
    text = out.getvalue()
    assert code == 0
    assert text.startswith("Staying put (after 18)\n")
    assert "Sources:\n- " in text
    assert "https://" in text
    assert "Last checked November 2026" in text
    assert "Applies in England." in text


def test_ask_once_not_sure() -> None:
    out = io.StringIO()
    assert cli.ask_once(KB, "who won the football?", out) == 0
    assert out.getvalue() == cli.NOT_SURE + "\n"


def test_ask_once_case_specific_offers_person() -> None:
    out = io.StringIO()
    assert cli.ask_once(KB, "can you check if her PP+ has been paid?", out) == 0
    assert out.getvalue() == cli.NEEDS_PERSON + "\n"


def test_ask_once_without_topics(tmp_path: Path) -> None:
    out = io.StringIO()
    assert cli.ask_once([tmp_path], "anything?", out) == 2


def test_ask_jsonl_with_a_bad_line() -> None:
    lines = [
        json.dumps({"id": "a", "text": "what is pupil premium plus?"}),
        "{not json",
        "",
        json.dumps({"id": 7}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "b", "text": "lol same"}),
    ]
    out = io.StringIO()
    code = cli.ask_jsonl(KB, io.StringIO("\n".join(lines) + "\n"), out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert code == 1
    assert len(records) == 5
    assert records[0]["id"] == "a" and records[0]["topic"] == "pupil-premium-plus"
    assert isinstance(records[0]["score"], float)
    assert records[1]["id"] is None and "not valid JSON" in records[1]["error"]
    assert records[2] == {"id": 7, "error": "missing 'text' (it must be a string)"}
    assert records[3]["id"] is None and "error" in records[3]
    assert records[4]["id"] == "b" and records[4]["topic"] is None
    assert set(records[4]) == {"id", "topic", "score"}


def test_ask_jsonl_all_good_exits_zero() -> None:
    out = io.StringIO()
    source = io.StringIO(json.dumps({"id": 1, "text": "how do i apply for 30 hours?"}) + "\n")
    assert cli.ask_jsonl(KB, source, out) == 0
    assert json.loads(out.getvalue())["topic"] == "childcare-30-hours"


def test_check_clean() -> None:
    out = io.StringIO()
    assert cli.check(KB, out, date(2026, 11, 24)) == 0
    assert out.getvalue() == "FAQ topics look good.\n"


def test_check_lists_problems(tmp_path: Path, write_topic: WriteTopic) -> None:
    write_topic(tmp_path, "broken", text="no front matter\n")
    out = io.StringIO()
    assert cli.check([tmp_path], out, date(2026, 11, 24)) == 1
    lines = out.getvalue().splitlines()
    assert lines[0] == f"{tmp_path / 'broken.md'}:1: no front matter: the file must start with ---"
    assert lines[-1] == "1 problem found."


def test_checked_label() -> None:
    assert cli.checked_label(date(2026, 11, 1)) == "Last checked November 2026"
