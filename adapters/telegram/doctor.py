"""`carebot doctor telegram`: is the bot set up so carebot can do its job?

Checks the token (getMe), whether carebot can read every group message (privacy
mode off, or admin), and in each registered group whether it is an admin that may
delete. Each finding says, in plain words, what to fix. No business logic: the
command line reads the registered groups from storage and passes them in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TextIO

from telegram import Bot, ChatMember
from telegram.error import BadRequest, Forbidden, InvalidToken, TelegramError

from adapters.telegram.adapter import TelegramConfig
from adapters.telegram.capabilities import may_delete


class Level(StrEnum):
    OK = "ok"
    CHECK = "check"
    FIX = "fix"


@dataclass(frozen=True, slots=True)
class Finding:
    level: Level
    text: str


@dataclass(frozen=True, slots=True)
class RegisteredGroup:
    title: str
    chat_id: str
    active: bool = True


PRIVACY_FIX = (
    "To fix it: open Telegram, message @BotFather, send /setprivacy, choose @{bot}, choose "
    "Disable. Then remove carebot from each group and add it back (Telegram only applies the "
    "change when the bot re-joins). Or make carebot an admin in each group."
)


async def diagnose(config: TelegramConfig, groups: Sequence[RegisteredGroup]) -> list[Finding]:
    base = config.api_base_url.rstrip("/")
    bot = Bot(config.token, base_url=f"{base}/bot", base_file_url=f"{base}/file/bot")
    try:
        await bot.initialize()
    except InvalidToken:
        return [
            Finding(
                Level.FIX,
                "Telegram did not accept TELEGRAM_BOT_TOKEN. Copy the token again from "
                "@BotFather (/mybots, your bot, API Token) and set it in the environment.",
            )
        ]
    except TelegramError:
        return [
            Finding(
                Level.FIX,
                f"Could not reach the Telegram Bot API at {base}. Check the internet "
                "connection, or TELEGRAM_API_BASE_URL if you run your own Bot API server.",
            )
        ]
    try:
        findings = await _checks(bot, groups)
    finally:
        await bot.shutdown()
    return findings


async def _checks(bot: Bot, groups: Sequence[RegisteredGroup]) -> list[Finding]:
    reads_all = bool(bot.can_read_all_group_messages)
    findings = [Finding(Level.OK, f"The token works: carebot is @{bot.username} on Telegram.")]
    if reads_all:
        findings.append(
            Finding(
                Level.OK,
                "Privacy mode is off: carebot can read every message in its groups, "
                "so confidentiality nudges can work.",
            )
        )
    else:
        findings.append(
            Finding(
                Level.FIX,
                "Privacy mode is on: where carebot is not an admin it only sees commands and "
                "replies to it, so it cannot notice names or schools shared by mistake. "
                + PRIVACY_FIX.format(bot=bot.username),
            )
        )
    if not groups:
        findings.append(Finding(Level.CHECK, "No Telegram groups are registered yet."))
    for group in groups:
        findings.append(await _group(bot, group, reads_all))
    return findings


async def _group(bot: Bot, group: RegisteredGroup, reads_all: bool) -> Finding:
    name = group.title or f"group {group.chat_id}"
    try:
        member = await bot.get_chat_member(group.chat_id, bot.id)
    except (Forbidden, BadRequest):
        return Finding(
            Level.FIX,
            f"{name}: carebot is not in this group any more. Add it back, then send "
            "/register in the group.",
        )
    except TelegramError:
        return Finding(Level.CHECK, f"{name}: could not ask Telegram about this group just now.")
    if member.status in (ChatMember.LEFT, ChatMember.BANNED):
        return Finding(
            Level.FIX,
            f"{name}: carebot is not in this group any more. Add it back, then send "
            "/register in the group.",
        )
    if may_delete(member):
        note = "" if group.active else " (marked inactive: send /register there to restart)"
        return Finding(Level.OK, f"{name}: carebot is an admin and may delete messages.{note}")
    if member.status == ChatMember.ADMINISTRATOR:
        return Finding(
            Level.CHECK,
            f"{name}: carebot is an admin but may not delete messages. In the group, open "
            "Administrators, choose carebot and turn on Delete messages.",
        )
    if reads_all:
        return Finding(
            Level.CHECK,
            f"{name}: carebot reads every message but is not an admin, so it can nudge but "
            "cannot hold or remove a message. To allow that, make carebot an admin with "
            "Delete messages.",
        )
    return Finding(
        Level.FIX,
        f"{name}: carebot is not an admin and privacy mode is on, so it only sees commands "
        "here. Make carebot an admin with Delete messages, or turn privacy mode off.",
    )


def report(findings: Sequence[Finding], out: TextIO) -> int:
    """Print the findings; 1 if anything needs fixing, else 0."""
    marks = {Level.OK: "[ok]   ", Level.CHECK: "[check]", Level.FIX: "[fix]  "}
    for finding in findings:
        print(f"{marks[finding.level]} {finding.text}", file=out)
    problems = sum(1 for f in findings if f.level is Level.FIX)
    if problems:
        print(f"\n{problems} thing(s) to fix. Run `carebot doctor telegram` again after.", file=out)
        return 1
    print("\nAll set for Telegram.", file=out)
    return 0
