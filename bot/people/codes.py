"""One-time codes people can read aloud and type on a phone.

No 0/O or 1/I/L to confuse; dashes and case are ignored when typed back. Only a
hash is stored, so the database never holds a code that still works.
"""

from __future__ import annotations

import hashlib
import random
import re

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


_SYSTEM_RANDOM = random.SystemRandom()


def new_code(rng: random.Random | None = None) -> str:
    """A fresh code; `rng` is injectable so scripted console runs repeat exactly."""
    source = rng or _SYSTEM_RANDOM
    raw = "".join(source.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalise(code: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", code.upper())


def looks_like_code(code: str) -> bool:
    return len(normalise(code)) == CODE_LENGTH


def code_hash(code: str, purpose: str) -> str:
    """Hash with a purpose prefix so an invite code can never work as a link code."""
    return hashlib.sha256(f"{purpose}:{normalise(code)}".encode()).hexdigest()
