"""Does this text hold details that could identify a child in care, and how would it read without?

Pure and fast (the detector's own work plus one redaction). The group nudge calls
it for every message; staff notices should call it before anything goes out to
many groups, and show the person `texts.details(finding.categories)`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from moderation.confidentiality import CATEGORIES, redact, scan

# Characters no database or chat platform accepts: NUL and other controls, lone surrogates.
_UNSENDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Finding:
    """What was found (category names, in the detector's order) and a version without it."""

    categories: tuple[str, ...]
    suggestion: str


def check_text(text: str, placeholders: Mapping[str, str] | None = None) -> Finding | None:
    """The identifying details in `text` and a redacted version; None when there are none.

    `placeholders` are the words from config (NudgeTexts.placeholders); without them
    the detector's defaults are used.
    """
    result = scan(text)
    if not result.identifying:
        return None
    found = set(result.categories)
    suggestion = redact(text, result.spans, placeholders)
    # Taking one detail out can leave another that only counted alongside it: look once more.
    again = scan(suggestion)
    if again.identifying:
        found.update(again.categories)
        suggestion = redact(suggestion, again.spans, placeholders)
    return Finding(tuple(c for c in CATEGORIES if c in found), _UNSENDABLE.sub("", suggestion))
