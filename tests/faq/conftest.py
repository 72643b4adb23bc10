"""Shared fixtures: the real knowledge base, a matcher, and a helper for fixture files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.features.faq.knowledge import KnowledgeBase, default_kb_dir, load_knowledge_base
from bot.features.faq.matcher import FaqMatcher

VALID_TOPIC = """\
---
slug: {slug}
title: {title}
short: A short, kind answer.
keywords: [respite, short breaks]
questions:
  - how many respite nights do we get
nations: [england]
sources:
  - title: Example source
    url: https://example.org/page
last_checked: 2026-11-01
ask: Your supervising social worker.
---
The longer answer.
"""

WriteTopic = Callable[..., Path]


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base([default_kb_dir()])


@pytest.fixture(scope="session")
def matcher(kb: KnowledgeBase) -> FaqMatcher:
    return FaqMatcher(kb)


@pytest.fixture
def write_topic() -> WriteTopic:
    """Write a topic file; pass ``text`` for a broken one, else a valid one is filled in."""

    def write(folder: Path, slug: str, text: str | None = None, title: str = "A topic") -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{slug}.md"
        content = text if text is not None else VALID_TOPIC.format(slug=slug, title=title)
        path.write_text(content, encoding="utf-8")
        return path

    return write
