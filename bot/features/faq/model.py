"""Typed, frozen records for the FAQ knowledge base.

Kept apart from the loader so the matcher and the CLI can depend on plain data only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

# Nations an answer can apply to. Kept small on purpose: a typo here should be caught.
KNOWN_NATIONS: frozenset[str] = frozenset({"england", "wales", "scotland", "northern-ireland"})

# Longest "short" answer that still fits comfortably in one chat message.
MAX_SHORT_CHARS = 700

# How old a check date may be before the checker asks for a re-check.
MAX_CHECK_AGE_DAYS = 365


@dataclass(frozen=True)
class Source:
    """A public page an answer is based on."""

    title: str
    url: str


@dataclass(frozen=True)
class FaqEntry:
    """One topic: a short answer for the chat, a longer body behind a "More" button."""

    slug: str
    title: str
    short: str
    keywords: tuple[str, ...]
    questions: tuple[str, ...]
    nations: tuple[str, ...]
    sources: tuple[Source, ...]
    last_checked: date
    ask: str
    body: str
    path: Path


@dataclass(frozen=True)
class Problem:
    """Something an editor should fix, pointing at a file and line."""

    file: str
    line: int
    message: str

    def format(self) -> str:
        """One line in the familiar ``file:line: message`` shape editors and CI understand."""
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class KnowledgeBase:
    """All loaded topics, in a stable order, with lookup by slug."""

    entries: tuple[FaqEntry, ...]
    problems: tuple[Problem, ...] = ()
    _by_slug: MappingProxyType[str, FaqEntry] = field(
        init=False, repr=False, compare=False, default_factory=lambda: MappingProxyType({})
    )

    def __post_init__(self) -> None:
        index = {entry.slug: entry for entry in self.entries}
        object.__setattr__(self, "_by_slug", MappingProxyType(index))

    def get(self, slug: str) -> FaqEntry | None:
        """The entry for ``slug``, or None."""
        return self._by_slug.get(slug)

    @property
    def slugs(self) -> tuple[str, ...]:
        """All slugs in load order."""
        return tuple(entry.slug for entry in self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[FaqEntry]:
        return iter(self.entries)
