"""Every table module, imported once so `Base.metadata` knows the whole schema.

A feature that needs tables of its own adds `storage/<feature>_tables.py` and one
import line here; migrations and tests then see it.
"""

from __future__ import annotations

from storage import models
from storage.models import Base

__all__ = ["Base", "models"]
