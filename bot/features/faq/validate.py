"""Turn parsed front matter into a ``FaqEntry``, collecting every problem on the way.

One pass does both jobs so the loader and the checker can never disagree about what a
valid topic is. Problems that make a topic unusable stop it loading; softer ones (an old
check date, an odd nation) are reported but the topic still loads.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse

from bot.features.faq.frontmatter import FrontMatter
from bot.features.faq.model import (
    KNOWN_NATIONS,
    MAX_CHECK_AGE_DAYS,
    MAX_SHORT_CHARS,
    FaqEntry,
    Problem,
    Source,
)

REQUIRED_FIELDS: tuple[str, ...] = (
    "slug",
    "title",
    "short",
    "keywords",
    "questions",
    "nations",
    "sources",
    "last_checked",
    "ask",
)
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class _Collector:
    """Gathers problems for one file; ``fatal`` marks ones that stop the topic loading."""

    def __init__(self, display: str, fm: FrontMatter) -> None:
        self.display = display
        self.fm = fm
        self.problems: list[Problem] = []
        self.fatal = False

    def line(self, key: str, index: int | None = None) -> int:
        if index is not None:
            items = self.fm.item_lines.get(key, [])
            if index < len(items):
                return items[index]
        return self.fm.key_lines.get(key, 1)

    def add(self, line: int, message: str, *, fatal: bool = False) -> None:
        self.problems.append(Problem(self.display, line, message))
        self.fatal = self.fatal or fatal


def _text(c: _Collector, data: dict[str, object], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        c.add(c.line(key), f"'{key}' must be some text", fatal=True)
        return ""
    return value.strip()


def _text_list(c: _Collector, data: dict[str, object], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        c.add(c.line(key), f"'{key}' must be a list with at least one item", fatal=True)
        return ()
    items: list[str] = []
    for i, item in enumerate(value):
        if isinstance(item, str | int | float) and str(item).strip():
            items.append(str(item).strip())
        else:
            c.add(c.line(key, i), f"'{key}' item {i + 1} is empty or not plain text")
    return tuple(items)


def _sources(c: _Collector, data: dict[str, object]) -> tuple[Source, ...]:
    value = data.get("sources")
    if not isinstance(value, list) or not value:
        c.add(c.line("sources"), "'sources' must list at least one {title, url}", fatal=True)
        return ()
    sources: list[Source] = []
    for i, item in enumerate(value):
        line = c.line("sources", i)
        if not isinstance(item, dict):
            c.add(line, f"source {i + 1} must have a title and a url")
            continue
        title = str(item.get("title") or "").strip() or f"source {i + 1}"
        url = str(item.get("url") or "").strip()
        if not url:
            c.add(line, f'source "{title}" has no url')
            continue
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            c.add(line, f'source "{title}" url "{url}" is not a web address (http or https)')
            continue
        sources.append(Source(title=title, url=url))
    return tuple(sources)


def _checked(c: _Collector, data: dict[str, object], today: date | None) -> date:
    value = data.get("last_checked")
    line = c.line("last_checked")
    checked: date | None = None
    if isinstance(value, date):
        checked = value
    elif isinstance(value, str):
        try:
            checked = date.fromisoformat(value.strip())
        except ValueError:
            checked = None
    if checked is None:
        c.add(line, "'last_checked' must be a date like 2026-11-01", fatal=True)
        return date.min
    if today is not None and today - checked > timedelta(days=MAX_CHECK_AGE_DAYS):
        c.add(line, f"last checked {checked.isoformat()}, over a year ago: re-check the sources")
    return checked


def entry_from_front_matter(
    path: Path, display: str, fm: FrontMatter, today: date | None = None
) -> tuple[FaqEntry | None, list[Problem]]:
    """Build the entry (None if unusable) and list every problem found.

    ``today`` enables the "checked over a year ago" warning; the loader leaves it out.
    """
    c = _Collector(display, fm)
    if fm.data is None:
        line, message = fm.error or (1, "front matter could not be read")
        c.add(line, message, fatal=True)
        return None, c.problems
    data = fm.data
    for key in REQUIRED_FIELDS:
        if key not in data or data[key] is None:
            c.add(1, f"missing field '{key}'", fatal=True)
    if c.fatal:
        return None, c.problems
    slug = _text(c, data, "slug")
    if slug and not SLUG_PATTERN.match(slug):
        c.add(c.line("slug"), f"slug '{slug}' must be lowercase words joined by hyphens")
    elif slug and slug != path.stem:
        c.add(c.line("slug"), f"slug '{slug}' does not match the file name '{path.name}'")
    title = _text(c, data, "title")
    short = _text(c, data, "short")
    if len(short) > MAX_SHORT_CHARS:
        c.add(
            c.line("short"),
            f"short answer is {len(short)} characters: keep it under {MAX_SHORT_CHARS} "
            "so it fits in one chat message",
        )
    keywords = _text_list(c, data, "keywords")
    questions = _text_list(c, data, "questions")
    nations = tuple(n.lower() for n in _text_list(c, data, "nations"))
    for i, nation in enumerate(nations):
        if nation not in KNOWN_NATIONS:
            known = ", ".join(sorted(KNOWN_NATIONS))
            c.add(c.line("nations", i), f"unknown nation '{nation}' (use: {known})")
    sources = _sources(c, data)
    checked = _checked(c, data, today)
    ask = _text(c, data, "ask")
    if not fm.body:
        c.add(c.line("ask"), "no longer answer: write it below the closing ---")
    if c.fatal:
        return None, c.problems
    entry = FaqEntry(
        slug=slug,
        title=title,
        short=short,
        keywords=keywords,
        questions=questions,
        nations=nations,
        sources=sources,
        last_checked=checked,
        ask=ask,
        body=fm.body,
        path=path,
    )
    return entry, c.problems
