"""Table tests for the text clean-up the matcher relies on."""

from __future__ import annotations

import pytest

from bot.features.faq.abbreviations import expand_token
from bot.features.faq.intent import is_case_specific, is_question, looks_like_search
from bot.features.faq.normalise import normalise_text, stem
from bot.features.faq.spelling import SpellCorrector


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What's PP+?", "what is pupil premium plus"),
        ("pp plus for her", "pupil premium plus for her"),
        ("Is he on a s20?", "is he on a section 20"),
        ("sec.20 or care order", "section 20 or care order"),
        ("my 3yo", "my aged 3"),
        ("Y7 transition", "year 7 transition"),
        ("30hrs childcare", "30 hours childcare"),
        ("Can u ask ur SSW", "can you ask your supervising social worker"),
        ("the LA and the IRO", "the local authority and the independent reviewing officer"),
        ("took him to A&E", "took him to hospital emergency"),
        ("£2,630 a year", "2630 a year"),
        ("her 16th birthday", "her 16 birthday"),
        ("see www.gov.uk/foo for info", "see for info"),
        ("don’t know", "do not know"),
        ("a two year old and a three-year-old", "a aged 2 and a aged 3"),
        ("what does P E P stand for", "what does pep personal education plan stand for"),
        ("the D.T. said", "the designated teacher said"),
        ("a social worker mentioned reg 24", "a social worker mentioned regulation 24"),
        ("next bank holiday", "next bankholiday"),
        ("tips for potty training", "tips for pottytraining"),
    ],
)
def test_normalise_text(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("SSW", "supervising social worker"),
        ("ssw", "supervising social worker"),
        ("SW", "social worker"),
        ("VSH", "virtual school head"),
        ("DT", "designated teacher"),
        ("dt", "dt"),
        ("SEND", "special educational needs"),
        ("send", "send"),
        ("SGO", "special guardianship order"),
        ("EHCP", "ehcp education health care plan"),
        ("IRO", "independent reviewing officer"),
        ("EDT", "emergency duty team"),
        ("QCR", "qualifying care relief tax"),
        ("TSD", "tsd training support development standards"),
        ("FC", "foster carer"),
        ("YP", "young person"),
        ("LAC", "looked after child"),
        ("CLA", "looked after child"),
        ("PEP", "pep personal education plan"),
        ("Kinship", "kinship"),
    ],
)
def test_expand_token(token: str, expected: str) -> None:
    assert expand_token(token) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("help with send stuff", "help with special educational needs stuff"),
        ("her send needs", "her special educational needs needs"),
        ("can you send me the link", "can you send me the link"),
    ],
)
def test_lower_case_send_only_expanded_in_context(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("allowances", "allowanc"),
        ("allowance", "allowanc"),
        ("meetings", "meet"),
        ("policies", "policy"),
        ("applied", "apply"),
        ("children", "child"),
        ("paid", "pay"),
        ("boxes", "box"),
        ("pass", "pass"),
        ("taken", "tak"),  # irregular forms meet the regular stem
        ("take", "tak"),
        ("sgo", "sgo"),
        ("2025", "2025"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("alowance", "allowance"),
        ("fostring", "fostering"),
        ("respit", "respite"),
        ("pasport", "passport"),
        ("guardianshp", "guardianship"),
        ("allowance", "allowance"),
        ("recipe", "recipe"),
        ("rant", "rant"),
        ("football", "football"),
        ("pupul", "pupil"),  # a vowel slip in a short word is a typo
        ("schol", "school"),
        ("tuoch", "touch"),  # two letters swapped
        ("tough", "tough"),  # a changed consonant makes another real word
        ("horse", "horse"),
        ("bother", "bother"),  # everyday words are left alone
        ("shoes", "shoes"),
    ],
)
def test_spelling(word: str, expected: str) -> None:
    speller = SpellCorrector(
        [
            "allowance",
            "fostering",
            "respite",
            "passport",
            "guardianship",
            "receipt",
            "rent",
            "pupil",
            "school",
            "touch",
            "house",
            "brother",
            "shows",
        ]
    )
    assert speller.correct(word) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("how many respite nights do we get", True),
        ("school want to spend the money on a laptop, can I say no", True),
        ("kinship carer here can the virtual school help us", True),
        ("is that normal", True),
        ("police want to interview me under caution, help", True),
        ("absolutely shattered today, the kids were up at 5", False),
        ("our IRO is amazing, she really listened to him", False),
        ("rant over, thanks for listening", False),
        ("28 days notice - is that the rule", True),
        ("can't wait for the summer hols", False),
        ("have a lovely christmas everyone", False),
        ("have you got the number for fosterline", True),
    ],
)
def test_is_question(text: str, expected: bool) -> None:
    assert is_question(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("staying put rules", True),
        ("fosterline number", True),
        ("so tired today", False),
        ("", False),
        ("faith school places for children in care", True),
        ("sorry I missed the meeting", False),
        ("shes going home next week, mixed feelings", False),
    ],
)
def test_looks_like_search(text: str, expected: bool) -> None:
    assert looks_like_search(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("can you check if her PP+ has been paid?", True),
        ("will panel approve us?", True),
        ("when is Jaden's next review?", True),
        ("has my allowance been paid this month?", True),
        ("what's my SSW's phone number?", True),
        ("how often are looked after reviews?", False),
        ("can the la stop contact", False),
        ("what happens at a foster carers annual review", False),
        ("will my allowance stop when she turns 18?", False),
        ("has my ssw sent the referral yet", True),
        ("has the allegation against us been closed", True),
        ("did my tax return go through", True),
        ("can you book me onto the next training course", True),
        ("when's Ava's contact this week", True),
        ("can you tell our ssw we're away next week", True),
        ("whats happening with our allegation investigation", True),
        ("is my allowance going up next month", True),
        ("will the virtual school pay for Ella's tutor", True),
        ("will the council pay for the passport", False),
        ("has the school got to tell me about exclusions?", False),
    ],
)
def test_is_case_specific(text: str, expected: bool) -> None:
    assert is_case_specific(text) is expected
