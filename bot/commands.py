"""Command parsing, done once in the core so every platform behaves the same.

Accepts `/cmd`, `/cmd@botname`, `!cmd` and a leading mention of the bot
(`@carebot cmd ...`). Arguments may be quoted with straight or curly quotes,
because phones like to "smarten" them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})
_QUOTES = "\"'"
# Zero-width spaces and joiners, word joiner, byte-order mark, soft hyphen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
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
    """Split arguments into words; "quoted words" (straight or curly) stay together.

    A quote only opens at the start of a word and closes at the end of one, so
    apostrophes inside names (O'Brien, D'Arcy O'Neil) and backslashes are kept
    as typed. An opening quote that never closes is simply dropped.
    """
    text = _clean(text).translate(_SMART_QUOTES)
    args: list[str] = []
    index, size = 0, len(text)
    while index < size:
        if text[index].isspace():
            index += 1
            continue
        quote = text[index]
        if quote in _QUOTES:
            close = _closing_quote(text, index + 1, quote)
            if close is not None:
                args.append(text[index + 1 : close])
                index = close + 1
                continue
            index += 1  # an unbalanced quote: drop it, read on as plain words
            continue
        end = index
        while end < size and not text[end].isspace():
            end += 1
        word = text[index:end].replace('"', "")
        if word:
            args.append(word)
        index = end
    return tuple(args)


def _closing_quote(text: str, start: int, quote: str) -> int | None:
    """Where a quoted argument ends: the quote followed by a space or the end."""
    position = text.find(quote, start)
    while position != -1:
        if position + 1 == len(text) or text[position + 1].isspace():
            return position
        position = text.find(quote, position + 1)
    return None


def _clean(text: str) -> str:
    """Drop invisible characters phones and web clients slip into messages."""
    return text.translate(_INVISIBLE)


def _strip_leading_mention(text: str, bot_names: tuple[str, ...]) -> str | None:
    lowered = text.lower()
    for name in bot_names:
        prefix = f"@{name.lower()}"
        if lowered.startswith(prefix):
            rest = text[len(prefix) :]
            if rest[:1] in ("", ",", ":") or rest[:1].isspace():
                return rest.lstrip(" ,:\t\n")
    return None


def parse_command(text: str, bot_names: tuple[str, ...] = ("carebot",)) -> ParsedCommand | None:
    """Return the command in `text`, or None when it is ordinary conversation.

    A command addressed to another bot (`/help@otherbot`) is not ours: None.
    A leading mention yields a command marked `via_mention`: the router treats
    it as a command only if that command exists, so "@carebot what is PP+?"
    stays a question.
    """
    stripped = _clean(text).strip()
    if not stripped:
        return None
    mentioned = _strip_leading_mention(stripped, bot_names)
    if mentioned is not None:
        word, rest = [*mentioned.split(maxsplit=1), "", ""][:2]
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
