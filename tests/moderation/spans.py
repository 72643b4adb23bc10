"""What the scanner found in a message, in the shapes the table tests compare against."""

from __future__ import annotations

from moderation.confidentiality import scan


def found(text: str) -> set[tuple[str, str]]:
    """Each found span as (its text, its category)."""
    return {(text[s.start : s.end], s.category) for s in scan(text).spans}


def covered(text: str, part: str, category: str) -> bool:
    """A found span of `category` covers `part` (spans may reach further, e.g. from the
    relative to the end of the circumstance)."""
    start = text.index(part)
    end = start + len(part)
    return any(
        s.category == category and s.start <= start and end <= s.end for s in scan(text).spans
    )
