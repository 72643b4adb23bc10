"""Replaces identifying spans with neutral placeholders for the private nudge.

The words carers see come from config (config/messages/confidentiality_nudges.toml) and are
passed in by the bot; the mapping here is the fallback for the command line and tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from .types import Span

PLACEHOLDERS: Mapping[str, str] = MappingProxyType(
    {
        "child_name": "[child's name]",
        "school": "[school]",
        "address": "[address]",
        "phone": "[phone number]",
        "email": "[email]",
        "date_of_birth": "[date of birth]",
        "case_reference": "[case reference]",
        "birth_family": "[birth family detail]",
        "professional_named_negative": "[name]",
        "health_detail": "[health detail]",
    }
)


def redact(text: str, spans: Iterable[Span], placeholders: Mapping[str, str] | None = None) -> str:
    """`text` with each span replaced by its placeholder; overlapping spans are merged."""
    words = PLACEHOLDERS if placeholders is None else placeholders
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    parts: list[str] = []
    pos = 0
    for span in ordered:
        start = max(span.start, 0)
        end = min(span.end, len(text))
        if end <= pos or start >= end:
            continue
        if start < pos:
            pos = end  # overlaps the previous span: widen it, one placeholder
            continue
        parts.append(text[pos:start])
        parts.append(words.get(span.category, "[redacted]"))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
