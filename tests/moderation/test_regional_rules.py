"""Rules added after tuning on regional wording, voice-to-text and forwarded texts: prisons by
name, sentences, spoken email addresses, Scottish and Northern Irish schools, flats by name,
a child's own phone, and names learnt from one mention and found again later.
"""

from __future__ import annotations

import pytest

from moderation.confidentiality import scan

from .spans import covered, found

FOUND = [
    # a prison by name, with "in", "released from", "moved to"
    ("Kayden's da is in Barlinnie and wants a visiting order", "in Barlinnie", "birth_family"),
    (
        "Jaxon's mam is getting released from Styal next month, SW wants contact",
        "released from Styal",
        "birth_family",
    ),
    ("Reuben's dad was moved to HMP Wormwood Scrubs last week", "Wormwood Scrubs", "birth_family"),
    # a sentence given as a length
    ("Dad Carl Venables got 6 years. Nobody has told the boys yet", "got 6 years", "birth_family"),
    # a birth relative's court application
    (
        "Nana Bev Kershaw has applied for a child arrangements order for both girls",
        "applied for a child arrangements order",
        "birth_family",
    ),
    # "the bairns' mam" in apposition names a birth relative
    ("Our Shannon (the bairns' mam) is back on the gear", "Shannon", "birth_family"),
    # a birthday as an age reached on a date, in the past
    ("Maisie turned 7 on the 2nd of June, first sleepover", "2nd of June", "date_of_birth"),
    # a list of birth dates with only a space after each name
    ("DOBs for the swim club: Keira 14/06/2016, Alfie 03/12/2018", "14/06/2016", "date_of_birth"),
    ("DOBs for the swim club: Keira 14/06/2016, Alfie 03/12/2018", "Alfie", "child_name"),
    # Northern Irish and Scottish primary schools
    ("He's starting at Glenvale Integrated PS in September", "Glenvale Integrated PS", "school"),
    ("Does anyone's wee one go to St Brendan's? Ours starts P1 there", "St Brendan's", "school"),
    # flats named like an estate
    ("We're in the Kelburn flats, block D, if you want to drop it off", "Kelburn flats", "address"),
    # an email address said out loud to a phone
    (
        "you can reach me on sandra okafor at example dot co dot uk",
        "sandra okafor at example dot co dot uk",
        "email",
    ),
    ("its jo dot pringle at example dot org dot uk x", "jo dot pringle at example", "email"),
    # a nickname before a Mc or O' surname
    ("Tiger McAllister made the school football team!", "Tiger McAllister", "child_name"),
    # the child's own phone makes the first name identifying
    ("Club wants a contact for the young person, Leah's is 07700 900215", "Leah", "child_name"),
    # a name learnt from "Name's school" is found again later, with its surname
    (
        "Email from Kezzie's school: 'Please confirm Kezzie Latimer can attend the trip'",
        "Kezzie Latimer",
        "child_name",
    ),
    # an allergy and a medicine tied to a named child
    ("Ruby-Lou Harker is allergic to penicillin, please note for respite", "allergic to penicillin",
     "health_detail"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "category"), FOUND)
def test_found(text: str, span: str, category: str) -> None:
    assert covered(text, span, category), found(text)


LEFT_ALONE = [
    # a sentence with no name or other identifier, and years that are not a sentence
    "Birth dad got 4 years. The kids don't know yet",
    "my son got 3 years of free swimming lessons through the council",
    # a town that is also a prison elsewhere is not on the list; a prison with no relative
    "Anyone visited Barlinnie for work? Doing a training course there",
    # famous streets and venues on a street
    "Princes Street on a Saturday with three teenagers, never again",
    "The contact centre on Mossgiel Road has no parking at all",
    "Botanic Gardens at 10 for a walk, bring the little ones",
    # a mountain named like a person
    "Took ours up Ben Nevis, well a third of it",
    # the carer's own college course
    "Started my NVQ in Health and Social Care at Riverside College tonight",
    # dots that are not an email address
    "see you at the cafe dot dot dot",
    "it is at example dot com",
    # brands with Mc
    "Happy McFlurry day to all who celebrate",
    "Chicken McNuggets for tea again, I give up",
    # public figures
    "Nicola Sturgeon was on the radio talking about kinship care",
    # "PS" as a postscript
    "Thanks Dee. PS bring the forms Friday",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_left_alone(text: str) -> None:
    assert not scan(text).identifying, found(text)
