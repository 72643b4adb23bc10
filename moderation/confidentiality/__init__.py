"""Confidentiality detector: finds details in a carers' group-chat message that could identify a
looked-after child (names, schools, addresses, phones, dates of birth, case references, birth
family, criticised professionals, health details), with character spans, offline and fast.
"""

from __future__ import annotations

from .redact import PLACEHOLDERS, redact
from .scanner import scan, warm_up
from .types import CATEGORIES, ScanResult, Span

__all__ = ["CATEGORIES", "PLACEHOLDERS", "ScanResult", "Span", "redact", "scan", "warm_up"]
