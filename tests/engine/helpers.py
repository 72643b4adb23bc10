"""Small storage helpers shared by the conversation tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select

from bot.events import Action, Outgoing
from bot.people.invites import create_invite
from bot.roles import Role
from tests.support.harness import Harness


async def count(h: Harness, model: type[Any], *where: Any) -> int:
    async with h.db.transaction() as db:
        query = select(func.count()).select_from(model)
        if where:
            query = query.where(*where)
        return int(await db.scalar(query) or 0)


async def rows(h: Harness, model: type[Any], *where: Any) -> list[Any]:
    async with h.db.transaction() as db:
        query = select(model).where(*where) if where else select(model)
        return list((await db.execute(query)).scalars().all())


async def make_invite(h: Harness, role: Role = Role.CARER, org: str | None = None) -> str:
    organisation = await h.org(org)
    async with h.db.transaction() as db:
        return await create_invite(
            db, org_id=organisation.id, role=role, created_by=None, now=h.clock.now(), valid_days=14
        )


def outgoing(actions: Sequence[Action]) -> list[Outgoing]:
    """The messages among some actions (and a check that nothing else was done)."""
    found = [a for a in actions if isinstance(a, Outgoing)]
    assert len(found) == len(actions), actions
    return found
