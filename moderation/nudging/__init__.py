"""Confidentiality in groups: private nudges about identifying details, and photo reminders.

`check_text` is the detector plus redaction, for any feature that wants to look
before it posts (staff notices). The middlewares go in bot.app.middlewares().
"""

from __future__ import annotations

from moderation.nudging.check import Finding, check_text
from moderation.nudging.feature import router
from moderation.nudging.middleware import ConfidentialityNudges
from moderation.nudging.photos import PhotoReminders
from moderation.nudging.texts import NudgeTexts

__all__ = [
    "ConfidentialityNudges",
    "Finding",
    "NudgeTexts",
    "PhotoReminders",
    "check_text",
    "router",
]
