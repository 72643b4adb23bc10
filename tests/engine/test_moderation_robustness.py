"""Everyday carer talk raises no alarms, and strange input never crashes the conversation."""

from __future__ import annotations

from bot.core_texts import CoreTexts
from bot.events import Outgoing
from bot.roles import Role
from storage.models import DailyCount
from storage.moderation_tables import ModerationNote, SafeguardingAlert
from tests.engine.helpers import count
from tests.engine.moderation_support import in_groups, to
from tests.support.harness import Harness, deletes

EVERYDAY = [
    "I could kill for a coffee",
    "he's missing his mum",
    "Morning all, rough night here but we got there in the end",
    "Does anyone know when the next training session is?",
    "She was screaming blue murder at bedtime lol",
    "Our little one has been so unsettled after contact",
    "I am dying to hear how the panel went",
    "The kids are driving me mad today",
    "He hit the roof when I took his phone off him",
    "Missing you all at coffee morning!",
    "That review nearly killed me",
    "Anyone else exhausted? Just need a cuppa and a cry",
    "My lad ran off at the park for two minutes, gave me a heart attack",
    "She said she hates me, standard teenager",
    "Contact went badly, she cried all the way home",
    "Safeguarding training next Tuesday at 10, who's going?",
    "Fighting with the school about his EHCP again",
    "Long day, feel like I'm drowning in paperwork",
    "Can someone explain the delegated authority form?",
    "I want to die of embarrassment, I called the SW 'mum'",
    "The baby is teething and screaming all night",
    "Bedtime is a battle every single night",
    "Will you be at the May half term picnic?",
    "Grace period for the mileage claims ends Friday",
    "Sam from the fostering team says the court date is 12 March",
    "We got £25 for the school trip, what a relief",
    "Ring Fosterline on 0800 040 7675, they were brilliant",
    "Our 12-year-old is loving Leeds, off to the museum tomorrow",
    "Amira, thank you for last night, it really helped",
    "He's been missing his brother since the move",
]


async def test_everyday_carer_talk_raises_nothing(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    await h.person("Sam", Role.ADMIN)
    amira = await h.person("Amira")
    for line in EVERYDAY:
        said_in_group = await h.say(line, as_=amira, in_=group)
        assert to(amira, said_in_group) == [], line  # no nudge, no routes
        assert deletes(said_in_group) == [], line
        await h.say(line, as_=amira)  # privately: other features may answer, but no alarm
    assert await count(h, SafeguardingAlert) == 0  # any signal would have alerted Sam
    assert await count(h, ModerationNote) == 0
    assert await count(h, DailyCount, DailyCount.metric.startswith("nudge.")) == 0


ZERO_WIDTH = "Ky\u200ble\u200d McAl\u2060lister starts at St\u00ad Bedes on Monday"
STRANGE = [
    "",
    "   \n\t ",
    "😀😀😀",
    "🙏🏽❤️👨‍👩‍👧‍👦",
    "\u200b\u200c\u200d\ufeff",
    ZERO_WIDTH,
    "Привет всем! Kyle McAllister 你好 starts at St Bedes مرحبا on Monday",
    "\u202eKyle McAllister starts at St Bedes\u202c",
    "Kyle McAllister\x00 starts at St Bedes",
    "Kyle McAllister \ud83d starts at St Bedes",
    "Kyle McAllister starts at St Bedes. " * 300,
    "she told me her dad hits her " * 400,
    "a" * 10_000,
    "St " * 3_333,
    ("07700 900123 " * 800)[:10_000],
    "(" * 5_000 + ")" * 5_000,
]


async def test_strange_input_never_crashes(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    await h.person("Sam", Role.ADMIN)
    amira = await h.person("Amira")
    broken = h.app.services.texts.get(CoreTexts).something_wrong
    for number, text in enumerate(STRANGE):
        for actions in (
            await h.say(text, as_=amira, in_=group),
            await h.say(text, as_=amira, in_=group, photo=True),
            await h.say(text, as_=amira),
        ):
            said = [a.text for a in actions if isinstance(a, Outgoing)]
            assert broken not in said, f"strange input {number}"
            assert in_groups(actions) == [], f"strange input {number}"


async def test_hidden_characters_do_not_hide_a_name(harness: Harness) -> None:
    h = harness
    group = await h.group("Tuesday")
    amira = await h.person("Amira")
    [nudge] = to(amira, await h.say(ZERO_WIDTH, as_=amira, in_=group))
    assert "[child's name] starts at [school] on Monday" in nudge.text
