"""A fake Telegram Bot API server on 127.0.0.1, for driving the real python-telegram-bot.

It speaks the Bot API's wire format: parameters as form fields (complex values
JSON-encoded) or a JSON body, answers `{"ok": true, "result": ...}`, and errors as
`{"ok": false, "error_code": ..., "description": ..., "parameters": {...}}`. It
records every call, serves queued updates to getUpdates (long polling included),
and fails calls on cue, so tests can play a 403, a 429 or a 502. Files (sendDocument)
arrive as multipart parts and are recorded as `Upload`s: name, content type and bytes.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456789:AAE-fake-token-for-tests_0123456789"
BOT_USER: dict[str, Any] = {
    "id": 123456789,
    "is_bot": True,
    "first_name": "carebot",
    "username": "carebot",
    "can_join_groups": True,
    "can_read_all_group_messages": True,
    "supports_inline_queries": False,
}
UPLOAD_LIMIT = 10 * 1024 * 1024  # above carebot's own 5 MB cap, so the cap is what's tested
_COMPLEX = {
    "reply_markup",
    "reply_parameters",
    "link_preview_options",
    "commands",
    "scope",
    "allowed_updates",
    "entities",
}


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    ok: bool = True
    result: Any = None
    at: float = field(default_factory=time.perf_counter)  # when it arrived (for the bench)


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart call, as the server received it."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class Failure:
    status: int
    description: str
    retry_after: int | None = None


@dataclass
class FakeBotApi:
    token: str = TOKEN
    me: dict[str, Any] = field(default_factory=lambda: dict(BOT_USER))
    calls: list[ApiCall] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures: dict[tuple[str, str | None], list[Failure]] = field(default_factory=dict)
    url: str = ""

    def __post_init__(self) -> None:
        self._update_ids = itertools.count(700_000_001)
        self._message_ids = itertools.count(5001)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._closing = False

    # -- lifecycle ---------------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application(client_max_size=UPLOAD_LIMIT)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def close(self) -> None:
        self._closing = True  # end any long poll now, rather than at its timeout
        async with self._changed:
            self._changed.notify_all()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- what tests arrange ------------------------------------------------------------

    async def push(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates, numbered in order as Telegram would number it."""
        update["update_id"] = next(self._update_ids)
        self.updates.append(update)
        async with self._changed:
            self._changed.notify_all()
        return int(update["update_id"])

    def fail(
        self,
        method: str,
        status: int,
        description: str,
        *,
        chat_id: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """The next `times` calls of `method` (to `chat_id`, if given) fail like Telegram's."""
        queue = self.failures.setdefault((method, chat_id), [])
        queue.extend(Failure(status, description, retry_after) for _ in range(times))

    # -- what tests read ---------------------------------------------------------------

    def called(self, method: str, *, ok: bool | None = True) -> list[ApiCall]:
        return [c for c in self.calls if c.method == method and (ok is None or c.ok == ok)]

    async def wait_for(
        self, method: str, count: int, *, ok: bool | None = True, within: float = 5.0
    ) -> list[ApiCall]:
        """At least `count` calls of `method`, waiting (bounded) for them to arrive."""

        await self.wait_until(
            lambda: len(self.called(method, ok=ok)) >= count,
            f"{count} {method} calls",
            within=within,
        )
        return self.called(method, ok=ok)

    async def wait_until(self, check: Callable[[], bool], what: str, within: float = 5.0) -> None:
        """Wait (bounded) until `check()` holds; it is tried again after every call."""
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(check), within)
            except TimeoutError:
                seen = [c.method for c in self.calls]
                raise AssertionError(f"expected {what}; saw {seen}") from None

    # -- the API -----------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(Failure(401, "Unauthorized"))
        method = request.match_info["method"]
        params = await _params(request)
        failure = self._take_failure(method, params)
        call = ApiCall(method, params, ok=failure is None)
        self.calls.append(call)
        async with self._changed:
            self._changed.notify_all()
        if failure is not None:
            return _error(failure)
        if method == "getUpdates":
            return _ok(await self._get_updates(params))
        call.result = self._answer(method, params)
        if call.result is None:
            return _error(Failure(404, "Not Found: method not found"))
        return _ok(call.result)

    def _take_failure(self, method: str, params: dict[str, Any]) -> Failure | None:
        for key in ((method, str(params.get("chat_id"))), (method, None)):
            queue = self.failures.get(key)
            if queue:
                return queue.pop(0)
        return None

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)

        def pending() -> list[dict[str, Any]]:
            return [u for u in self.updates if u["update_id"] >= offset]

        if not pending() and timeout > 0:
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(pending()) or self._closing), timeout
                    )
        return pending()

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return self.me
        if method in ("sendMessage", "editMessageText"):
            return self._message(params)
        if method == "sendDocument":
            return self._document(params)
        if method == "getChatMember":
            default = {"status": "member", "user": self.me}
            return self.members.get(str(params.get("chat_id")), default)
        if method in (
            "deleteWebhook",
            "setWebhook",
            "setMyCommands",
            "answerCallbackQuery",
            "deleteMessage",
        ):
            return True
        return None

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        chat: dict[str, Any] = {"id": chat_id, "type": "private", "first_name": "Someone"}
        if chat_id < 0:
            chat = {"id": chat_id, "type": "supergroup", "title": "A group"}
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "from": self.me,
            "chat": chat,
            "date": int(time.time()),
            "text": params.get("text", ""),
        }
        if params.get("message_thread_id"):
            message["message_thread_id"] = int(params["message_thread_id"])
            message["is_topic_message"] = True
        return message

    def _document(self, params: dict[str, Any]) -> dict[str, Any] | None:
        upload = params.get("document")
        if not isinstance(upload, Upload):
            return None  # carebot always uploads: a file id or URL here would be a bug
        message = self._message(params)
        del message["text"]
        message["document"] = {
            "file_id": f"doc-{message['message_id']}",
            "file_unique_id": f"u-{message['message_id']}",
            "file_name": upload.filename,
            "mime_type": upload.content_type,
            "file_size": len(upload.data),
        }
        if params.get("caption"):
            message["caption"] = params["caption"]
        return message


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        body = await request.json()
        return dict(body) if isinstance(body, dict) else {}
    form = await request.post()
    params: dict[str, Any] = {}
    for key, value in form.items():
        if isinstance(value, web.FileField):
            params[key] = Upload(value.filename, value.content_type, value.file.read())
            continue
        text = value if isinstance(value, str) else str(value)
        params[key] = json.loads(text) if key in _COMPLEX else text
    for key, value in request.query.items():
        params.setdefault(key, value)
    return params


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(failure: Failure) -> web.Response:
    body: dict[str, Any] = {
        "ok": False,
        "error_code": failure.status,
        "description": failure.description,
    }
    if failure.retry_after is not None:
        body["parameters"] = {"retry_after": failure.retry_after}
    return web.json_response(body, status=failure.status)
