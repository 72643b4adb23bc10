"""Phone numbers and email addresses.

Phones are checked for being *possible* UK numbers (right length and prefix), not allocated ones:
the fictional Ofcom drama ranges must count. Public service prefixes (03, 08, 09, 116, 999) and
numbers next to helpline words are left alone, as the guide says helplines are not identifying.
"""

from __future__ import annotations

import re

from .lexicon import word_set
from .text import Doc
from .types import EMAIL, PHONE, Span

# A run that starts like a phone number: "+44", "0044", "(0", "0"; digits with spaces, dots,
# dashes and brackets. Bounded repetition and a no-digit lookbehind keep this linear.
_PHONE = re.compile(r"(?<![\w+/.,:£$])(?:\+|00)?\(?\d[\d ().\-]{7,20}\d(?![\w/])")
_HELPLINE = re.compile(
    r"helpline|help line|advice line|infoline|childline|nspcc|samaritans|hmrc|dwp|shelter|"
    r"citizens advice|coram|fostering network|family rights group|grandparents plus|"
    r"young ?minds|barnardo|switchboard|out of hours|emergency duty|freephone|free phone",
    re.IGNORECASE,
)
_EMAIL = re.compile(
    r"(?<![\w.+\-])[\w.+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,6}", re.ASCII
)
# Role mailboxes of organisations are public; a school's mailbox still names the school.
_ROLE_MAILBOX = frozenset(
    {"info", "enquiries", "enquiry", "help", "helpline", "support", "contact", "hello",
     "admin", "advice", "press", "media", "complaints", "feedback", "membership"}
)  # fmt: skip


_NOT_DIGITS = str.maketrans("", "", " ().-+")
_HELPLINE_WORDS = word_set(
    "helpline line infoline childline nspcc samaritans hmrc dwp shelter citizens coram network "
    "rights grandparents minds youngminds barnardo barnardo's switchboard hours emergency "
    "freephone free"
)


def _uk_possible(digits: str) -> bool:
    """True for a possible personal UK number given as national digits ("0" + NSN)."""
    if len(digits) not in (10, 11) or digits[0] != "0":
        return False
    if digits[1] in "389" or digits.startswith(("0116", "0999")):
        return False  # non-geographic public ranges and helplines
    if digits[1] == "7":
        return len(digits) == 11
    if digits[1] in "12":
        return len(digits) == 11 or (digits[1] == "1" and len(digits) == 10)
    return False


def _national(raw: str) -> str | None:
    """The national digit string of a candidate, or None when it is not UK-shaped."""
    digits = raw.translate(_NOT_DIGITS)
    compact = raw.replace(" ", "")
    if compact.startswith(("+44", "0044")):
        rest = digits[2:] if compact.startswith("+") else digits[4:]
        rest = rest.removeprefix("0") if "(0)" in compact or rest.startswith("0") else rest
        return "0" + rest
    if compact.startswith(("+", "00")):
        return "" if 8 <= len(digits) <= 15 else None  # a foreign personal number
    return digits


def _valid(raw: str) -> bool:
    national = _national(raw)
    return national is not None and (national == "" or _uk_possible(national))


def _best_prefix(raw: str) -> str | None:
    """The longest leading part of `raw`, cut at a separator, that is a possible number.

    Handles two numbers in a row ("07700 900123 07700 900456") and trailing digits.
    """
    if _valid(raw):
        return raw
    cuts: list[int] = []
    digits = 0
    for pos, ch in enumerate(raw):
        if ch.isdigit():
            digits += 1
        elif ch in " .-" and 10 <= digits <= 14 and raw[pos - 1].isdigit():
            cuts.append(pos)
        if digits > 14:
            break
    for cut in reversed(cuts):
        if _valid(raw[:cut]):
            return raw[:cut]
    return None


def find_phones(doc: Doc) -> list[Span]:
    spans: list[Span] = []
    text = doc.text
    pos = 0
    helplines = not doc.wordset.isdisjoint(_HELPLINE_WORDS)
    for i in doc.digit_tokens:
        at = doc.starts[i]
        while at > 0 and text[at - 1] in "+(":
            at -= 1
        if at < pos:
            continue
        m = _PHONE.match(text, at)
        if m is None:
            continue
        start = m.start()
        raw = m.group()
        if raw.startswith("(") and ")" not in raw[:6]:
            raw = raw[1:]
            start += 1
        found = _best_prefix(raw)
        if found is None:
            pos = m.end()
            continue
        pos = start + len(found)
        if not helplines or _HELPLINE.search(text, max(0, start - 40), start) is None:
            spans.append(Span(start, start + len(found), PHONE))
    return spans


def find_emails(doc: Doc) -> list[Span]:
    spans: list[Span] = []
    for m in _EMAIL.finditer(doc.text):
        local, _, domain = m.group().partition("@")
        local = local.strip(".")
        if local.lower() in _ROLE_MAILBOX and ".sch.uk" not in domain.lower():
            continue
        end = m.end()
        while doc.text[end - 1] in ".-":
            end -= 1
        spans.append(Span(m.start() + (len(m.group()) - len(m.group().lstrip("."))), end, EMAIL))
    return spans


# An address read out or typed by voice: "pauline mcardle at example dot co dot uk". The part
# before "at" is one or two words (voice typing drops the dot between first and last name).
# Only tried where " at " is followed by a spoken domain with a known ending ("uk", "com"), so
# that "meet at the cafe dot dot dot" is left alone and no pattern runs along the whole text.
_SPOKEN_DOMAIN = re.compile(
    r"[a-z0-9][a-z0-9-]{0,62}(?:\s+dot\s+[a-z0-9-]{2,20}){0,3}"
    r"\s+dot\s+(?:uk|com|org|net|scot|wales|cymru|ie)\b"
)
_SPOKEN_LOCAL = re.compile(
    r"(?<![\w.])(?:(?P<first>[a-z][\w.+-]{0,40})\s+)?"
    r"(?P<local>[a-z][\w.+-]{0,40}(?:\s+(?:dot|underscore)\s+[a-z0-9][\w+-]{0,40}){0,2})$"
)
_LOCAL_REACH = 120
_SPOKEN_FILLER = frozenset({"me", "us", "him", "her", "them", "it", "is", "email", "mail", "on"})


def find_spoken_emails(doc: Doc, common_words: frozenset[str]) -> list[Span]:
    """Addresses written out in words."""
    spans: list[Span] = []
    low = doc.low
    at = low.find(" at ")
    while at != -1:
        domain = _SPOKEN_DOMAIN.match(low, at + 4)
        m = None if domain is None else _SPOKEN_LOCAL.search(low, max(0, at - _LOCAL_REACH), at)
        if domain is not None and m is not None:
            local = m.group("local")
            first = m.group("first")
            if local not in common_words and local not in _SPOKEN_FILLER:
                ok_first = (
                    first is not None and first not in common_words and first not in _SPOKEN_FILLER
                )
                spans.append(
                    Span(m.start("first") if ok_first else m.start("local"), domain.end(), EMAIL)
                )
        at = low.find(" at ", at + 1)
    return spans
