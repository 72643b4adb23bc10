"""Loading topics, organisation overrides, and every problem the checker reports."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from bot.features.faq.knowledge import (
    Problem,
    Source,
    check_knowledge_base,
    load_knowledge_base,
)
from tests.faq.conftest import VALID_TOPIC, WriteTopic

TODAY = date(2026, 11, 24)


def _messages(problems: list[Problem]) -> list[str]:
    return [p.format() for p in problems]


def test_loads_a_valid_topic(tmp_path: Path, write_topic: WriteTopic) -> None:
    write_topic(tmp_path, "respite", title="Respite")
    kb = load_knowledge_base([tmp_path])
    entry = kb.get("respite")
    assert entry is not None
    assert entry.title == "Respite"
    assert entry.keywords == ("respite", "short breaks")
    assert entry.sources == (Source("Example source", "https://example.org/page"),)
    assert entry.last_checked == date(2026, 11, 1)
    assert entry.body == "The longer answer."
    assert kb.problems == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.title = "changed"  # type: ignore[misc]


def test_readme_and_underscore_files_are_not_topics(
    tmp_path: Path, write_topic: WriteTopic
) -> None:
    write_topic(tmp_path, "respite")
    (tmp_path / "README.md").write_text("# How to edit\n", encoding="utf-8")
    (tmp_path / "_draft.md").write_text("not ready\n", encoding="utf-8")
    assert load_knowledge_base([tmp_path]).slugs == ("respite",)
    assert check_knowledge_base([tmp_path], TODAY) == []


def test_override_replaces_same_slug_and_adds_new(tmp_path: Path, write_topic: WriteTopic) -> None:
    shared, local = tmp_path / "shared", tmp_path / "local"
    write_topic(shared, "alpha", title="Shared alpha")
    write_topic(shared, "beta", title="Shared beta")
    write_topic(local, "beta", title="Local beta")
    write_topic(local, "gamma", title="Local gamma")
    kb = load_knowledge_base([shared, local])
    assert kb.slugs == ("alpha", "beta", "gamma")
    beta = kb.get("beta")
    assert beta is not None and beta.title == "Local beta"


def test_missing_override_folder_is_reported_not_fatal(
    tmp_path: Path, write_topic: WriteTopic
) -> None:
    write_topic(tmp_path / "shared", "alpha")
    kb = load_knowledge_base([tmp_path / "shared", tmp_path / "nope"])
    assert kb.slugs == ("alpha",)
    assert any("folder not found" in p.message for p in kb.problems)


def test_problem_format() -> None:
    problem = Problem("config/faq/pep-meeting.md", 7, 'source "X" has no url')
    assert problem.format() == 'config/faq/pep-meeting.md:7: source "X" has no url'


def _broken(field: str, replacement: str) -> str:
    lines = VALID_TOPIC.format(slug="topic", title="T").splitlines(keepends=True)
    return "".join(replacement if line.startswith(field) else line for line in lines)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("Just some text, no front matter.\n", 1, "no front matter"),
        ("---\nslug: topic\ntitle: T\n", 1, "not closed"),
        ("---\nslug: topic\ntitle: [oops\n---\nbody\n", 3, "not valid YAML"),
        ("---\n- a list\n---\nbody\n", 2, "must be a list of 'name: value'"),
        (_broken("ask:", ""), 1, "missing field 'ask'"),
        (_broken("keywords:", "keywords: []\n"), 5, "'keywords' must be a list"),
        (_broken("short:", "short: " + "x" * 701 + "\n"), 4, "short answer is 701 characters"),
        (_broken("last_checked:", "last_checked: 2025-01-01\n"), 12, "over a year ago"),
        (_broken("last_checked:", "last_checked: soon\n"), 12, "must be a date"),
        (_broken("nations:", "nations: [england, narnia]\n"), 8, "unknown nation 'narnia'"),
        (_broken("slug:", "slug: Other Topic\n"), 2, "lowercase words joined by hyphens"),
        (_broken("slug:", "slug: other\n"), 2, "does not match the file name"),
        (
            VALID_TOPIC.format(slug="topic", title="T").replace("The longer answer.\n", ""),
            13,
            "no longer answer",
        ),
    ],
)
def test_checker_reports_problem_with_line(
    tmp_path: Path, write_topic: WriteTopic, text: str, line: int, fragment: str
) -> None:
    write_topic(tmp_path, "topic", text=text)
    problems = check_knowledge_base([tmp_path], TODAY)
    assert any(p.line == line and fragment in p.message for p in problems), _messages(problems)
    assert all(p.file == str(tmp_path / "topic.md") for p in problems)


def test_source_without_url_and_with_bad_url(tmp_path: Path, write_topic: WriteTopic) -> None:
    text = VALID_TOPIC.format(slug="topic", title="T").replace(
        "  - title: Example source\n    url: https://example.org/page\n",
        "  - title: X\n  - title: Y\n    url: ftp://example.org/file\n  - title: Z\n"
        "    url: example.org\n",
    )
    write_topic(tmp_path, "topic", text=text)
    found = _messages(check_knowledge_base([tmp_path], TODAY))
    where = str(tmp_path / "topic.md")
    assert f'{where}:10: source "X" has no url' in found
    assert any(m.startswith(f"{where}:11:") and '"ftp://example.org/file"' in m for m in found)
    assert any(m.startswith(f"{where}:13:") and "not a web address" in m for m in found)


def test_duplicate_slug_in_one_folder(tmp_path: Path, write_topic: WriteTopic) -> None:
    write_topic(tmp_path, "alpha")
    text = VALID_TOPIC.format(slug="alpha", title="Copy")
    write_topic(tmp_path, "beta", text=text)
    problems = check_knowledge_base([tmp_path], TODAY)
    assert any(
        p.file.endswith("beta.md") and p.line == 2 and "duplicate slug 'alpha'" in p.message
        for p in problems
    ), _messages(problems)


def test_same_slug_in_two_folders_is_an_override_not_a_duplicate(
    tmp_path: Path, write_topic: WriteTopic
) -> None:
    write_topic(tmp_path / "a", "alpha")
    write_topic(tmp_path / "b", "alpha")
    assert check_knowledge_base([tmp_path / "a", tmp_path / "b"], TODAY) == []


def test_broken_topic_is_skipped_but_others_load(tmp_path: Path, write_topic: WriteTopic) -> None:
    write_topic(tmp_path, "good")
    write_topic(tmp_path, "bad", text="no front matter here\n")
    kb = load_knowledge_base([tmp_path])
    assert kb.slugs == ("good",)
    assert [p.file for p in kb.problems] == [str(tmp_path / "bad.md")]


def test_loader_does_not_warn_about_dates(tmp_path: Path, write_topic: WriteTopic) -> None:
    write_topic(
        tmp_path,
        "old",
        text=_broken("last_checked:", "last_checked: 2020-01-01\n").replace(
            "slug: topic", "slug: old"
        ),
    )
    kb = load_knowledge_base([tmp_path])
    assert kb.slugs == ("old",)
    assert kb.problems == ()
