"""Word lists shipped as data files, loaded once on first use.

The tables are immutable (frozensets and tuples) and cached, so there is no mutable global state;
loading them lazily keeps `import moderation.confidentiality` cheap for code that never scans.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

TITLES = frozenset({"mr", "mrs", "miss", "ms", "mx", "dr", "sir", "dame", "prof", "professor"})


def word_set(text: str) -> frozenset[str]:
    """A frozenset of the space-separated words in `text` (for short inline word lists)."""
    return frozenset(text.split())


def _read(name: str) -> tuple[str, ...]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    rows = (line.strip() for line in text.splitlines())
    return tuple(row for row in rows if row and not row.startswith("#"))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All word lists, lowercase."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    name_words: frozenset[str]
    common_words: frozenset[str]
    places: frozenset[str]
    public_figures: frozenset[str]
    health_terms: tuple[str, ...]
    negative_cues: tuple[str, ...]
    positive_cues: tuple[str, ...]
    name_heads: frozenset[str]  # first names plus titles: tokens that can start a mention
    prisons: frozenset[str]
    prison_ends: frozenset[str]  # the last word of each prison's name
    weak_negative: frozenset[str]  # single words a sentiment lexicon scores as negative
    sentence_nouns: frozenset[str]  # nouns that open sentences: not unknown first names


# VADER's lexicon (MIT licence, shipped in the vaderSentiment package) scores about 7,500 words
# from -4 to +4 by the mean of ten human ratings. At -1.0 or below a word reads as a complaint
# ("ignored", "forgot", "blamed", "clueless") in far more carers' sentences than not.
_NEGATIVE_BELOW = -1.0
_PLAIN_WORD = frozenset("abcdefghijklmnopqrstuvwxyz'-")


def _negative_words() -> frozenset[str]:
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
    words: set[str] = set()
    for line in text.read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition("\t")
        score = rest.partition("\t")[0]
        if (
            len(word) > 2
            and word[0].isalpha()
            and _PLAIN_WORD.issuperset(word)
            and float(score) <= _NEGATIVE_BELOW
        ):
            words.add(word)
    return frozenset(words)


@cache
def lexicon() -> Lexicon:
    """Load every list once; later calls return the same immutable object."""
    first_names = frozenset(_read("first_names.txt"))
    prisons = frozenset(_read("prisons.txt"))
    return Lexicon(
        first_names=first_names,
        surnames=frozenset(_read("surnames.txt")),
        name_words=frozenset(_read("name_words.txt")),
        common_words=frozenset(_read("common_words.txt")),
        places=frozenset(_read("places.txt")),
        public_figures=frozenset(_read("public_figures.txt")),
        health_terms=_read("health_terms.txt"),
        negative_cues=_read("negative_cues.txt"),
        positive_cues=_read("positive_cues.txt"),
        name_heads=first_names | TITLES,
        prisons=prisons,
        prison_ends=frozenset(name.rsplit(" ", 1)[-1] for name in prisons),
        weak_negative=_negative_words() - frozenset(_read("weak_cue_stop.txt")),
        sentence_nouns=frozenset(_read("sentence_nouns.txt")),
    )
