"""Dates of birth: a day-and-month date stated as a child's birthday, in any common format.

A date alone is never enough (meetings, court and panel dates are not identifying): it needs a
birth word (DOB, born, birthday, bday) just before or just after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .lexicon import word_set
from .text import Doc
from .types import DATE_OF_BIRTH, Span

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTHS = word_set(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d|'\d\d|\d\d"
_DATE = re.compile(
    r"(?<![\w/.\-])(?:"
    r"(?P<d1>\d{1,2})[/.\-](?P<m1>\d{1,2})[/.\-](?P<y1>\d{4}|\d{2})"
    r"|(?P<y2>(?:19|20)\d\d)-(?P<m2>\d\d)-(?P<d2>\d\d)"
    rf"|{_DAY}(?:\s+of)?\s*[\s\-]?{_MONTH}(?:,?[\s\-]*(?:{_YEAR}))?"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s*(?:{_YEAR}))?"
    r")(?![\w/])",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"[\s,)]*(?:(?:is|was|'s|for|as)\s+)?(?:(?:his|her|their|my|the)\s+)?"
    r"(?:birthday|bday|b'day|d\.?o\.?b|date of birth)\b",
    re.IGNORECASE,
)
# "the party on the 14th", "panel on 3rd May": event words between the cue and the date.
_EVENT = re.compile(
    r"\b(?:party|meal|trip|celebration|meeting|review|panel|hearing|court|contact|visit|"
    r"appointment|assessment|move|moving|placement)\b",
    re.IGNORECASE,
)
_OWN = re.compile(r"\b(?:my|mine|me|i)\b[^.!?\n]{0,6}$", re.IGNORECASE)


def _plausible(m: re.Match[str]) -> bool:
    if m.group("d1") is not None:
        day, month = int(m.group("d1")), int(m.group("m1"))
        return 1 <= day <= 31 and 1 <= month <= 12
    if m.group("y2") is not None:
        return 1 <= int(m.group("m2")) <= 12 and 1 <= int(m.group("d2")) <= 31
    return True


# Birth words, in this order: "\b(?:dobs?|d\.o\.b|date of birth|birth ?date|born|b'?-?days?|
# birthdays?)\b", written so that every branch starts with a letter and the engine can skip to
# the next "b" or "d" instead of trying the whole pattern at every position.
_CUE = re.compile(
    r"(?:d(?<!\wd)(?:obs?|\.o\.b|ate of birth)|"
    r"b(?<!\wb)(?:irth ?date|irth cert(?:ificate)?|orn|'?-?days?|irthdays?))\b"
)
# Between a birth word and its date: a few words, no sentence break ("DOB is", "born on the").
_BETWEEN = re.compile(r"[^.!?\n]{0,34}")
# "she'll be 6 on 19th August", "Marnie's 10 on the 14th": an age reached on a date is a
# birthday too.
_AGE_VERBS = frozenset({"be", "turn", "turns", "turning", "turned"})
# "put the DOB on the form. Ours is 22nd January 2017": a full date with its year may answer a
# birth word in the sentence before, when it is given as "X is <date>".
_FULL_YEAR = re.compile(r"(?:19|20)\d\d")
_ANSWER = re.compile(r"(?:\bis|\bwas|'s|\bput|\bentered|\btyped|\bwrote|\bgave)\s+(?:the\s+)?$")
_FAR = 90
# "Ollie Brannigan, 03/11/2014": a dated full date straight after a child's name; in a message
# about birth dates ("DOBs for the list: Rhianna 03/09/2017"), a space is enough between them.
_AFTER_NAME = re.compile(r"\s*[,(:-]\s*(?:(?:born|dob|d\.o\.b\.?)\s*:?\s*)?")
_AFTER_NAME_LOOSE = re.compile(r"\s*(?:[,(:-]\s*)?(?:(?:born|dob|d\.o\.b\.?)\s*:?\s*)?")
_OWN_BEFORE = re.compile(
    r"\b(?:my|mine|i)\b\W*$|\b(?:my|our) (?:hubby|husband|wife|partner|other half|fianc[eé]e?|"
    r"mum|mam|dad|mother|father|nan|gran|grandma|grandad|sister|brother|friend|son|daughter|"
    r"boss|neighbour)'s\s*$"
)
_OWN_REACH = 24
_OWN_AFTER = re.compile(r"[\s,)]*(?:is|was|'s)?\s*my\b", re.IGNORECASE)


def _heads(doc: Doc, windows: list[tuple[int, int]]) -> list[int]:
    """Tokens inside any window that can start a date (a number or a month name)."""
    picked: set[int] = set()
    starts = doc.starts
    for lo, hi in windows:
        for i in range(bisect_left(starts, lo), bisect_right(starts, hi)):
            b = doc.bases[i]
            if b[0].isdigit() or b in _MONTHS:
                picked.add(i)
    return sorted(picked)


def age_cues(doc: Doc) -> list[tuple[int, int]]:
    """ "be 6 on", "turns 9 on": character spans, found from the number tokens."""
    bases = doc.bases
    last = len(bases) - 1
    out: list[tuple[int, int]] = []
    for i in doc.digit_tokens:
        if (
            0 < i < last
            and bases[i + 1] == "on"
            and (bases[i - 1] in _AGE_VERBS or i - 1 in doc.possessive)
            and len(bases[i]) <= 2
            and bases[i].isdigit()
        ):
            out.append((doc.starts[i - 1], doc.ends[i + 1]))
    return out


def date_after_name(doc: Doc, end: int, about_births: bool) -> Span | None:
    """A date with its year written straight after a name ending at `end`."""
    sep = (_AFTER_NAME_LOOSE if about_births else _AFTER_NAME).match(doc.text, end)
    if sep is None:
        return None
    m = _DATE.match(doc.text, sep.end())
    if m is None or not _plausible(m) or _FULL_YEAR.search(m.group()) is None:
        return None
    return Span(m.start(), m.end(), DATE_OF_BIRTH)


def _answers_cue(doc: Doc, start: int, date: str, cue_end: int) -> bool:
    """A dated full date given as the answer to a birth word in the sentence before."""
    if start - cue_end > _FAR or _FULL_YEAR.search(date) is None:
        return False
    between = doc.text[cue_end:start]
    return (
        doc.sentence(start) - doc.sentence(cue_end - 1) <= 1
        and _EVENT.search(between) is None
        and _ANSWER.search(doc.low, max(cue_end, start - 12), start) is not None
    )


def find_dates_of_birth(doc: Doc) -> list[Span]:
    cues = [m.span() for m in _CUE.finditer(doc.low)]
    cues += age_cues(doc)
    cues.sort()
    if not cues:
        return []
    spans: list[Span] = []
    text = doc.text
    cue_ends = [e for _, e in cues]
    for m in doc.match_at(_DATE, _heads(doc, [(s - 45, e + _FAR) for s, e in cues])):
        if not _plausible(m):
            continue
        start, end = m.start(), m.end()
        ok = False
        k = bisect_right(cue_ends, start) - 1
        if k >= 0:
            cue_start, cue_end = cues[k]
            between = text[cue_end:start]
            ok = (
                start - cue_end <= 34
                and _BETWEEN.fullmatch(between) is not None
                and _EVENT.search(between) is None
                and _OWN_BEFORE.search(doc.low, max(0, cue_start - _OWN_REACH), cue_start) is None
            )
            if not ok:
                ok = _answers_cue(doc, start, m.group(), cue_end)
        if not ok and _AFTER.match(text, end) is not None:
            ok = _OWN_AFTER.match(text, end) is None
        if ok:
            spans.append(Span(start, end, DATE_OF_BIRTH))
    if not spans:
        spans += _day_and_month(doc, cues)
    return spans


# "bday is 14/2": a day and month with no year, only straight after the birth word.
_DAY_MONTH = re.compile(
    r"\s*(?:is|was|=|:|-|on)?\s*(?:the\s+)?(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\w/.])(?!\s*of\b)"
)


def _day_and_month(doc: Doc, cues: list[tuple[int, int]]) -> list[Span]:
    out: list[Span] = []
    for cue_start, cue_end in cues:
        m = _DAY_MONTH.match(doc.text, cue_end)
        if m is None or _OWN_BEFORE.search(doc.low, max(0, cue_start - _OWN_REACH), cue_start):
            continue
        if 1 <= int(m.group("d")) <= 31 and 1 <= int(m.group("m")) <= 12:
            out.append(Span(m.start("d"), m.end("m"), DATE_OF_BIRTH))
    return out
