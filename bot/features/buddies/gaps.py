"""Why a carer is still waiting, in a form staff can act on.

Nobody should be left waiting silently. Each unmatched carer gets a ``GapReason``
(the kind of care least served where they live, their region, and what went wrong),
and ``summarise`` folds them into a short list such as "3 waiting: no mentor with
kinship experience in the North East", which tells staff whom to recruit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import Enum

from bot.features.buddies.profiles import CareKind, MenteeProfile, MentorProfile, place_key
from bot.features.buddies.reasons import label

ANY_KIND = "any"
"""The gap kind for a carer who did not say what kind of care they give."""


class GapCause(Enum):
    NO_MENTOR_WITH_KIND = "no_mentor_with_kind"
    """Nobody with room shares their kind of care in their region, and nobody elsewhere fits."""
    NO_SUITABLE_MENTOR = "no_suitable_mentor"
    """Mentors with that kind of care exist there, but none could be paired (language,
    'rather not', a past pair, or below the organisation's minimum score)."""
    MENTORS_FULL = "mentors_full"
    """Someone would have fitted, but their places went to others this round."""


@dataclass(frozen=True, slots=True)
class GapReason:
    kind: str
    region: str
    cause: GapCause
    count: int = 1


Coverage = Counter[tuple[str, CareKind]]
"""Mentors with room, counted by (region key, kind of care)."""


def mentor_coverage(mentors: Iterable[MentorProfile]) -> Coverage:
    """How many mentors with room know each kind of care, per region."""
    coverage: Coverage = Counter()
    for mentor in mentors:
        if mentor.room > 0:
            region = place_key(mentor.region)
            coverage.update((region, kind) for kind in mentor.care_kinds)
    return coverage


def diagnose(mentee: MenteeProfile, coverage: Coverage, *, had_candidates: bool) -> GapReason:
    """The gap one unmatched carer falls into.

    ``had_candidates`` says whether any mentor was allowed for them at all this round.
    The kind reported is their kind of care with the fewest mentors in their region.
    """
    region = place_key(mentee.region)
    kinds = sorted(mentee.care_kinds, key=list(CareKind).index)
    if kinds:
        scarcest = min(kinds, key=lambda kind: coverage[(region, kind)])
        kind, mentors_there = scarcest.value, coverage[(region, scarcest)]
    else:
        kind, mentors_there = ANY_KIND, 0
    if had_candidates:
        cause = GapCause.MENTORS_FULL
    elif mentors_there == 0:
        cause = GapCause.NO_MENTOR_WITH_KIND
    else:
        cause = GapCause.NO_SUITABLE_MENTOR
    return GapReason(kind=kind, region=mentee.region.strip(), cause=cause)


def summarise(gaps: Iterable[GapReason]) -> list[GapReason]:
    """Fold gaps by cause, kind and region; biggest first, then in a stable order."""
    counts: Counter[tuple[GapCause, str, str]] = Counter()
    shown: dict[tuple[GapCause, str, str], GapReason] = {}
    for gap in gaps:
        key = (gap.cause, gap.kind, place_key(gap.region))
        counts[key] += gap.count
        shown.setdefault(key, gap)
    causes = list(GapCause)
    order = sorted(counts, key=lambda k: (-counts[k], causes.index(k[0]), k[2], k[1]))
    return [replace(shown[key], count=counts[key]) for key in order]


def describe_gap(gap: GapReason, templates: Mapping[str, str]) -> str:
    """A gap in staff words from the ``gap.<cause>`` template ({count}, {kind}, {region})."""
    try:
        template = templates[f"gap.{gap.cause.value}"]
    except KeyError:
        raise KeyError(f"no gap template 'gap.{gap.cause.value}'") from None
    region = gap.region or templates.get("label.unknown_region", "an unknown area")
    return (
        template.replace("{count}", str(gap.count))
        .replace("{kind}", label(gap.kind, templates))
        .replace("{region}", region)
    )
