"""Table tests: carebot markup to Telegram HTML, splitting, keyboards (render.py is pure)."""

from __future__ import annotations

import html
import re

import pytest

from adapters.telegram.render import (
    MAX_CHARS,
    keyboard,
    render,
    split_markup,
    to_html,
    visible_length,
)
from bot.events import Button


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<3", "&lt;3"),
        ("a < b & c", "a &lt; b &amp; c"),
        ("Tom & Jerry's <b>tag</b>", "Tom &amp; Jerry's &lt;b&gt;tag&lt;/b&gt;"),
        ("&amp; stays literal", "&amp;amp; stays literal"),
        ("*bold*", "<b>bold</b>"),
        ("_italics_", "<i>italics</i>"),
        ("*bold with _italics_ inside*", "<b>bold with <i>italics</i> inside</b>"),
        (
            "[our site](https://example.org/a?b=1&c=2)",
            '<a href="https://example.org/a?b=1&amp;c=2">our site</a>',
        ),
        ('[a "quote"](https://x.org)', '<a href="https://x.org">a "quote"</a>'),
        ("[not a link](javascript:alert)", "[not a link](javascript:alert)"),
        ("- first\n- second", "• first\n• second"),
        ("  - nested <x>", "  • nested &lt;x&gt;"),
        ("snake_case_name and file_name_here", "snake_case_name and file_name_here"),
        ("2*3*4 = 24", "2*3*4 = 24"),
        ("a * b * c", "a * b * c"),
        ("*not closed", "*not closed"),
        ("https://t.me/care_bot_x", "https://t.me/care_bot_x"),
        ("-no space is not a list", "-no space is not a list"),
        ("", ""),
    ],
)
def test_markup_to_html(markup: str, expected: str) -> None:
    assert to_html(markup) == expected


def shown(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def well_formed(rendered: str) -> bool:
    """Tags balance and every & starts a complete entity."""
    stack: list[str] = []
    for closing, name in re.findall(r"<(/?)([a-z]+)[^>]*>", rendered):
        if closing:
            if not stack or stack.pop() != name:
                return False
        else:
            stack.append(name)
    entities_ok = all(
        re.match(r"&(amp|lt|gt|quot|#x27);", rendered[m.start() :])
        for m in re.finditer("&", rendered)
    )
    return not stack and entities_ok


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("short & sweet", 1),
        ("\n\n".join(["para <3 & " * 200] * 3), 2),
        ("\n".join(["line & *bold* " * 30] * 40), 4),
        (("word&<> " * 1500).strip(), 3),
        ("x" * 9000, 3),
        ("🙂" * 3000, 2),  # each emoji counts two UTF-16 units
    ],
)
def test_long_texts_split_within_the_limit(text: str, pieces: int) -> None:
    rendered = render(text)
    assert len(rendered) == pieces
    for piece in rendered:
        assert 0 < visible_length(piece) <= MAX_CHARS
        assert well_formed(piece)


def test_split_prefers_paragraphs_then_lines() -> None:
    first, second = "a" * 3000, "b" * 3000
    assert split_markup(f"{first}\n\n{second}") == [first, second]
    lines = "\n".join(["c" * 100] * 50)  # 5049 characters
    pieces = split_markup(lines)
    assert len(pieces) == 2 and all(p.startswith("c") for p in pieces)
    assert "\n".join(pieces) == lines


def test_split_keeps_all_the_words() -> None:
    text = " ".join(f"w{i}" for i in range(3000))
    assert " ".join(split_markup(text, limit=500)).split() == text.split()


def test_split_never_cuts_an_entity() -> None:
    # Escaping triples the HTML length; the limit counts what is shown, not the HTML.
    text = "&" * 5000
    pieces = render(text)
    assert [shown(p) for p in pieces] == ["&" * 4096, "&" * 904]
    assert all(well_formed(p) for p in pieces)


def test_blank_text_renders_nothing() -> None:
    assert render("  \n\n ") == []


def test_keyboard_rows() -> None:
    markup = keyboard(
        [
            Button("I agree", "rules:1"),
            Button("No thanks", "rules:0"),
            Button("Tell me more about the group agreement", "rules:more"),
            Button("1", "n:1"),
            Button("2", "n:2"),
            Button("3", "n:3"),
            Button("4", "n:4"),
        ]
    )
    assert markup is not None
    rows = [[(b.text, b.callback_data) for b in row] for row in markup.inline_keyboard]
    assert rows == [
        [("I agree", "rules:1"), ("No thanks", "rules:0")],
        [("Tell me more about the group agreement", "rules:more")],
        [("1", "n:1"), ("2", "n:2"), ("3", "n:3")],
        [("4", "n:4")],
    ]
    assert keyboard([]) is None
