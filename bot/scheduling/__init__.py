"""Durable timers (reminders, follow-ups, scheduled broadcasts) that survive restarts."""

from __future__ import annotations

from bot.scheduling.timers import JobRunner, Timers

__all__ = ["JobRunner", "Timers"]
