"""Every table module, imported once so `Base.metadata` knows the whole schema.

A feature that needs tables of its own adds `storage/<feature>_tables.py` and adds it
to the import below; migrations and tests then see it.
"""

from __future__ import annotations

from storage import (
    buddies_tables,  # buddy programme
    events_tables,  # group events, reminders and sessions
    faq_tables,  # FAQ tickets and group choices
    models,  # people, places, roles, outbox, timers
    moderation_tables,  # confidentiality nudges and safeguarding alerts
    notices_tables,  # staff notices and read receipts
)
from storage.models import Base

__all__ = [
    "Base",
    "buddies_tables",
    "events_tables",
    "faq_tables",
    "models",
    "moderation_tables",
    "notices_tables",
]
