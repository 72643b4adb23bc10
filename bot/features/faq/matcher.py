"""Pick the FAQ topic a carer's message is about, or decide not to answer.

Evidence comes from a weighted BM25 index over each topic's title, keywords, example
questions and answer text, after shorthand is expanded and typos are fixed. Gates then
keep the bot quiet on chatter, feelings and other subjects, and flag questions about a
particular child's case so the feature can offer a person instead.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace

from bot.features.faq.index import Bm25Index
from bot.features.faq.intent import (
    LONG_SEARCH_WORDS,
    is_case_specific,
    is_question,
    looks_like_search,
)
from bot.features.faq.model import FaqEntry, KnowledgeBase
from bot.features.faq.normalise import (
    BREAK,
    STOPWORDS,
    clause_words,
    content_words,
    expand,
    raw_tokens,
    stem,
)
from bot.features.faq.spelling import SpellCorrector

# Field weights: what a topic is called and tagged with says most about it.
FIELD_WEIGHTS: dict[str, float] = {
    "title": 2.0,
    "keywords": 2.0,
    "questions": 1.0,
    "short": 0.5,
    "body": 0.5,
}
BIGRAM_WEIGHT = 0.5  # a word pair adds to its words' evidence; it need not double it
NUMBER_WEIGHT = 0.4  # ages and counts are weak clues on their own
CALIBRATION_TOPICS = 30  # the threshold below was set on a knowledge base this size
# Calibrated on tests/faq/data/eval_tune.jsonl (and the "tune" rows of eval_questions.jsonl);
# eval_blind.jsonl is only ever scored.
ANSWER_THRESHOLD = 4.5
UNANCHORED_FACTOR = 2.0  # no keyword or title phrase in the message: halve the evidence
ANCHOR_BONUS = 1.0  # per keyword or title phrase found in the message (two at most)
SHORT_QUERY_TERMS = 3  # "tax?", "respite": few words, so less evidence is possible
SHORT_QUERY_FACTOR = 0.6
CONFIDENT_FACTOR = 3.0  # scaled score 0.75: sure enough to answer a long search phrase
PERSON_FACTOR = 0.3  # case questions must still be about fostering to offer a person


@dataclass(frozen=True)
class Match:
    """The outcome for one message.

    ``topic`` is None when the bot should not answer. ``score`` is the evidence for the
    best topic scaled so that 0.5 is the answering threshold. ``candidate`` is the best
    topic even when abstaining; ``needs_person`` marks case-specific questions.
    """

    topic: str | None
    score: float
    runner_up: str | None = None
    runner_up_score: float = 0.0
    needs_person: bool = False
    candidate: str | None = None


def _features(clauses: list[list[str]]) -> dict[str, float]:
    """Unigrams plus adjacent pairs within a clause, so "care order" counts as one clue."""
    feats: dict[str, float] = {}
    for words in clauses:
        for word in words:
            feats[word] = NUMBER_WEIGHT if word.isdigit() else 1.0
        for first, second in itertools.pairwise(words):
            feats[f"{first}_{second}"] = BIGRAM_WEIGHT
    return feats


def _stemmed_clauses(words: list[str]) -> list[list[str]]:
    """Stems of the content words per clause; "saying" and "asking" go the way of "say"."""
    clauses = ([stem(w) for w in clause] for clause in clause_words(content_words(words)))
    return [kept for clause in clauses if (kept := [w for w in clause if w not in STOPWORDS])]


class FaqMatcher:
    """Matches messages to topics. Build once per knowledge base; ``match`` is cheap."""

    def __init__(self, kb: KnowledgeBase, threshold: float = ANSWER_THRESHOLD) -> None:
        self.kb = kb
        self.threshold = threshold
        self._slugs = [entry.slug for entry in kb.entries]
        vocabulary: set[str] = set()
        docs = [self._document(entry, vocabulary) for entry in kb.entries]
        self._anchors = [self._anchor_terms(entry) for entry in kb.entries]
        self._index = Bm25Index(docs, df_min_tf=1.0, min_docs=CALIBRATION_TOPICS)
        self._speller = SpellCorrector(vocabulary - {BREAK}, known=STOPWORDS)

    @staticmethod
    def _fields(entry: FaqEntry) -> Iterable[tuple[str, str]]:
        yield "title", entry.title
        for keyword in entry.keywords:
            yield "keywords", keyword
        for question in entry.questions:
            yield "questions", question
        yield "short", entry.short
        yield "body", entry.body

    def _document(self, entry: FaqEntry, vocabulary: set[str]) -> dict[str, float]:
        doc: dict[str, float] = {}
        for field_name, text in self._fields(entry):
            words = expand(raw_tokens(text))
            vocabulary.update(words)
            weight = FIELD_WEIGHTS[field_name]
            for term, value in _features(_stemmed_clauses(words)).items():
                doc[term] = doc.get(term, 0.0) + weight * value
        return doc

    @staticmethod
    def _anchor_terms(entry: FaqEntry) -> frozenset[str]:
        """Terms that on their own show a message is about this topic.

        A one-word keyword counts whole; longer keywords and the title count by word pairs,
        so "weekend" alone does not pull "how was your weekend?" into respite.
        """
        anchors: set[str] = set()
        for phrase in (*entry.keywords, entry.title):
            raw = raw_tokens(phrase)
            for words in _stemmed_clauses(expand(raw)):
                if len(raw) == 1 and len(words) == 1 and phrase is not entry.title:
                    anchors.add(words[0])
                anchors.update(f"{a}_{b}" for a, b in itertools.pairwise(words))
        return frozenset(anchors)

    def clauses(self, text: str) -> list[list[str]]:
        """Stemmed content words per clause, after expansion and spelling fixes."""
        words = [self._speller.correct(w) for w in expand(raw_tokens(text))]
        return _stemmed_clauses(words)

    def terms(self, text: str) -> list[str]:
        """The stemmed content words the matcher sees for ``text`` (handy for debugging)."""
        return [w for clause in self.clauses(text) for w in clause]

    def _ranked(self, text: str) -> tuple[list[tuple[float, str, bool]], int]:
        """The two best topics as (score, slug, anchored), and how many terms the message has.

        A topic with no anchor term in the message keeps only part of its evidence, so stray
        everyday words ("weekend", "phone") do not pull in a topic on their own.
        """
        clauses = self.clauses(text)
        feats = _features(clauses)
        keys = feats.keys()
        ranked: list[tuple[float, str, bool]] = []
        for i, score in self._index.scores(feats).items():
            hits = len(self._anchors[i].intersection(keys))
            if hits:
                score += ANCHOR_BONUS * min(hits, 2)
            else:
                score = score / UNANCHORED_FACTOR
            ranked.append((score, self._slugs[i], hits > 0))
        ranked.sort(reverse=True)
        return ranked[:2], sum(len(clause) for clause in clauses)

    def _scaled(self, raw: float) -> float:
        return round(raw / (raw + self.threshold), 4)

    def _asks(self, text: str, best_score: float) -> bool:
        """A question, a short search, or a longer search that fits a topic very well."""
        if is_question(text) or looks_like_search(text):
            return True
        confident = best_score >= self.threshold * CONFIDENT_FACTOR
        return confident and looks_like_search(text, longest=LONG_SEARCH_WORDS)

    def match(self, text: str) -> Match:
        """Best topic for ``text``, or an abstention (with ``needs_person`` when relevant)."""
        ranked, length = self._ranked(text)
        if not ranked:
            return Match(topic=None, score=0.0)
        best_score, best, anchored = ranked[0]
        second_score, second, _ = ranked[1] if len(ranked) > 1 else (0.0, None, False)
        result = Match(
            topic=None,
            score=self._scaled(best_score),
            runner_up=second,
            runner_up_score=self._scaled(second_score),
            candidate=best,
        )
        if is_case_specific(text):
            return replace(result, needs_person=best_score >= self.threshold * PERSON_FACTOR)
        needed = self.threshold
        if anchored and length <= SHORT_QUERY_TERMS:
            needed *= SHORT_QUERY_FACTOR
        if best_score < needed or not self._asks(text, best_score):
            return result
        return replace(result, topic=best)
