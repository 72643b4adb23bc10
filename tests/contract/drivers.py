"""Contract-suite drivers: one per platform, each driving the real adapter and SDK.

A driver knows how to turn a neutral happening (someone says something, presses a
button, joins) into its platform's recorded payload and inject it into the fake
platform server, and how to read back, in neutral form, what carebot sent. The
contract tests in test_contract.py speak only to this interface, so every later
adapter (Discord, Slack, Matrix, WhatsApp) passes the same tests by adding a driver.
"""

from __future__ import annotations

import copy
import html
import itertools
import re
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

import aiohttp

from adapters.telegram.adapter import TelegramAdapter, TelegramConfig
from adapters.telegram.webhook import SECRET_HEADER
from bot.delivery.ports import RateLimits
from bot.events import ChatKind, ChatRef, UserRef
from bot.platform import PlatformAdapter
from tests.contract.fake_telegram import TOKEN, FakeBotApi
from tests.contract.payloads import load

# The contract checks behaviour, not pacing: rate limits have their own clock-driven tests.
UNHURRIED = RateLimits(global_per_second=1000, per_chat_per_second=1000, per_group_per_minute=1000)


@dataclass(frozen=True)
class Sent:
    """One message carebot sent, as the platform received it, in neutral terms."""

    chat_id: str
    thread_id: str | None
    text: str  # as a reader sees it: formatting removed, entities decoded
    bold: tuple[str, ...]
    links: tuple[tuple[str, str], ...]  # (link text, address)
    buttons: tuple[tuple[str, str], ...]  # (label, data)
    raw: dict[str, Any] = field(repr=False, compare=False)


class Driver(Protocol):
    platform: str

    async def open(self) -> None: ...
    async def close(self) -> None: ...
    def adapter(self) -> PlatformAdapter: ...
    def user(self, name: str) -> UserRef: ...
    def group(self, name: str, *, topic: str | None = None) -> ChatRef: ...
    def dm(self, user: UserRef) -> ChatRef: ...
    async def say(self, user: UserRef, chat: ChatRef, text: str, *, photo: bool = False) -> str:
        """Inject a message; returns its id."""
        ...

    async def edit(self, user: UserRef, chat: ChatRef, message_id: str, text: str) -> None: ...
    async def press(self, user: UserRef, sent: Sent, label: str) -> None: ...
    async def join(self, user: UserRef, chat: ChatRef) -> None: ...
    async def leave(self, user: UserRef, chat: ChatRef) -> None: ...
    def refuse_private_messages(self, user: UserRef) -> None:
        """The platform will refuse the next private message to `user` (never started)."""
        ...

    def remove_bot_from(self, chat: ChatRef) -> None:
        """carebot has been removed from `chat`: the next send there is refused for good."""
        ...

    async def sent(self, count: int) -> list[Sent]:
        """The first `count` messages carebot sent (waits, bounded, for them)."""
        ...

    async def presses_acknowledged(self, count: int) -> int:
        """How many button presses carebot acknowledged (waits, bounded, for `count`)."""
        ...

    def private_chat_link(self, payload: str) -> str: ...


class TelegramDriver:
    """Telegram via python-telegram-bot, against FakeBotApi; polling or webhook."""

    platform = "telegram"

    def __init__(self, *, webhook: bool = False) -> None:
        self.api = FakeBotApi()
        self.webhook = webhook
        self.secret = "contract-secret-0123456789"
        self._adapter: TelegramAdapter | None = None
        self._http: aiohttp.ClientSession | None = None
        self._users: dict[str, int] = {}
        self._groups: dict[str, int] = {}
        self._ids = itertools.count(9001)
        self._user_ids = itertools.count(5200000001)
        self._group_ids = itertools.count(1001700000001)

    async def open(self) -> None:
        await self.api.start()

    async def close(self) -> None:
        if self._http is not None:
            await self._http.close()
        await self.api.close()

    def adapter(self) -> TelegramAdapter:
        config = TelegramConfig(
            token=TOKEN,
            api_base_url=self.api.url,
            webhook_url="https://carebot.example.org/telegram/hook" if self.webhook else None,
            webhook_port=0,
            webhook_secret=self.secret if self.webhook else None,
            poll_timeout=1,
        )
        self._adapter = TelegramAdapter(config, limits=UNHURRIED)
        return self._adapter

    # -- people and places -------------------------------------------------------------

    def user(self, name: str) -> UserRef:
        user_id = self._users.setdefault(name, next(self._user_ids))
        return UserRef("telegram", str(user_id), name)

    def group(self, name: str, *, topic: str | None = None) -> ChatRef:
        chat_id = -self._groups.setdefault(name, next(self._group_ids))
        return ChatRef("telegram", str(chat_id), ChatKind.GROUP, topic, name)

    def dm(self, user: UserRef) -> ChatRef:
        return ChatRef("telegram", user.id, ChatKind.DM)

    def _tg_user(self, user: UserRef) -> dict[str, Any]:
        first, _, last = user.display_name.partition(" ")
        found: dict[str, Any] = {"id": int(user.id), "is_bot": False, "first_name": first}
        if last:
            found["last_name"] = last
        return found

    def _tg_chat(self, chat: ChatRef, user: UserRef) -> dict[str, Any]:
        if chat.kind is ChatKind.DM:
            return {**self._tg_user(user), "type": "private"}
        found: dict[str, Any] = {"id": int(chat.id), "title": chat.title, "type": "supergroup"}
        if chat.thread_id:
            found["is_forum"] = True
        return found

    def _message(self, template: str, user: UserRef, chat: ChatRef) -> dict[str, Any]:
        update = load("telegram", template)
        update.pop("update_id", None)
        message = next(iter(v for k, v in update.items() if k != "update_id"))
        message["message_id"] = next(self._ids)
        message["from"] = self._tg_user(user)
        message["chat"] = self._tg_chat(chat, user)
        message["date"] = int(time.time())
        if chat.thread_id:
            message["message_thread_id"] = int(chat.thread_id)
            message["is_topic_message"] = True
        return update

    # -- inbound -----------------------------------------------------------------------

    async def _inject(self, update: dict[str, Any]) -> None:
        if not self.webhook:
            await self.api.push(update)
            return
        assert self._adapter is not None and self._adapter.webhook is not None
        update.setdefault("update_id", next(self._ids))
        url = f"http://127.0.0.1:{self._adapter.webhook.port}/telegram/hook"
        if self._http is None:
            self._http = aiohttp.ClientSession()
        headers = {SECRET_HEADER: self.secret}
        async with self._http.post(url, json=update, headers=headers) as answer:
            assert answer.status == 200

    async def say(self, user: UserRef, chat: ChatRef, text: str, *, photo: bool = False) -> str:
        update = self._message("photo_with_caption" if photo else "group_message", user, chat)
        message = update["message"]
        message.pop("entities", None)
        if photo:
            message["caption"] = text
        else:
            message["text"] = text
            message["entities"] = _entities(text)
        await self._inject(update)
        return str(message["message_id"])

    async def edit(self, user: UserRef, chat: ChatRef, message_id: str, text: str) -> None:
        update = self._message("edited_message", user, chat)
        message = update["edited_message"]
        message["message_id"] = int(message_id)
        message["text"] = text
        message["edit_date"] = message["date"] + 1
        await self._inject(update)

    async def press(self, user: UserRef, sent: Sent, label: str) -> None:
        data = dict(sent.buttons)[label]
        update = load("telegram", "callback_query")
        update.pop("update_id")
        query = update["callback_query"]
        query["id"] = str(next(self._ids))
        query["from"] = self._tg_user(user)
        query["data"] = data
        shown = copy.deepcopy(sent.raw["result"])
        query["message"].update(message_id=shown["message_id"], chat=shown["chat"])
        await self._inject(update)

    async def join(self, user: UserRef, chat: ChatRef) -> None:
        update = self._message("new_chat_members", user, chat)
        member = self._tg_user(user)
        message = update["message"]
        message.update(new_chat_participant=member, new_chat_member=member)
        message["new_chat_members"] = [member]
        await self._inject(update)

    async def leave(self, user: UserRef, chat: ChatRef) -> None:
        update = self._message("left_chat_member", user, chat)
        member = self._tg_user(user)
        update["message"].update(left_chat_participant=member, left_chat_member=member)
        await self._inject(update)

    # -- platform behaviour ------------------------------------------------------------

    def refuse_private_messages(self, user: UserRef) -> None:
        self.api.fail(
            "sendMessage",
            403,
            "Forbidden: bot can't initiate conversation with a user",
            chat_id=user.id,
        )

    def remove_bot_from(self, chat: ChatRef) -> None:
        self.api.fail(
            "sendMessage",
            403,
            "Forbidden: bot was kicked from the supergroup chat",
            chat_id=chat.id,
        )
        self.api.members[chat.id] = {"status": "kicked", "user": self.api.me, "until_date": 0}

    def private_chat_link(self, payload: str) -> str:
        return f"https://t.me/{self.api.me['username']}?start={payload}"

    # -- outbound ----------------------------------------------------------------------

    async def sent(self, count: int) -> list[Sent]:
        calls = await self.api.wait_for("sendMessage", count)
        return [_neutral(call.params, call.result) for call in calls]

    async def presses_acknowledged(self, count: int) -> int:
        return len(await self.api.wait_for("answerCallbackQuery", count))


def _entities(text: str) -> list[dict[str, Any]]:
    """The entities Telegram adds: a leading bot command, and @mentions."""
    found: list[dict[str, Any]] = []
    command = re.match(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
    if command:
        found.append({"offset": 0, "length": command.end(), "type": "bot_command"})
    for mention in re.finditer(r"(?<!\w)@[A-Za-z0-9_]{5,32}", text):
        if not (command and mention.start() < command.end()):
            found.append(
                {"offset": mention.start(), "length": len(mention.group()), "type": "mention"}
            )
    return found


def _neutral(params: dict[str, Any], result: dict[str, Any]) -> Sent:
    text = str(params.get("text", ""))
    assert params.get("parse_mode") == "HTML"
    rows = (params.get("reply_markup") or {}).get("inline_keyboard", [])
    thread = params.get("message_thread_id")
    return Sent(
        chat_id=str(params["chat_id"]),
        thread_id=str(thread) if thread else None,
        text=html.unescape(re.sub(r"<[^>]+>", "", text)),
        bold=tuple(html.unescape(b) for b in re.findall(r"<b>(.*?)</b>", text)),
        links=tuple(
            (html.unescape(label), html.unescape(url))
            for url, label in re.findall(r'<a href="([^"]*)">(.*?)</a>', text)
        ),
        buttons=tuple((b["text"], b["callback_data"]) for row in rows for b in row),
        raw={"params": params, "result": result},
    )


DRIVERS = {
    "telegram-polling": lambda: TelegramDriver(),
    "telegram-webhook": lambda: TelegramDriver(webhook=True),
}
