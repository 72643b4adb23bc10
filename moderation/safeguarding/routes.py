"""Load the organisation-editable safeguarding routes and render the private reply.

The routes live in YAML so that an organisation can change wording without a
code change; because a broken file would silently drop urgent help, loading
validates everything up front and fails loudly, naming the file and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .detector import CATEGORIES

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "config" / "safeguarding.yaml"
EDT_PLACEHOLDER = "{edt_number}"
EDT_FALLBACK = "the number in your carer handbook"
_PLACEHOLDER_RE = re.compile(r"\{[^{}]*\}")


class RoutesError(ValueError):
    """The routes file is missing, unreadable or invalid."""


@dataclass(frozen=True, slots=True)
class Route:
    """The reply for one category."""

    category: str
    title: str
    steps: tuple[str, ...]
    child_steps: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Routes:
    """Every category's route plus the closing lines."""

    source: str
    footer: str
    child_footer: str
    routes: dict[str, Route]

    def route(self, category: str) -> Route:
        try:
            return self.routes[category]
        except KeyError:
            raise RoutesError(f"{self.source}: no route for category {category!r}") from None


def _text(value: Any, where: str, source: str, *, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise RoutesError(f"{source}: {where} must be a non-empty string")
    for placeholder in _PLACEHOLDER_RE.findall(value):
        if placeholder != EDT_PLACEHOLDER:
            raise RoutesError(
                f"{source}: {where} uses unknown placeholder {placeholder}; "
                f"only {EDT_PLACEHOLDER} is allowed"
            )
    return value.strip()


def _steps(value: Any, where: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise RoutesError(f"{source}: {where} must be a non-empty list of steps")
    return tuple(_text(step, f"{where}[{i}]", source) for i, step in enumerate(value))


def parse_routes(data: Any, source: str) -> Routes:
    """Validate already-parsed YAML data; ``source`` names the file in errors."""
    if not isinstance(data, dict):
        raise RoutesError(f"{source}: top level must be a mapping")
    categories = data.get("categories")
    if not isinstance(categories, dict):
        raise RoutesError(f"{source}: 'categories' must be a mapping of category to route")
    unknown = sorted(set(categories) - set(CATEGORIES))
    if unknown:
        raise RoutesError(f"{source}: unknown categories {', '.join(map(str, unknown))}")
    routes: dict[str, Route] = {}
    for category in CATEGORIES:
        entry = categories.get(category)
        where = f"categories.{category}"
        if entry is None:
            raise RoutesError(f"{source}: missing route for {where}")
        if not isinstance(entry, dict):
            raise RoutesError(f"{source}: {where} must be a mapping with title and steps")
        child = entry.get("child_steps")
        routes[category] = Route(
            category=category,
            title=_text(entry.get("title"), f"{where}.title", source),
            steps=_steps(entry.get("steps"), f"{where}.steps", source),
            child_steps=None if child is None else _steps(child, f"{where}.child_steps", source),
        )
    return Routes(
        source=source,
        footer=_text(data.get("footer"), "footer", source, required=False),
        child_footer=_text(data.get("child_footer"), "child_footer", source, required=False),
        routes=routes,
    )


def load_routes(path: str | Path | None = None) -> Routes:
    """Read and validate a routes file (default: config/safeguarding.yaml)."""
    file = Path(path) if path is not None else DEFAULT_PATH
    try:
        raw = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise RoutesError(f"{file}: cannot read routes file ({exc.strerror})") from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise RoutesError(f"{file}: not valid YAML ({exc})") from exc
    return parse_routes(data, str(file))


@lru_cache(maxsize=1)
def default_routes() -> Routes:
    """The default routes, loaded once per process."""
    return load_routes()


def render_routes(
    category: str,
    edt_number: str,
    author_is_child: bool = False,
    *,
    routes: Routes | None = None,
) -> str:
    """The private reply text for ``category``: plain text, *bold* allowed, numbered steps."""
    table = routes if routes is not None else default_routes()
    route = table.route(category)
    steps = route.child_steps if author_is_child and route.child_steps else route.steps
    edt = edt_number.strip() or EDT_FALLBACK
    lines = [f"*{route.title}*"]
    lines += [f"{n}. {step.replace(EDT_PLACEHOLDER, edt)}" for n, step in enumerate(steps, 1)]
    footer = table.child_footer if author_is_child and table.child_footer else table.footer
    if footer:
        lines += ["", footer.replace(EDT_PLACEHOLDER, edt)]
    return "\n".join(lines)
