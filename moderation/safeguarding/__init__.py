"""Safeguarding signal detection for carers' group chats, and the routes to send.

``assess(text)`` is pure and offline: no network, no model, no state between
calls. ``render_routes(category, edt_number, author_is_child)`` turns a category
into the private reply, from the organisation-editable config/safeguarding.yaml.
"""

from __future__ import annotations

from .detector import CATEGORIES, NO_SIGNAL, Assessment, assess
from .routes import Route, Routes, RoutesError, load_routes, parse_routes, render_routes

__all__ = [
    "CATEGORIES",
    "NO_SIGNAL",
    "Assessment",
    "Route",
    "Routes",
    "RoutesError",
    "assess",
    "load_routes",
    "parse_routes",
    "render_routes",
]
