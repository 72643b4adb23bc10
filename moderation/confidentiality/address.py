"""Addresses: UK postcodes in any spacing or case, house number and street, named streets,
flats and estates.

Postcodes are checked against the real list of postcode areas and the letters allowed in the
inward code, which keeps "Y10 1ST" and "B12 vitamins" out. Street names are accepted by shape
(name words + a street word) with a short list of famous and generic streets left out.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon, word_set
from .text import Doc
from .types import ADDRESS, Span

_AREA_CODES = (
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY "
    "E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE "
    "LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL "
    "SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
)
_AREAS = frozenset(_AREA_CODES.split())
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{1,2})(\d[A-Za-z\d]?) ?\s?(\d ?[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})"
    r"(?![A-Za-z0-9])"
)
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)", re.IGNORECASE)

_STRONG_SUFFIX = (
    r"road|rd|street|avenue|ave|lane|drive|close|crescent|grove|terrace|gardens|gdns|mews|"
    r"way|court|place|row|square|parade|rise|vale|fold|croft|brow|wynd|walk|boulevard|"
    r"hill|park|green|view|mount|chase|gate|meadows?|heights|bank|side|approach|dene|garth|"
    r"street|st"
)
_HOUSE = re.compile(
    r"(?<![\w/.:£])(?:(?:flat|apt|apartment|unit)\s*\d{1,4}[a-z]?,?\s+)?\d{1,4}[a-z]?,?\s+"
    r"((?:[A-Za-z][\w'-]*\s+){1,3}?)"
    rf"({_STRONG_SUFFIX})\b(?!\s+(?:primary|juniors?|infants?|academy|school|high)\b)",
    re.IGNORECASE,
)
_NAMED_STREET = re.compile(
    r"(?<![\w'-])((?:[A-Z][\w'-]*\s+){1,3}?)"
    r"(Road|Rd|Street|Avenue|Ave|Lane|Drive|Close|Crescent|Grove|Terrace|Gardens|Mews|Way|"
    r"Court|Place|Row|Square|Parade|Rise|Vale|Fold|Croft|Brow|Wynd|Boulevard)\b"
    r"(?!\s+(?:Primary|Juniors?|Infants?|Academy|School|High|Nursery|College|Surgery|"
    r"Medical|Health|Clinic|Hospital|Centre|Center|Church|Mosque|Library|Station|Park)\b)"
)
_LOWER_STREET = re.compile(
    r"\b(?:lives?|living|lived|stays?|staying|moved|moving|house|flat|home|address|near|off)"
    r"\s+(?:on|in|at|to|near|off|is)?\s*((?:[a-z][\w'-]*\s+){1,2}?)"
    r"(road|street|avenue|lane|drive|close|crescent|grove|terrace|gardens|mews)\b"
)
_FLAT = re.compile(
    r"\b[Ff]lat\s*\d{1,4}[a-zA-Z]?,?\s+(?:[A-Z][\w'-]*\s+){1,2}"
    r"(?:House|Tower|Towers|Point|Heights|Lodge|Mansions|Buildings|Block|Court|Place|Hall)\b"
)
_ESTATE = re.compile(r"(?<![\w'-])((?:[A-Z][\w'-]*\s+){1,2})(?:[Ee]state|flats)\b")
_LOWER_ESTATE = re.compile(r"\b(?:on|off|from|near)\s+the\s+([a-z][\w'-]*)\s+estate\b")

_ESTATE_STOP = frozenset(
    {"industrial", "trading", "business", "retail", "council", "housing", "real", "country",
     "crown", "royal", "national", "new", "big", "same", "whole", "local", "the", "our", "his",
     "her", "their", "my", "this", "that", "an", "a", "rough", "dodgy", "nice", "posh"}
)  # fmt: skip
_COURT_STOP = frozenset(
    {"family", "crown", "county", "high", "magistrates", "magistrates'", "supreme", "youth",
     "appeal", "appeals", "food", "tennis", "basketball", "netball", "hampton", "district",
     "civil", "criminal", "royal", "the", "in", "at", "to"}
)  # fmt: skip
_FAMOUS = frozenset(
    {"abbey road", "coronation street", "sesame street", "downing street", "oxford street",
     "baker street", "penny lane", "brick lane", "wall street", "carnaby street", "fleet street",
     "elm street", "memory lane", "easy street", "civvy street", "jump street", "park lane",
     "google drive", "test drive", "hard drive", "one way", "no way", "any way", "same way",
     "half way", "either way", "by the way", "milky way", "high street", "main road",
     "main street", "the high street", "silk road", "open road", "regent street",
     "portobello road", "drury lane", "the mall", "church street", "station road",
     "london road", "market street", "pudding lane", "privet drive", "route way", "right way",
     "wrong way", "long way", "other way", "that way", "this way", "every way", "some way",
     "my way", "your way", "our way", "their way", "his way", "her way", "fast lane",
     "slow lane", "middle lane", "inside lane", "red carpet", "times square",
     "sauchiehall street", "buchanan street", "argyle street", "princes street", "bold street",
     "northumberland street", "rye lane", "botanic gardens", "kew gardens", "kensington gardens",
     "covent garden", "leicester square", "trafalgar square", "shaftesbury avenue",
     "kings road", "king's road", "old kent road", "lime street", "piccadilly gardens",
     "winter gardens"}
)  # fmt: skip
_UNIT_WORDS = frozenset(
    {"minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days", "week",
     "weeks", "month", "months", "year", "years", "mile", "miles", "yard", "yards", "metre",
     "metres", "km", "foot", "feet", "second", "seconds", "times", "kids", "children",
     "people", "more", "extra", "different", "separate", "long", "short", "big", "small",
     "of", "the", "and", "or", "on", "at", "in", "to", "down", "up", "a", "an", "my", "our",
     "their", "his", "her", "is", "was", "am", "pm", "yo", "yr", "yrs", "year-old", "mo",
     "mos", "wk", "wks", "bus", "car", "cars", "steps", "step", "stone", "lbs", "kg"}
)  # fmt: skip


# "ls 11 8PQ": a two-letter area typed apart from its district number.
_SPACED_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{2}) (\d[A-Za-z\d]?) ?(\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})"
    r"(?![A-Za-z0-9])"
)


def find_postcodes(doc: Doc) -> list[Span]:
    spans: list[Span] = []
    bases = doc.bases
    heads = [i for i in doc.digit_tokens if bases[i][0].isalpha()]
    spaced = [
        i - 1
        for i in doc.digit_tokens
        if i > 0 and len(bases[i - 1]) == 2 and bases[i - 1].upper() in _AREAS
    ]
    found = [*doc.match_at(_POSTCODE, heads), *doc.match_at(_SPACED_POSTCODE, spaced)]
    for m in found:
        if m.group(1).upper() not in _AREAS or _ORDINAL.fullmatch(m.group(3)):
            continue
        spans.append(Span(m.start(), m.end(), ADDRESS))
    return spans


def _words_ok(words: str, lex: Lexicon, need_proper: bool) -> bool:
    parts = words.split()
    if not parts:
        return False
    for part in parts:
        low = part.lower()
        if low in _UNIT_WORDS or low in lex.common_words:
            return False
    return not need_proper or any(part[0].isupper() for part in parts)


_FLAT_WORDS = frozenset({"flat", "apt", "apartment", "unit"})
# Every word `_STRONG_SUFFIX` accepts: the street word of a house address.
HOUSE_SUFFIXES = frozenset(_STRONG_SUFFIX.replace("meadows?", "meadow|meadows").split("|"))
# Tokens from a house number (or "flat") to its street word, at most: "flat 3, 12 a b c road".
_HOUSE_REACH = 4
_FLAT_REACH = 7


def _street_word_within(bases: list[str], i: int, reach: int) -> bool:
    return not HOUSE_SUFFIXES.isdisjoint(bases[i + 1 : i + 1 + reach])


def find_house_addresses(doc: Doc, lex: Lexicon) -> list[Span]:
    spans: list[Span] = []
    bases = doc.bases
    numbers = [
        i
        for i in doc.digit_tokens
        if bases[i][0].isdigit() and _street_word_within(bases, i, _HOUSE_REACH)
    ]
    flats = [i for i in doc.where(_FLAT_WORDS) if _street_word_within(bases, i, _FLAT_REACH)]
    heads = sorted({*numbers, *flats})
    for m in doc.match_at(_HOUSE, heads):
        words, suffix = m.group(1), m.group(2)
        strong_lower = suffix.lower() in ("road", "street", "avenue", "lane", "drive", "close")
        if not _words_ok(words, lex, need_proper=not strong_lower and not suffix[0].isupper()):
            continue
        spans.append(Span(m.start(), m.end(), ADDRESS))
    return spans


_SUFFIXES = word_set(
    "road rd street avenue ave lane drive close crescent grove terrace gardens mews way court "
    "place row square parade rise vale fold croft brow wynd boulevard"
)
_LOWER_CONTEXT = word_set(
    "lives live living lived stays stay staying moved moving house flat home address near off"
)


def _street_matches(doc: Doc) -> list[re.Match[str]]:
    """Named-street matches, searched only in short windows ending at a capitalised suffix."""
    text = doc.text
    found: list[re.Match[str]] = []
    seen: set[tuple[int, int]] = set()
    for i in doc.where(_SUFFIXES):
        if text[doc.starts[i]].isupper():
            lo = max(0, doc.starts[i] - 60)
            for m in _NAMED_STREET.finditer(text, lo, min(len(text), doc.ends[i] + 24)):
                if m.end() == doc.ends[i] and m.span() not in seen:
                    seen.add(m.span())
                    found.append(m)
    return found


# "the contact centre on Dunmore Road": a street named for a public building on it, not a home.
_VENUE_ON = re.compile(
    r"\b(?:centre|center|office|offices|hospital|clinic|surgery|library|station|church|mosque|"
    r"gym|pool|shop|shops|caf[eé]|pub|chippy|takeaway|barbers?|hall|museum|cinema|court|"
    r"costa|starbucks|greggs|nero|mcdonalds|mcdonald's|tesco|asda|aldi|lidl|sainsbury's|"
    r"sainsburys|morrisons|boots|primark|co-op|coop|wetherspoons|spoons)"
    r"\s+(?:on|in|off)\s+$",
    re.IGNORECASE,
)


_VENUE_LINKS = (" on ", " in ", " off ")


def find_named_streets(doc: Doc, lex: Lexicon) -> list[Span]:
    spans: list[Span] = []
    for m in _street_matches(doc):
        words, suffix = m.group(1), m.group(2)
        parts = words.split()
        # Drop leading words that cannot start a street name ("The", "Our", sentence starts).
        while parts and parts[0].lower() in lex.common_words:
            parts.pop(0)
        if not parts:
            continue
        name = " ".join(parts)
        low = f"{name} {suffix}".lower()
        if low in _FAMOUS or any(p.lower() in lex.common_words for p in parts):
            continue
        if suffix == "Court" and parts[-1].lower() in _COURT_STOP:
            continue
        if all(p.isupper() for p in parts):
            continue
        start = m.end() - len(name) - 1 - len(suffix)
        if doc.text.endswith(_VENUE_LINKS, 0, start) and _VENUE_ON.search(
            doc.text, max(0, start - 20), start
        ):
            continue
        spans.append(Span(start, m.end(), ADDRESS))
    if doc.wordset.isdisjoint(_LOWER_CONTEXT):
        return spans
    for m in _LOWER_STREET.finditer(doc.low):
        words = m.group(1)
        if _words_ok(words, lex, need_proper=False) and f"{words}{m.group(2)}" not in _FAMOUS:
            spans.append(Span(m.start(1), m.end(2), ADDRESS))
    return spans


# Welsh street names put the street word first: "Heol Glanyrafon Fach", "14 Maes Gwyn".
# "Maes", "Lon", "Clos" and "Cae" are common words or names too, so only after a house number.
_WELSH_STREET = re.compile(
    r"(?<![\w'-])(?:\d{1,4}[a-z]?,?\s+(?:Maes|L[oô]n|Clos|Cae)|"
    r"(?:\d{1,4}[a-z]?,?\s+)?(?:Heol|Ffordd|Stryd|Rhodfa|Cilgant))(?:\s+[A-Z][\w'-]*){1,3}"
    r"(?<!Primary)(?<!Juniors)(?<!Infants)(?<!School)(?<!Academy)(?<!Nursery)(?<!High)"
)
WELSH_STREET_WORDS = word_set("heol ffordd stryd rhodfa cilgant maes lon lôn clos cae")


def find_welsh_streets(doc: Doc) -> list[Span]:
    return [Span(m.start(), m.end(), ADDRESS) for m in _WELSH_STREET.finditer(doc.text)]


def find_flats_and_estates(doc: Doc, lex: Lexicon) -> list[Span]:
    spans: list[Span] = []
    if "flat" in doc.wordset:
        spans.extend(Span(m.start(), m.end(), ADDRESS) for m in _FLAT.finditer(doc.text))
    if "estate" not in doc.wordset and "flats" not in doc.wordset:
        return spans
    for m in _ESTATE.finditer(doc.text):
        parts = m.group(1).split()
        while parts and (parts[0].lower() in _ESTATE_STOP or parts[0].lower() in lex.common_words):
            parts.pop(0)
        if not parts or parts[-1].lower() in _ESTATE_STOP:
            continue
        name = " ".join(parts)
        spans.append(Span(m.start(1) + m.group(1).index(name), m.end(), ADDRESS))
    for m in _LOWER_ESTATE.finditer(doc.low):
        word = m.group(1)
        if word not in _ESTATE_STOP and word not in lex.common_words and word not in lex.places:
            spans.append(Span(m.start(1), m.end(), ADDRESS))
    return spans
