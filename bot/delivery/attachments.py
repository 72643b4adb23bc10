"""Small files carebot sends: the size rule, and what happens where a file cannot go.

Files are held whole in memory and kept in the outbox until it is purged, so they must
stay small: `MAX_ATTACHMENT_BYTES` (5 MB) is the most carebot will queue. A message
whose file cannot go with it (the platform takes no files from bots, or the file is
over the limit) is still sent: its text, then one kind line naming the file. That
choice is made in the core, the same way for every platform, never in an adapter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from bot.capabilities import Capabilities
from bot.core_texts import CoreTexts
from bot.delivery.ports import Sender, SentMessage, private_chat_link
from bot.events import Attachment, ChatRef, Outgoing

log = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
MAX_NAME_CHARS = 200
MAX_MIME_CHARS = 100


def attachment_problem(attachment: Attachment) -> str | None:
    """Why this file cannot be queued, or None when it is fine."""
    if not attachment.filename.strip():
        return "an attachment needs a file name"
    if len(attachment.filename) > MAX_NAME_CHARS:
        return f"an attachment's file name is at most {MAX_NAME_CHARS} characters"
    if not 0 < len(attachment.mime_type) <= MAX_MIME_CHARS or "/" not in attachment.mime_type:
        return "an attachment needs a mime type such as text/calendar"
    if len(attachment.data) > MAX_ATTACHMENT_BYTES:
        return f"an attachment is at most {MAX_ATTACHMENT_BYTES} bytes"
    return None


def check_attachment(attachment: Attachment) -> None:
    """Raise ValueError for a file carebot will not queue (too big, unnamed)."""
    problem = attachment_problem(attachment)
    if problem is not None:
        raise ValueError(problem)


def without_file(outgoing: Outgoing, note: str) -> Outgoing:
    """The message with its file taken off and `note` (already filled in) added below."""
    text = f"{outgoing.text}\n\n{note}" if outgoing.text.strip() else note
    return replace(outgoing, text=text, attachment=None)


def deliverable(outgoing: Outgoing, caps: Capabilities, texts: CoreTexts) -> Outgoing:
    """`outgoing` as this platform can take it: with its file, or the text and a kind line."""
    attachment = outgoing.attachment
    if attachment is None:
        return outgoing
    if not caps.can_send_files:
        return without_file(outgoing, texts.file_not_supported.format(filename=attachment.filename))
    problem = attachment_problem(attachment)
    if problem is not None:
        log.error("a file could not be sent: %s", problem)
        return without_file(outgoing, texts.file_too_large.format(filename=attachment.filename))
    return outgoing


class FilesWhereSupported:
    """Wraps an adapter's Sender so a file never reaches a platform that cannot take it.

    Replies are already fitted by the engine; this covers what jobs queue directly.
    """

    def __init__(
        self, sender: Sender, capabilities: Callable[[ChatRef], Capabilities], texts: CoreTexts
    ) -> None:
        self._sender = sender
        self._capabilities = capabilities
        self._texts = texts

    async def send(self, outgoing: Outgoing) -> SentMessage:
        if outgoing.attachment is not None:
            outgoing = deliverable(outgoing, self._capabilities(outgoing.chat), self._texts)
        return await self._sender.send(outgoing)

    async def delete(self, chat: ChatRef, message_id: str) -> None:
        await self._sender.delete(chat, message_id)

    def private_chat_link(self, payload: str) -> str | None:
        return private_chat_link(self._sender, payload)
