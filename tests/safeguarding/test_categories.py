"""Table tests: each category fires on carer language, hard negatives stay quiet."""

from __future__ import annotations

import pytest

from moderation.safeguarding import CATEGORIES, assess

SIGNALS: list[tuple[str, str, bool]] = [
    ("child_disclosure", "she told me her uncle touches her", False),
    ("child_disclosure", "he said not to tell anyone but his dad hits him", False),
    ("child_disclosure", "my step dad hurts me and says no one will believe me", True),
    ("child_harm_observed", "found bruises on her back after weekend contact", False),
    (
        "child_harm_observed",
        "the 3 month old has a bruise on his cheek and isnt rolling yet",
        False,
    ),
    ("child_missing", "she hasn't come home and her phone is off", False),
    ("child_missing", "he's gone missing again and nobody knows where he is", False),
    ("exploitation", "older boyfriend buying her stuff, he's 23", False),
    ("exploitation", "found a second phone and cash in his room", False),
    ("self_harm_child", "found cuts on her arm", False),
    ("self_harm_child", "she's taken tablets, ambulance coming", False),
    ("self_harm_child", "i dont want to be here anymore", True),
    ("self_harm_adult", "I don't want to be here anymore", False),
    ("self_harm_adult", "everyone would be better off without me", False),
    ("carer_crisis", "I'm scared I'll hurt him", False),
    ("carer_crisis", "he's got a knife and is threatening me", False),
    ("allegation_against_carer", "LADO rang us this morning", False),
    ("allegation_against_carer", "an allegation has been made against us", False),
    ("domestic_abuse", "my partner hits me", False),
    ("domestic_abuse", "my husband checks my phone and controls all the money", False),
    (
        "radicalisation",
        "he's been watching extremist videos and talking about attacking people",
        False,
    ),
    ("radicalisation", "she wants to travel to syria to join them", False),
]

HARD_NEGATIVES = [
    "he's missing his mum",
    "I could kill for a coffee",
    "this homework is killing me",
    "I'm dying to see the new film",
    "she's been cutting out shapes",
    "he went missing from the table at tea time lol",
    "the training on CSE was really useful",
    "we did the safeguarding course today",
    "watched a documentary on county lines",
    "in the past, before she came to us, she was abused — it's all in her plan and the SW knows",
    "what should I do if a child goes missing?",
    "my partner hits the gym every morning",
    "she's not missing, she's at her nan's",
    "he took his ADHD tablets this morning",
    "LADO training next week, anyone been?",
    "she made me promise not to tell anyone about her crush",
    "the dog went missing for an hour",
    "I'm so tired I could sleep for a week",
]


@pytest.mark.parametrize(("category", "text", "by_child"), SIGNALS)
def test_signal_is_recognised(category: str, text: str, by_child: bool) -> None:
    result = assess(text, author_is_child=by_child)
    assert result.category == category, result
    assert result.categories[0] == category
    assert result.confidence >= 0.6
    assert result.evidence, "evidence must name the rules that fired"


def test_every_category_has_a_table_case() -> None:
    assert {c for c, _, _ in SIGNALS} == set(CATEGORIES)


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negative_stays_quiet(text: str) -> None:
    result = assess(text)
    assert result.category is None, result
    assert result.categories == ()
    assert not result.urgent


@pytest.mark.parametrize(
    "text",
    [
        "she's taken tablets",
        "he's got a knife and is threatening me right now",
        "she hasn't come home and it's gone midnight",
        "he tied something round his neck",
    ],
)
def test_immediate_danger_is_urgent(text: str) -> None:
    result = assess(text)
    assert result.category is not None and result.urgent, result


def test_not_urgent_without_danger_words() -> None:
    result = assess("We've got a LADO meeting on Thursday, terrified")
    assert result.category == "allegation_against_carer"
    assert not result.urgent


def test_evidence_never_contains_message_text() -> None:
    text = "she told me her uncle touches her when she stays at nan's"
    result = assess(text)
    words = {w for w in text.lower().split() if len(w) > 3}
    for item in result.evidence:
        assert "." in item and " " not in item
        assert not any(item == w for w in words)


def test_resolved_history_is_at_most_low() -> None:
    result = assess(
        "She used to self harm years ago but she's been doing brilliantly, "
        "2 years clean and CAMHS have discharged her"
    )
    assert result.category is None
    assert result.confidence < 0.6


def test_new_detail_of_past_abuse_still_counts() -> None:
    result = assess("she told me today that her step dad used to hurt her before she came to us")
    assert result.category == "child_disclosure"


def test_several_categories_most_urgent_first() -> None:
    result = assess(
        "he's gone missing again and came back last time with a wad of cash and a burner"
    )
    assert result.categories[0] == "child_missing"
    assert "exploitation" in result.categories


def test_child_author_changes_self_harm_route() -> None:
    assert assess("i want to die").category == "self_harm_adult"
    assert assess("i want to die", author_is_child=True).category == "self_harm_child"
