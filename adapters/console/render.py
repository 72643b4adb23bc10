"""How the console shows what carebot did: for people, or one JSON object per line."""

from __future__ import annotations

import json
from pathlib import Path

from adapters.console.files import file_line
from bot.events import Action, ChatKind, DeleteMessage, Outgoing


def describe(action: Action, to: str, saved_to: Path | None = None) -> dict[str, object]:
    """One action as a JSON-ready dict; `saved_to` is where the console put its file."""
    if isinstance(action, DeleteMessage):
        return {"to": to, "action": "delete", "message_id": action.message_id}
    described: dict[str, object] = {
        "to": to,
        "action": "send",
        "text": action.text,
        "buttons": [button.label for button in action.buttons],
    }
    attachment = action.attachment
    if attachment is not None:
        described["file"] = {
            "name": attachment.filename,
            "mime_type": attachment.mime_type,
            "bytes": len(attachment.data),
            "saved_to": str(saved_to) if saved_to else None,
        }
    return described


def as_jsonl(action: Action, to: str, saved_to: Path | None = None) -> str:
    return json.dumps(describe(action, to, saved_to), ensure_ascii=False)


def as_human(action: Action, to: str, saved_to: Path | None = None) -> str:
    if isinstance(action, DeleteMessage):
        return f"[{to}] (carebot removed message {action.message_id})"
    lines = [f"[{to}] carebot:"]
    lines += [f"  {line}" if line else "" for line in action.text.splitlines()]
    if action.attachment is not None:
        lines.append("  " + file_line(action.attachment, saved_to))
    if action.buttons:
        choices = (f"[{i}: {b.label}]" for i, b in enumerate(action.buttons, 1))
        lines.append("  " + "  ".join(choices))
    return "\n".join(lines)


def address(action: Action, names: dict[str, str]) -> str:
    """`group:NAME` or `dm:NAME` for an action, using the console's own names."""
    chat = action.chat
    kind = "dm" if chat.kind is ChatKind.DM else "group"
    return f"{kind}:{names.get(chat.id, chat.id)}"


def is_outgoing(action: Action) -> bool:
    return isinstance(action, Outgoing)
