"""Runs every rule over one message and applies the labelling guide's tie rules.

Pure and offline: the only state is the lazily loaded word lists. Rules that need digits, "@",
street words, school words or health words are skipped when the message has none, which keeps
the common case (chat with no identifiers) fast.
"""

from __future__ import annotations

import re

from . import roles as R
from .address import (
    HOUSE_SUFFIXES,
    WELSH_STREET_WORDS,
    find_flats_and_estates,
    find_house_addresses,
    find_named_streets,
    find_postcodes,
    find_welsh_streets,
)
from .contact import find_emails, find_phones, find_spoken_emails
from .dates import age_cues, date_after_name, find_dates_of_birth
from .family import CIRCUMSTANCE_WORDS, find_circumstances
from .health import find_health, has_health_word
from .lexicon import lexicon
from .names import FULL, Mention, find_mentions
from .professionals import criticised
from .references import find_references
from .schools import find_schools
from .text import Doc, prepare
from .types import (
    BIRTH_FAMILY,
    CATEGORIES,
    CHILD_NAME,
    EMPTY_RESULT,
    PHONE,
    PROFESSIONAL,
    ScanResult,
    Span,
)

_STREET_WORDS = frozenset(
    {"road", "rd", "street", "avenue", "ave", "lane", "drive", "close", "crescent", "grove",
     "terrace", "gardens", "mews", "way", "court", "place", "row", "square", "parade", "rise",
     "vale", "fold", "croft", "brow", "wynd", "boulevard", "estate", "flat", "flats"}
)  # fmt: skip
_DOB_CUE = re.compile(r"b'?-?day")
_DOB_WORDS = ("dob", "d.o.b", "born", "birth")
_CHILDISH = (R.CHILD, R.SIBLING)
# Roles that let a birth-family circumstance count without another identifier.
_ANCHORS = frozenset({*_CHILDISH, R.RELATIVE, R.KIN})
# Categories that tie a lone first name to the child when they appear in the same message.
_TYING = frozenset({"school", "address", "date_of_birth", "case_reference"})


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    """Drop exact duplicates and spans overlapping an earlier, longer one."""
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return tuple(kept)


# "Mia's is 07700 900734", "Kai's mobile: 07700...": the phone is the child's own.
_OWNS_PHONE = re.compile(
    r"'s\s+(?:got\s+)?(?:(?:her|his|their)\s+)?(?:(?:own|first|new)\s+)?"
    r"(?:(?:number|mobile|phone|no\.?)\s*)?"
    r"(?:now\s*)?(?:is\s*)?[:\-(,]?\s*"
)


def _own_phone(doc: Doc, mentions: list[Mention], spans: list[Span]) -> bool:
    phones = {s.start for s in spans if s.category == PHONE}
    if not phones:
        return False
    for m in mentions:
        owns = _OWNS_PHONE.match(doc.text, m.end)
        if owns is not None and owns.end() in phones:
            return True
    return False


def _has_dob_cue(doc: Doc) -> bool:
    """A birth word anywhere (plain substring tests first, the pattern only for "...day"), or
    an age reached on a date ("be 6 on")."""
    low = doc.low
    if any(word in low for word in _DOB_WORDS):
        return True
    return ("day" in low and _DOB_CUE.search(low) is not None) or bool(age_cues(doc))


def _structural(doc: Doc, digits: int, dob_cue: bool) -> list[Span]:
    lex = lexicon()
    spans: list[Span] = []
    words = doc.wordset
    streets = not words.isdisjoint(_STREET_WORDS)
    if digits >= 9:
        spans += find_phones(doc)
    if digits >= 5:
        spans += find_references(doc)
    if digits >= 2:
        spans += find_postcodes(doc)
    if digits and not words.isdisjoint(HOUSE_SUFFIXES):
        spans += find_house_addresses(doc, lex)
    if dob_cue:
        spans += find_dates_of_birth(doc)
    if "@" in doc.text:
        spans += find_emails(doc)
    if " dot " in doc.low:
        spans += find_spoken_emails(doc, lex.common_words)
    if streets:
        spans += find_named_streets(doc, lex)
        spans += find_flats_and_estates(doc, lex)
    if not words.isdisjoint(WELSH_STREET_WORDS):
        spans += find_welsh_streets(doc)
    spans += find_schools(doc, lex)
    return spans


def _scan_doc(doc: Doc) -> list[Span]:
    lex = lexicon()
    digits = doc.digit_count  # only ASCII digits count: the rules' shapes are ASCII
    dob_cue = bool(digits) and _has_dob_cue(doc)
    spans = _structural(doc, digits, dob_cue)
    mentions = find_mentions(doc, lex)
    if spans and mentions:
        covered = [(s.start, s.end) for s in spans]
        mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in covered)]
    if not mentions and not spans:
        return []
    roles = [R.classify(doc, m, lex) for m in mentions]
    for k in range(1, len(mentions)):
        between = doc.text[mentions[k - 1].end : mentions[k].start].strip()
        if roles[k - 1] == R.CARER and between in ("and", "&", ",") and roles[k] == R.CHILD:
            roles[k] = R.CARER

    if digits >= 5:  # "2nd March 2016" has five
        for m, role in zip(mentions, roles, strict=True):
            if role in _CHILDISH:
                dob = date_after_name(doc, m.end, dob_cue or m.kind == FULL)
                if dob is not None:
                    spans.append(dob)
    tied = not _TYING.isdisjoint([s.category for s in spans])
    if not tied and spans:
        children = [m for m, r in zip(mentions, roles, strict=True) if r in _CHILDISH]
        tied = _own_phone(doc, children, spans)
    named_child = R.CHILD in roles or R.SIBLING in roles
    out = list(spans)

    for m, role in zip(mentions, roles, strict=True):
        if role == R.RELATIVE:
            out.append(Span(m.start, m.end, BIRTH_FAMILY))
            tied = True

    if named_child and has_health_word(doc):
        health = find_health(doc)
        if health:
            out += health
            tied = True

    if not doc.wordset.isdisjoint(CIRCUMSTANCE_WORDS) or not doc.wordset.isdisjoint(
        lex.prison_ends
    ):
        anchors_ok = tied or not _ANCHORS.isdisjoint(roles)
        if anchors_ok:
            for span, _anchor in find_circumstances(doc, lex):
                out.append(span)
                tied = True
                sentence = doc.sentence(span.start)
                for m, role in zip(mentions, roles, strict=True):
                    if role == R.KIN and doc.sentence(m.start) == sentence:
                        out.append(Span(m.start, m.end, BIRTH_FAMILY))

    pros = [(m.start, m.end) for m, r in zip(mentions, roles, strict=True) if r == R.PROFESSIONAL]
    for k in criticised(doc, pros):
        out.append(Span(pros[k][0], pros[k][1], PROFESSIONAL))

    full_child = any(
        m.kind == FULL and r in _CHILDISH for m, r in zip(mentions, roles, strict=True)
    )
    for m, role in zip(mentions, roles, strict=True):
        if role in _CHILDISH and (m.kind == FULL or tied or full_child):
            out.append(Span(m.start, m.end, CHILD_NAME))
    return out


def scan_spans(text: str) -> tuple[Span, ...]:
    """All identifying spans of `text`, in order, non-overlapping, in the caller's offsets."""
    if not text or text.isspace():
        return ()
    doc = prepare(text)
    if not doc.bases:
        return ()
    merged = _merge(_scan_doc(doc))
    if doc.origin is None:
        return merged
    return tuple(Span(*doc.to_origin(s.start, s.end), s.category) for s in merged)


def warm_up() -> None:
    """Load the word lists and build the lazily compiled patterns (call once at start-up)."""
    scan(
        "Jo Smith (SW) is useless. Jake Smith, DOB 1/2/2015, 9 Oak Road, M1 1AA, 07700 900123, "
        "a@example.com, MA23C00412, has ADHD; his mum is in prison. St Anne's Primary."
    )


def scan(text: str) -> ScanResult:
    """Find details in a group-chat message that could identify a looked-after child."""
    spans = scan_spans(text)
    if not spans:
        return EMPTY_RESULT
    present = {s.category for s in spans}
    categories = tuple([c for c in CATEGORIES if c in present])
    return ScanResult(identifying=True, categories=categories, spans=spans)
