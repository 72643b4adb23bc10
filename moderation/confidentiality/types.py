"""Result types for the confidentiality detector.

Kept apart from the detection code so callers (the bot, the CLI, the redactor) can import the
shapes without loading the word lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, final

CHILD_NAME = "child_name"
SCHOOL = "school"
ADDRESS = "address"
PHONE = "phone"
EMAIL = "email"
DATE_OF_BIRTH = "date_of_birth"
CASE_REFERENCE = "case_reference"
BIRTH_FAMILY = "birth_family"
PROFESSIONAL = "professional_named_negative"
HEALTH = "health_detail"

# The stable order in which categories are reported.
CATEGORIES: tuple[str, ...] = (
    CHILD_NAME,
    SCHOOL,
    ADDRESS,
    PHONE,
    EMAIL,
    DATE_OF_BIRTH,
    CASE_REFERENCE,
    BIRTH_FAMILY,
    PROFESSIONAL,
    HEALTH,
)


@final
class Span:
    """A half-open character range [start, end) of the scanned text and what it reveals.

    A plain class rather than a dataclass: compiled, it is built about ten times faster, and
    scans build several. `Final` attributes keep it read-only to the type checker.
    """

    __slots__ = ("category", "end", "start")

    def __init__(self, start: int, end: int, category: str) -> None:
        self.start: Final = start
        self.end: Final = end
        self.category: Final = category

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return (self.start, self.end, self.category) == (other.start, other.end, other.category)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.category))

    def __repr__(self) -> str:
        return f"Span(start={self.start}, end={self.end}, category={self.category!r})"


@dataclass(frozen=True, slots=True)
class ScanResult:
    """What one scan found: `identifying` is true exactly when there is at least one span."""

    identifying: bool
    categories: tuple[str, ...]
    spans: tuple[Span, ...]


EMPTY_RESULT = ScanResult(identifying=False, categories=(), spans=())
