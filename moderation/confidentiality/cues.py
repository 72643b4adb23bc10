"""Context patterns around a person's name that say what they do or how they relate to the
child. Shared by `names` (to accept unknown names in a professional slot) and `roles`.
"""

from __future__ import annotations

import re

ROLES = (
    r"sw|sws|social worker|ssw|supervising social worker|fsw|iro|link worker|"
    r"family support worker|support worker|fostering officer|team manager|tm|manager|"
    r"teacher|class teacher|ta|head|headteacher|head teacher|deputy head|deputy|head of year|"
    r"senco|sendco|dsl|designated teacher|vsh|virtual school head|panel chair|chair|adm|"
    r"health visitor|hv|nurse|lac nurse|school nurse|cafcass officer|cafcass|guardian|"
    r"solicitor|barrister|judge|magistrate|therapist|psychologist|paediatrician|consultant|"
    r"gp|doctor|camhs worker|worker|officer|pc|police officer|keyworker|key worker|"
    r"personal adviser|personal advisor|pa|contact supervisor|supervisor|receptionist|"
    r"escort|driver|childminder|coordinator|co-ordinator|assessor|mentor|caseworker|"
    r"case worker|practitioner|lawyer|advocate|duty worker|tutor|lado|sgo assessor|"
    r"contact worker|family worker|senior practitioner|receptionist|manager|adviser|advisor|"
    r"panel adviser|panel advisor|panel member|edt worker"
)
# Single tokens of the role phrases, for cheap gating before the patterns run.
ROLE_WORDS = frozenset(w for phrase in ROLES.split("|") for w in phrase.split())
_MODIFIER = (
    r"(?:contact|family|duty|link|support|social|senior|lead|school|agency|la|new|old|kinship|"
    r"fostering|placement|leaving care|virtual school|deputy|assistant|acting|temporary|locum|"
    r"actual|real|current|previous|old)"
)
_ORGS = (
    r"team|service|services|centre|center|office|council|agency|camhs|cafcass|panel|hub|unit|"
    r"department|dept|surgery|clinic|practice|la|ifa|authority|hq|court|police|desk|"
    r"front desk|reception|placements|family finding|finance|payments|commissioning"
)
_DET = r"(?:our|my|his|her|their|there|thier|the|a|new|kids'?|x's|[a-z]+'s)"

LEFT_ROLE = re.compile(rf"(?:^|[\s(,])(?:{ROLES})\s*[,:(-]?\s*$")
RIGHT_ROLE = re.compile(
    rf"^(?:\s*\(\s*(?:{_DET}\s+)?|\s*,\s*{_DET}\s+|\s+{_DET}\s+|\s*-\s*(?:{_DET}\s+)?)"
    rf"(?:{_MODIFIER}\s+)?(?:{ROLES})\b"
    rf"|^[?!.,]?\s*(?:he|she|they)(?:'s|'re| is| are)\s+(?:{_DET}\s+)?(?:{_MODIFIER}\s+)?"
    rf"(?:{ROLES})\b"
    rf"|^\s+as\s+(?:{_DET}\s+)?(?:{_MODIFIER}\s+)?(?:{ROLES})\b"
    r"|^\s+who\s+(?:supervises|runs|does|manages|chairs|leads|teaches|handles|covers|"
    r"is (?:our|the|his|her|their) )"
    # "Nadine Forsyth supervising contact", "Ruth Kellow chairing the review"
    r"|^\s+(?:supervising|supervised|chairing|chaired)\s+(?:the\s+|our\s+|his\s+|her\s+)?"
    r"(?:contact|review|panel|session|visit|assessment|meeting)\b"
)
# "meeting with Ruth Kellow": the person a carer has a meeting or visit with is a worker.
_LEFT_MEETING = re.compile(
    r"(?:meeting|review|visit|session|appointment|assessment|home visit)s?\s+with\s*$"
)
RIGHT_ORG = re.compile(
    rf"^\s+(?:from|at|in|with|on)\s+(?:the\s+)?(?:[\w'-]+\s+){{0,3}}?(?:{_ORGS})\b"
)


# Last words of the role phrases: LEFT_ROLE can only match text that ends with one of them.
_ROLE_ENDINGS = tuple(sorted({phrase.split()[-1] for phrase in ROLES.split("|")}))


def _may_end_with_role(left: str) -> bool:
    """Cheap necessary test for LEFT_ROLE, which otherwise tries every position of `left`."""
    tail = left.rstrip()
    if tail and tail[-1] in ",:(-":
        tail = tail[:-1].rstrip()
    return tail.endswith(_ROLE_ENDINGS)


def professional_context(left: str, right: str) -> bool:
    """The lowercase text either side of a name puts it in a professional's slot."""
    return (
        (_may_end_with_role(left) and LEFT_ROLE.search(left) is not None)
        or (left.endswith("with ") and _LEFT_MEETING.search(left) is not None)
        or RIGHT_ROLE.match(right) is not None
        or RIGHT_ORG.match(right) is not None
    )
