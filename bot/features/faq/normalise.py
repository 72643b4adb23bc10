"""Turn a message typed on a phone into comparable word tokens.

Carers write "SSW", "pp+", "s20", "3yo" and "whats". The same steps run over the
knowledge base and over messages, so both sides end up in one vocabulary.
"""

from __future__ import annotations

import re
import unicodedata

from bot.features.faq.abbreviations import expand_token

# Case-insensitive rewrites applied before splitting into words.
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), replacement)
    for pattern, replacement in (
        (r"https?://\S+|www\.\S+", " "),
        # "two year old" and "2 yr old" are the same age
        *(
            (rf"\b{word}(?=[\s-]*(?:years?|yrs?|months?|mths?)\b)", str(number))
            for number, word in enumerate(
                ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), 1
            )
        ),
        (r"[’‘`´]", "'"),
        (r"\bpp\s*\+|\bpp\s*plus\b|\bp\.p\.\+?", " ppplus "),
        (r"\bpupil\s+premium\s*\+", " pupil premium plus "),
        (r"\b(?:s|sec|sect|section)\s*\.?\s*20\b", " section 20 "),
        (r"\b(\d+)[\s-]*(?:yo|y/?o|yrs?[\s-]*old|years?[\s-]*old|yr)\b(?! ago)", r" aged \1 "),
        (r"\by(\d{1,2})\b", r" year \1 "),
        (r"\ba\s*&\s*e\b", " hospital emergency "),
        # everyday phrases that contain a topic's keyword: kept as one harmless word
        (r"\bbank\s+hol(?:iday)?s?\b", " bankholiday "),
        (r"\b(?:potty|toilet)\s+train(?:ing|ed)?\b", " pottytraining "),
        (r"\bw/o\b", " without "),
        (r"\breg(?:s|ulation)?\.?\s*(\d+)\b", r" regulation \1 "),
        (
            r"\bsend\b(?=\s+(?:stuff|support|needs|team|issues|kids|children|child|provision|"
            r"services|diagnosis|tribunal|advice|plan|review|school))",
            " SEND ",
        ),
        (
            r"\b(with|about|for|and|of|re|his|her|their|the)\s+send\b(?!\s+(?:me|you|him|her|"
            r"them|us|it|a|an|the|my|our|this|that|off|out|back|in|on|to|over))",
            r"\1 SEND ",
        ),
        (r"\bw/", " with "),
        (r"\b(\d+)\s*(?:hrs|hours|hr)\b", r" \1 hours "),
        (r"(\d),(\d{3})\b", r"\1\2"),
        (r"\b(\d+)(?:st|nd|rd|th)\b", r"\1"),
        (r"\b(what|who|where|how|that|it|there|he|she)'s\b", r"\1 is"),
        (r"'s\b", ""),
        (r"'", ""),
    )
)


# "P E P", "S.G.O.", "D.T.": capitals spelled out one by one become one word.
_SPELLED_OUT = re.compile(r"\b[A-Z](?:[ .][A-Z]){2,4}\b\.?|\b[A-Z]\.[A-Z]\b\.?")


def _joined_capitals(found: re.Match[str]) -> str:
    return " " + re.sub(r"[ .]", "", found.group(0)) + " "


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string, which is easier to edit than a list."""
    return frozenset(text.split())


_WORD = re.compile(r"[^\W_]+|[.,;:!?()\n]")
BREAK = "|"  # stands for a clause break, so word pairs never straddle a comma
_SPLIT_DIGITS = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")

STOPWORDS: frozenset[str] = word_set(
    """
    a about above again all also am an and any anyone anybody anything are as at be been
    being before both but by can could did do does doing done for from get gets getting got
    had has have having he her here hers him his how i if in into is it its just know like
    me might more most my no nor not now of on once only or other our ours own please
    same she should so some someone something still such than that the their theirs them
    then there these they this those through to too under until us very was we were what
    when where which while who whom why will with would you your yours hi hello hey
    thanks thank cheers sorry quick question q help advice anyone's everyone guys folks x xx
    xxx lol ok okay really actually tbh honestly basically bit lot lots need needs want
    wants wondering wonder think thought say said tell ask asked asking go going gone mean
    means meant sure right yes yeah hiya morning evening afternoon today tonight one two way
    thing things stuff etc pm ive im dont cant wont isnt doesnt old aged ago supposed
    exactly normal happen happens happened usually currently came come coming comes make
    made let lets see seen saw find found try tried trying use used hard yesterday week
    weeks up says hes shes theyre theres thats wasnt werent arent couldnt wouldnt shouldnt
    """
)

_IRREGULAR: dict[str, str] = {
    "children": "child",
    "childs": "child",
    "paid": "pay",
    "people": "person",
    "men": "man",
    "women": "woman",
    "went": "go",
    "left": "leave",
    "taken": "take",
    "took": "take",
}


# (suffix, replacement, letters that must remain); first match in each list wins.
_PLURAL_RULES: tuple[tuple[str, str, int], ...] = (
    ("ies", "y", 3),
    ("sses", "ss", 3),
    ("ches", "ch", 3),
    ("shes", "sh", 3),
    ("xes", "x", 3),
    ("ss", "ss", 0),
    ("us", "us", 0),
    ("s", "", 3),
)
_VERB_RULES: tuple[tuple[str, str, int], ...] = (
    ("ied", "y", 3),
    ("ing", "", 3),
    ("ed", "", 4),
)
# Nouns made from verbs share the verb's root: "vaccination" and "vaccine", "allocation"
# and "allocated". Only "-ation", which is rarely a word's own ending.
_NOUN_RULES: tuple[tuple[str, str, int], ...] = (("ation", "", 4),)


def stem(word: str) -> str:
    """A deliberately simple suffix stripper; good enough because both sides share it."""
    word = _IRREGULAR.get(word, word)  # then stemmed as usual: "taken", "take", "took" meet
    if len(word) <= 3 or not word.isalpha():
        return word
    for rules in (_PLURAL_RULES, _VERB_RULES, _NOUN_RULES):
        for suffix, replacement, keep in rules:
            if word.endswith(suffix) and len(word) - len(suffix) >= keep:
                word = word[: -len(suffix)] + replacement
                break
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    if len(word) >= 4 and word.endswith("e"):
        word = word[:-1]
    return word


def raw_tokens(text: str) -> list[str]:
    """Rewrite shorthand, then split into words keeping the original case."""
    text = _SPELLED_OUT.sub(_joined_capitals, unicodedata.normalize("NFKC", text))
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    text = _SPLIT_DIGITS.sub(" ", text)
    return [tok if tok[0].isalnum() else BREAK for tok in _WORD.findall(text)]


def expand(tokens: list[str]) -> list[str]:
    """Lower-case words with abbreviations and text-speak expanded."""
    words: list[str] = []
    for token in tokens:
        words.extend(expand_token(token).split())
    return words


def normalise_text(text: str) -> str:
    """Readable normal form: lower case, shorthand expanded. Used by tests and debugging."""
    return " ".join(w for w in expand(raw_tokens(text)) if w != BREAK)


def content_words(words: list[str]) -> list[str]:
    """Drop stop words (clause breaks stay); what is left carries the topic."""
    return [w for w in words if w not in STOPWORDS]


def clause_words(words: list[str]) -> list[list[str]]:
    """Split a word list at clause breaks, dropping empty clauses."""
    clauses: list[list[str]] = [[]]
    for word in words:
        if word == BREAK:
            clauses.append([])
        else:
            clauses[-1].append(word)
    return [clause for clause in clauses if clause]
