"""Rules added after tuning on four everyday groups (carers, staff with carers, a local-authority
group, an agency group): first names no list knows, found by the verb after them; prisons and
immigration detention; the carer's anger at the end of a story; and the everyday nouns, venues
and fictional schools that must not be taken for them.
"""

from __future__ import annotations

import pytest

from moderation.confidentiality import scan

from .spans import covered, found

FOUND = [
    # an unlisted first name opening a sentence, known by the verb after it
    ("Zephyrine started at Oakhurst Academy this week", "Zephyrine", "child_name"),
    ("Oluwadamilare is 9 and has epilepsy, club won't take her", "Oluwadamilare", "child_name"),
    ("Kaiyon's just started at Brockwell Primary, fingers crossed", "Kaiyon", "child_name"),
    # a possessive name before a health phrase, and a dose after the medicine
    ("Felicity's been on melatonin 3mg since June and it does nothing", "melatonin 3mg",
     "health_detail"),
    ("Kit's FASD diagnosis came through today", "Kit", "child_name"),
    # an age reached on a date after "Name's"
    ("cant believe Rosa's 10 on the 14th of August", "14th of August", "date_of_birth"),
    # a full date straight after a full name, with five digits only
    ("DOB for the trip form: Amira Haddad, 2nd March 2016", "2nd March 2016", "date_of_birth"),
    # a date given as what was typed into a form
    ("the form wants her DOB differently?? I've put 2016-09-21 and it rejects it", "2016-09-21",
     "date_of_birth"),
    # birth family: moved to a named town, back inside, detained by immigration
    ("Nathaniel's birth mum has moved to Skegness", "moved to Skegness", "birth_family"),
    ("Malachi's dad is back inside, recalled on licence", "back inside", "birth_family"),
    ("Nasrin's dad has been detained by immigration", "detained by immigration", "birth_family"),
    # a relative named in brackets, and a parent's ex
    ("Birth mum (Ioana) texted the kids at 2am", "Ioana", "birth_family"),
    ("Mum's ex Lee Gammon was outside the house again", "Lee Gammon", "birth_family"),
    # workers: the anger at the end of a story reaches back to the only one named
    ("Mrs Penrose the SENCo told me he's 'just naughty'. Not trauma. Not attachment. "
     "Naughty. I could scream", "Mrs Penrose", "professional_named_negative"),
    ("Panel member Dr Ken Hollins asked if I was too old for this. I'm 52. Still seething",
     "Dr Ken Hollins", "professional_named_negative"),
    # workers known by what they do with the carer
    ("Anyone else had Nadia Forde supervising contact? On her phone the entire session",
     "Nadia Forde", "professional_named_negative"),
    ("SGO plan meeting with Ruth Kenny again and she said the same thing. Every single time",
     "Ruth Kenny", "professional_named_negative"),
    ("has anyone else had Kirkham as IRO? talked over me the whole review", "Kirkham",
     "professional_named_negative"),
    ("Don't get me started on Sharon at Brookside contact centre.", "Sharon",
     "professional_named_negative"),
    # schools: C of E, a saint after "kids at", an acronym after "young person at"
    ("It's Ashgrove C of E, I've asked them twice", "Ashgrove C of E", "school"),
    ("anyone else got kids at st fergals? the new policy is awful", "st fergals", "school"),
    ("Anyone else got a young person at KHA? blazer letter came today", "KHA", "school"),
    # asking the group about a named worker is gossip
    ("has anyone else had Kirkwood as IRO? spoke over me the whole review", "Kirkwood",
     "professional_named_negative"),
    ("Is it just me or does Gareth Lyle from placements never read the referral?",
     "Gareth Lyle", "professional_named_negative"),
    # a worker's own words quoted back at the group
    ("Review with IRO Anthea Black today. Wrote in the minutes that he 'presented as settled'.",
     "Anthea Black", "professional_named_negative"),
    # a school named in words and spelt in its email domain
    ("Thornleigh Moor have a different UPN. Emailed office@thornleighmoor.wigan.sch.uk",
     "Thornleigh Moor", "school"),
    ("ewan's keyworker at Little Acorns says he's playing with the others now", "Little Acorns",
     "school"),
    # more kinds of reference: Scotland's CHI and candidate numbers, Home Office, police, plans
    ("His CHI number is 1203154471 apparently", "1203154471", "case_reference"),
    ("SCN 123456789 is on the SQA letter", "123456789", "case_reference"),
    ("Home Office ref B1234567 for our lad", "B1234567", "case_reference"),
    ("crime ref 13/45678/24 from the police about the assault", "13/45678/24", "case_reference"),
    ("CP plan number 000567 is on the letter", "000567", "case_reference"),
    # a full date straight after a full name is a date of birth, even with no birth word
    ("Rhiannon Coulter 22/09/2012 - does the LA pay for her residential?", "22/09/2012",
     "date_of_birth"),
    # a second reference listed after the first
    ("Mosaic numbers for our two are 3318204 and 3318205 if anyone asks", "3318205",
     "case_reference"),
    # schools: an everyday word inside the name, a school "is", a first day, a class award
    ("Harrison's school (Hawthorn Reach Primary) wants his EHCP", "Hawthorn Reach Primary",
     "school"),
    ("Harley's new school is LMP, brilliant so far", "LMP", "school"),
    ("First day at HWA tomorrow for our Kayode, blazer is massive on him", "HWA", "school"),
    ("Tegan Fairley got star of the week at St Ebba's!!", "St Ebba's", "school"),
    # workers: a panel adviser; hanging up; quoted at; parents named as "Mum's" and "Dad's name is"
    ("Panel adviser Karen Lowe was so rude to us", "Karen Lowe", "professional_named_negative"),
    ("unlike the EDT worker Paula Stobart who told me to ring the police myself and hung up",
     "Paula Stobart", "professional_named_negative"),
    ("Mum's Kayleigh, 19, care leaver herself, and doing amazing", "Kayleigh", "birth_family"),
    ("Dad's name is Carl Bishton if anyone sees him near the school", "Carl Bishton",
     "birth_family"),
    # a child's first phone, in brackets
    ("Deji's got his first phone (07700 900615) already", "Deji", "child_name"),
    # a relative named in brackets after their name, and kinship words from South Asia
    ("Jamesie (the boys' uncle) keeps taking them to the football", "Jamesie", "birth_family"),
    ("Arham's nani Zubeda rang the school pretending to be me", "Zubeda", "birth_family"),
    # Scottish orders, siblings split up, a parent back abroad, a death, a sentence
    ("our Lewis's dad Derek Quinn has a non-harassment order", "non-harassment order",
     "birth_family"),
    ("Rosie-Lee Cairns and her brothers have been split over three placements",
     "split over three placements", "birth_family"),
    ("Dawid Nowak's dad is back in Poland and wants him for the summer", "back in Poland",
     "birth_family"),
    ("kinship carer for my niece Inaya Malik since her mum passed last year", "passed last year",
     "birth_family"),
    ("Kai Brannan's dad got 4 years yesterday", "got 4 years", "birth_family"),
    # an unlisted first name with a surname before the verb
    ("Taliyah Grant-Moss starts at Hollinsbrook Primary on Monday", "Taliyah Grant-Moss",
     "child_name"),
    # references written with two letter groups, as one token
    ("CP reg ref is EC-CP-22-0419 if the school ask", "EC-CP-22-0419", "case_reference"),
    # praise turned round is not praise
    ("Ms Okonjo the SENCo is the least helpful person I have ever met. Refused to start it",
     "Ms Okonjo", "professional_named_negative"),
    ("unlike Carl the actual SW who's never even met the kids", "Carl",
     "professional_named_negative"),
    # a child's own phone after a comma
    ("Kobe's got his own phone now, +44 7700 900731", "Kobe", "child_name"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "category"), FOUND)
def test_found(text: str, span: str, category: str) -> None:
    assert covered(text, span, category), found(text)


LEFT_ALONE = [
    # everyday nouns opening a sentence before "is" or "was", with a family circumstance
    "Contact was cancelled again because mum is in prison",
    "Panel is on the 3rd. Birth dad is back inside apparently",
    "Transition went well, his dad is in rehab though",
    # a grandparent carer introducing herself
    "I'm Sue, nan to two gorgeous boys, kinship carer under an SGO",
    # fiction, an athlete, a hospital, a café's street
    "He says he'd rather go to Hogwarts than secondary",
    "Kids met Jessica Ennis-Hill at park run this morning",
    "King's College Hospital were fab with her yesterday",
    "meet at the Costa on Fore Street before the training?",
    # a praised worker, then a complaint about someone else in the next sentence
    "Big thanks to Sunita from the LAC nurse team. The new CAMHS worker is so dismissive.",
    # asking about a praised worker, or about a letter after a worker was named
    "Anyone else had Priya as SSW? She is amazing",
    "Our SW Jo came round today. Anyone else had the allowance letter?",
    # a praised worker quoted, and a notice from the team
    "Our SSW Priya is brilliant, she said 'you are doing great' and I cried",
    "Reminder from the fostering team: use initials or 'my YP' in here please",
    # numbers near the same words that are not references
    "log in at 10 and the chippy is 5 mins away",
    "the Home Office took 12 weeks, 2 days to reply",
    # nouns after a first name, a singer, a possessive before a nationality, feelings
    "Barry Island on Sunday was lush, all three on the rides",
    "Norwich Castle free with a Max Card?",
    "Finally planted the rose bush the kids picked",
    "Sam Fender at the Stadium of Light, anyone taking their teens?",
    "Aoife's Irish passport needs the long birth cert",
    "birth parents aren't contesting any more. Relief doesn't cover it",
    # praise for one worker and a complaint about an unnamed deputy head
    "Ms Dlamini from the virtual school was brilliant but the deputy head sat on his phone",
    # a pub, a book, a brand, an actor, a venue, the carer's own nicknames
    "Pub quiz at the Heather Inn on Friday for the fundraiser",
    "Katie Morag is the only book that works at bedtime",
    "Found a Harris Tweed jacket in the charity shop for £6",
    "Hugh Grant carries Paddington 2 tbf",
    "anyone going to the Winter Gardens panto? discounted tickets",
    "What do your weans call you? Ours call me Nana Morag",
    # a month after "back in"
    "her dad is back in September for contact, mum is in rehab",
    # a hearing is not a person
    "Has anyone been through a Children's Hearing where the panel disagreed?",
    # moving up a year is not moving house
    "Tyler's brother moved to Year 6 and loves it",
    # "C of E" needs its capital
    "we're c of e but not very religious, vitamin e is good though",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_left_alone(text: str) -> None:
    assert not scan(text).identifying, found(text)
