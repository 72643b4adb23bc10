"""What kind of reply a message gets: an answer, an offer of a person, or a friendly word.

The chat and `carebot faq ask` both use this, so trying a question on the command line
shows exactly what a carer would get.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from bot.features.faq.intent import about_fostering, is_question, looks_like_search, sounds_hard
from bot.features.faq.matcher import FaqMatcher, Match
from bot.features.faq.model import FaqEntry
from bot.features.faq.texts import FaqTexts

# Scaled match scores (0.5 is the answering threshold, see FaqMatcher.match).
NOT_SURE_SCORE = 0.35  # a question this close to a topic (or about fostering) goes to a person
_LETTER = re.compile(r"[^\W\d_]")


class Reply(Enum):
    NO_WORDS = "no_words"  # a bare emoji or number
    ANSWER = "answer"
    NEEDS_PERSON = "needs_person"  # about one family's case: offer a person
    NOT_SURE = "not_sure"  # a question carebot can't answer well: offer a person
    OFF_TOPIC = "off_topic"  # a question about something else
    HARD_DAY = "hard_day"  # not a question, and it sounds hard
    SMALL_TALK = "small_talk"  # not a question


@dataclass(frozen=True, slots=True)
class Decision:
    reply: Reply
    match: Match
    entry: FaqEntry | None = None

    @property
    def offers_person(self) -> bool:
        return self.reply in (Reply.NEEDS_PERSON, Reply.NOT_SURE)

    @property
    def is_chatter(self) -> bool:
        return self.reply in (Reply.HARD_DAY, Reply.SMALL_TALK)


def decide(matcher: FaqMatcher, text: str) -> Decision:
    """Pick the reply for ``text``; the same rules in every chat and on the command line."""
    if not _LETTER.search(text):
        return Decision(Reply.NO_WORDS, Match(topic=None, score=0.0))
    match = matcher.match(text)
    entry = matcher.kb.get(match.topic) if match.topic else None
    if entry is not None:
        return Decision(Reply.ANSWER, match, entry)
    asking = is_question(text) and bool(matcher.terms(text))  # "how are you?" is chat
    if match.needs_person:
        return Decision(Reply.NEEDS_PERSON, match)
    near = match.score >= NOT_SURE_SCORE or about_fostering(text)
    if near and (asking or looks_like_search(text)):
        return Decision(Reply.NOT_SURE, match)
    if asking:
        return Decision(Reply.OFF_TOPIC, match)
    return Decision(Reply.HARD_DAY if sounds_hard(text) else Reply.SMALL_TALK, match)


def friendly_word(reply: Reply, texts: FaqTexts) -> str:
    """What carebot says to a message it has no answer or person for."""
    if reply is Reply.OFF_TOPIC:
        return texts.off_topic
    return texts.hard_day if reply is Reply.HARD_DAY else texts.small_talk
