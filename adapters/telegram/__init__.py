"""Telegram for carebot, on python-telegram-bot: translate, render, send, and check.

Thin on purpose: every decision lives in the core, so features work on Telegram
without knowing it. Nothing in `bot/` imports this package.
"""
