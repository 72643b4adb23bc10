"""Finds mentions of people: full names, lone first names and titled names ("Mrs Kaur").

Generalises past the name lists by structure: a capitalised word straight after a known first
name is read as a surname, and lowercase text falls back to the surname list and surname shapes
(o'brien, mcleod, -ski, -escu). Who the person is (child, relative, professional) is decided in
`roles`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, final

from .cues import RIGHT_ROLE, ROLE_WORDS, professional_context
from .health import health_phrase_at
from .lexicon import TITLES, Lexicon
from .text import Doc

# Initials used as a first name ("JJ Thornbury"); "PJ", "DJ" and "BJ" are words too.
INITIAL_NAMES = frozenset({"aj", "cj", "jj", "kj", "tj", "rj"})
NICKNAME_PREFIXES = frozenset({"lil", "little", "big", "baby"})
# Common second halves of double first names ("Tia-Mae", "Ruby-Jo", "Alfie-Jay").
_COMPOUND_PARTS = frozenset(
    {"mae", "may", "jo", "jay", "leigh", "lee", "rose", "louise", "james", "marie", "ann",
     "anne", "belle", "grace", "lou", "ray", "jane", "jean", "lynn", "beth", "rae", "jai"}
)  # fmt: skip
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec"}
)  # fmt: skip
# Capitalised words that follow a first name but are not surnames.
NOT_SURNAMES = frozenset(
    {"i", "mum", "mam", "mom", "dad", "nan", "nana", "gran", "grandma", "grandad", "auntie",
     "aunty", "aunt", "uncle", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
     "christmas", "xmas", "easter", "eid", "diwali", "halloween", "birthday", "school",
     "primary", "high", "academy", "college", "nursery", "juniors", "junior", "infants",
     "infant", "road", "street", "lane", "avenue", "drive", "close", "grove", "court", "way",
     "terrace", "crescent", "gardens", "place", "estate", "year", "reception", "team",
     "service", "centre", "center", "council", "hospital", "surgery", "pru", "yes", "no",
     "ok", "okay", "thanks", "thank", "please", "lol", "omg", "haha", "hi", "hello", "bless",
     "xx", "xxx", "x", "love", "hugs", "sponge", "tea", "period", "fool", "fools", "park", "garden",
     "station", "square", "united", "city", "town", "rovers", "wanderers", "athletic",
     "albion", "county", "villa", "pier", "beach", "zoo", "museum", "cathedral", "library",
     "project", "arena", "stadium", "theatre", "theater", "gallery", "festival", "hotel",
     "cinema", "leisure", "village", "world", "land", "kingdom", "farm", "centre's",
     "facebook", "tiktok", "instagram", "snapchat", "whatsapp", "youtube", "messenger",
     "google", "zoom", "teams", "netflix", "xbox", "playstation", "mcdonalds", "mcdonald's",
     "epipen", "calpol", "inhaler", "tourette", "tourettes", "crohn", "asperger", "aspergers",
     "card", "island", "bush", "bushes", "tree", "trees", "pass", "ticket", "voucher", "app",
     "inn", "arms", "tavern"}
)  # fmt: skip
# Cue words after which a capitalised unknown word is still taken as a child's first name.
CHILD_CUES = frozenset(
    {"grandson", "granddaughter", "nephew", "niece", "called", "named", "fc", "placement",
     "grandchild", "foster-son", "foster-daughter", "boy", "girl", "lad", "lass"}
)  # fmt: skip
# "our young man Filmon", "the young lady Amira": a child after "young" and one of these.
_YOUNG_NOUNS = frozenset({"man", "lady", "woman", "person"})
# Birth-relative words after which a capitalised unknown word is read as that person's name
# ("birth mum Jolene", "uncle Dwayne"); roles then decide whose relative it is.
RELATIVE_CUES = frozenset(
    {"nani", "dadi", "dada", "khala", "phupho", "phuppo", "chacha", "mamu", "mamoo", "taya",
     "ammi", "abbu", "bibi",
     "mum", "mam", "mom", "mother", "dad", "father", "nan", "nana", "nanna", "gran", "granny",
     "grandma", "grandad", "grandpa", "aunt", "auntie", "aunty", "uncle", "cousin", "stepdad",
     "step-dad", "stepmum", "step-mum"}
)  # fmt: skip
# Words after an unknown "Name's" that make it a person's name ("Jaiden's new address").
_POSSESSED = frozenset(
    {"mum", "mam", "dad", "birth", "bio", "nan", "nana", "gran", "grandma", "grandad", "auntie",
     "aunt", "uncle", "brother", "sister", "sw", "social", "school", "teacher", "senco",
     "address", "dob", "birthday", "diagnosis", "meds", "medication", "contact", "placement",
     "foster", "carers", "nhs", "upn", "mosaic", "lcs", "passport", "pep", "ehcp", "case",
     "nursery", "college", "class", "mobile", "phone",
     "ref", "reference", "id", "epilepsy", "adhd", "autism", "asthma", "inhaler", "seizures",
     "eczema", "allergy", "allergies", "condition", "paediatrician", "consultant", "tablets",
     "epipen", "diabetes", "insulin", "prescription", "paed", "appointment", "gp", "dentist",
     "hospital"}
)  # fmt: skip
# Surname shapes distinctive enough to make a name-word a first name ("poppy mcgarrigle").
_DISTINCT_SURNAME = re.compile(
    r"(?:o'|mc|mac(?=[a-z]{4})|fitz)[a-z]{3,}|"
    r"[a-z]{2,}(?:ski|ska|wicz|czyk|czak|enko|escu|opoulos|ovic|evic|ovich|auskas|aitis)"
)
_SURNAME_SHAPE = re.compile(
    r"(?:o'|mc|mac(?=[a-z]{4})|fitz)[a-z]{3,}|[a-z]+-[a-z]+|"
    r"[a-z]{2,}(?:ski|ska|wicz|czyk|czak|enko|escu|opoulos|ovic|evic|ovich|ová|ova|ovs|auskas|"
    r"ienė|aitis|son|sen|sson|stein|berg|mann|worth|thwaite|bottom|shaw|croft|castle|field|"
    r"ford|ley|ton|ham|wood|well|bridge|hurst|stone|more|combe|dale|thorpe|wick)"
)

_BRACKET_RELATIVE = re.compile(
    r"\s*\((?:the |my |his |her |their )?(?:[a-z]+s' |[a-z]+'s )?(?:birth )?"
    r"(?:mum|mam|dad|da|uncle|aunt|auntie|aunty|nan|nana|gran|granny|grandad|cousin|brother|"
    r"sister|stepdad|stepmum)\)"
)


def _bracket_relative_after(doc: Doc, i: int) -> bool:
    end = doc.ends[i]
    return "(" in doc.text[end : end + 3] and _BRACKET_RELATIVE.match(doc.low, end) is not None


_NAME_IS = ("name is ", "name's ", "names ", "called ", "named ", "name: ")

FULL = "full"
FIRST = "first"
TITLED = "titled"


@final
class Mention:
    """A person mentioned in the message, as a token range. A plain class, like `Span`, so
    that compiled scans build it cheaply."""

    __slots__ = ("end", "first", "kind", "last", "start")

    def __init__(self, start: int, end: int, first: int, last: int, kind: str) -> None:
        self.start: Final = start
        self.end: Final = end
        self.first: Final = first  # index of the first name (or title) token
        self.last: Final = last  # index of the last token
        self.kind: Final = kind  # FULL, FIRST or TITLED


def _end(doc: Doc, i: int) -> int:
    """End of token i without a possessive "'s" ("Lexi's" -> "Lexi")."""
    return doc.ends[i] - 2 if i in doc.possessive else doc.ends[i]


def _is_alpha_word(word: str) -> bool:
    return word[0].isalpha()


def compound_first(base: str, lex: Lexicon) -> bool:
    """A double first name such as "tia-mae" or "kerry-ann"."""
    if "-" not in base:
        return False
    head, _, tail = base.partition("-")
    return head in lex.first_names and (tail in lex.first_names or tail in _COMPOUND_PARTS)


def fold_accents(word: str) -> str:
    """ "ciarán" -> "ciaran": the lists hold names without accents."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


def first_strength(doc: Doc, i: int, lex: Lexicon) -> int:
    """0: not a first name; 1: a name only when a surname follows; 2: a first name."""
    word = doc.word(i)
    base = doc.bases[i]
    if not _is_alpha_word(word):
        return 0
    if (
        base not in lex.first_names
        and not compound_first(base, lex)
        and (base.isascii() or fold_accents(base) not in lex.first_names)
    ):
        return 0
    if base in MONTHS:
        return 1 if word[0].isupper() else 0
    upper = word.isupper() and len(word) > 1
    if base in lex.common_words:
        return 0 if not word[0].isupper() or upper else (1 if doc.initial(i) else 2)
    if base in lex.name_words:
        if not word[0].isupper() or upper:
            return 1  # "holly wright": a name only with a listed surname
        if doc.initial(i):
            # "Poppy is back on her meds", "Ruby's mum": a person, not the word.
            return 2 if _person_follows(doc, i) else 1
        return 2
    if upper:
        return 2 if len(word) > 3 or base in INITIAL_NAMES else 1
    return 2


# Verbs that, straight after a sentence-initial name-word, show it is a person's name.
_PERSON_VERBS = frozenset(
    {"is", "was", "has", "had", "got", "gets", "needs", "started", "starts", "goes", "went",
     "keeps", "kept", "said", "says", "told", "loves", "hates", "scored", "turned", "moved",
     "turns", "wants", "wanted", "asked", "asks", "cried", "came", "comes", "didn't",
     "doesn't", "won't", "can't", "isn't", "wasn't", "refuses", "refused"}
)  # fmt: skip


def _person_follows(doc: Doc, i: int) -> bool:
    if _possessed_after(doc, i):
        return True  # "Ruby's birth mum", but not "Bob's your uncle"
    if i + 1 < len(doc.bases) and doc.joined(i) and doc.bases[i + 1] in _PERSON_VERBS:
        return True
    if i in doc.possessive and i + 1 < len(doc.bases) and doc.bases[i + 1] in _AFTER_CONTRACTION:
        return True  # "Felicity's been on melatonin": "'s" for "has"
    # "Dawn the IRO changed the date": a role in apposition.
    return RIGHT_ROLE.match(doc.low[doc.ends[i] : doc.ends[i] + 48]) is not None


def _double_barrelled(base: str, lex: Lexicon) -> bool:
    """ "kerrigan-doyle": two listed surnames joined by a hyphen count as a listed surname."""
    head, dash, tail = base.partition("-")
    return dash == "-" and head in lex.surnames and tail in lex.surnames


def surname_at(doc: Doc, j: int, lex: Lexicon, strict: bool) -> bool:
    """Token j can be a surname. `strict`: the surname must be in the list (weak first name)."""
    word = doc.word(j)
    base = doc.bases[j]
    if not _is_alpha_word(word) or len(base) < 2:
        return False
    if base in NOT_SURNAMES or base in lex.common_words or base in MONTHS:
        return False
    if base in lex.surnames or _double_barrelled(base, lex):
        return True
    distinct = _DISTINCT_SURNAME.fullmatch(base) is not None
    if word[0].isupper():
        if word.isupper() and len(word) <= 4:
            return False
        if strict:
            return distinct
        return base not in lex.places
    if base in lex.name_words:
        return False
    return distinct or (not strict and _SURNAME_SHAPE.fullmatch(base) is not None)


def _title_mention(doc: Doc, i: int, lex: Lexicon) -> Mention | None:
    n = len(doc.bases)
    j = i + 1
    if j >= n:
        return None
    gap = doc.gap(i)
    if gap not in (" ", ". ", "  "):
        return None
    word = doc.word(j)
    if not _is_alpha_word(word) or doc.bases[j] in lex.common_words:
        return None
    if not word[0].isupper() and doc.cap(i):
        return None
    last = j
    if (
        doc.bases[j] in lex.first_names
        and j + 1 < n
        and doc.joined(j)
        and doc.cap(j + 1)
        and surname_at(doc, j + 1, lex, strict=False)
    ):
        last = j + 1
    return Mention(doc.starts[i], _end(doc, last), i, last, TITLED)


# Words near an unknown capitalised word that make it worth checking as a name.
_UNKNOWN_NEXT = frozenset(
    {"from", "at", "on", "in", "who", "the", "our", "my", "his", "her", "their", "is", "was", "as"}
)
_UNKNOWN_GATE = CHILD_CUES | ROLE_WORDS | {"name", "named", "called", "name's", "names", "young"}
# Words straight before an unknown capitalised word that make it worth checking (one lookup).
_UNKNOWN_PREVIOUS = _UNKNOWN_GATE | RELATIVE_CUES | _YOUNG_NOUNS | {"is", "'s"}


def find_mentions(doc: Doc, lex: Lexicon) -> list[Mention]:
    """All person mentions, left to right, non-overlapping."""
    out: list[Mention] = []
    words = doc.wordset
    known = words & lex.name_heads
    if not doc.low.isascii():
        known |= {w for w in words if not w.isascii() and fold_accents(w) in lex.first_names}
    if "-" in doc.low:
        known |= {w for w in words if "-" in w and compound_first(w, lex)}
    unknown_ok = not words.isdisjoint(_UNKNOWN_GATE)
    # Unknown names after a relative ("birth mum Jolene") or before "'s school" are looked for
    # only where those words are, so everyday "mum" and "dad" do not open the wider search.
    slots = _relative_slots(doc) if not words.isdisjoint(RELATIVE_CUES) else []
    if "mc" in doc.low or "o'" in doc.low or "mac" in doc.low:
        slots += _clan_slots(doc, lex)
    if doc.possessive and not words.isdisjoint(_POSSESSED):
        slots += _possessive_slots(doc)
    slots += _subject_slots(doc, lex)
    if "(" in doc.text:
        slots += [i for i in doc.capitalised if _bracket_relative_after(doc, i)]
    if not known and not unknown_ok and not slots and "lil" not in words:
        return out
    heads = known | (words & NICKNAME_PREFIXES)
    cands = doc.where(heads)
    bases = doc.bases
    if unknown_ok or slots:
        unknown = _unknown_caps(doc, heads) if unknown_ok else []
        unknown += [i for i in slots if bases[i] not in heads]
        if unknown:
            # Later mentions of a name learnt from its slot ("Tiegan's school ... confirm
            # Tiegan Docherty") are tried too: they are accepted once the first one is.
            again = {bases[i] for i in unknown}
            unknown += [i for i in doc.capitalised if bases[i] in again]
            cands = sorted({*cands, *unknown})
    learnt: set[str] = set()
    n = len(bases)
    free = 0
    for i in cands:
        if i < free:
            continue
        base = bases[i]
        if base not in heads:
            # Not a listed name, title or nickname (those are all in `heads`), so only a
            # person's slot can make it one.
            if base in learnt or _cued_unknown(doc, i, lex):
                mention = _extend(doc, i, i, 2, lex)
                if mention is not None:
                    learnt.add(base)
                    out.append(mention)
                    free = mention.last + 1
                else:
                    free = i + 1
            continue
        if base in TITLES:
            titled = _title_mention(doc, i, lex)
            if titled is not None:
                out.append(titled)
                free = titled.last + 1
                continue
        start_tok = i
        name_tok = i
        if (
            base in NICKNAME_PREFIXES
            and doc.text[doc.starts[i]].isupper()
            and i + 1 < n
            and doc.joined(i)
            and first_strength(doc, i + 1, lex) == 2
        ):
            name_tok = i + 1
        elif base == "lil" and _lil_unknown(doc, i, lex):
            # "Lil Dre Campbell-Ross": "Lil" marks a nickname even when it is not listed
            mention = _extend(doc, i, i + 1, 2, lex)
            if mention is not None and mention.kind == FULL:
                out.append(mention)
                free = mention.last + 1
                continue
        strength = first_strength(doc, name_tok, lex)
        if (strength == 0 and _cued_unknown(doc, name_tok, lex)) or (
            strength == 1 and _after_role(doc, name_tok)
        ):
            strength = 2
        if strength == 0:
            continue
        mention = _extend(doc, start_tok, name_tok, strength, lex)
        if mention is not None and mention.kind == FIRST and _register_surname(doc, i, free, lex):
            # "NOWAK Zuzanna": a school register's capitalised surname before the first name
            mention = Mention(doc.starts[i - 1], mention.end, i, i, FULL)
        if mention is not None:
            out.append(mention)
            free = mention.last + 1
        else:
            free = name_tok + 1
    return out


# Roles written straight before a worker's first name ("our ssw jo"), and name-words that are
# far more often the verb after them ("the sw will ring").
_ROLE_BEFORE = frozenset({"sw", "ssw", "iro", "fsw", "senco", "sendco", "hv"})
_MODAL_NAMES = frozenset({"will", "may", "mark", "bill", "sue", "pat", "rob", "grant"})


def _after_role(doc: Doc, i: int) -> bool:
    """A name-word straight after a role abbreviation is that worker's name: "ssw jo"."""
    return (
        i > 0
        and doc.joined(i - 1)
        and doc.bases[i - 1] in _ROLE_BEFORE
        and doc.bases[i] not in _MODAL_NAMES
    )


def _lil_unknown(doc: Doc, i: int, lex: Lexicon) -> bool:
    """ "Lil" + a capitalised unlisted word: a nickname worth trying with a surname after it."""
    if i + 2 >= len(doc.bases) or not doc.joined(i) or not doc.cap(i + 1):
        return False
    word = doc.word(i + 1)
    base = doc.bases[i + 1]
    return word.isalpha() and not word.isupper() and base not in lex.common_words


def _register_surname(doc: Doc, i: int, free: int, lex: Lexicon) -> bool:
    """Token i-1 is a listed surname in capitals ("NOWAK"), straight before first name i."""
    if i == 0 or i - 1 < free or not doc.joined(i - 1) or not doc.cap(i):
        return False
    word = doc.word(i - 1)
    return len(word) > 2 and word.isupper() and word.isalpha() and doc.bases[i - 1] in lex.surnames


def _relative_slots(doc: Doc) -> list[int]:
    """Capitalised tokens straight after a relative word: "uncle Dwayne"."""
    n = len(doc.bases)
    return [i + 1 for i in doc.where(RELATIVE_CUES) if i + 1 < n and doc.cap(i + 1)]


# "McKenna", "O'Hare", "MacLeod": a surname by its shape alone.
_CLAN_SURNAME = re.compile(r"(?:o'|mc|mac(?=[a-z]{4}))[a-z]{3,}")


def _before_clan_surname(doc: Doc, i: int, lex: Lexicon) -> bool:
    j = i + 1
    return (
        j < len(doc.bases)
        and doc.joined(i)
        and doc.cap(j)
        and not doc.word(j).isupper()
        and _CLAN_SURNAME.fullmatch(doc.bases[j]) is not None
        and doc.bases[j] in lex.surnames
    )


def _clan_slots(doc: Doc, lex: Lexicon) -> list[int]:
    """Capitalised tokens straight before a listed Mc, Mac or O' surname: "Bugsy McKenna", a
    nickname the first-name list cannot know."""
    return [i for i in doc.capitalised if _before_clan_surname(doc, i, lex)]


# After "Name's" (is or has): words that show a person follows ("Tavi's just started").
_AFTER_CONTRACTION = frozenset(
    {"just", "now", "finally", "already", "still", "been", "got", "going", "moving",
     "starting", "coming", "doing", "having", "off", "back", "settled", "settling"}
)  # fmt: skip
_SUBJECT_VERBS = _PERSON_VERBS | _AFTER_CONTRACTION
# Endings of ordinary nouns and adjectives, rare in first names ("Transition", "Fostering").
_NOUN_ENDINGS = (
    "tion", "sion", "ment", "ness", "ity", "ing", "ance", "ence", "ship", "ism", "ful", "less",
    "ous", "ive", "able", "ible", "ies", "ed",
)  # fmt: skip


def _subject_slots(doc: Doc, lex: Lexicon) -> list[int]:
    """Capitalised words opening a sentence one or two tokens before a person's verb."""
    bases = doc.bases
    n = len(bases)
    found: list[int] = []
    for i in doc.openers():
        if (
            i + 1 < n
            and (bases[i + 1] in _SUBJECT_VERBS or (i + 2 < n and bases[i + 2] in _SUBJECT_VERBS))
            and doc.cap(i)
            and _opens_as_subject(doc, i, lex)
        ):
            found.append(i)
    return found


def _opens_as_subject(doc: Doc, i: int, lex: Lexicon) -> bool:
    """An unlisted capitalised word opening a sentence before a person's verb: "Deontae
    started at...", "Dilnoza is 9", "Kaylan's moving". Everyday nouns in that slot
    ("Contact was cancelled") are on a list, and noun endings are left out."""
    bases = doc.bases
    j = i + 1
    if j >= len(bases):
        return False
    # The verb straight after, or after a surname ("Taliyah Grant-Moss starts at...").
    k = j
    if (
        doc.cap(j)
        and j + 1 < len(bases)
        and bases[j] not in lex.common_words
        and bases[j] not in NOT_SURNAMES
    ):
        k = j + 1
    verb = bases[k]
    if verb not in _PERSON_VERBS and not (k - 1 in doc.possessive and verb in _AFTER_CONTRACTION):
        return False  # the cheap set tests first
    if not doc.initial(i) or not doc.joined(i) or (k > j and not doc.joined(j)):
        return False
    base = bases[i]
    if (
        base in lex.name_heads
        or base in lex.sentence_nouns
        or base in lex.common_words
        or base in NOT_SURNAMES
        or base in lex.places
        or len(base) < 3
        or base.endswith(_NOUN_ENDINGS)
    ):
        return False
    word = doc.word(i).removesuffix("'s").removesuffix("\u2019s")
    return not word.isupper() and word.replace("-", "").isalpha()


def _possessive_slots(doc: Doc) -> list[int]:
    """Capitalised "Name's" tokens before a family or identifier word: "Jaiden's school"."""
    return [i for i in doc.possessive if doc.cap(i) and _possessed_after(doc, i)]


def _unknown_caps(doc: Doc, heads: frozenset[str]) -> list[int]:
    """Capitalised words that are not in `heads` but sit where a name could: after a cue word,
    before "from"/"who"/"is", before a bracket or comma, or as "Name's school".

    One loop with local names: this runs on most messages, for every capitalised word.
    """
    bases = doc.bases
    text = doc.text
    starts = doc.starts
    ends = doc.ends
    last = len(bases) - 1
    found: list[int] = []
    for i in doc.capitalised:
        if bases[i] in heads:
            continue
        if i > 0 and bases[i - 1] in _UNKNOWN_PREVIOUS:
            found.append(i)
        elif i < last:
            gap = text[ends[i] : starts[i + 1]]
            if (
                bases[i + 1] in _UNKNOWN_NEXT
                or "(" in gap
                or "," in gap
                or (i in doc.possessive and _possessed_after(doc, i))
            ):
                found.append(i)
    return found


def _possessed_after(doc: Doc, i: int) -> bool:
    """Token i is "Name's" followed by a family or identifier word ("Jaiden's new address")."""
    if i not in doc.possessive:
        return False
    bases = doc.bases
    j = i + 1
    if j < len(bases) and bases[j] in ("new", "old", "real", "little", "big"):
        j += 1
    return j < len(bases) and (bases[j] in _POSSESSED or health_phrase_at(doc, j))


def _cued_unknown(doc: Doc, i: int, lex: Lexicon) -> bool:
    """A capitalised unknown word in a person's slot: after a child or relative cue ("my
    grandson Kenzo", "birth mum Jolene"), before a possessive ("Jaiden's school") or a role."""
    word = doc.word(i)
    if not word[0].isupper() or word.isupper() or not _is_alpha_word(word):
        return False
    base = doc.bases[i]
    if base in lex.common_words or base in NOT_SURNAMES or base in lex.places:
        return False
    if base in lex.sentence_nouns and doc.initial(i):
        return False  # "Reminder from the fostering team: ..."
    if (
        i > 0
        and (doc.joined(i - 1) or doc.gap(i - 1).strip() == "(")
        and (doc.bases[i - 1] in CHILD_CUES or doc.bases[i - 1] in RELATIVE_CUES)
    ):
        return True  # "my grandson Kenzo", "birth mum (Ioana)"
    if i > 1 and doc.bases[i - 1] in _YOUNG_NOUNS and doc.bases[i - 2] == "young":
        return True
    if _possessed_after(doc, i) or _before_clan_surname(doc, i, lex):
        return True
    if _opens_as_subject(doc, i, lex):
        return True
    if doc.low[max(0, doc.starts[i] - 12) : doc.starts[i]].endswith(_NAME_IS):
        return True
    if _bracket_relative_after(doc, i):
        return True  # "Jamesie (the boys' uncle)"
    # An unknown name in a professional's slot: "Nikita from the kinship team", "SW Zofka".
    if base in lex.first_names or base in TITLES:
        return False
    left = doc.low[max(0, doc.starts[i] - 40) : doc.starts[i]]
    right = doc.low[doc.ends[i] : doc.ends[i] + 48]
    return professional_context(left, right)


def _extend(doc: Doc, start_tok: int, i: int, strength: int, lex: Lexicon) -> Mention | None:
    n = len(doc.bases)
    weak = strength == 1
    cap = doc.cap(i)
    j = i + 1
    if j < n and doc.joined(i) and (cap or not doc.cap(j)) and i not in doc.possessive:
        strict = weak
        if surname_at(doc, j, lex, strict):
            last = j
            # "Tyler James Murphy": a middle name followed by a surname.
            if (
                j + 1 < n
                and doc.joined(j)
                and doc.bases[j] in lex.first_names
                and (doc.cap(j + 1) or not cap)
                and surname_at(doc, j + 1, lex, strict=False)
            ):
                last = j + 1
            return Mention(doc.starts[start_tok], _end(doc, last), start_tok, last, FULL)
    if strength < 2:
        return None
    return Mention(doc.starts[start_tok], _end(doc, i), start_tok, i, FIRST)
