"""The shipped topics: all 30 present, clean, and written to the house style."""

from __future__ import annotations

from datetime import date

import pytest

from bot.features.faq.knowledge import KnowledgeBase, check_knowledge_base, default_kb_dir

SLUGS = [
    "pupil-premium-plus",
    "pep-meeting",
    "virtual-school-head",
    "designated-teacher",
    "delegated-authority",
    "fostering-allowance",
    "tax-qualifying-care-relief",
    "staying-put",
    "special-guardianship-order",
    "kinship-care",
    "respite-short-breaks",
    "allegations-against-carers",
    "supervising-social-worker",
    "annual-review",
    "placement-stability-meeting",
    "family-time-contact",
    "life-story-work",
    "sen-ehcp",
    "school-admissions-priority",
    "childcare-30-hours",
    "mockingbird-model",
    "peer-mentoring",
    "training-and-development",
    "holidays-passports",
    "health-assessments",
    "care-leavers",
    "safeguarding-concern",
    "carer-wellbeing",
    "cla-review-iro",
    "benefits-child-benefit",
]


def test_all_thirty_topics_exist(kb: KnowledgeBase) -> None:
    assert len(SLUGS) == 30
    assert sorted(kb.slugs) == sorted(SLUGS)


def test_shipped_topics_pass_the_checker() -> None:
    problems = check_knowledge_base([default_kb_dir()], date(2026, 11, 24))
    assert [p.format() for p in problems] == []


@pytest.mark.parametrize("slug", SLUGS)
def test_topic_follows_house_style(kb: KnowledgeBase, slug: str) -> None:
    entry = kb.get(slug)
    assert entry is not None
    assert len(entry.short) <= 600, "short answers must fit one phone screen"
    assert 8 <= len(entry.questions) <= 15
    assert len(entry.keywords) >= 5
    assert entry.nations and "england" in entry.nations
    assert entry.sources and all(s.url.startswith(("http://", "https://")) for s in entry.sources)
    assert entry.last_checked == date(2026, 11, 1)
    assert entry.ask
    assert len(entry.body) > 200
    assert len(set(entry.questions)) == len(entry.questions)


def test_slugs_unique_and_match_files(kb: KnowledgeBase) -> None:
    assert len(set(kb.slugs)) == len(kb.slugs)
    for entry in kb:
        assert entry.path.stem == entry.slug
