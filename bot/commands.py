"""Command parsing, done once in the core so every platform behaves the same.

Accepts `/cmd`, `/cmd@botname`, `!cmd` and a leading mention of the bot
(`@carebot cmd ...`). Arguments may be quoted with straight or curly quotes,
because phones like to "smarten" them.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

_SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_COMMAND = re.compile(
    r"^[/!](?P<name>[A-Za-z][A-Za-z0-9_-]{0,31})(?:@(?P<bot>[A-Za-z0-9_]+))?(?=\s|$)"
)


@dataclass(frozen=True, slots=True)
class ParsedCommand:
    name: str
    args: tuple[str, ...]
    arg_text: str
    via_mention: bool = False

    def arg(self, index: int) -> str | None:
        return self.args[index] if index < len(self.args) else None


def split_args(text: str) -> tuple[str, ...]:
    """Split arguments shell-style; fall back to plain words if quotes don't balance."""
    text = text.translate(_SMART_QUOTES).strip()
    if not text:
        return ()
    try:
        return tuple(shlex.split(text))
    except ValueError:
        return tuple(text.replace('"', " ").split())


def _strip_leading_mention(text: str, bot_names: tuple[str, ...]) -> str | None:
    lowered = text.lower()
    for name in bot_names:
        prefix = f"@{name.lower()}"
        if lowered.startswith(prefix):
            rest = text[len(prefix) :]
            if rest[:1] in ("", " ", ",", ":"):
                return rest.lstrip(" ,:")
    return None


def parse_command(text: str, bot_names: tuple[str, ...] = ("carebot",)) -> ParsedCommand | None:
    """Return the command in `text`, or None when it is ordinary conversation.

    A command addressed to another bot (`/help@otherbot`) is not ours: None.
    A leading mention yields a command marked `via_mention`: the router treats
    it as a command only if that command exists, so "@carebot what is PP+?"
    stays a question.
    """
    stripped = text.strip()
    if not stripped:
        return None
    mentioned = _strip_leading_mention(stripped, bot_names)
    if mentioned is not None:
        word, _, rest = mentioned.partition(" ")
        word = word.lstrip("/!")
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{0,31}", word):
            return None
        return ParsedCommand(word.lower(), split_args(rest), rest.strip(), via_mention=True)
    match = _COMMAND.match(stripped)
    if match is None:
        return None
    addressed_to = match.group("bot")
    if addressed_to and addressed_to.lower() not in {n.lower() for n in bot_names}:
        return None
    rest = stripped[match.end() :].strip()
    return ParsedCommand(match.group("name").lower(), split_args(rest), rest)
