"""`carebot chat --script`: scripted conversations, readable or JSONL, and repeatable."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = """\
# staff set up a group, a carer looks around
:as Sam staff
:in Tuesday support_group
/register coffee morning Leeds
:dm
/invite carer
:as Amira
/regster
:dm
/forgetme
:press 2
:wait 90m
:nonsense
"""


def run_chat(tmp_path: Path, *extra: str, script: str = SCRIPT) -> subprocess.CompletedProcess[str]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "script.txt"
    path.write_text(script, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "chat", "--script", str(path), *extra],
        capture_output=True,
        text=True,
        env={"CAREBOT_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"},
        check=False,
        timeout=120,
    )


def test_jsonl_transcript_has_every_action(tmp_path: Path) -> None:
    result = run_chat(tmp_path, "--jsonl")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["to"] for line in lines] == [
        "group:Tuesday",
        "group:Tuesday",
        "dm:Sam",
        "dm:Amira",
        "dm:Amira",
        "dm:Amira",
    ]
    assert all(line["action"] == "send" for line in lines)
    assert "group agreement" in lines[0]["text"] and lines[0]["buttons"] == ["I agree"]
    assert "coffee morning" in lines[1]["text"]
    assert "invite code" in lines[2]["text"] and "carer" in lines[2]["text"]
    assert "/regster" in lines[3]["text"] and "/register" not in lines[3]["text"]
    assert lines[4]["buttons"] == ["Yes, erase it all", "No, keep it"]
    assert "nothing has been erased" in lines[5]["text"]
    assert "Unknown console command :nonsense" in result.stderr


def test_same_script_twice_gives_the_same_output(tmp_path: Path) -> None:
    first = run_chat(tmp_path / "one", "--jsonl")
    second = run_chat(tmp_path / "two", "--jsonl")
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert first.stdout.strip()


def test_readable_output_names_the_place(tmp_path: Path) -> None:
    result = run_chat(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "[group:Tuesday] carebot:" in result.stdout
    assert "[1: Yes, erase it all]" in result.stdout


def test_messages_before_choosing_a_person_get_a_hint(tmp_path: Path) -> None:
    result = run_chat(tmp_path, script="hello\n:press 1\n:wait soon\n:as\n")
    assert result.returncode == 0
    assert "Say who you are first" in result.stdout
    assert "can't read 'soon' as a duration" in result.stdout
    assert "Say who" in result.stdout


def test_missing_script_file_is_explained(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "chat", "--script", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        env={"CAREBOT_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 1
    assert "no script file" in result.stderr
