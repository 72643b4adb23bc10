"""The buddy programme's one Router, shared by its modules, and the names of its jobs.

Each handler module registers on `router`; `bot.features.buddies.feature` imports them
all, so the composition root only needs that one module.
"""

from __future__ import annotations

from bot.features.buddies.texts import (
    BuddyTexts,
    CarerTexts,
    FollowupTexts,
    QuestionTexts,
    StaffTexts,
)
from bot.roles import RoleWords
from bot.router import Router

router = Router("buddies")
router.texts(BuddyTexts, QuestionTexts, CarerTexts, StaffTexts, FollowupTexts, RoleWords)

DAILY_MATCH = "buddies.match"
REMATCH = "buddies.rematch"
OFFER_LAPSES = "buddies.offer_lapses"
CHECKIN = "buddies.checkin"
ENDING = "buddies.ending"
PARTNER_LEFT = "buddies.partner_left"
