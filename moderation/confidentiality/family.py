"""Birth-family circumstances: prison, drugs or drink, death, deportation, a court contest,
protective orders, neglect, where they live.

The circumstance must be about a relative ("her mum is using again", "my sister is in prison").
The scanner only reports it when the message also names the child or the relative or gives
another identifier, as the guide says the bare circumstance is not identifying.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .text import Doc, may_contain
from .types import BIRTH_FAMILY, Span

_CIRCUMSTANCE = re.compile(
    r"(?:in prison|in jail|in custody|prison|jail|gaol|hmp|locked up|on remand|remanded|"
    r"sentenced|got out of prison|released from prison|"
    r"got (?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|life) ?"
    r"(?:years|yrs|months)"
    r"(?=\s*(?:[.,;:!?\n]|$|for\b|inside\b|in prison\b|yesterday\b|today\b|last\b|this\b))|"
    r"(?:been |was |got )?released early|been released|"
    r"(?:applied|applying) for (?:a |an )?(?:residence|child arrangements?|contact|"
    r"special guardianship|sgo)(?: order)?|"
    r"applying to (?:discharge|revoke)(?: the (?:order|sgo|care order))?|"
    r"(?:discharge|revoke) the (?:order|sgo|care order)|(?:got |been )?sent down|"
    r"using again|still using|back on drugs|on drugs|(?:back )?on the gear|"
    r"under the influence|"
    r"(?:turned up |was |is |always )?(?:drunk|pissed(?! off)|hammered|steaming)|"
    r"off (?:his|her|their) face|in a (?:hostel|refuge|homeless shelter)|sofa[- ]surfing|"
    r"(?:went )?(?:into hospital )?under (?:a )?section(?!\s*(?:20|31|38|47|17)\b)|"
    r"drugs|heroin|crack|cocaine|relapsed|overdosed?|od'd|drinking again|drinking|"
    r"drink problem|drank (?:all )?(?:through|during) (?:the|her|each) pregnanc(?:y|ies)|"
    r"(?:getting |being |been |was )?(?:removed|deported) (?:back )?to [a-z]+|alcoholic|"
    r"alcohol|rehab|detox|died|dead|passed away|killed|murdered|"
    r"suicide|took (?:his|her|their) own life|being deported|deported|deportation|deport|"
    r"contesting|contest(?:ed|s)?|fighting (?:for|the|us|it)|appealing|appeal|"
    r"non[- ]?molestation(?: order)?|non[- ]?mol\b|injunction|(?:in a )?refugee camp|in a camp|"
    r"non[- ]?harassment order|interdict|"
    r"(?:been |were |got )?split (?:up |over |across |between )(?:\w+ )?placements?|"
    r"(?:is |was |now )?back in (?!(?-i:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|Year|Court|School|Contact|Reception)\b)(?-i:[A-Z])[\w'-]+|"
    r"passed (?:away|last \w+|recently|suddenly|in \d{4})|"
    r"restraining order|neglect(?:ed)?|"
    r"domestic (?:violence|abuse)|sectioned|psychiatric (?:unit|ward|hospital)|"
    r"mental health unit|homeless|sex work|prostitution|trafficked|county lines|"
    r"can'?t cope|couldn'?t cope|not coping|won'?t be getting (?:him|her|them) back|"
    r"placed separately|lives? (?:in|on|at|near) (?=(?-i:[A-Z]))|"
    r"(?:has |have )?(?:gone|went|moved) back to (?-i:[A-Z])[\w'-]+|"
    r"(?:has |have )?moved to (?!(?-i:Year|Reception|Nursery|Primary|Secondary|High)\b)"
    r"(?-i:[A-Z])[\w'-]+|"
    r"(?:is |was |been )?back inside|"
    r"recalled(?: on (?:his|her|their) licence| on licence| to prison)?|"
    r"(?:been |was |got )?detained(?: by immigration| in (?:a )?detention centre)?|"
    r"in (?:a |an immigration )?detention centre)",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:(?:my|his|her|their|the (?:kids|bairns|weans)'?|the children's)\s+)?"
    r"(?:(?:little|big|older|younger|baby|half|step)[ -]?)?"
    r"(?:birth (?:mum|mam|mother|dad|father|parents?|family)|bio (?:mum|dad)|mum|mam|mom|"
    r"mummy|mammy|mother|dad|da|daddy|father|parents|step-?dad|step-?mum|nan|nana|nanna|gran|"
    r"granny|grandma|"
    r"grandad|grandpa|aunt|auntie|aunty|uncle|cousins?|brothers?|sisters?|siblings?|"
    r"mum's (?:boyfriend|partner)|dad's (?:girlfriend|partner)|daughter|son)\b",
    re.IGNORECASE,
)
# Every _RELATIVE match contains one of these: a window without any cannot hold a match, and
# the substring tests are far cheaper than trying the pattern at every position.
_RELATIVE_STEMS = (
    "mum", "mam", "mom", "mother", "da", "father", "parent", "nan", "gran", "aunt", "uncle",
    "cousin", "brother", "sister", "sibling", "son", "birth",
)  # fmt: skip


_TAIL = re.compile(
    r"(?:\s*\([A-Z][\w' ]{1,30}\)|\s+in [A-Z][\w'-]+|,?\s+(?:on|since|last) \w+day"
    r"(?:,\s*(?:overdose|suicide|drugs|drink|alcohol))?)",
)
_MAX_GAP = 60
# How far back a pronoun before the circumstance may point to the relative it stands for.
_PRONOUN_GAP = 200
_PRONOUN_BEFORE = re.compile(
    r"\b(?:he|she|they)(?:'s|'ve)?\s+(?:has\s+|had\s+|was\s+|is\s+)?$", re.IGNORECASE
)
_OWN = re.compile(
    r"(?:my|our)\s+"
    r"(?!(?:little |big |older |younger |half |step)?(?:brother|sister|daughter|son)\b)",
    re.IGNORECASE,
)


# The first two letters of every way a _RELATIVE match can begin ("my", "little", "mum", ...).
_RELATIVE_HEADS = frozenset(
    {"my", "hi", "he", "th", "li", "bi", "ol", "yo", "ba", "ha", "st", "mu", "ma", "mo", "da",
     "fa", "pa", "na", "gr", "au", "un", "co", "br", "si", "so"}
)  # fmt: skip


def _relatives(doc: Doc, lo: int, hi: int) -> list[re.Match[str]]:
    """What `_RELATIVE.finditer(doc.text, lo, hi)` finds, trying the pattern only where a word
    begins (it opens with \\b and a letter) and with letters a match can begin with, instead
    of at every character. Non-ASCII letters are always tried: case-insensitive matching
    folds a few of them onto ASCII ones."""
    found: list[re.Match[str]] = []
    last = lo
    low = doc.low
    for at in doc.word_starts(lo, hi):
        if at < last:
            continue
        head = low[at : at + 2]
        if head.isascii() and head not in _RELATIVE_HEADS:
            continue
        m = _RELATIVE.match(doc.text, at, hi)
        if m is not None:
            found.append(m)
            last = m.end()
    return found


def _own_family(relative: str) -> bool:
    """ "my mum", "our nan": the carer's own family, not the child's birth family."""
    return _OWN.match(relative) is not None


# Where someone lives or has moved: a birth-family detail for the child's relatives, but
# ordinary news about a carer's own son, daughter, brother or sister ("my son lives in Leeds").
_RELOCATION = re.compile(r"(?:lives?|(?:has |have )?(?:gone|went|moved))\b", re.IGNORECASE)
_MINE = re.compile(r"(?:my|our)\b", re.IGNORECASE)


CIRCUMSTANCE_WORDS = frozenset(
    {"prison", "jail", "custody", "gaol", "hmp", "locked", "remand", "remanded", "sentenced",
     "using", "drugs", "heroin", "crack", "cocaine", "relapsed", "overdose", "overdosed",
     "od'd", "drinking", "drink", "alcoholic", "alcohol", "rehab", "detox", "died", "dead",
     "passed", "killed", "murdered", "suicide", "took", "being", "deported", "deportation",
     "deport", "contesting", "contest", "discharge", "revoke", "applying", "contested",
     "contests", "applied", "fighting", "appealing", "appeal", "non-molestation", "non",
     "nonmolestation", "mol", "drank", "removed",
     "non-mol", "nonmol", "camp", "injunction", "restraining", "neglect", "neglected",
     "domestic", "sectioned", "psychiatric", "mental", "homeless",
     "sex", "prostitution", "trafficked", "county", "can't", "cant", "couldn't", "couldnt",
     "not", "won't", "wont", "placed", "lives", "live", "in", "got", "released", "back", "on",
     "sent", "gear", "influence", "drunk", "face", "gone", "went", "moved", "pissed",
     "hammered", "steaming", "hostel", "refuge", "sofa", "sofa-surfing", "surfing", "section",
     "years", "yrs", "months", "inside", "recalled", "detained", "detention", "harassment",
     "interdict", "split", "non-harassment"}
)  # fmt: skip
_TRIGGERS = CIRCUMSTANCE_WORDS - {"in", "got", "on", "not", "being", "took", "non"}


# Everyday verbs that start a circumstance only with the next word ("went back to Poland",
# "sent down"): the pattern is not tried at them otherwise.
_NEXT_WORD = {
    "went": ("back",), "gone": ("back",), "moved": ("back", "to"), "sent": ("down",),
    "back": ("in", "inside", "on"),
}  # fmt: skip


_LENGTHS = frozenset({"years", "yrs", "months"})


def _matches(doc: Doc) -> list[tuple[int, int]]:
    """Circumstance phrases, found by trying the pattern only at trigger words."""
    out: list[tuple[int, int]] = []
    last_end = -1
    bases = doc.bases
    last = len(bases) - 1
    for i in doc.where(_TRIGGERS):
        need = _NEXT_WORD.get(bases[i])
        if need is not None and (i == last or bases[i + 1] not in need):
            continue
        if bases[i] in _LENGTHS and (i < 2 or bases[i - 2] != "got"):
            continue  # "got 4 years", but not every "years" and "months"
        for k in (i - 2, i - 1, i):
            if k < 0 or doc.starts[k] < last_end:
                continue
            m = _CIRCUMSTANCE.match(doc.text, doc.starts[k])
            if m is not None and m.end() >= doc.ends[i]:
                out.append(m.span())
                last_end = m.end()
                break
    return out


# Words that put someone in a prison or take them out of it: "in Styal", "released from Low
# Newton", "moved to Belmarsh".
_INTO = frozenset({"in", "at", "to", "from", "of"})
_OUT = frozenset({"released", "out", "let", "transferred", "moved"})
_BEING = frozenset({"being", "been", "was", "is", "got", "getting", "gets"})


def _prison_matches(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    """A prison named after "in", "from", "released from": "her dad's in Maghaberry"."""
    out: list[tuple[int, int]] = []
    bases = doc.bases
    for i in doc.where(lex.prison_ends):
        for words in (1, 2):
            j = i - words + 1
            if j < 1 or " ".join(bases[j : i + 1]) not in lex.prisons:
                continue
            k = j - 1 if bases[j - 1] not in ("hmp", "hmyoi") else j - 2
            if k < 0 or bases[k] not in _INTO:
                continue
            if bases[k] in ("from", "of") and k > 0 and bases[k - 1] in _OUT:
                k -= 1
                if k > 0 and bases[k - 1] in _BEING:
                    k -= 1
            out.append((doc.starts[k], doc.ends[i]))
    return out


def _last_relative(doc: Doc, lo: int, hi: int, sentence: int) -> int:
    """Where the last birth relative in [lo, hi) within `sentence` starts, or -1: "my mum" and
    the like (the carer's own family) do not count."""
    found = -1
    if may_contain(doc.text[lo:hi], _RELATIVE_STEMS):
        for r in _relatives(doc, lo, hi):
            if doc.sentence(r.start()) == sentence and not _own_family(r.group()):
                found = r.start()
    return found


def find_circumstances(doc: Doc, lex: Lexicon) -> list[tuple[Span, int]]:
    """Circumstance spans with the character offset of the relative word they hang on."""
    out: list[tuple[Span, int]] = []
    text = doc.text
    found = _matches(doc)
    if not doc.wordset.isdisjoint(lex.prison_ends):
        found = sorted([*found, *_prison_matches(doc, lex)])
    for m_start, m_end in found:
        sentence = doc.sentence(m_start)
        rel_start = _last_relative(doc, max(0, m_start - _MAX_GAP), m_start, sentence)
        if rel_start < 0 and _PRONOUN_BEFORE.search(text, max(0, m_start - 12), m_start):
            # "her dad doesn't come any more... I couldn't tell her he got sent down": the
            # pronoun carries the relative named earlier in the sentence.
            far = max(doc.sentence_start(m_start), m_start - _PRONOUN_GAP)
            rel_start = _last_relative(doc, far, m_start, sentence)
        if (
            rel_start >= 0
            and _RELOCATION.match(text, m_start, m_end)
            and _MINE.match(text, rel_start)
        ):
            continue
        if rel_start < 0:
            after = None
            if may_contain(text[m_end : m_end + 25], _RELATIVE_STEMS):
                following = _relatives(doc, m_end, m_end + 25)
                after = following[0] if following else None
            if after is None or doc.sentence(after.start()) != sentence:
                continue
            start, anchor = m_start, after.start()
        else:
            start, anchor = rel_start, rel_start
        end = m_end
        tail = _TAIL.match(text, end)
        if tail is not None:
            end = tail.end()
        out.append((Span(start, end, BIRTH_FAMILY), anchor))
    return out
