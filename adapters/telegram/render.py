"""carebot's small markup to Telegram HTML, split to Telegram's length limit.

Pure functions, table-tested. Everything that is not markup is escaped, so a carer
writing `<3` or `a < b & c` can never break a message. Long texts are split in the
markup before rendering, on paragraphs, then lines, then words, so every piece is
rendered on its own and no piece can end inside an HTML tag or entity.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.events import Button

MAX_CHARS = 4096  # Telegram's limit, counted on the text as shown (UTF-16 units)
SHORT_LABEL = 14  # labels longer than this get a row of their own
ROW_CHARS = 30  # short labels share a row up to this many characters
ROW_BUTTONS = 3

_INLINE = re.compile(
    r"\[(?P<label>[^\[\]\n]+)\]\((?P<url>(?:https?://|tg://|mailto:)[^\s()<>\"]+)\)"
    r"|(?<![\w*])\*(?P<bold>[^\s*](?:[^*\n]*?[^\s*])?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<italic>[^\s_](?:[^_\n]*?[^\s_])?)_(?![\w_])"
)
_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)- ")
_TAG = re.compile(r"<[^>]*>")
_SEPARATORS = ("\n\n", "\n", " ")


def to_html(text: str) -> str:
    """Render markup (*bold*, _italics_, [text](url), "- " lists) as Telegram HTML."""
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    item = _LIST_ITEM.match(line)
    if item is None:
        return _inline(line)
    return f"{item.group('indent')}• {_inline(line[item.end() :])}"


def _inline(text: str) -> str:
    out: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        out.append(_escape(text[position : match.start()]))
        if match.group("url") is not None:
            url = html.escape(match.group("url"), quote=True)
            out.append(f'<a href="{url}">{_inline(match.group("label"))}</a>')
        elif match.group("bold") is not None:
            out.append(f"<b>{_inline(match.group('bold'))}</b>")
        else:
            out.append(f"<i>{_inline(match.group('italic'))}</i>")
        position = match.end()
    out.append(_escape(text[position:]))
    return "".join(out)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def visible_length(rendered: str) -> int:
    """How long Telegram counts a rendered message: shown characters in UTF-16 units."""
    shown = html.unescape(_TAG.sub("", rendered))
    return len(shown.encode("utf-16-le")) // 2


def _size(markup: str) -> int:
    return visible_length(to_html(markup))


def split_markup(text: str, limit: int = MAX_CHARS) -> list[str]:
    """Split markup into pieces that each render within `limit`; blank pieces are dropped."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    pieces = [text] if _size(text) <= limit else _split(text, limit, 0)
    return [piece.strip("\n") for piece in pieces if piece.strip()]


def _split(text: str, limit: int, level: int) -> list[str]:
    if level == len(_SEPARATORS):
        return _hard_split(text, limit)
    separator = _SEPARATORS[level]
    gap = len(separator)
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    for piece in text.split(separator):
        size = _size(piece)
        parts = [(piece, size)] if size <= limit else _sized(_split(piece, limit, level + 1))
        for part, part_size in parts:
            # Joining never renders longer than the parts' sum, so this bound is safe.
            if current and used + gap + part_size > limit:
                chunks.append(separator.join(current))
                current, used = [], 0
            used += part_size + (gap if current else 0)
            current.append(part)
    if current:
        chunks.append(separator.join(current))
    return chunks


def _sized(parts: list[str]) -> list[tuple[str, int]]:
    return [(part, _size(part)) for part in parts]


def _hard_split(text: str, limit: int) -> list[str]:
    """A single word longer than the limit: cut by characters, never inside a pair."""
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    for char in text:
        width = len(char.encode("utf-16-le")) // 2
        if used + width > limit:
            chunks.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += width
    if current:
        chunks.append("".join(current))
    return chunks


def render(text: str, limit: int = MAX_CHARS) -> list[str]:
    """The Telegram HTML messages that say `text`, in order."""
    return [to_html(piece) for piece in split_markup(text, limit)]


def keyboard(buttons: Sequence[Button]) -> InlineKeyboardMarkup | None:
    """An inline keyboard: short labels share rows, long labels get a row each."""
    if not buttons:
        return None
    rows: list[list[InlineKeyboardButton]] = []
    row: list[InlineKeyboardButton] = []
    width = 0
    for button in buttons:
        size = len(button.label)
        long = size > SHORT_LABEL
        if row and (long or len(row) == ROW_BUTTONS or width + size > ROW_CHARS):
            rows.append(row)
            row, width = [], 0
        row.append(InlineKeyboardButton(button.label, callback_data=button.data))
        width += size
        if long:
            rows.append(row)
            row, width = [], 0
    if row:
        rows.append(row)
    return InlineKeyboardMarkup(rows)
