"""Safeguarding in conversation: urgent routes for the author, alerts for the leads, the rota.

Separate from confidentiality moderation and never in its counts. The detector
itself (pure, offline) is moderation.safeguarding. `alerts.router` carries the
acknowledge button too (importing this package registers it).
"""

from __future__ import annotations

from moderation.safeguarding_alerts import acknowledge, alerts, rota
from moderation.safeguarding_alerts.watch import SafeguardingWatch

__all__ = ["SafeguardingWatch", "acknowledge", "alerts", "rota"]
