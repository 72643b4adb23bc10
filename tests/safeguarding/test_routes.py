"""Routes file: loads, covers every category, renders, and rejects bad edits clearly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from moderation.safeguarding import (
    CATEGORIES,
    RoutesError,
    load_routes,
    parse_routes,
    render_routes,
)
from moderation.safeguarding.routes import DEFAULT_PATH


def good_data() -> dict[str, Any]:
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "routes.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_default_file_covers_every_category() -> None:
    routes = load_routes()
    assert set(routes.routes) == set(CATEGORIES)
    for route in routes.routes.values():
        assert route.title and route.steps


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.parametrize("by_child", [False, True])
def test_render_is_short_and_fills_the_edt_number(category: str, by_child: bool) -> None:
    text = render_routes(category, "0300 123 4567", by_child)
    assert "{" not in text and "}" not in text
    assert text.startswith("*")
    assert len(text) < 900, "keep replies short enough for a phone screen"
    if "Emergency Duty Team" in text:
        assert "0300 123 4567" in text
    assert "999" in text


@pytest.mark.parametrize(
    ("category", "numbers"),
    [
        ("self_harm_adult", ["116 123", "85258", "111"]),
        ("self_harm_child", ["85258", "0800 1111", "111"]),
        ("domestic_abuse", ["0808 2000 247", "55"]),
        ("radicalisation", ["0800 011 3764"]),
        ("allegation_against_carer", ["0800 040 7675"]),
        ("child_missing", ["101", "999"]),
    ],
)
def test_category_helplines(category: str, numbers: list[str]) -> None:
    text = render_routes(category, "0300 123 4567")
    for number in numbers:
        assert number in text


def test_child_gets_childline() -> None:
    assert "0800 1111" in render_routes("child_disclosure", "1", author_is_child=True)
    assert "mental health option" in render_routes("self_harm_child", "1", author_is_child=True)


def test_blank_edt_number_gets_a_fallback() -> None:
    text = render_routes("carer_crisis", "  ")
    assert "{edt_number}" not in text and "carer handbook" in text


def test_missing_category_names_file_and_field(tmp_path: Path) -> None:
    data = good_data()
    del data["categories"]["child_missing"]
    path = write(tmp_path, data)
    with pytest.raises(RoutesError) as err:
        load_routes(path)
    assert str(path) in str(err.value) and "categories.child_missing" in str(err.value)


def test_empty_steps_name_file_and_field(tmp_path: Path) -> None:
    data = good_data()
    data["categories"]["exploitation"]["steps"] = []
    path = write(tmp_path, data)
    with pytest.raises(RoutesError, match=r"categories\.exploitation\.steps"):
        load_routes(path)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["categories"]["radicalisation"].update(title=""), "radicalisation.title"),
        (
            lambda d: d["categories"]["carer_crisis"]["steps"].append("Ring {ssw_number}"),
            "carer_crisis.steps[",
        ),
        (lambda d: d["categories"]["domestic_abuse"].update(child_steps=[]), "child_steps"),
        (lambda d: d["categories"].update(made_up={"title": "x", "steps": ["y"]}), "made_up"),
        (lambda d: d["categories"]["self_harm_adult"]["steps"].append(7), "steps[6]"),
    ],
)
def test_invalid_edits_are_rejected(tmp_path: Path, change: Any, field: str) -> None:
    data = good_data()
    change(data)
    with pytest.raises(RoutesError, match=field.replace("[", r"\[").replace(".", r"\.")):
        load_routes(write(tmp_path, data))


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(RoutesError, match="cannot read"):
        load_routes(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("categories: [unclosed", encoding="utf-8")
    with pytest.raises(RoutesError, match="not valid YAML"):
        load_routes(bad)
    with pytest.raises(RoutesError, match="top level"):
        parse_routes(["a list"], "inline")


def test_unknown_category_at_render_time() -> None:
    with pytest.raises(RoutesError, match="no route"):
        render_routes("none", "1")
