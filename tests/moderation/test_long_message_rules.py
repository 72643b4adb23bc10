"""Rules added after tuning on the long (300+ character) messages: rants that name a
professional once and complain later, birth-family circumstances in carers' own words, birthdays
given as an age on a date, IDs given as a value, and venues that look like names.
"""

from __future__ import annotations

import pytest

from moderation.confidentiality import scan

from .spans import covered, found

FOUND = [
    # a role set off by commas is the named person, not someone else
    (
        "Kofi, our new SW, turned up 40 mins late and left after ten minutes.",
        "Kofi",
        "professional_named_negative",
    ),
    # "as IRO" names the role
    (
        "We've had Derek Halloran as IRO for two years and he never listens to the kids.",
        "Derek Halloran",
        "professional_named_negative",
    ),
    # a question about complaining, sentences after the name
    (
        "Our SSW Gillian Marsh moved supervision again. The form went missing. "
        "I have the emails. Should I make a formal complaint?",
        "Gillian Marsh",
        "professional_named_negative",
    ),
    (
        "Mrs Whitlock keeps forgetting to put his support plan in place.",
        "Mrs Whitlock",
        "professional_named_negative",
    ),
    (
        "Ben Ashworth, our IRO, wrote that we refused the visit, which is a flat out lie.",
        "Ben Ashworth",
        "professional_named_negative",
    ),
    # birth-family circumstances in everyday words, tied to a named relative or child
    ("Her dad Gary went back to Romania without a word to anyone.", "Gary", "birth_family"),
    ("birth mum Leanne turned up drunk to contact again", "turned up drunk", "birth_family"),
    ("Kyle's mum is back on the gear, SW told us today", "on the gear", "birth_family"),
    ("Uncle Wayne got sent down last week and Lacey keeps asking", "got sent down", "birth_family"),
    # an age reached on a date is a birthday, and it ties the first name to the child
    ("Lacey will be 7 on 3rd May and wants a unicorn cake", "3rd May", "date_of_birth"),
    ("Lacey will be 7 on 3rd May and wants a unicorn cake", "Lacey", "child_name"),
    # a dated full date straight after a child's full name
    ("passport form done: Kyle Brannock, 04/10/2013, place of birth Leeds", "04/10/2013",
     "date_of_birth"),
    # a full date given as the answer to a birth word in the sentence before
    ("They need the DOB on the claim. Ours is 14th March 2016 so we missed it.",
     "14th March 2016", "date_of_birth"),
    # a system ID given as its value, further from the word
    ("They asked for the Mosaic ID before talking to me. It's 5521904 apparently.", "5521904",
     "case_reference"),
    ("The LCS number on his paperwork is LCS-0031177 but finance want another one.",
     "LCS-0031177", "case_reference"),
    # a house number with a street word beyond the common ones
    ("drop bags at 14 Pennine View, I'm in all day", "14 Pennine View", "address"),
    # an unknown name after "young man", and a relative in a camp abroad
    ("Our young man Tesfalem Gebru arrived in June, his mum is still in a camp in Libya",
     "Tesfalem Gebru", "child_name"),
    ("Our young man Tesfalem arrived in June, his mum is in a refugee camp in Libya",
     "his mum is in a refugee camp", "birth_family"),
    # a name-word first name shown to be a person by the verb after it
    ("Precious turns 6 on the 3rd of June and wants a bouncy castle", "Precious", "child_name"),
    # a birthday as day/month straight after the birth word
    ("Kyle's bday is 14/2 and he wants a dinosaur party", "14/2", "date_of_birth"),
    # a complaint pinned to the person named straight after it
    ("Shout out to Helen our SSW. Can't say the same for Mr Okoro who still hasn't read the EHCP",
     "Mr Okoro", "professional_named_negative"),
    # carers email and chase professionals
    ("I've emailed Gareth Pughe three times about the form. Not one reply.", "Gareth Pughe",
     "professional_named_negative"),
    # a kinship carer's sister who is the children's mum
    ("My sister Roxanne (their mum) keeps turning up drunk at my house", "Roxanne",
     "birth_family"),
    # a postcode with a space inside the outward code
    ("respite is at my sisters, ls 11 8PQ, 10 mins from school", "ls 11 8PQ", "address"),
    # a saint's name in a school sentence without "at" before it
    ("third time this term st josephs have rung me to collect Tayo", "st josephs", "school"),
    # "yr 9 at" names the school
    ("Lacey, yr 9 at Castlebrook, takes 18mg concerta in the morning", "Castlebrook", "school"),
    # Welsh-medium schools, a shortened and a misspelt school word
    ("Our lad has been at Ysgol Gynradd Penrhos for 3 years", "Ysgol Gynradd Penrhos", "school"),
    ("1. Temi (Year 3) - Larchfield prim, drop off 8:40", "Larchfield prim", "school"),
    ("she's been at Thornhill Accademy since Easter", "Thornhill Accademy", "school"),
    # a postcode with its inward code split
    ("Anyone near wf13 4 ql? Looking for a childminder", "wf13 4 ql", "address"),
    # release from prison and a parent going back to court, in everyday words
    ("her dad Dwayne's been released early and is on her Snapchat", "released early",
     "birth_family"),
    ("case no. LV24C00719, the mother is applying to discharge the order", "discharge the order",
     "birth_family"),
    # a superlative complaint
    ("Sian Pritchard from the LAC nurse team is the rudest woman I've dealt with", "Sian Pritchard",
     "professional_named_negative"),
    # a complaint being made, sentences after the only (unpraised) professional named
    ("Miss Carver sent him to isolation for his shoes. He's been with us 4 days. Complaint going "
     "in tomorrow.", "Miss Carver", "professional_named_negative"),
    # a school register's surname in capitals, and "Lil" before an unlisted nickname
    ("NOWAK Zuzanna - anyone got her PE kit??", "NOWAK Zuzanna", "child_name"),
    ("can u add Lil Dre Campbell-Ross to the party list pls", "Lil Dre Campbell-Ross",
     "child_name"),
    # a one- or two-word verdict closing a message about the one professional named
    ("Miss Fairburn told Ayesha to try harder. She has dyspraxia!! Fuming", "Miss Fairburn",
     "professional_named_negative"),
    ("Dr Whitcombe said it's my parenting after one 20 min appointment", "Dr Whitcombe",
     "professional_named_negative"),
    ("Contact supervisor Sharon was on her phone the whole session", "Sharon",
     "professional_named_negative"),
    # a UPN as printed on a PEP, in groups
    ("School want the UPN, is it this one? R116 4402 9927 3", "R116 4402 9927 3",
     "case_reference"),
    # a relative named after "is", and accented first names
    ("Tyrese's birth mum is Georgia Whitlock, please don't share our address", "Georgia Whitlock",
     "birth_family"),
    ("Ciarán Doherty is on a reduced timetable again", "Ciarán Doherty", "child_name"),
    # more everyday birth-family circumstances
    ("uncle Stevo turned up pissed at contact again", "turned up pissed", "birth_family"),
    ("Sienna-Rae's mum Jodie is in a hostel in Wigan now", "in a hostel", "birth_family"),
    ("their mum (my daughter Leanne) went into hospital under section in May", "Leanne",
     "birth_family"),
    # a kinship carer bringing up her daughter's children
    ("My daughter Kirsty's two have been with me 8 months now on the SGO", "Kirsty",
     "birth_family"),
    # a first name that is also a word, before an identifier it owns
    ("Mo's Mosaic ID is 4418803 if anyone from duty can chase it", "Mo", "child_name"),
    # pregnancy is a health detail
    ("Keeley's 15 and has just told me she's pregnant", "pregnant", "health_detail"),
    # a worker who has not visited
    ("Our SSW Priyanka is brilliant but the kids' SW Neil Ashby hasn't visited in 11 weeks",
     "Neil Ashby", "professional_named_negative"),
    # "The DT at" names the school, and a shortened comprehensive
    ("The DT at Greystone Edge wants Maddie's PEP comments", "Greystone Edge", "school"),
    ("Got 2 Penrhos Comp blazers age 13-14, free to anyone", "Penrhos Comp", "school"),
    # a worker's role given with "is", and more ways of criticising
    ("Brody's SW is Jenna Platt and honestly she's the laziest person I've dealt with",
     "Jenna Platt", "professional_named_negative"),
    ("IRO Colin Redfern read my notes back to me and got half of them wrong", "Colin Redfern",
     "professional_named_negative"),
    ("the head of year, Mr Stobart, said in front of the kids that they always end up like this",
     "Mr Stobart", "professional_named_negative"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "category"), FOUND)
def test_found(text: str, span: str, category: str) -> None:
    assert covered(text, span, category), found(text)


LEFT_ALONE = [
    # venues named like people
    "Coffee morning at the Rose Garden café in Hexham, Grace is bringing cake.",
    "Meet at the Molly Malone pub after the training?",
    # generic phrases ending in a school word
    "Annual review prep, for anyone new: bring your diary and biscuits.",
    # a praised professional, and a complaint about something else in a later question
    "Our SW Priya came out on her day off. The boiler broke again. The heating is awful. "
    "Anyone know where to send a complaint about the council repairs?",
    # "a lie in" is not a lie
    "Our SSW Hannah said to have a lie in after the panel, bless her.",
    # an age on a weekday is not a date of birth
    "He will be 9 on Saturday and we're having a small party",
    # where a carer's own grown-up children or siblings live is not birth-family detail
    "My daughter Amy went back to Spain after uni, missing her already",
    "my son Tom lives in Leeds now so the spare room is free for respite",
    # lowercase "lives in" a description, not a place
    "her mum lives in a flat and we do contact there on Sundays",
    # a date after a birth word but about an event
    "Where does the DOB go on the form? The review is 14th March 2026 anyway.",
    # a child's own school rung by the carer is not a professional
    "I rang Kyle's school about the trip money",
    # an age on a weekday, and "born" with a fraction
    "he was born 3/4 of the way through the storm, apparently",
    # saints that are towns, hospitals or parks
    "St Helens school run is a nightmare in the rain",
    "our school trip to St James Park was brilliant",
    # generic school words after a day
    "Leon's PEP is on Wednesday and the Virtual School rep is finally coming",
    # a praised professional, with a complaint pinned to nobody
    "Shout out to Helen our SSW, she has been amazing this week",
    # the carer's own family's birthdays, a care order's section, being angry, a singer
    "My hubby's birthday is 2nd Sept, the kids made him a card",
    "Kyle is on a section 20 and his mum is under section 20 too, confusing",
    "her mum was pissed off that contact moved, fair enough really",
    "Whitney Houston on full blast on the school run, all three kids singing",
    # grandchildren visiting, a competition, good news let slip, a YouTuber
    "my daughter Amy's kids came round for tea, lovely afternoon",
    "the photo comp at the summer fair was fun",
    "Our SW Jo let slip the panel date early, brilliant news",
    "Anyone else's teenager obsessed with Logan Paul? If I hear one more word about Prime",
    # a grandparent carer signing off
    "Thanks all, feeling much better after a sleep. Brenda (Nan to 3) x",
    # a complaint about something else, after a neutral mention of the only professional
    "Our SW Priya came out on her day off. The boiler broke. Complaint going in to the council "
    "about repairs.",
    # capitals before a name that are not a surname
    "SORRY Jack, I missed that, will bring the forms Friday",
    "prim and proper at the panel as always lol",
    # a number given as a value with no reference word near
    "We've been waiting 3 months. The amount is 4417082 pence apparently lol",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_left_alone(text: str) -> None:
    assert not scan(text).identifying, found(text)
