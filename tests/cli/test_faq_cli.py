"""`carebot faq ask` and `carebot faq check`, through the real command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli.main import build_parser, main
from bot.features.faq.texts import HandoverTexts
from config.texts import Texts


@pytest.fixture(autouse=True)
def quiet_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CAREBOT_CONFIG", raising=False)


def settings_with_overrides(tmp_path: Path, folder: Path) -> Path:
    config = tmp_path / "carebot.toml"
    config.write_text(f'[faq]\noverrides_dir = "{folder}"\n', encoding="utf-8")
    return config


@pytest.mark.parametrize(
    ("words", "explains"),
    [(["faq"], "overrides_dir"), (["faq", "ask"], "--jsonl"), (["faq", "check"], "file:line")],
)
def test_each_faq_command_explains_itself(
    words: list[str], explains: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([*words, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: carebot {' '.join(words)}")
    assert explains in out


def test_ask_prints_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["faq", "ask", "how", "long", "can", "staying", "put", "last?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Staying put (after 18)\n")  # the chat's *bold* title, as plain text
    assert "Last checked November 2026. Applies in England.\n" in out
    assert "Sources: " in out and "(https://" in out
    assert out.endswith("Was this helpful?\n[More]  [Yes]  [No]\n")


def test_ask_without_an_answer_uses_the_chats_words(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["faq", "ask", "will panel approve us?"]) == 0
    wanted = Texts.load().get(HandoverTexts).needs_person_guest
    assert capsys.readouterr().out == wanted + "\n"


def test_ask_without_a_question(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["faq", "ask"]) == 2
    assert "what would you like to ask" in capsys.readouterr().err


def test_ask_jsonl_reads_stdin_and_writes_a_line_each(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        {"id": "a", "text": "whats a pep"},
        {"id": 2, "text": "who won the football last night"},
    ]
    stdin = io.StringIO("".join(json.dumps(line) + "\n" for line in lines))
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["faq", "ask", "--jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], r["topic"]) for r in records] == [("a", "pep-meeting"), (2, None)]
    assert all(set(r) == {"id", "topic", "score"} for r in records)


def test_ask_jsonl_refuses_a_question_as_well(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["faq", "ask", "--jsonl", "what is PP+"]) == 2
    assert "not both" in capsys.readouterr().err


def test_ask_uses_the_organisations_own_topics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    shared = Path("config/faq/respite-short-breaks.md").read_text(encoding="utf-8")
    local = shared.replace("title: Respite", "title: Harbour respite", 1)
    assert local != shared
    (folder / "respite-short-breaks.md").write_text(local, encoding="utf-8")
    config = settings_with_overrides(tmp_path, folder)
    assert main(["faq", "ask", "--config", str(config), "how many respite nights do we get"]) == 0
    assert capsys.readouterr().out.startswith("Harbour respite")


def test_check_names_the_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "pantry.md").write_text(
        "---\nslug: pantry\ntitle: Pantry\nshort: Open Tuesdays.\nkeywords: [pantry]\n"
        "questions: [where is the pantry]\nnations: [england]\nsources:\n"
        "  - title: Us\nlast_checked: 2026-11-01\nask: The office.\n---\nMore.\n",
        encoding="utf-8",
    )
    config = settings_with_overrides(tmp_path, folder)
    assert main(["faq", "check", "--config", str(config)]) == 1
    out = capsys.readouterr().out
    assert f'{folder / "pantry.md"}:9: source "Us" has no url' in out
    assert out.endswith("problem found.\n") or out.endswith("problems found.\n")
