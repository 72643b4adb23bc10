"""Rules added after tuning on kinship carers' quick phone messages and longer story posts:
Welsh streets and schools in lowercase, relatives named by a pronoun, complaints in everyday
words (a sentiment lexicon, kept off praised workers and negated words), and names of
workers written after their role in lowercase.
"""

from __future__ import annotations

import pytest

from moderation.confidentiality import scan

from .spans import covered, found

FOUND = [
    # Welsh streets put the street word first
    ("can someone drop it at 22 Maes Hyfryd tomorrow", "22 Maes Hyfryd", "address"),
    ("the respite carer lives on Heol Pant Glas, by the school", "Heol Pant Glas", "address"),
    ("rhys pugh-evans starts at ysgol cae glas in september", "ysgol cae glas", "school"),
    # a relative named earlier in the sentence, carried by "he"
    (
        "Tia asked me today why her dad stopped coming to contact every other Saturday and I "
        "just couldn't bring myself to tell her he got sent down in the summer",
        "got sent down",
        "birth_family",
    ),
    # kinship words: a non-mol typed as two words, a parent's sibling, removal abroad
    ("my daughter Jade has a non mol against her ex now", "non mol", "birth_family"),
    ("Birth mum's sister Kerry has been posting contact photos online", "Kerry", "birth_family"),
    (
        "my daughter-in-law Elena is being removed back to romania, it's me and the boys now",
        "removed back to romania",
        "birth_family",
    ),
    # a possessive name before a health word is a person, not a flower
    ("Lily's epilepsy meds went up to 250mg keppra", "Lily", "child_name"),
    # a child's own phone, in brackets
    ("Zac's got his own phone now (07700 900318) and his dad has the number", "Zac", "child_name"),
    # complaints in everyday words, pinned to the named worker
    ("Our SW Dawn Pickering was careless and heartless with his file", "Dawn Pickering",
     "professional_named_negative"),
    # a subjectless sentence after the only worker named, who was not praised
    ("Our IRO Dean Platt chaired the review. Heartless with the kids, honestly", "Dean Platt",
     "professional_named_negative"),
    ("mr oakes the head was so dismissive and clueless about trauma", "mr oakes",
     "professional_named_negative"),
    ("our ssw jo never reads my emails and then acts surprised", "jo",
     "professional_named_negative"),
    ("does anyone else have Bethan Rowe as there kinship assessor?? she turned up 40 mins late",
     "Bethan Rowe", "professional_named_negative"),
    ("The SENCo, Mrs Hale, has told me three times there's 'no evidence'. I'm sick of being "
     "fobbed off by that woman", "Mrs Hale", "professional_named_negative"),
    # an acronym school, with school talk nearby
    ("anyone else got kids at BHS? the school never ring back", "BHS", "school"),
    # IDs given as a value after "are", and a date of birth named after the date
    ("Mosaic IDs for both are 7002188 and 7002189", "7002188", "case_reference"),
    ("The form rejects 2016-04-19 for her date of birth", "2016-04-19", "date_of_birth"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "category"), FOUND)
def test_found(text: str, span: str, category: str) -> None:
    assert covered(text, span, category), found(text)


LEFT_ALONE = [
    # a praised worker: negative words around the praise are about something else
    "Our SSW Gemma is an absolute star, came out at 9pm when our lad went missing",
    "Massive thanks to Bronwen on the kinship team, they're not all bad",
    "Mrs Adeyemi has been amazing with our boy, she actually gets trauma",
    "Our SW Lauren is lovely but so overstretched, not her fault",
    # praise after a complaint about an unnamed worker
    "Our SW is hopeless but thank god for Marcia our SSW, she sorted the bed in a day",
    # a complaint about the birth parent, not the worker who stepped in
    "Fair play to Kwame at the contact centre, he played Lego with our lad when birth dad "
    "didn't show",
    # a negative word in a sentence with its own subject, after a worker named
    "Our SW Priya came round on Tuesday. The boiler has broken again",
    # "can't say the same for" someone unnamed
    "Rhian at the kinship team has been brilliant. cant say the same for the last one",
    # fiction and footballers
    "Reading Matilda with our 8 year old, Miss Trunchbull terrifies her",
    "grandson thinks hes Gareth Bale since he got picked for the under 11s",
    # a school phrase in lowercase after "the"
    "yr 7 transition tomorrow, he's only small for his age and the high school is massive",
    # "mate" is a word
    "birth dad got out of prison last week, hes my sons best mate from school",
    # kids somewhere that is not a school
    "kids at CAMHS wait ages round here",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_left_alone(text: str) -> None:
    assert not scan(text).identifying, found(text)


def test_sentiment_words_come_from_the_installed_package() -> None:
    """The weak complaint words are read from vaderSentiment, less our stop list."""
    from moderation.confidentiality.lexicon import lexicon

    words = lexicon().weak_negative
    assert {"ignored", "blamed", "clueless"} <= words
    assert "missing" not in words and "trauma" not in words  # on the stop list
    assert "brilliant" not in words
