"""Cheap signals about what kind of message this is, read from the raw wording.

The matcher only answers questions. A carer saying "shattered today" wants company, not
a leaflet; "has her PP+ been paid?" needs a person who can look at the case.
"""

from __future__ import annotations

import re

from bot.features.faq.normalise import word_set

# A question word anywhere, or a verb-first clause ("can we...", "is there...") anywhere.
_QUESTION_WORD = re.compile(
    r"\b(?:what|whats|wat|wot|how|hows|when|where|who|whos|whose|why|which)\b"
)
_INVERTED = re.compile(
    r"(?:^|[,.;:!(]\s*|\s[-–]\s+|\b(?:and|but|so|or|also|then|like|here|now)\s+)"
    r"(?:(?:can|could|do|does|did|is|are|will|would|should|shall|has|may|must|am)\b"
    # "can't wait", "have a lovely weekend": a negative or "have" only asks with a subject
    r"|(?:cant|dont|doesnt|isnt|arent|wont|have)\s+(?:i|we|you|u|he|she|they|it|there|"
    r"my|our|the|any|anyone|someone|foster|kinship|carers?)\b)"
    r"|\b(?:can|could|do|does|did|should|will|would|shall)\s+(?:i|we|you|u|he|she|they|"
    r"it|that|this|there|the|my|our|a|an|any|anyone|someone|foster|kinship|carers?|kids?|"
    r"children|school|sw|ssw|la)\b"
)
_QUESTION_PHRASE = re.compile(
    r"\b(?:any ?one know|any (?:idea|ideas|advice|tips|help|info)|wonder(?:ing)?|not sure|"
    r"unsure|need to know|need (?:some )?(?:help|advice|info)|tell me|explain|"
    r"info (?:on|about)|information (?:on|about)|rules (?:on|for|about)|entitled|allowed|"
    r"or not|is that a thing|difference between|confused|clarify|meaning of|"
    r"looking for (?:info|advice|help)|where (?:do|does) (?:i|we) stand|"
    r"is it (?:true|normal|ok|right)|are (?:they|we) (?:meant|supposed|allowed)|"
    r"(?:do|does|did) (?:i|we|he|she|they) (?:have|need|get)|"
    r"(?:is|are) (?:that|this|it) (?:ok|okay|normal|allowed|right|true|legal|taxable)|"
    r"any \w+ available|(?:ideas|tips|suggestions|groups?) (?:for|on|about)|help(?=\W*$)|"
    r"help(?=\s*!)|need (?:a|an|some|to find|to know|help|advice)|"
    r"(?:want|like|looking|trying) to (?:talk|speak|know|find|ask)|"
    r"(?:number|numbers|details|contact) (?:for|if|to call|to ring))\b"
)

_ACTORS = (
    r"(?:panel|the panel|court|the court|judge|the judge|iro|the iro|la|the la|council|"
    r"the council|they|my sw|our sw|my ssw|our ssw|the sw|my social worker|the school|"
    r"school|virtual school|the virtual school|agency|the agency|the lado|lado)"
)
_CASE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        # asking the bot to act on a case
        r"\b(?:can|could|would) (?:you|u) (?:please )?(?:check|find|see|look|chase|confirm|"
        r"ask|ring|call|email|contact|sort|tell me (?:if|when|whether|why)|let me know|"
        r"remind|book|arrange|sign me|put me|add me|get me|send my|pass (?:this|it) to)\b",
        r"\b(?:can|could|would) (?:you|u) (?:please )?(?:tell|inform|message|text|update|warn) "
        r"(?:my|our|the|his|her|their) ",
        r"\bwhat(?:s| is) happening (?:with|about) (?:my|our|his|her|their) ",
        r"\b(?:is|are) (?:my|our) [\w ]{0,30}going (?:up|down|to (?:change|stop|go up|go down))\b",
        r"\bplease (?:check|chase|find out|confirm)\b",
        r"\b(?:can|could|would) (?:you|u) (?:please )?let (?:my|our|the|her|his) [\w ]{0,30}know\b",
        # the status of one particular thing
        r"\b(?:has|have|did) (?:my|our|his|her|their|the) [\w' ]{0,40}?\b(?:been|come|gone)"
        r" (?:through|paid|signed|approved|agreed|booked|received|sent|done|sorted|in)\b",
        r"\bhas (?:the|my|our) [\w' ]{0,40}? for [a-z]+ (?:come|been)\b",
        r"\b(?:has|have|did) (?:my|our|the|his|her|their) [\w' ]{0,30}?\b(?:been )?(?:sent|"
        r"applied|submitted|chased|replied|responded|closed|dropped|finished|decided|"
        r"processed|accepted|refused|rejected|agreed)\b",
        r"\bdid (?:my|our|the|his|her|their) [\w' ]{0,30}?\b(?:go|come|get) (?:through|in|"
        r"paid|sent|done|sorted|signed|approved)\b",
        r"\bwhy (?:has|have|did|is|was)(?:nt| not)? (?:my|our) \w+",
        r"\bwhy (?:hasnt|havent|didnt|isnt|wasnt) (?:my|our|the) \w+",
        r"\bdid (?:the|my|our) (?:council|la|school|sw|ssw|panel|iro|virtual school|agency|"
        r"court|office) (?:receive|get|send|approve|agree|sign|book|pay)\b",
        # predicting a decision about this family
        rf"\bwill {_ACTORS} (?:\w+ ){{0,2}}(?:approve|agree|allow|let|give|accept|keep|"
        r"move|stop)\b",
        r"\bare they going to (?:move|approve|let|stop|keep)\b",
        # dates and people that only the case file knows
        r"\bwhen(?:s| is| are| will) (?:my|our|his|her|their|\w+s) (?:next |first )?"
        r"(?:review|pep|meeting|contact|family time|visit|supervision|panel|assessment|"
        r"annual review|court|hearing|health assessment|medical)\b",
        r"\bwhen is (?:my|our) [\w ]{0,30}(?:due|booked|happening)\b",
        r"\bwhen is the [\w ]{0,30}for (?:my|our|his|her)\b",
        r"\b(?:is|are) (?:my|our|the|his|her) (?:sw|ssw|social worker|iro|link worker|fsw|"
        r"supervising social worker) (?:coming|visiting|ringing|calling|free)\b",
        r"\bwhen will (?:the|my|our) [\w ]{0,30}(?:be finished|finish|end|be done|be over)\b",
        r"\b(?:my|our|his|her) (?:ssw|sw|social worker|link worker|iro)s? (?:phone |mobile |"
        r"email |contact )?(?:number|email address|email|details)\b",
        r"\bwhat (?:did|has) (?:my|our|the|his|her) [\w ]{0,25}(?:put|write|written|say|said|"
        r"decide|decided|record|recorded)\b",
        r"\bis (?:my|our) [\w ]{0,30}(?:free|available|around) (?:next|this|on|tomorrow)\b",
        r"\b(?:mrs|mr|ms|miss|dr) [a-z]+\b",
    )
)
# A child's name with a question about what will happen to them.
_NAMED_CASE = re.compile(
    r"\b(?:is|will|has|does|did|when is|can)\s+[A-Z][a-z]{2,}(?:'?s)?\b[^.?!]{0,60}?"
    r"\b(?:going back|go home|going home|moving|be moved|allowed|booked|agreed|approved|"
    r"signed|paid|due|next)\b"
)
_POSSESSIVE_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}'?s\b")
_NAME_FOR = re.compile(r"\bfor [A-Z][a-z]{2,}\b(?!\s+(?:council|county|borough|city))")
_COMMON_CAPITALS = word_set(
    "I Im Ive Mrs Mr Ms Miss Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December "
    "Christmas Easter England Wales Scotland Ireland Spain France Turkey Fosterline Ofsted "
    "Kinship Mockingbird Samaritans Childline Google Facebook Instagram Tiktok Snapchat Hi "
    "Hey Morning Evening Thanks Please Anyone Does Can What When How Mum Dad Nan"
)


def _plain(text: str) -> str:
    return text.lower().replace("’", "'").replace("'", "")


def is_question(text: str) -> bool:
    """True when the message asks something, even without a question mark."""
    if "?" in text:
        return True
    plain = _plain(text).strip()
    return any(p.search(plain) for p in (_QUESTION_WORD, _INVERTED, _QUESTION_PHRASE))


_STATEMENT_WORDS = word_set(
    "is was were are am has had have did got went been feel feeling felt love loved hate "
    "im ive its thats cried crying today yesterday tonight so i me we us hope enjoy missed "
    "wait glad congrats congratulations welcome everyone all lovely happy thanks thank he she "
    "they hes shes theyre"
)
SEARCH_WORDS = 8  # "faith school places for children in care" is a search
LONG_SEARCH_WORDS = 12  # longer ones count only when they match a topic very well


def looks_like_search(text: str, longest: int = SEARCH_WORDS) -> bool:
    """A few words typed like a search ("staying put rules"), not a sentence about a day."""
    words = re.findall(r"[a-z0-9+]+", _plain(text))
    return 0 < len(words) <= longest and not any(w in _STATEMENT_WORDS for w in words)


def _names_a_child(text: str) -> bool:
    for pattern in (_POSSESSIVE_NAME, _NAME_FOR):
        for found in pattern.finditer(text):
            word = found.group(0).split()[-1].rstrip("s").rstrip("'")
            if word not in _COMMON_CAPITALS and found.group(0).split()[-1] not in _COMMON_CAPITALS:
                return True
    return False


def is_case_specific(text: str) -> bool:
    """True when only someone with access to this family's case could answer."""
    plain = _plain(text)
    if any(p.search(plain) for p in _CASE_PATTERNS):
        return True
    if _NAMED_CASE.search(text.replace("’", "'")):
        return True
    return _names_a_child(text) and is_question(text)


_FOSTERING = re.compile(
    r"\b(?:foster\w*|kinship|carers?|social ?workers?|sw|ssw|iro|sgo|special guardian\w*|"
    r"looked after|in care|care order|leaving care|care leavers?|placements?|panel|"
    r"virtual school|pep|lado|respite|fostering allowance|la|family time|"
    r"birth (?:mum|dad|parents?|family)|contact (?:with|visits?|sessions?|centre))\b"
)


def about_fostering(text: str) -> bool:
    """The message names fostering or its people, so a person could help even if the FAQ can't."""
    return _FOSTERING.search(_plain(text)) is not None


_HARD_DAY = re.compile(
    r"\b(?:low|struggling|struggle|hard|tough|tired|exhausted|shattered|knackered|"
    r"drained|fed up|stressed|overwhelmed|cry|crying|cried|lonely|upset|sad|awful|"
    r"rubbish|breaking point|cant cope|at the end of my tether|burnt out|burned out)\b"
)


def sounds_hard(text: str) -> bool:
    """A message about a hard time (not a question): it deserves warmth, not a menu."""
    return _HARD_DAY.search(_plain(text)) is not None
