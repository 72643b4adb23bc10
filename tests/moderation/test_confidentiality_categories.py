"""Table tests per category: what must be found, and what must be left alone."""

from __future__ import annotations

import pytest

from moderation.confidentiality import scan

from .spans import found

POSITIVE = [
    # child_name
    ("Kyle McAllister is moving to us on Friday", "Kyle McAllister", "child_name"),
    ("kyle mcallister is moving to us on friday", "kyle mcallister", "child_name"),
    ("Tia-Mae Brennan had a great first week", "Tia-Mae Brennan", "child_name"),
    ("Lil Mo Hussain scored twice on Saturday", "Lil Mo Hussain", "child_name"),
    ("Our new placement is Kenzie Arkwright, aged 6", "Kenzie Arkwright", "child_name"),
    ("Zofia Wiśniewska starts Monday and speaks no English", "Zofia Wiśniewska", "child_name"),
    ("my grandson Kenzo Abara has been with us since May", "Kenzo Abara", "child_name"),
    # school
    ("He starts at Brambleside Primary in September", "Brambleside Primary", "school"),
    ("she's in year 3 at St Cuthbert's RC Primary", "St Cuthbert's RC Primary", "school"),
    ("she goes to Harwood Academy now", "Harwood Academy", "school"),
    ("he's been placed at the Larchfield PRU", "Larchfield PRU", "school"),
    ("the deputy head at Millbrook told everyone his business", "Millbrook", "school"),
    # address
    ("pick him up from 12 Larkspur Close please", "12 Larkspur Close", "address"),
    ("they live on Coppice Lane near the shops", "Coppice Lane", "address"),
    ("the postcode is sk145ht", "sk145ht", "address"),
    ("the postcode is M16 0RA", "M16 0RA", "address"),
    ("she's living on the Brookvale estate with her nan", "Brookvale estate", "address"),
    ("flat 7, Heron House is where her dad lives", "flat 7, Heron House", "address"),
    # phone
    ("ring me on 07700 900417", "07700 900417", "phone"),
    ("my number is +44 7700 900988", "+44 7700 900988", "phone"),
    ("landline (0161) 496 0210 after six", "(0161) 496 0210", "phone"),
    ("or +44 (0)161 496 0931 in the day", "+44 (0)161 496 0931", "phone"),
    ("call 020 7946 0321 for the respite carer", "020 7946 0321", "phone"),
    # email
    ("email me at foster.jo@example.co.uk", "foster.jo@example.co.uk", "email"),
    # date_of_birth
    ("DOB 14/03/2016 for the form", "14/03/2016", "date_of_birth"),
    ("she was born on 14th March 2016", "14th March 2016", "date_of_birth"),
    ("dob: 2016-03-14", "2016-03-14", "date_of_birth"),
    ("his birthday is 22nd November", "22nd November", "date_of_birth"),
    ("born 7/7/15 in Leeds", "7/7/15", "date_of_birth"),
    # case_reference
    ("case number MA23C00412 at the family court", "MA23C00412", "case_reference"),
    ("NHS number 999 200 4819", "999 200 4819", "case_reference"),
    ("his NI number is AB 12 34 56 C", "AB 12 34 56 C", "case_reference"),
    ("UPN H801200001002 please", "H801200001002", "case_reference"),
    ("Mosaic ID 4471923 if needed", "4471923", "case_reference"),
    ("LADO ref LADO/24/0193 still open", "LADO/24/0193", "case_reference"),
    # birth_family
    ("Birth dad Gary Doyle turned up again", "Gary Doyle", "birth_family"),
    ("his uncle Darren wants contact", "Darren", "birth_family"),
    ("Lexi's mum Shannon is in prison", "Shannon", "birth_family"),
    # professional_named_negative
    ("Our SW Lucy Ingram is useless", "Lucy Ingram", "professional_named_negative"),
    ("Mr O'Neill the head is a bully", "Mr O'Neill", "professional_named_negative"),
    ("Tracey at the contact centre is so rude", "Tracey", "professional_named_negative"),
    # health_detail
    ("Noor is on 20mg methylphenidate", "20mg methylphenidate", "health_detail"),
    ("Jacob has type 1 diabetes", "type 1 diabetes", "health_detail"),
    ("Evie has just had her FASD diagnosis", "FASD diagnosis", "health_detail"),
    # unknown names in a person's slot, name-words used as names, initials, acronym schools
    ("Tegan's birth dad Rocco rang the school again", "Rocco", "birth_family"),
    ("Zephyr's new school is 3 Brook Lane, right by us", "Zephyr", "child_name"),
    ("Hope is on 5mg melatonin now, game changer", "Hope", "child_name"),
    ("frankie o'rourke lost his first tooth!", "frankie o'rourke", "child_name"),
    ("AJ Pemberton made the county squad", "AJ Pemberton", "child_name"),
    ("the QEGS primary office lost his form again", "QEGS primary", "school"),
    ("Mia is hep b positive, what do we tell the nursery?", "hep b positive", "health_detail"),
    (
        "Dawn the IRO changed the date again. Honestly. She's always got it in for us",
        "Dawn",
        "professional_named_negative",
    ),
    (
        "has anyone met Colin Barraclough? he's our new SW and has no idea",
        "Colin Barraclough",
        "professional_named_negative",
    ),
]


@pytest.mark.parametrize(("text", "span", "category"), POSITIVE)
def test_finds(text: str, span: str, category: str) -> None:
    result = scan(text)
    assert result.identifying
    start = text.index(span)
    end = start + len(span)
    assert any(
        s.category == category and s.start <= start and end <= s.end for s in result.spans
    ), found(text)
    assert category in result.categories


NEGATIVE = [
    "our little one Jake lost a tooth today",
    "Jayden is 9 and in year 4, loves football",
    "Welcome Nisha and Tom to the group!",
    "Me and Gary are taking the dogs out",
    "The Dan Hughes PACE training was brilliant",
    "Tracy Beaker on iPlayer was a bit close to the bone",
    "Will you be at the support group?",
    "Is there a grace period for the DBS check?",
    "May half term is when intros start",
    "Childline 0800 1111 is on the fridge",
    "Moving from Manchester to Blackpool next year",
    "Christmas do at the Rose and Crown on Friday",
    "Panel is on 14th March, wish us luck",
    "Court hearing 03/06/2024 at 10:30",
    "Paid £1,250 in the end",
    "Section 20, S47 and Reg 24 explained please?",
    "Birth dad has just been released from prison",
    "Our SW is useless",
    "Shoutout to Priya our SSW, she's brilliant",
    "Anyone's kid on melatonin?",
    "the school have been great, Virtual School too",
    "Is the Open University course any good?",
    "Victoria sponge or rich tea for the coffee morning?",
    "Bob's your uncle, form submitted",
    "Stephen King is too much for a 10 year old",
    "Eden Project trip was ace, would recommend",
    "an ASD primary has offered him a place",
    "Faith is what keeps me going most days",
    "My mum Jean says hi to everyone",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_leaves_alone(text: str) -> None:
    result = scan(text)
    assert not result.identifying, [(text[s.start : s.end], s.category) for s in result.spans]
    assert result.categories == ()
    assert result.spans == ()


def test_first_name_tied_to_another_identifier() -> None:
    text = "can someone pick up Zoe from 9 Linden Grove?"
    assert ("Zoe", "child_name") in found(text)
    assert ("9 Linden Grove", "address") in found(text)


def test_first_name_alone_is_not_labelled_next_to_a_professional() -> None:
    text = "SW Lucy Ingram wants to move Archie, she doesn't care"
    spans = found(text)
    assert ("Lucy Ingram", "professional_named_negative") in spans
    assert all(cat != "child_name" for _, cat in spans)


def test_only_the_criticised_professional_is_labelled() -> None:
    text = "Shoutout to Hannah our SSW, but the IRO Claire Benson was so dismissive"
    assert found(text) == {("Claire Benson", "professional_named_negative")}


def test_nhs_number_checksum_is_needed_without_a_cue() -> None:
    assert scan("ref 999 200 4819 ok").identifying
    assert not scan("we raised 123 456 7890 quid").identifying


def test_categories_are_in_stable_order() -> None:
    text = "Call 07700 900123 about Jake Smith, DOB 1/2/2015"
    assert scan(text).categories == ("child_name", "phone", "date_of_birth")
