"""How the console shows what carebot did: for people, or one JSON object per line."""

from __future__ import annotations

import json

from bot.events import Action, ChatKind, DeleteMessage, Outgoing


def describe(action: Action, to: str) -> dict[str, object]:
    if isinstance(action, DeleteMessage):
        return {"to": to, "action": "delete", "message_id": action.message_id}
    return {
        "to": to,
        "action": "send",
        "text": action.text,
        "buttons": [button.label for button in action.buttons],
    }


def as_jsonl(action: Action, to: str) -> str:
    return json.dumps(describe(action, to), ensure_ascii=False)


def as_human(action: Action, to: str) -> str:
    if isinstance(action, DeleteMessage):
        return f"[{to}] (carebot removed message {action.message_id})"
    lines = [f"[{to}] carebot:"]
    lines += [f"  {line}" if line else "" for line in action.text.splitlines()]
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
