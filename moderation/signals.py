"""What one moderation check tells the next, within the handling of one event.

The safeguarding watch runs before the confidentiality nudge. When it has just sent
someone urgent routes, the nudge about the same message is kept to one short line,
so the person is not buried in words at a hard moment. A context variable keeps
this per event (each event is handled in its own task) without the two features
importing each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_RAISED: ContextVar[bool] = ContextVar("carebot_safeguarding_raised", default=False)


@contextmanager
def safeguarding_raised() -> Iterator[None]:
    """Mark the event being handled as one that raised a safeguarding concern."""
    token = _RAISED.set(True)
    try:
        yield
    finally:
        _RAISED.reset(token)


def was_safeguarding_raised() -> bool:
    return _RAISED.get()
