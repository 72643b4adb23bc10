"""Named schools, nurseries, colleges and PRUs.

Two routes: a name followed by a school word ("Oakfield Primary", "St Anne's CE Juniors",
"little acorns nursery"), or a bare name after a school verb or a school role ("starts at
Westfield in September", "deputy head at Westfield", "goes to SJB"). Generic phrases
("the school", "Virtual School", "Forest School", "free school meals") are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .lexicon import Lexicon
from .text import Doc
from .types import SCHOOL, Span

SCHOOL_TYPES = frozenset(
    {"primary", "junior", "juniors", "infant", "infants", "nursery", "high", "academy",
     "college", "grammar", "secondary", "school", "pru", "prep", "ce", "rc", "c", "catholic",
     "prim", "comp", "accademy", "acadamy", "integrated", "ps",
     "methodist", "community", "middle", "sixth", "form", "church", "cofe", "c.e", "r.c",
     "free", "specialist", "special", "day", "pre-school", "preschool", "pupil", "referral"}
)  # fmt: skip
# Words that close a school name.
_HEADS = frozenset(
    {"prim", "comp", "ps", "e", "accademy", "acadamy", "unit", "primary", "juniors", "junior",
     "infants", "infant", "nursery", "high", "academy", "college", "grammar", "school", "pru",
     "prep", "preschool", "pre-school"}
)  # fmt: skip
# Shortened school words, a school only straight after a capitalised name ("Ardmore
# Integrated PS", as primary schools are written in Northern Ireland and Scotland).
_SHORT_HEADS = frozenset({"prim", "comp", "ps"})
# Name words that make the phrase generic rather than a named school.
_GENERIC = frozenset(
    {"virtual", "forest", "sunday", "summer", "home", "secondary", "primary", "local",
     "special", "boarding", "new", "old", "same", "free", "night", "driving", "dance",
     "drama", "swimming", "football", "holiday", "high", "junior", "infant", "nursery",
     "grammar", "private", "state", "faith", "catholic", "church", "community", "village",
     "big", "little", "first", "last", "next", "previous", "current", "mainstream", "day",
     "open", "royal", "sixth", "form", "further", "education", "art", "music", "ballet",
     "stage", "theatre", "language", "beauty", "hair", "tech", "technical", "specialist",
     "independent", "comprehensive", "public", "medical", "nursing", "police", "pre",
     "breakfast", "after", "afterschool", "sen", "send", "pupil", "referral",
     "unit", "camhs", "hospital", "bible", "ofsted", "rainbow", "premier", "infants",
     "pe", "tuition", "reading", "maths", "english", "welsh", "eco", "city", "town",
     "decent", "nice", "lovely", "great", "brilliant", "rubbish", "small", "tiny", "huge",
     "outstanding", "good", "bad", "awful", "amazing", "fab", "excellent", "nearby",
     "different", "closest", "nearest", "usual", "former", "chosen", "preferred",
     "catchment", "feeder", "two", "three", "both", "separate", "alternative", "whole",
     "proper", "normal", "regular", "actual", "real", "busy", "quiet", "strict", "full",
     "share", "residential", "resi", "play", "toddler", "baby", "annual", "review", "meal",
     "exam", "panel", "pep", "lesson", "revision", "interview", "court", "contact", "meeting"}
)  # fmt: skip
# Nouns after a lowercase school word that make it a modifier ("school run").
_MODIFIED = frozenset(
    {"meals", "meal", "run", "runs", "bus", "uniform", "uniforms", "holidays", "holiday",
     "trip", "trips", "gate", "gates", "nurse", "office", "report", "reports", "photos", "day",
     "days", "dinners", "dinner", "lunch", "lunches", "transport", "taxi", "shoes", "bag",
     "term", "place", "places", "admissions", "appeal", "appeals", "work", "fees", "staff"}
)  # fmt: skip
_NOT_A_COLLEGE = frozenset({"hospital", "london", "university", "road", "street", "green"})
# The carer's own study: "my SVQ", "my level 3", "I'm doing an access course".
_OWN_COURSE = re.compile(
    r"\b(?:my|i'm doing|im doing|i'm on|im on|i'm starting|i started)\s+(?:an?\s+|the\s+)?"
    r"(?:\w+\s+)?(?:svq|nvq|course|degree|diploma|qualification|level \d|access course|"
    r"foundation degree|apprenticeship|training|classes)\b",
    re.IGNORECASE,
)
_JOINERS = frozenset({"st", "st.", "saint", "of", "and", "&", "e", "the"})
# Joiners dropped from the front of a school name (a saint stays: "St Anne's").
_LEADING_JOINERS = _JOINERS - {"st", "st.", "saint"}
_CONTEXT = re.compile(
    r"(?i:goes to|go to|going to|attends|attending|attended|started at|starts at|start at|"
    r"starting at|moved to|moving to|move to|transferred to|got into|got a place at|"
    r"place at|offered|excluded from|expelled from|kicked out of|head at|teacher at|"
    r"senco at|sendco at|ta at|dsl at|dt at|deputy head at|headteacher at|head teacher at|"
    r"keyworker at|key worker at|first day at|last day at|(?:new )?school is|nursery is|"
    r"(?:anyone|anybody|any1)(?: else)? at|"
    r"office at|reception at|nursery at|pupil at|(?:year|yr) ?\d{1,2} at|"
    r"(?:kids?|children|child|son|daughter|grandson|granddaughter|young person|yp) (?:at|in))\s+"
    r"((?:St\.? |Saint )?[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}|[A-Z]{2,4}\b)"
)
# Tokens from a _CONTEXT cue's first word to the first of the name after it, at most.
_CUE_REACH = 4
# "from st anselms", "at St Bede's": a saint's name in a school sentence.
_SAINT = re.compile(r"\b(?i:at|from|to|into|for)\s+((?i:st\.?|saint)\s+[A-Za-z][\w'-]*)")
_SCHOOL_VERB = re.compile(
    r"\b(?:starts?|started|starting|go|goes|going|attends|moved|moving|place|kids?|children|"
    r"son|daughter|grandson|granddaughter|young person)\s*$"
)
_SAINT_NOT = frozenset(
    {"hospital", "church", "day", "day's", "ambulance", "hospice", "park", "station", "court",
     "road", "street", "square", "centre", "shopping"}
)  # fmt: skip
_SCHOOLISH = re.compile(
    r"\b(?:pick up|pick-up|pickup|collect|collecting|drop off|drop-off|home time|"
    r"school|year \d|yr ?\d|y\d|[ps][1-7]|reception|class|teacher|uniform|term|nursery|sept|"
    r"september|"
    r"head|senco|sendco|pep|exclusion|excluded|primary|secondary|pupil|timetable|gcses?|"
    r"sats|playground|transition|place|offer|blazers?|star of the (?:week|day)|house points)\b",
    re.IGNORECASE,
)
_NOT_SCHOOL_NAMES = frozenset(
    {"brownies", "scouts", "cubs", "beavers", "guides", "rainbows", "cadets", "church",
     "mosque", "madrasa", "madrassa", "gym", "swimming", "football", "school", "camhs",
     "contact", "court", "panel", "respite", "hospital", "asda", "tesco", "aldi", "lidl",
     "nan", "nans", "nan's", "mum", "dad", "mcdonalds", "kfc", "costa", "greggs", "the",
     "i", "sw", "iro", "la", "pep", "lac", "ehcp", "sgo", "send", "sen", "ofsted", "cafcass",
     "september", "sept", "january", "jan", "april", "easter", "christmas", "monday",
     "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "year", "reception",
     "nursery", "secondary", "primary", "college", "uni", "university", "work", "bed",
     "big", "high", "our", "his", "her", "their", "my", "a", "an", "hogwarts", "malory",
     "trinians"}
)  # fmt: skip


# Acronyms that name a kind of school or need, not a school ("an ASD unit", "SEN school").
_TYPE_ACRONYMS = frozenset(
    {"sen", "send", "semh", "sebd", "ebd", "mld", "sld", "pmld", "asd", "asc", "ld", "pru",
     "lac", "la", "sgo", "pe", "re", "it", "dt", "ce", "rc", "cofe", "eal", "ehcp", "vs", "uk",
     "nhs", "sw", "iro", "fc", "yp", "lo", "ta", "dsl", "gcse", "fe", "he", "pta", "ofsted",
     "ks", "rec", "ict", "pshe", "sats", "mat", "lea", "ifa"}
)  # fmt: skip


def _name_token(doc: Doc, k: int, lower_ok: bool, lex: Lexicon, adjacent: bool = False) -> bool:
    """Token k can be part of a school's name; `adjacent`: it is right before the school word."""
    word = doc.word(k)
    base = doc.bases[k]
    if base in _JOINERS:
        return True
    if not word[0].isalpha():
        return False
    if word.isupper() and len(word) > 1 and lower_ok:
        # "OLOL primary" names a school; "SGO and school", "SEN school" do not.
        return (
            adjacent
            and 2 < len(word) <= 5
            and word.isalpha()
            and base not in _TYPE_ACRONYMS
            and base not in _GENERIC
        )
    if word[0].isupper():
        if base not in lex.common_words or base in ("st", "saint"):
            return True
        # "Hawthorn Reach Primary": an everyday word inside a name that starts before it
        return (
            k > 0
            and doc.joined(k - 1)
            and doc.cap(k - 1)
            and doc.bases[k - 1] not in lex.common_words
            and doc.word(k - 1).isalpha()
        )
    return lower_ok and base not in lex.common_words and base not in _GENERIC


def _typed_schools(doc: Doc, lex: Lexicon) -> list[Span]:
    spans: list[Span] = []
    n = len(doc.bases)
    hits = doc.wordset & _HEADS
    k = 0
    for k0 in doc.where(hits):
        if k0 < k:
            continue
        k = k0
        base = doc.bases[k]
        end_tok = k
        while end_tok + 1 < n and doc.joined(end_tok) and doc.bases[end_tok + 1] in _HEADS:
            end_tok += 1
        lower = not doc.cap(k)
        if lower and base == "high" and (end_tok == k or doc.bases[k + 1] != "school"):
            k = end_tok + 1
            continue
        if (
            lower
            and base == "school"
            and end_tok == k
            and end_tok + 1 < n
            and doc.bases[end_tok + 1] in _MODIFIED
        ):
            k = end_tok + 1  # "free school meals", "the school run": a modifier, not a name
            continue
        if base in _SHORT_HEADS and (
            k == 0 or not doc.cap(k - 1) or (base == "ps" and doc.word(k) != "PS")
        ):
            k = end_tok + 1  # "the photo comp": only "Penrhos Comp", "Oakfield prim"
            continue
        if base == "college" and end_tok + 1 < n and doc.bases[end_tok + 1] in _NOT_A_COLLEGE:
            k = end_tok + 1  # "King's College Hospital", "Imperial College London"
            continue
        if base == "college" and _OWN_COURSE.search(_sentence(doc, doc.starts[k], doc.ends[k])):
            k = end_tok + 1  # "started my SVQ at Clydeside College": the carer's own course
            continue
        if base == "e" and (k < 2 or doc.bases[k - 2 : k] != ["c", "of"] or not doc.cap(k)):
            k += 1  # only "C of E", as in "Ashgrove C of E"
            continue
        if base == "unit" and (k < 2 or doc.bases[k - 1] != "referral"):
            k += 1  # only "Pupil Referral Unit"
            continue
        start_tok = k
        while (
            start_tok - 1 >= 0
            and k - start_tok < 6
            and doc.joined(start_tok - 1)
            and not (lower and doc.bases[start_tok - 1] == "the")
            and (
                doc.bases[start_tok - 1] in SCHOOL_TYPES
                or _name_token(doc, start_tok - 1, lower, lex, adjacent=start_tok == k)
            )
        ):
            start_tok -= 1
        while start_tok < k and doc.bases[start_tok] in _LEADING_JOINERS:
            start_tok += 1
        names = [
            doc.bases[t]
            for t in range(start_tok, k)
            if doc.bases[t] not in SCHOOL_TYPES and doc.bases[t] not in _JOINERS
        ]
        proper = [w for w in names if w not in _GENERIC and w not in lex.places]
        if names and names[-1] in _GENERIC:
            proper = []  # "Wednesday and the Virtual School": the name is the generic part
        if lower and doc.word(k - 1).endswith("'s") and base in ("school", "nursery", "college"):
            proper = []  # "Bradley Nash's school": a person's school, not its name
        if lower and base == "school" and not any(doc.cap(t) for t in range(start_tok, k)):
            proper = []  # "the school", "share the school run": too generic in lowercase
        saint = any(doc.bases[t] in ("st", "saint") for t in range(start_tok, k))
        high_street = base == "high" and doc.cap(k) and _street_after(doc, k)
        if (proper or (saint and names)) and not high_street:
            spans.append(Span(doc.starts[start_tok], doc.ends[end_tok], SCHOOL))
        k = end_tok + 1
    return spans


def _street_after(doc: Doc, k: int) -> bool:
    return k + 1 < len(doc.bases) and doc.bases[k + 1] in ("street", "st", "court", "road")


def _context_matches(doc: Doc) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    wordset = doc.wordset
    words = wordset & _CONTEXT_WORDS
    if words and not words.isdisjoint(_CUE_NEXT):
        # An everyday cue word counts only if the word it needs next is in the message too.
        words = frozenset(
            [w for w in words if w not in _CUE_NEXT or not wordset.isdisjoint(_CUE_NEXT[w])]
        )
    if not words:
        return found
    capitalised = doc.capitalised
    bases = doc.bases
    last = len(bases) - 1
    for k in doc.where(words):
        need = _CUE_NEXT.get(bases[k])
        if need is not None and (k == last or bases[k + 1] not in need):
            continue  # "new" opens a cue only as "new school is", "kids" only as "kids at"
        # The name after the cue starts with a capital within four tokens ("got a place at X").
        at = bisect_right(capitalised, k)
        if at == len(capitalised) or capitalised[at] > k + _CUE_REACH:
            continue
        m = _CONTEXT.match(doc.text, doc.starts[k])
        if m is not None:
            found.append(m)
    return found


def _context_schools(doc: Doc, lex: Lexicon) -> list[Span]:
    spans: list[Span] = []
    for m in _context_matches(doc):
        name = m.group(1)
        first = name.split()[0].lower().rstrip(".")
        if first in _NOT_SCHOOL_NAMES or name.lower() in lex.places:
            continue
        if first in lex.places and len(name.split()) == 1:
            continue
        sentence = _sentence(doc, m.start(1), m.end(1))
        role_context = "at" in m.group().split()[:3] and m.group().split()[0].lower() in (
            "head", "teacher", "senco", "sendco", "ta", "dsl", "dt", "deputy", "headteacher",
            "keyworker", "key",
        )  # fmt: skip
        kids_at = m.group().split()[0].lower() in _KID_WORDS or m.group()[:3].lower() == "any"
        if kids_at and (name.isupper() or _SCHOOLISH.search(sentence) is not None):
            # "got kids at SMB? ... the school say": an acronym, with school talk nearby
            near = _SCHOOLISH.search(doc.text, max(0, m.start() - 150), m.end() + 150)
            if near is not None:
                spans.append(Span(m.start(1), m.end(1), SCHOOL))
            continue
        if role_context or _SCHOOLISH.search(sentence) is not None:
            spans.append(Span(m.start(1), m.end(1), SCHOOL))
    return spans


def _sentence(doc: Doc, start: int, end: int) -> str:
    text = doc.text
    lo = max(text.rfind(stop, 0, start) for stop in ".!?\n") + 1
    hi = min((p for p in (text.find(stop, end) for stop in ".!?\n") if p != -1), default=len(text))
    return text[lo:start] + " " + text[end:hi]


# "st josephs have rung again": a saint's name in its possessive form, in a school sentence,
# with no preposition before it.
_BARE_SAINT = re.compile(r"(?<![\w'])((?i:st\.?|saint)\s+[A-Za-z][\w-]*(?:'s|s'|s))(?![\w'])")


def _saint_schools(doc: Doc, lex: Lexicon) -> list[Span]:
    spans = _saint_schools_after(doc, lex)
    taken = {s.start for s in spans}
    for m in _BARE_SAINT.finditer(doc.text):
        if m.start(1) in taken or not _saint_ok(doc, m, lex):
            continue
        if _SCHOOLISH.search(_sentence(doc, m.start(1), m.end(1))):
            spans.append(Span(m.start(1), m.end(1), SCHOOL))
    return spans


def _saint_ok(doc: Doc, m: re.Match[str], lex: Lexicon) -> bool:
    """Not a town ("St Helens") and not a hospital, church or park named after the saint."""
    low = m.group(1).lower().replace(".", "")
    if low in lex.places or low.replace("'", "") in lex.places:
        return False
    nxt = doc.low[m.end(1) : m.end(1) + 12].split()
    return not (nxt and nxt[0].strip(",.!?") in _SAINT_NOT)


def _saint_schools_after(doc: Doc, lex: Lexicon) -> list[Span]:
    spans: list[Span] = []
    for m in _SAINT.finditer(doc.text):
        if not _saint_ok(doc, m, lex):
            continue
        verb = _SCHOOL_VERB.search(doc.low, max(0, m.start() - 14), m.start())
        if verb is not None or _SCHOOLISH.search(_sentence(doc, m.start(1), m.end(1))):
            spans.append(Span(m.start(1), m.end(1), SCHOOL))
    return spans


# Everyday words that open a school cue only before one of these: checked before the pattern.
_AT_IN = frozenset({"at", "in"})
_CUE_NEXT: dict[str, frozenset[str]] = {
    "new": frozenset({"school"}), "school": frozenset({"is"}), "first": frozenset({"day"}),
    "last": frozenset({"day"}), "anyone": frozenset({"at", "else"}),
    "anybody": frozenset({"at", "else"}), "any1": frozenset({"at", "else"}),
    "young": frozenset({"person"}), "key": frozenset({"worker"}),
    "kid": _AT_IN, "kids": _AT_IN, "child": _AT_IN, "children": _AT_IN, "son": _AT_IN,
    "daughter": _AT_IN, "grandson": _AT_IN, "granddaughter": _AT_IN, "yp": _AT_IN,
}  # fmt: skip
_KID_WORDS = frozenset({"kid", "kids", "children", "child", "son", "daughter", "grandson",
                        "granddaughter", "young", "yp"})  # fmt: skip
_CONTEXT_WORDS = _KID_WORDS | frozenset(
    {"goes", "go", "going", "attends", "attending", "attended", "started", "starts", "start",
     "starting", "moved", "moving", "move", "transferred", "got", "place", "offered",
     "excluded", "expelled", "kicked", "head", "teacher", "senco", "sendco", "ta", "dsl",
     "deputy", "headteacher", "office", "reception", "nursery", "pupil", "year", "yr", "dt",
     "keyworker", "key", "first", "last", "school", "new", "anyone", "anybody", "any1"}
)  # fmt: skip


def find_schools(doc: Doc, lex: Lexicon) -> list[Span]:
    words = doc.wordset
    spans = [] if words.isdisjoint(_HEADS) else _typed_schools(doc, lex)
    spans.extend(_context_schools(doc, lex))
    if "st" in words or "saint" in words:
        spans.extend(_saint_schools(doc, lex))
    if "ysgol" in words:
        spans.extend(_welsh_schools(doc, lex))
    if "sch.uk" in doc.low:
        spans.extend(_schools_named_in_email(doc))
    return spans


# A school's email domain spells its name: "office@thornleighmoor.wigan.sch.uk".
_SCHOOL_DOMAIN = re.compile(r"@([a-z0-9-]+)\.(?:[a-z0-9-]+\.)?sch\.uk\b")
# Longest run of capitalised words tried against a domain ("Thornleigh Moor").
_DOMAIN_WORDS = 3


def _schools_named_in_email(doc: Doc) -> list[Span]:
    """The school whose email address is given, where the message also names it in words:
    "Thornleigh Moor have a different one. Emailed office@thornleighmoor.wigan.sch.uk"."""
    names = {m.group(1).replace("-", "") for m in _SCHOOL_DOMAIN.finditer(doc.low)}
    spans: list[Span] = []
    caps = doc.capitalised
    for i in caps:
        joined = ""
        for k in range(i, min(i + _DOMAIN_WORDS, len(doc.bases))):
            if k > i and (not doc.joined(k - 1) or not doc.cap(k)):
                break
            joined += doc.bases[k].replace("'", "").replace("-", "")
            if joined in names:
                spans.append(Span(doc.starts[i], doc.ends[k], SCHOOL))
                break
    return spans


# Welsh-medium schools put the school word first: "Ysgol Cwm Derwen", "Ysgol Gynradd Llanfair".
_YSGOL = re.compile(r"(?<![\w'])[Yy]sgol(?:\s+[A-Z][\w'-]*){1,3}")
# In lowercase, up to three name words that are not everyday words: "ysgol bryn eithin in
# september" ends before "in".
_YSGOL_LOWER = re.compile(r"(?<![\w'])ysgol((?:\s+[a-z][\w'-]*){1,3})")


def _welsh_schools(doc: Doc, lex: Lexicon) -> list[Span]:
    spans = [Span(m.start(), m.end(), SCHOOL) for m in _YSGOL.finditer(doc.text)]
    for m in _YSGOL_LOWER.finditer(doc.text):
        words = m.group(1).split()
        while words and words[-1] in lex.common_words:
            words.pop()
        if (
            words
            and words[0] not in lex.common_words
            and not any(s.start == m.start() for s in spans)
        ):
            end = m.start(1) + m.group(1).index(words[-1]) + len(words[-1])
            spans.append(Span(m.start(), end, SCHOOL))
    return spans
