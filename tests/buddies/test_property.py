"""Random waiting lists (seeded): every rule holds and nobody is lost or left silently."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from bot.features.buddies.matching import match, score
from tests.buddies.support import random_people


@pytest.mark.parametrize("seed", range(40))
def test_every_rule_holds_on_random_lists(seed: int) -> None:
    rng = random.Random(seed)
    mentors, mentees = random_people(
        seed, rng.randint(0, 25), rng.randint(0, 60), overlap_ids=rng.randint(0, 10)
    )
    everyone = [m.person_id for m in mentors] + [t.person_id for t in mentees] or [0]
    past = {(rng.choice(everyone), rng.choice(everyone)) for _ in range(rng.randint(0, 30))}
    rather_not = {(rng.choice(everyone), rng.choice(everyone)) for _ in range(rng.randint(0, 30))}
    min_score = rng.choice([0, 0, 220, 260])

    result = match(mentors, mentees, past_pairs=past, rather_not=rather_not, min_score=min_score)

    by_id = {m.person_id: m for m in mentors}
    carers = {t.person_id: t for t in mentees}
    blocked = {frozenset(p) for p in past | rather_not}
    # Every carer appears exactly once, matched or told why not.
    answered = [p.mentee_id for p in result.proposals] + [u.mentee_id for u in result.unmatched]
    assert sorted(answered) == sorted(carers)
    # Room, pause, self, history, privacy, quality.
    load = Counter(p.mentor_id for p in result.proposals)
    for mentor_id, n in load.items():
        assert n <= by_id[mentor_id].room
    for p in result.proposals:
        assert p.mentor_id != p.mentee_id
        assert frozenset((p.mentor_id, p.mentee_id)) not in blocked
        expected = score(by_id[p.mentor_id], carers[p.mentee_id])
        assert expected is not None
        assert p.score == expected.total >= min_score
        assert p.reasons == expected.reasons
    # Maximal: no waiting carer could have taken a place that was left free.
    for u in result.unmatched:
        carer = carers[u.mentee_id]
        for m in mentors:
            if (
                load[m.person_id] < m.room
                and frozenset((m.person_id, carer.person_id)) not in blocked
            ):
                s = score(m, carer)
                assert s is None or s.total < min_score
    # Same input, same answer.
    assert (
        match(mentors, mentees, past_pairs=past, rather_not=rather_not, min_score=min_score)
        == result
    )
