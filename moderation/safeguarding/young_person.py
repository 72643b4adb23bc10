"""Does a message read as written by a young person rather than a carer?

carebot is for carers, but a young person in care may find it and write to it
privately. When they do, the routes must speak to them (Childline, an adult they
trust) rather than tell them to ring their own social worker as a carer would.
Only a private message from someone who has not joined an organisation is ever
read this way: carers' accounts are adults.

The cues are first-person phrases carers rarely use about themselves: "my foster
mum", "I'm 14", "I'm in year 9", "my teacher". Text is the detector's canonical
form (lower case, apostrophes dropped), so "I'm" arrives as "im".
"""

from __future__ import annotations

import re

from moderation.safeguarding.normalise import normalise

_YOUNGEST, _OLDEST = 8, 17

_CUES = re.compile(
    r"\bmy (?:foster|kinship) (?:carers?|mum|mam|mom|dad|parents?|family|home|placement)\b"
    r"|\bmy (?:carers?|placement) (?:is|are|keeps?|wont|doesnt|dont|never|always|said|says|"
    r"hit|hits|shouted|shouts|took|takes)\b"
    r"|\bmy (?:birth|real) (?:mum|mam|mom|dad|family|parents?|brother|sister)\b"
    r"|\bi(?:m| am) (?:in|living in) (?:foster |kinship )?care\b"
    r"|\bi(?:m| am) (?:a )?(?:looked after|care) (?:child|kid)\b"
    r"|\bi(?:m| am) in (?:year|yr) (?:[3-9]|1[0-3])\b"
    r"|\bmy (?:form )?(?:teacher|tutor|head of year)\b"
)
_AGE = re.compile(r"\bi(?:m| am) (?:only |just )?(\d{1,2})(?: (?:years? old|yrs?(?: old)?|yo))?\b")
_NOT_AN_AGE = re.compile(r" (?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|miles?|%|pounds?)")


def writes_as_young_person(text: str) -> bool:
    """True when the wording is a young person's own ("my foster mum hit me", "im 14")."""
    canonical = normalise(text)
    if _CUES.search(canonical):
        return True
    for match in _AGE.finditer(canonical):
        if _NOT_AN_AGE.match(canonical, match.end(1)):
            continue
        if _YOUNGEST <= int(match.group(1)) <= _OLDEST:
            return True
    return False
