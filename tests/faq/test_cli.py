"""The plain functions behind ``carebot faq ask`` and ``carebot faq check``."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from bot.features.faq import cli
from bot.features.faq.knowledge import KnowledgeBase, default_kb_dir
from bot.features.faq.plain import plain_text
from bot.features.faq.render import answer_message
from bot.features.faq.texts import FaqTexts, HandoverTexts
from config.texts import DEFAULT_MESSAGES_DIR, Texts, TextSection
from tests.faq.conftest import WriteTopic

KB = [default_kb_dir()]


@pytest.fixture(scope="module")
def texts() -> Texts:
    return Texts.load()


def test_ask_once_prints_the_chats_answer_as_plain_text(kb: KnowledgeBase, texts: Texts) -> None:
    out = io.StringIO()
    code = cli.ask_once(KB, "how long can staying put last?", out, texts)
    entry = kb.get("staying-put")
    assert code == 0 and entry is not None
    markup, _buttons = answer_message(entry, texts.get(FaqTexts))
    assert out.getvalue() == plain_text(markup) + "\n[More]  [Yes]  [No]\n"
    lines = out.getvalue().splitlines()
    assert lines[0] == "Staying put (after 18)"  # *bold* title without its stars
    assert lines[1] == entry.short
    assert lines[3].startswith("Sources: ") and "(https://" in lines[3]
    assert "Last checked November 2026. Applies in England." in lines
    assert lines[-2:] == ["Was this helpful?", "[More]  [Yes]  [No]"]
    assert not any(mark in out.getvalue() for mark in ("*", "](", "_Last"))


def test_ask_once_words_come_from_the_config_texts(tmp_path: Path) -> None:
    for toml in DEFAULT_MESSAGES_DIR.glob("*.toml"):
        (tmp_path / toml.name).write_text(toml.read_text(encoding="utf-8"), encoding="utf-8")
    faq = tmp_path / "faq.toml"
    edited = faq.read_text(encoding="utf-8").replace(
        'checked = "Last checked {month_year}."', 'checked = "Checked {month_year}."'
    )
    edited = edited.replace('"November"', '"Novembre"')
    assert edited.count("Checked {month_year}") == 1 and "Novembre" in edited
    faq.write_text(edited, encoding="utf-8")
    out = io.StringIO()
    assert cli.ask_once(KB, "how long can staying put last?", out, Texts.load(tmp_path)) == 0
    assert "Checked Novembre 2026. Applies in England." in out.getvalue()
    assert "November" not in out.getvalue()


@pytest.mark.parametrize(
    ("question", "section", "name"),
    [
        ("who won the football?", FaqTexts, "off_topic"),
        ("lol same", FaqTexts, "small_talk"),
        ("shattered today, the kids were up at 5", FaqTexts, "hard_day"),
        ("👍", FaqTexts, "ask_usage"),
        ("can you check if her PP+ has been paid?", HandoverTexts, "needs_person_guest"),
        ("can our foster child have a pet rabbit?", HandoverTexts, "not_sure_guest"),
    ],
)
def test_ask_once_without_an_answer_says_what_the_chat_says(
    texts: Texts, question: str, section: type[TextSection], name: str
) -> None:
    out = io.StringIO()
    assert cli.ask_once(KB, question, out, texts) == 0
    assert out.getvalue() == plain_text(getattr(texts.get(section), name)) + "\n"


def test_ask_once_without_topics(tmp_path: Path, texts: Texts) -> None:
    out = io.StringIO()
    assert cli.ask_once([tmp_path], "anything?", out, texts) == 2
    assert out.getvalue() == cli.NO_TOPICS + "\n"


@pytest.mark.parametrize(
    ("markup", "plain"),
    [
        ("*Title*\nSome _quiet_ words.", "Title\nSome quiet words."),
        ("See [GOV.UK](https://www.gov.uk/a_b_c).", "See GOV.UK (https://www.gov.uk/a_b_c)."),
        ("*[Bold link](https://x.org)*", "Bold link (https://x.org)"),
        (
            "- a list item stays\n2*3*4 and snake_case_name",
            "- a list item stays\n2*3*4 and snake_case_name",
        ),
        ("a * b and * c", "a * b and * c"),
    ],
)
def test_plain_text(markup: str, plain: str) -> None:
    assert plain_text(markup) == plain


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
