""" "Was this helpful?": one vote per person per answer, a later tap changes it, and
`/faq gaps` counts people's choices rather than taps."""

from __future__ import annotations

from datetime import timedelta

from bot.events import Outgoing
from bot.features.faq.render import HELPFUL, UNHELPFUL
from bot.features.faq.votes import VOTE_DAYS
from bot.roles import Role
from storage.faq_tables import FaqVote
from tests.engine.faq_support import PP_QUESTION, counts, faq_texts
from tests.engine.helpers import outgoing, rows
from tests.support.harness import Harness, only_text

PP = "pupil-premium-plus"


def vote_data(answer: Outgoing, label: str) -> str:
    [button] = [b for b in answer.buttons if b.label == label]
    return button.data


def unhelpful_line(gaps: str) -> str:
    [line] = [line for line in gaps.splitlines() if line.startswith("- Pupil Premium Plus")]
    return line


async def test_pressing_yes_again_and_again_counts_once(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    await h.say(PP_QUESTION, as_=cara)
    for _ in range(3):
        assert only_text(await h.press("Yes", as_=cara)) == faq_texts(h).thanks_helpful
    assert await counts(h) == {f"faq.answered:{PP}": 1, f"faq.helpful:{PP}": 1}
    assert len(await rows(h, FaqVote)) == 1


async def test_a_later_tap_changes_the_vote_and_gaps_follow(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    sue = await h.person("Sue", Role.STAFF)
    await h.say(PP_QUESTION, as_=cara)
    await h.press("Yes", as_=cara)
    await h.press("No", as_=cara)
    await h.press("No", as_=cara)  # the same change twice is still one vote
    assert await counts(h) == {
        f"faq.answered:{PP}": 1,
        f"faq.helpful:{PP}": 0,
        f"faq.unhelpful:{PP}": 1,
    }
    gaps = only_text(await h.say("/faq gaps", as_=sue))
    assert (
        unhelpful_line(gaps)
        == "- Pupil Premium Plus (PP+): not helpful 1, helpful 0, shown 1 times"
    )
    await h.press("Yes", as_=cara)  # changed back: nobody finds it unhelpful now
    gaps = only_text(await h.say("/faq gaps", as_=sue))
    assert "Pupil Premium Plus" not in gaps
    assert "None. Nobody has marked an answer unhelpful." in gaps


async def test_a_vote_changed_days_later_moves_on_the_day_it_was_counted(
    harness: Harness,
) -> None:
    h = harness
    cara = await h.person("Cara")
    [answer] = outgoing(await h.say(PP_QUESTION, as_=cara))
    await h.press("No", as_=cara)
    h.clock.advance(timedelta(days=3))
    await h.press_data(vote_data(answer, "Yes"), as_=cara)  # a stale button, pressed late
    await h.press_data(vote_data(answer, "Yes"), as_=cara)
    [vote] = await rows(h, FaqVote)
    assert vote.helpful is True and vote.day == "2026-01-05"
    assert await counts(h) == {
        f"faq.answered:{PP}": 1,
        f"faq.helpful:{PP}": 1,
        f"faq.unhelpful:{PP}": 0,
    }


async def test_each_person_and_each_answer_has_its_own_vote(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    dan = await h.person("Dan")
    sue = await h.person("Sue", Role.STAFF)
    group = await h.group("Tuesday")
    [first] = outgoing(await h.say(f"/ask {PP_QUESTION}", as_=cara, in_=group))
    await h.press("No", as_=cara, in_=group)
    await h.press("No", as_=dan, in_=group)
    await h.press("No", as_=dan, in_=group)
    await h.say(f"/ask {PP_QUESTION}", as_=cara, in_=group)  # a second answer, later on
    await h.press("No", as_=cara, in_=group)
    await h.press_data(vote_data(first, "No"), as_=cara, in_=group)  # the first one again
    assert (await counts(h))[f"faq.unhelpful:{PP}"] == 3
    gaps = only_text(await h.say("/faq gaps", as_=sue))
    assert (
        unhelpful_line(gaps)
        == "- Pupil Premium Plus (PP+): not helpful 3, helpful 0, shown 2 times"
    )


async def test_old_buttons_without_a_token_count_once_per_person(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    for data in (f"{UNHELPFUL}:{PP}", f"{UNHELPFUL}:{PP}", f"{HELPFUL}:{PP}"):
        await h.press_data(data, as_=cara)
    assert await counts(h) == {f"faq.helpful:{PP}": 1, f"faq.unhelpful:{PP}": 0}


async def test_a_press_for_a_topic_that_is_gone_counts_nothing(harness: Harness) -> None:
    h = harness
    cara = await h.person("Cara")
    reply = await h.press_data(f"{HELPFUL}:no-such-topic:abcdefgh", as_=cara)
    assert only_text(reply) == faq_texts(h).topic_gone
    assert await counts(h) == {}
    assert await rows(h, FaqVote) == []


async def test_someone_not_yet_joined_is_thanked_but_not_counted(harness: Harness) -> None:
    h = harness
    visitor = h.guest("Vic")
    await h.say(PP_QUESTION, as_=visitor)
    assert only_text(await h.press("Yes", as_=visitor)) == faq_texts(h).thanks_helpful
    assert await counts(h) == {}
    assert await rows(h, FaqVote) == []


async def test_votes_are_forgotten_after_their_keeping_time(harness: Harness) -> None:
    h = harness
    timers = h.app.services.timers
    assert timers is not None
    cara = await h.person("Cara")
    await h.app.started()
    await h.say(PP_QUESTION, as_=cara)
    await h.press("Yes", as_=cara)
    h.clock.advance(timedelta(days=VOTE_DAYS - 1))
    await timers.run_due()
    assert len(await rows(h, FaqVote)) == 1
    h.clock.advance(timedelta(days=2))
    await timers.run_due()
    assert await rows(h, FaqVote) == []
    assert (await counts(h))[f"faq.helpful:{PP}"] == 1  # the anonymous count stays
