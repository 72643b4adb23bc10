"""Named professionals spoken of negatively.

Each complaint word is pinned to the nearest named professional before it in the same or the
previous sentence (or, failing that, the next one after it in the same sentence), unless an
unnamed professional ("the IRO") stands in between: then the complaint is about that person.
Praise of one professional and a complaint about another therefore mark only the second.

Three weaker kinds of cue follow stricter rules, since they are often about something else:
single words a sentiment lexicon scores as negative, and remarks quoted back at the group,
count only for a worker who is not praised, in the same sentence, through a pronoun, or in a
sentence with no subject of its own after the only worker named. Asking the group about a
worker ("Anyone else had X as IRO?") counts only for the worker named after the question.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .text import Doc

_UNNAMED = re.compile(
    r"\b(?:the|our|my|his|her|their|a|new)\s+(?:(?:new|deputy|assistant|acting)\s+)?"
    r"(?:sw|social worker|ssw|iro|teacher|"
    r"head|headteacher|senco|manager|team manager|worker|nurse|gp|doctor|judge|guardian|"
    r"solicitor|therapist|supervisor|la|council|school|agency)\b|"
    r"\b(?:birth|bio)\s+(?:mum|mam|mother|dad|father|parents?)\b",
    re.IGNORECASE,
)


_BREAK = re.compile(r"[,.;!?]|\b(?:but|unlike|whereas|while|and)\b", re.IGNORECASE)


# "Nathan Price? he's the SW": the unnamed role is the named person, not someone else.
_COPULA = re.compile(r"(?:he|she|they)(?:'s|'re| is| are)\s+$", re.IGNORECASE)


# "Femi, our new SW, turned up late": a role set off by commas straight after the name is that
# same person, not someone else.
_APPOSITIVE = re.compile(r"\s*[,(]\s*" + _UNNAMED.pattern + r"\s*[,)]", re.IGNORECASE)


_CONTRAST = re.compile(r"\b(?:but|whereas|unlike|thank)\b", re.IGNORECASE)


def _someone_else(between: str) -> bool:
    """An unnamed professional after a clause break: the complaint is about them instead."""
    appositive = _APPOSITIVE.match(between)
    if appositive is not None:
        between = between[appositive.end() :]
    brk = _BREAK.search(between)
    if brk is None:
        return False
    for m in _UNNAMED.finditer(between, brk.end()):
        if _COPULA.search(between, 0, m.start()) is None:
            return True
    return False


@cache
def _cues() -> tuple[frozenset[str], dict[str, re.Pattern[str]]]:
    """First words of the complaint phrases, and patterns matching them keyed by their first
    two letters: one alternation of every phrase would try them all at each position."""
    cues = sorted(set(lexicon().negative_cues), key=len, reverse=True)
    firsts = frozenset(c.split()[0] for c in cues)
    groups: dict[str, list[str]] = {}
    for cue in cues:
        groups.setdefault(cue[:2], []).append(re.escape(cue))
    patterns = {k: re.compile(rf"(?:{'|'.join(v)})(?![\w])") for k, v in groups.items()}
    return firsts, patterns


def _complaints(doc: Doc) -> list[tuple[int, int]]:
    firsts, patterns = _cues()
    out: list[tuple[int, int]] = []
    low = doc.low
    for k in doc.where(firsts):
        start = doc.starts[k]
        pattern = patterns.get(low[start : start + 2])
        m = None if pattern is None else pattern.match(low, start)
        if m is not None:
            out.append(m.span())
    return out


# Words that turn a negative word round: "not her fault", "they're not all bad".
_NEGATION = frozenset(
    {"not", "no", "never", "nothing", "without", "isn't", "wasn't", "aren't", "weren't",
     "don't", "doesn't", "won't", "hardly", "nobody's"}
)  # fmt: skip


def _weak_complaints(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Single words a sentiment lexicon scores as negative ("ignored", "clueless"), outside
    the complaint phrases already found and not negated just before."""
    words = doc.wordset & lexicon().weak_negative
    if not words:
        return []
    out: list[tuple[int, int]] = []
    for k in doc.where(words):
        start = doc.starts[k]
        if any(a <= start < b for a, b in taken):
            continue
        if _NEGATION.isdisjoint(doc.bases[max(0, k - 3) : k]):
            out.append((start, doc.ends[k]))
    return out


# A remark quoted back at the group ("then wrote that he 'didn't engage'", "told me he's 'just
# naughty'"): carers quote a worker's own words to show what was wrong with them.
_QUOTED = re.compile(
    r"(?:^|(?<=[\s(]))['\u2018\"\u201c]"
    r"(?:[^'\u2019\"\u201d\n]|(?<=\w)['\u2019](?=\w)){3,80}"  # "didn't" inside the quote
    r"['\u2019\"\u201d](?=[\s.,!?)]|$)"
)
_QUOTE_MARKS = ("'", "\u2018", '"', "\u201c")


def _quoted_remarks(doc: Doc) -> list[tuple[int, int]]:
    """The pattern is tried only where a quote mark opens after a space or bracket (found with
    `str.find`): apostrophes are in nearly every message, and a search would try every
    character."""
    text = doc.text
    out: list[tuple[int, int]] = []
    for mark in _QUOTE_MARKS:
        last = -1
        at = text.find(mark)
        while at != -1:
            if at > last and (at == 0 or text[at - 1] in " (\n\t"):
                m = _QUOTED.match(text, at)
                if m is not None:
                    out.append(m.span())
                    last = m.end()
            at = text.find(mark, at + 1)
    out.sort()
    return out


# A sentence that opens with a pronoun carries on about the person named just before
# ("Bernadette wrote that I was late. I WASN'T. She's always got it in for me").
_PRONOUN_START = re.compile(r"\s*(?:she|he|they)(?:'s|'ve|'d| is| was| has| had| always| never)?\b")


# A question about complaining closes a rant ("Do I go to her manager or make a formal
# complaint?") and is about the person the rant began with, a few sentences earlier.
_PROCESS = frozenset({"complain", "complaint", "complained"})
# Asking the group about a named worker is gossip ("Anyone else had Kirkbride as IRO?", "is it
# just me or..."), but only about a worker named after the question, in the same sentence. The
# phrases start at "else" and "just": "anyone", "is" and "i" are too common to try at.
_GOSSIP = frozenset(
    {"else had", "else have", "else got", "else dealt with", "else come across", "just me or"}
)  # fmt: skip
# The carer's anger at the end of a story ("I could scream", "Still seething") is about the one
# worker the story named, however many sentences back, unless that worker was praised.
_EXASPERATION = frozenset(
    {"could scream", "fuming", "furious", "livid", "raging", "seething", "absolute joke",
     "unbelievable", "single time", "single. time"}
)  # fmt: skip
_PROCESS_REACH = 4
# A short verdict ("Fuming", "Unbelievable.") closing a message that names one professional,
# without praise, is about them: "Miss Fairhurst told Ayesha to try harder. She has dyspraxia!!
# Fuming".
_LONE_REACH = 3
_VERDICT_WORDS = 2


# "fobbed off by that woman": a complaint that points back at someone named earlier.
_THAT_PERSON = re.compile(r"\b(?:that|this) (?:woman|man|lady|bloke|guy|fella)\b")


def _verdict(doc: Doc, pos: int) -> bool:
    """The sentence holding `pos` is a few words at most."""
    start = doc.sentence_start(pos)
    return len(doc.low[start : doc.sentence_end(pos)].split()) <= _VERDICT_WORDS


_QUESTION_REST = re.compile(r"[^.!?\n]*\?")
# ...and the question points at a person ("her manager", "who do I complain to"), not at a
# thing ("a complaint about the council repairs?").
_AT_PERSON = re.compile(r"\b(?:her|him|his|them|their|who|formal|complain to)\b")


def _asks_about_someone(doc: Doc, pos: int) -> bool:
    rest = _QUESTION_REST.match(doc.low, pos)
    if rest is None:
        return False
    start = doc.sentence_start(pos)
    return _AT_PERSON.search(doc.low, start, rest.end()) is not None


def _reach(doc: Doc, pos: int, cue: str, lone_unpraised: bool) -> int:
    """How many sentences back a complaint at `pos` may look for the person it is about.
    `lone_unpraised`: the message names one professional and does not praise them, so a
    complaint being made ("Complaint going in tomorrow") is about them."""
    if cue in _PROCESS and (
        (lone_unpraised and _OTHER_OBJECT.search(doc.low, pos, doc.sentence_end(pos)) is None)
        or _asks_about_someone(doc, pos)
    ):
        return _PROCESS_REACH
    if lone_unpraised and cue in _EXASPERATION:
        return _PROCESS_REACH
    if lone_unpraised and (
        _verdict(doc, pos)
        or _THAT_PERSON.search(doc.low, doc.sentence_start(pos), doc.sentence_end(pos))
    ):
        return _LONE_REACH
    return 1 + _pronoun_reach(doc, pos)


# Sentence openings that bring their own subject: a thing, the carer, someone else.
_OWN_SUBJECT = re.compile(
    r"\s*(?:the|a|an|my|our|his|her|their|this|that|it|its|it's|everything|nothing|i|i'm|"
    r"i've|im|we|we're|you|he|she|they|[a-z]+'s)\b"
)


def _pronoun_reach(doc: Doc, pos: int) -> int:
    """1 when the sentence holding `pos` opens with a pronoun, so it carries on about the
    person named in the sentence before; 0 otherwise."""
    return 1 if _PRONOUN_START.match(doc.low, doc.sentence_start(pos)) is not None else 0


# "a complaint about the repairs", "to the council": the complaint names what it is about.
_OTHER_OBJECT = re.compile(r"\b(?:about (?!her\b|him\b|them\b)|regarding|to the council)")


def _praised(doc: Doc, pos: int) -> bool:
    """The sentence around `pos` has a praise word ("Shout out to Priya", "amazing") that is
    not turned round ("the least helpful person", "not supportive")."""
    start = doc.sentence_start(pos)
    low = doc.low
    for m in _praise_pattern().finditer(low, start, doc.sentence_end(pos)):
        if _TURNED.search(low, max(start, m.start() - 16), m.start()) is None:
            return True
    return False


_TURNED = re.compile(r"\b(?:least|not|never|no|isn't|wasn't|hardly)\s+(?:very\s+|that\s+|so\s+)?$")


@cache
def _praise_pattern() -> re.Pattern[str]:
    words = sorted(set(lexicon().positive_cues), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b")


_JUST_BEFORE = re.compile(r"\s*(?:for|about|with|by|at|of)?\s*")


def _named_next(text: str, cue_end: int, pros: list[tuple[int, int]]) -> int:
    """The professional named straight after a complaint ("...for Mr Baptiste"), or -1."""
    gap = _JUST_BEFORE.match(text, cue_end)
    if gap is None:
        return -1
    for k, (start, _) in enumerate(pros):
        if start == gap.end():
            return k
    return -1


def criticised(doc: Doc, pros: list[tuple[int, int]]) -> set[int]:
    """Indexes into `pros` (character spans of named professionals) that are criticised."""
    if not pros:
        return set()
    hits: set[int] = set()
    text = doc.text
    sentences = [doc.sentence(s) for s, _ in pros]
    lone_unpraised = len(pros) == 1 and not _praised(doc, pros[0][0])
    strong = _complaints(doc)
    cues = [(pos, end, False) for pos, end in strong]
    cues += [(pos, end, True) for pos, end in _weak_complaints(doc, strong)]
    cues += [(pos, end, True) for pos, end in _quoted_remarks(doc)]
    for pos, cue_end, weak in cues:
        cue_sentence = doc.sentence(pos)
        cue = doc.low[pos:cue_end]
        gossip = cue in _GOSSIP
        if gossip and _praise_pattern().search(doc.low) is not None:
            continue  # "Anyone else had Priya as SSW? She's amazing"
        named_next = _named_next(text, cue_end, pros)
        if named_next >= 0 and weak and _praised(doc, pros[named_next][0]):
            continue
        if named_next >= 0:
            hits.add(named_next)  # "can't say the same for Mr Baptiste", "furious with Jo"
            continue
        if "same" in cue:
            continue  # "brilliant... can't say the same for the last one": someone unnamed
        if gossip:
            earliest = cue_sentence + 1  # never a name before the question
        elif weak:
            # A single negative word reaches back through a pronoun ("She ignored me"), or
            # from a subjectless sentence after the only worker named ("Ignored every
            # email."), but "The boiler broke" has its own subject.
            back = _pronoun_reach(doc, pos)
            if (
                not back
                and lone_unpraised
                and not _OWN_SUBJECT.match(doc.low, doc.sentence_start(pos))
            ):
                back = 1
            earliest = cue_sentence - back
        else:
            earliest = cue_sentence - _reach(doc, pos, cue, lone_unpraised)
        best = -1
        for k, (_, e) in enumerate(pros):
            if e <= pos and earliest <= sentences[k] <= cue_sentence:
                best = k  # the latest one before the cue
        if best >= 0:
            if _someone_else(text[pros[best][1] : pos]):
                continue
            if sentences[best] != cue_sentence and _praised(doc, pros[best][0]):
                continue  # "Big thanks to Sunita. The new worker though... so dismissive"
        else:
            after = [
                k for k, (s, _) in enumerate(pros) if s >= pos and sentences[k] == cue_sentence
            ]
            if not after:
                continue
            best = after[0]
            between = text[cue_end : pros[best][0]]
            if _someone_else(between) or _CONTRAST.search(between) is not None:
                continue  # "Our SW is hopeless but thank god for Marcia": someone else
        if weak and _praised(doc, pros[best][0]):
            continue  # "an absolute star, came out when our lad went missing"
        hits.add(best)
    return hits
