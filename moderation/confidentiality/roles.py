"""Decides whose name a mention is: a looked-after child, a birth relative, a professional, the
carer (or their own family), or a public figure.

The guide treats each differently (a carer's own name is never identifying, a named birth relative
always is, a professional only when criticised), so the words around the name decide. Context is
read from short windows either side of the mention with end- or start-anchored patterns.
"""

from __future__ import annotations

import re

from .cues import ROLE_WORDS, professional_context
from .lexicon import Lexicon, word_set
from .names import FIRST, FULL, TITLED, Mention
from .text import Doc

CHILD = "child"
SIBLING = "sibling"  # a brother or sister of the child: also a looked-after child
RELATIVE = "relative"  # a birth parent or other birth relative
KIN = "kin"  # "my daughter Kelly": a birth parent if a family circumstance is given
PROFESSIONAL = "professional"
CARER = "carer"  # the author, their partner or own family, other carers in the group
PUBLIC = "public"

_PARENTS = (
    r"(?:mum|mam|mom|dad|mother|father|nan|gran)'s (?:boyfriend|girlfriend|partner|husband|"
    r"wife|fella|new fella|bloke|ex)|birth[ -]?(?:mum|mam|mom|mother|dad|father|parents?)|"
    r"bio[ -]?(?:mum|dad|mother|father)|"
    r"mum|mam|mom|mummy|mammy|mother|dad|da|daddy|father|step[ -]?(?:dad|mum|father|mother)|"
    r"nan|nana|nanna|nanny|gran|granny|grandma|grandmother|grandad|granddad|grandpa|"
    r"nani|dadi|dada|khala|phupho|phuppo|chacha|mamu|mamoo|taya|ammi|abbu|bibi|"
    r"grandfather|great[ -]?(?:nan|gran|grandma|grandad)|aunt|auntie|aunty|uncle|cousin"
)
_SIBLINGS = (
    r"(?:little |big |older |younger |baby |twin |half[ -]?|step[ -]?)?(?:brother|sister)|"
    r"sibling|twin"
)
_KIDS = (
    r"grandson|granddaughter|grandchild|grandkid|nephew|niece|foster (?:son|daughter|child)|"
    r"fc|little one|lo|lad|boy|girl|placement|young person|yp|son|daughter"
)
_LEFT_FAMILY = re.compile(
    r"(?:^|[\s(,])(?P<poss>my|our|his|her|their|the|the (?:kids|bairns|weans)'?|"
    r"the children's|"
    r"[a-z][\w-]*'s|[a-z][\w-]*s')?"
    rf"\s*(?:(?P<par>{_PARENTS})|(?P<sib>{_SIBLINGS})|(?P<kid>{_KIDS}))\s*[,:(-]?\s*$"
)
_RIGHT_FAMILY = re.compile(
    r"^\s*[,(]\s*(?:(?:my|his|her|their|the (?:kids|bairns|weans)|the [a-z]+s'|[a-z][\w-]*'s)"
    r"\s+)?"
    rf"(?P<par>{_PARENTS})\b"
    # "Brenda (Nan to 3)", "Sue, nan to two boys": a grandparent carer introducing herself
    r"(?!\s+(?:to|of)\s+(?:\d|one|two|three|four|five|six|my|our)\b)"
)
_LEFT_CARER = re.compile(
    r"(?:^|[\s(,])(?:welcome|hi|hello|hiya|hey|thanks|thank you|cheers|congrats|"
    r"congratulations|i'm|im|i am|my name is|my name's|me and|husband|wife|hubby|partner|"
    r"call me|calls me|called me|husband is just|"
    r"other half|fianc[eé]e?|respite carer|carer|fellow carer|friend|mate|neighbour)"
    r"\s*(?:to\s+)?,?\s*$"
)
_RIGHT_CARER = re.compile(r"^\s*(?:and (?:i|me|myself)\b|to the group|,?\s*welcome)")
_RIGHT_MEDIA = re.compile(
    r"(?:'s)?\s+(?:[A-Za-z]+\s+)?(?:book|books|training|course|podcast|video|videos|workout|"
    r"workouts|film|films|show|model|approach|method|talk|webinar|documentary|song|songs|"
    r"concert|tour|programme|series|on (?:tv|netflix|iplayer|youtube|the telly|disney)|"
    # a business named after a person: "Grace Owen solicitors", "Eddie Stobart lorry"
    r"solicitors|law|legal|ltd|limited|plc|lorry|lorries|removals|builders|motors|taxis|"
    r"opticians|pharmacy|dental|foundation|trust|charity|& co|and co|"
    # a venue: "the Rose Garden café", "Harry Ramsden's restaurant"
    r"caf[eé]|tearooms?|tea rooms?|restaurant|bistro|pub|inn|hotel|bakery|shop|stores)\b",
    re.IGNORECASE,
)

_WINDOW = 48
_IS_TAIL = re.compile(r"\s+(?:is|was)\s*$")
# Words that can close _LEFT_FAMILY and _LEFT_CARER: both patterns end at the end of the left
# window, so a text that does not end with one of these cannot match (checked before the
# search, which would otherwise try every position of the window).
_FAMILY_ENDINGS = tuple(
    word_set(
        "boyfriend girlfriend partner husband wife fella bloke ex mum mam mom mummy mammy mother "
        "dad da daddy father parent parents nan nana nanna nanny gran granny grandma grandmother "
        "grandad granddad grandpa grandfather aunt auntie aunty uncle cousin brother sister "
        "sibling twin grandson granddaughter grandchild grandkid nephew niece son daughter "
        "child fc one lo lad boy girl placement person yp "
        "nani dadi dada khala phupho phuppo chacha mamu mamoo taya ammi abbu bibi"
    )
)
_CARER_ENDINGS = tuple(
    word_set(
        "welcome hi hello hiya hey thanks you cheers congrats congratulations i'm im am is "
        "name's and husband wife hubby partner half fiance fiancé fiancee fiancée carer friend me "
        "just "
        "mate neighbour to"
    )
)


def _last_chunks(text: str, count: int) -> int:
    """Where the last `count` runs of non-space characters of `text` begin, less one (the space
    before them), or 0 when there are fewer."""
    seen = 0
    inside = False
    for i in range(len(text) - 1, -1, -1):
        if text[i].isspace():
            if inside:
                seen += 1
                inside = False
                if seen == count:
                    return i
        else:
            inside = True
    return 0


# A _LEFT_FAMILY match holds at most seven runs of non-space characters (possessive, relative
# and closing mark), so searching from the eighth run from the end finds the same match.
_FAMILY_RUNS = 8


def left_family(left: str) -> re.Match[str] | None:
    """`_LEFT_FAMILY.search(left)`: the pattern ends at the end of `left`, so the search starts
    near the end instead of trying every position of the window."""
    return _LEFT_FAMILY.search(left, _last_chunks(left, _FAMILY_RUNS))


def _tail(left: str, marks: str) -> str:
    """`left` without trailing spaces and at most one closing mark from `marks`."""
    tail = left.rstrip()
    if tail and tail[-1] in marks:
        tail = tail[:-1].rstrip()
    return tail


_PARENT_WORDS = word_set("mum mam mom mother dad da father")


def _family_role(poss: str | None, kind: str) -> str:
    if kind == "par":
        return CARER if poss in ("my", "our") else RELATIVE
    if kind == "sib":
        if poss is not None and poss.endswith("'s") and poss[:-2] in _PARENT_WORDS:
            return RELATIVE  # "birth mum's sister Roxanne": an aunt
        return KIN if poss == "my" else SIBLING
    return CHILD


_FAMILY_WORDS = word_set(
    "mum mam mom mummy mammy mother dad da daddy father stepdad step-dad stepmum step-mum "
    "stepfather stepmother nan nana nanna nanny gran granny grandma grandmother grandad "
    "granddad grandpa grandfather great-nan aunt auntie aunty uncle cousin brother sister "
    "sibling twin parent parents grandson granddaughter grandchild grandkid nephew niece son "
    "daughter child fc one lo lad boy girl placement person yp boyfriend girlfriend partner "
    "husband wife fella bloke ex bio birth "
    "nani dadi dada khala phupho phuppo chacha mamu mamoo taya ammi abbu bibi"
)
_CARER_WORDS = word_set(
    "welcome hi hello hiya hey thanks thank you cheers congrats congratulations i'm im am "
    "is name me husband wife hubby partner half fiance fiancee fiancé fiancée carer friend just "
    "mate neighbour"
)
_RIGHT_NEAR = frozenset({"from", "at", "in", "with", "on", "who", "and", "to", "as", "our", "my",
                         "his", "her", "their", "the", "a", "new", "kids", "kids'"})  # fmt: skip
# "I've emailed Gareth Pugh", "chased Dawn again": carers email and chase professionals, but
# "rang Kyle's school" is about the child.
_CONTACT_VERBS = word_set("emailed e-mailed rang phoned chased contacted cc'd cc'ed")
_LEFT_CONTACTED = re.compile(
    r"(?:^|\s)(?:emailed|e-mailed|rang|phoned|chased|contacted|cc'd|cc'ed)\s+$"
)


def _contacted(before: list[str], left: str, gap_after: str) -> bool:
    return (
        bool(before)
        and before[-1] in _CONTACT_VERBS
        and not gap_after.startswith(("'", "\u2019"))
        and _LEFT_CONTACTED.search(left) is not None
    )


# "Colin Barraclough? he's our new SW": a pronoun straight after a name may introduce its role.
_PRONOUNS = frozenset({"he", "she", "they"})
_MEDIA_WORDS = word_set(
    "book books training course podcast video videos workout workouts film films show model "
    "approach method talk webinar documentary song songs concert tour programme series on "
    "solicitors law legal ltd limited plc lorry lorries removals builders motors taxis "
    "opticians pharmacy dental foundation trust charity co cafe café tearoom tearooms tea "
    "restaurant bistro pub inn hotel bakery shop stores"
)


def classify(doc: Doc, mention: Mention, lex: Lexicon) -> str:
    """The role of the person named by `mention`."""
    full_low = doc.low[mention.start : mention.end]
    if mention.kind != FIRST and (
        full_low in lex.public_figures or full_low.removesuffix("'s") in lex.public_figures
    ):
        return PUBLIC  # "Gareth Bale", and "Miss Trunchbull" among the titled
    if mention.kind == TITLED:
        return PROFESSIONAL
    before = doc.bases[max(0, mention.first - 4) : mention.first]
    after = doc.bases[mention.last + 1 : mention.last + 4]
    near_after = after[0] if after else ""
    gap_after = doc.text[mention.end : mention.end + 3]
    if (
        mention.kind == FULL
        and not _MEDIA_WORDS.isdisjoint(after)
        and _RIGHT_MEDIA.match(doc.text, mention.end) is not None
    ):
        return PUBLIC
    window = doc.low[max(0, mention.start - _WINDOW) : mention.start]
    left = window
    right = doc.low[mention.end : mention.end + _WINDOW]
    if not _FAMILY_WORDS.isdisjoint(before):
        # "Tyrese's birth mum is Georgia Whitlock": the relative named after "is".
        left = _IS_TAIL.sub("", left)
    if not _FAMILY_WORDS.isdisjoint(before) and _tail(left, ",:(-").endswith(_FAMILY_ENDINGS):
        fam = left_family(left)
        if fam is not None:
            role = _from_family(fam)
            if role == KIN and _children_of(doc, mention):
                return RELATIVE  # "my daughter Kirsty's two have been with me since May"
            if role != KIN or not _parent_after(gap_after, right):
                return role
            # "my sister Roxanne (their mum)": a kinship carer's relative who is the parent
    if _parent_after(gap_after, right) or _parent_named_as(window):
        return RELATIVE
    if (
        not ROLE_WORDS.isdisjoint(before)
        or not ROLE_WORDS.isdisjoint(after)
        or near_after in _RIGHT_NEAR
        or near_after in _PRONOUNS
        or "(" in gap_after
        or (bool(before) and before[-1] == "with")
    ) and professional_context(_IS_TAIL.sub("", left), right):
        return PROFESSIONAL  # "Brody's SW is Jenna Platt" as well as "SW Jenna Platt"
    if _contacted(before, left, gap_after):
        return PROFESSIONAL
    if (
        not _CARER_WORDS.isdisjoint(before)
        and _tail(left, ",").endswith(_CARER_ENDINGS)
        and _LEFT_CARER.search(left) is not None
    ):
        return CARER
    if near_after in ("and", "to", "welcome") and _RIGHT_CARER.match(right) is not None:
        return CARER
    return CHILD


_OFFSPRING = word_set("two three four kids children boys girls baby babies little lot bairns weans")
_KINSHIP_WORDS = word_set("sgo kinship placed placement custody residence")


def _children_of(doc: Doc, mention: Mention) -> bool:
    """ "Kirsty's two have been with me on the SGO": the named person's children, in a message
    about the carer bringing them up (not grandchildren visiting for tea)."""
    i = mention.last
    if i not in doc.possessive or i + 1 >= len(doc.bases) or doc.bases[i + 1] not in _OFFSPRING:
        return False
    low = doc.low
    return not doc.wordset.isdisjoint(_KINSHIP_WORDS) or "with me" in low or "with us" in low


# "Mum's Kayleigh, 19", "Dad's name is Carl Bishop": a parent named at the start of a sentence.
_NAMED_AS = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:birth\s+|bio\s+)?(?:mum|mam|dad|da|mother|father)(?:'s|\u2019s| is)"
    r"(?:\s+name(?:'s| is))?\s+$"
)


def _parent_named_as(left: str) -> bool:
    return left.endswith(_NAMED_AS_ENDINGS) and _NAMED_AS.search(left) is not None


_NAMED_AS_ENDINGS = ("'s ", "\u2019s ", " is ")


def _parent_after(gap_after: str, right: str) -> bool:
    """ "Roxanne (their mum)", "Lee, her dad,": a birth relative named in apposition."""
    return ("(" in gap_after or "," in gap_after) and _RIGHT_FAMILY.match(right) is not None


def _from_family(fam: re.Match[str]) -> str:
    poss = fam.group("poss")
    if fam.group("par") is not None:
        return _family_role(poss, "par")
    if fam.group("sib") is not None:
        return _family_role(poss, "sib")
    kid = fam.group("kid") or ""
    if poss == "my" and kid in ("son", "daughter"):
        return KIN
    return CHILD


def first_name_key(doc: Doc, mention: Mention) -> str:
    """The lowercase first name of a mention, used to find later mentions of the same child."""
    return doc.bases[mention.first] if mention.kind != TITLED else doc.bases[mention.last]
