"""carebot's small markup as plain text, for the command line.

*bold* and _italics_ lose their marks, [title](url) becomes "title (url)" so the address
can still be copied, and "- " list lines stay as they are. The same rules as the chat
renderers: marks only count at word edges, so snake_case and 2*3*4 are left alone.
"""

from __future__ import annotations

import re

_INLINE = re.compile(
    r"\[(?P<label>[^\[\]\n]+)\]\((?P<url>[^\s()]+)\)"
    r"|(?<![\w*])\*(?P<bold>[^\s*](?:[^*\n]*?[^\s*])?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<italic>[^\s_](?:[^_\n]*?[^\s_])?)_(?![\w_])"
)


def _inline(match: re.Match[str]) -> str:
    if match.group("url") is not None:
        return f"{plain_text(match.group('label'))} ({match.group('url')})"
    inner = match.group("bold") if match.group("bold") is not None else match.group("italic")
    return plain_text(inner)


def plain_text(markup: str) -> str:
    """The text a person would read, without the marks."""
    return _INLINE.sub(_inline, markup)
