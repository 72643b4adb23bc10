"""Confidentiality detector: finds details in a carers' group-chat message that could identify a
looked-after child (names, schools, addresses, phones, dates of birth, case references, birth
family, criticised professionals, health details), with character spans, offline and fast.
"""

from __future__ import annotations

from .native_guard import use_source_if_stale

# Before any other submodule loads: a compiled build runs only if it matches these sources.
COMPILED = use_source_if_stale()

from .redact import PLACEHOLDERS, redact  # noqa: E402
from .scanner import scan, warm_up  # noqa: E402
from .types import CATEGORIES, ScanResult, Span  # noqa: E402

__all__ = [
    "CATEGORIES",
    "COMPILED",
    "PLACEHOLDERS",
    "ScanResult",
    "Span",
    "redact",
    "scan",
    "warm_up",
]
