"""The FAQ's chat parts that need no database: wording, links, held questions, counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.features.faq.answering import addressed_to_bot
from bot.features.faq.intent import about_fostering, sounds_hard
from bot.features.faq.library import check_overrides_folder, kb_dirs, library_for
from bot.features.faq.model import KnowledgeBase, Source
from bot.features.faq.pending import HOLD, PendingQuestions
from bot.features.faq.render import (
    answer_message,
    day_month,
    link,
    month_year,
    more_message,
    suggestion_message,
)
from bot.features.faq.stats import metric, week_start
from bot.features.faq.texts import FaqTexts
from config.settings import ConfigError, FaqSettings, Settings, load_settings
from config.texts import Texts

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def words() -> FaqTexts:
    return Texts.load().get(FaqTexts)


@pytest.fixture(scope="module")
def settings() -> Settings:
    return load_settings(env={})


def test_dates_read_the_way_people_say_them(words: FaqTexts) -> None:
    assert month_year(date(2026, 11, 1), words) == "November 2026"
    summer = datetime(2026, 7, 31, 23, 30, tzinfo=UTC)  # already 1 August in London
    assert day_month(summer, load_settings(env={}).zone, words) == "1 August"


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("GOV.UK", "https://www.gov.uk/x", "[GOV.UK](https://www.gov.uk/x)"),
        ("Guide [PDF]", "https://a.org/b", "[Guide (PDF)](https://a.org/b)"),
        ("Wiki", "https://w.org/A_(b) c", "[Wiki](https://w.org/A_%28b%29%20c)"),
    ],
)
def test_links_stay_links(title: str, url: str, expected: str) -> None:
    assert link(Source(title=title, url=url)) == expected


def test_an_answer_without_a_longer_version_has_no_more_button(
    kb: KnowledgeBase, words: FaqTexts
) -> None:
    entry = kb.get("staying-put")
    assert entry is not None
    _text, buttons = answer_message(entry, words)
    assert [b.label for b in buttons] == ["More", "Yes", "No"]
    _text, buttons = answer_message(replace(entry, body=""), words)
    assert [b.label for b in buttons] == ["Yes", "No"]
    long_slug = replace(entry, slug="s" * 60)
    _text, buttons = answer_message(long_slug, words)
    assert buttons == []  # too long for a button's data: no buttons rather than a crash
    assert suggestion_message(long_slug, words)[1] == []


def test_the_longer_answer_says_who_to_ask_once(kb: KnowledgeBase, words: FaqTexts) -> None:
    for entry in kb:
        text = more_message(entry, words)
        assert text.lower().count("who to ask") == 1, entry.slug
        assert "**" not in text
        assert text.count("\n- [") == len(entry.sources)


def test_mentions_are_found_and_taken_out() -> None:
    assert addressed_to_bot("@carebot what is PP+?", "carebot", False) == "what is PP+?"
    assert addressed_to_bot("@CareBot, whats a PEP", "carebot", False) == "whats a PEP"
    assert addressed_to_bot("thanks @carebot!", "carebot", True) == "thanks !"
    assert addressed_to_bot("ask @carebot about it", "carebot", False) is None
    assert addressed_to_bot("@carebotfan hi", "carebot", False) is None


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("can our foster child have a pet rabbit?", True),
        ("my SSW wants to visit on Friday, is that normal?", True),
        ("what time does asda close on sundays", False),
        ("where can I buy a cheap trampoline", False),
    ],
)
def test_about_fostering(text: str, about: bool) -> None:
    assert about_fostering(text) is about


@pytest.mark.parametrize(
    ("text", "hard"),
    [
        ("feeling really low this week, just needed to say it somewhere", True),
        ("SW cancelled AGAIN. so fed up with it", True),
        ("sit down, we're going out", False),
        ("lol same", False),
    ],
)
def test_sounds_hard(text: str, hard: bool) -> None:
    assert sounds_hard(text) is hard


def test_a_held_question_is_only_for_its_asker_and_lapses() -> None:
    held = PendingQuestions()
    token = held.hold(user_key="tg:1", question="q?", org_id=1, topic=None, now=NOW)
    assert held.get(token, "tg:2", NOW) is None
    found = held.get(token, "tg:1", NOW)
    assert found is not None and found.question == "q?"
    assert held.get(token, "tg:1", NOW + HOLD) is None
    held.drop(token, "tg:2")  # not theirs: nothing happens
    assert held.get(token, "tg:1", NOW) is not None
    held.drop(token, "tg:1")
    assert held.get(token, "tg:1", NOW) is None


def test_lapsed_questions_are_let_go_as_new_ones_arrive() -> None:
    held = PendingQuestions()
    old = held.hold(user_key="a", question="old", org_id=1, topic=None, now=NOW)
    held.hold(user_key="b", question="new", org_id=1, topic=None, now=NOW + HOLD)
    assert old not in held._held


def test_counts_are_named_to_fit() -> None:
    assert metric("helpful", "pupil-premium-plus") == "faq.helpful:pupil-premium-plus"
    assert metric("not_sure") == "faq.not_sure"
    assert len(metric("unhelpful", "x" * 80)) == 64
    assert week_start(date(2026, 1, 11)) == date(2026, 1, 5)
    assert week_start(date(2026, 1, 5)) - timedelta(days=7) == date(2025, 12, 29)


def test_the_matcher_is_built_once_per_set_of_folders(settings: Settings, tmp_path: Path) -> None:
    assert library_for(settings) is library_for(settings)
    own = settings.model_copy(update={"faq": FaqSettings(overrides_dir=tmp_path)})
    assert kb_dirs(own)[-1] == tmp_path
    assert library_for(own) is not library_for(settings)
    check_overrides_folder(own)
    missing = settings.model_copy(update={"faq": FaqSettings(overrides_dir=tmp_path / "gone")})
    with pytest.raises(ConfigError, match=r"faq\.overrides_dir.*gone.*not found"):
        check_overrides_folder(missing)


def test_a_blank_overrides_setting_means_none(tmp_path: Path) -> None:
    config = tmp_path / "carebot.toml"
    config.write_text('[faq]\noverrides_dir = ""\nticket_days = 30\n', encoding="utf-8")
    loaded = load_settings(config, env={})
    assert loaded.faq.overrides_dir is None and loaded.faq.ticket_days == 30
    assert loaded.faq.group_suggestions is False
    config.write_text("[faq]\nticket_days = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"faq\.ticket_days"):
        load_settings(config, env={})
