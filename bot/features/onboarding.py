"""Joining: a person redeems an invite privately and agrees to the privacy notice.

Until they agree, only their platform id and the invite they opened are held
(in `pending_joins`); their name and everything else is stored after "I agree".
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.commands import ParsedCommand
from bot.context import Context
from bot.delivery.resend import resend_refused
from bot.events import Button
from bot.people.codes import looks_like_code
from bot.people.invites import InviteProblem, check_invite, mark_redeemed, usable_invite
from bot.people.members import ensure_person, membership, record_consent, set_role
from bot.roles import Role, RoleWords
from bot.router import Router, Where, button_data
from bot.undelivered import PRIVATE_CHAT_PAYLOAD
from config.texts import TextSection
from storage.models import Invite, Organisation, PendingJoin


class OnboardingTexts(TextSection):
    section = "onboarding"
    welcome: str
    welcome_back: str
    chat_opened: str
    chat_opened_nothing_waiting: str
    join_usage: str
    invited: str
    invite_problem: dict[str, str]
    privacy_notice: str
    agree_button: str
    decline_button: str
    joined: str
    already_member: str
    role_raised: str
    declined: str
    nothing_pending: str


router = Router("onboarding")
router.texts(OnboardingTexts, RoleWords)


@router.command("start", role=Role.GUEST, where=Where.DM)
async def start(ctx: Context, command: ParsedCommand) -> None:
    texts = ctx.texts(OnboardingTexts)
    if command.args and command.args[0] == PRIVATE_CHAT_PAYLOAD:
        resent = await resend_refused(ctx.db, ctx.chat, ctx.now())
        if resent and ctx.services.outbox is not None:
            ctx.services.outbox.wake_after_commit(ctx.db)
        ctx.reply(texts.chat_opened if resent else texts.chat_opened_nothing_waiting)
    elif command.args:
        await _offer_join(ctx, command.args[0])
    elif ctx.role is Role.GUEST:
        ctx.reply(texts.welcome)
    else:
        ctx.reply(texts.welcome_back)


@router.command("join", role=Role.GUEST, where=Where.DM)
async def join(ctx: Context, command: ParsedCommand) -> None:
    if not command.args:
        ctx.reply(ctx.texts(OnboardingTexts).join_usage)
        return
    await _offer_join(ctx, command.arg_text)


@router.command("privacy", role=Role.GUEST)
async def privacy(ctx: Context, _command: ParsedCommand) -> None:
    ctx.reply(ctx.texts(OnboardingTexts).privacy_notice)


async def _offer_join(ctx: Context, code: str) -> None:
    texts = ctx.texts(OnboardingTexts)
    if not looks_like_code(code):
        ctx.reply(texts.invite_problem[InviteProblem.UNKNOWN])
        return
    found = await usable_invite(ctx.db, code, ctx.now())
    if isinstance(found, InviteProblem):
        ctx.reply(texts.invite_problem[found])
        return
    org = await ctx.db.get(Organisation, found.org_id)
    assert org is not None
    if ctx.person is not None and await _already_member(ctx, found, org, texts):
        return
    await _hold_pending(ctx.db, ctx, found.id)
    invited = texts.invited.format(org=org.name, role=ctx.texts(RoleWords).a(found.role))
    ctx.reply(
        f"{invited}\n\n{texts.privacy_notice}",
        [
            Button(texts.agree_button, button_data("consent", "yes")),
            Button(texts.decline_button, button_data("consent", "no")),
        ],
    )


async def _already_member(
    ctx: Context, invite: Invite, org: Organisation, texts: OnboardingTexts
) -> bool:
    """Someone already in the organisation: raise their role if the invite gives more."""
    assert ctx.person is not None
    current = await membership(ctx.db, ctx.person.id, org.id)
    if current is None:
        return False
    invited_role = Role[invite.role.upper()]
    raises = invited_role > Role[current.role.upper()]
    if raises and await mark_redeemed(ctx.db, invite.id, ctx.person.id, ctx.now()):
        await set_role(
            ctx.db,
            person_id=ctx.person.id,
            org_id=org.id,
            role=invited_role,
            changed_by=invite.created_by,
            reason="invite",
            now=ctx.now(),
        )
        role_words = ctx.texts(RoleWords).a(invited_role)
        ctx.reply(texts.role_raised.format(org=org.name, role=role_words))
        return True
    ctx.reply(texts.already_member.format(org=org.name))
    return True


async def _hold_pending(db: AsyncSession, ctx: Context, invite_id: int) -> None:
    await db.execute(
        delete(PendingJoin).where(
            PendingJoin.platform == ctx.sender.platform, PendingJoin.external_id == ctx.sender.id
        )
    )
    db.add(
        PendingJoin(
            platform=ctx.sender.platform,
            external_id=ctx.sender.id,
            invite_id=invite_id,
            created_at=ctx.now(),
        )
    )


@router.button("consent")
async def consent(ctx: Context, answer: str) -> None:
    texts = ctx.texts(OnboardingTexts)
    pending = (
        await ctx.db.execute(
            select(PendingJoin).where(
                PendingJoin.platform == ctx.sender.platform,
                PendingJoin.external_id == ctx.sender.id,
            )
        )
    ).scalar_one_or_none()
    if pending is None:
        ctx.reply(texts.nothing_pending)
        return
    invite = await ctx.db.get(Invite, pending.invite_id)
    await ctx.db.delete(pending)
    if answer != "yes":
        ctx.reply(texts.declined)
        return
    checked = check_invite(invite, ctx.now())
    if isinstance(checked, InviteProblem):
        ctx.reply(texts.invite_problem[checked])
        return
    await _complete_join(ctx, checked, texts)


async def _complete_join(ctx: Context, invite: Invite, texts: OnboardingTexts) -> None:
    now = ctx.now()
    person = await ensure_person(ctx.db, ctx.sender, now)
    if not await mark_redeemed(ctx.db, invite.id, person.id, now):
        ctx.reply(texts.invite_problem[InviteProblem.USED])
        return
    await record_consent(ctx.db, person.id, ctx.services.settings.privacy_notice_version, now)
    role = Role[invite.role.upper()]
    current = await membership(ctx.db, person.id, invite.org_id)
    if current is None or Role[current.role.upper()] < role:
        await set_role(
            ctx.db,
            person_id=person.id,
            org_id=invite.org_id,
            role=role,
            changed_by=invite.created_by,
            reason="invite",
            now=now,
        )
    org = await ctx.db.get(Organisation, invite.org_id)
    assert org is not None
    role_words = ctx.texts(RoleWords).a(role)
    ctx.reply(texts.joined.format(name=person.display_name, org=org.name, role=role_words))
