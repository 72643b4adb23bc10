"""Score a message against every rule and decide which categories alert.

Runs on every group message, so the common case must be cheap: the message's
words are looked up in an anchor index and only rules whose anchor words occur
are run at all. Scores for one category combine as independent evidence
(1 - product of misses); a category alerts at THRESHOLD or above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import URGENT_RE, MessageContext, context_factor, is_negated
from .normalise import normalise
from .rule import Rule
from .rules_child import CHILD_RULES
from .rules_household import HOUSEHOLD_RULES
from .rules_outside import OUTSIDE_RULES
from .rules_selfharm import SELF_HARM
from .rules_trust import TRUST_RULES

# Tie-break order, most severe first; also the canonical list of categories.
CATEGORIES: tuple[str, ...] = (
    "self_harm_child",
    "self_harm_adult",
    "carer_crisis",
    "child_missing",
    "child_disclosure",
    "child_harm_observed",
    "domestic_abuse",
    "exploitation",
    "radicalisation",
    "allegation_against_carer",
)
# Life-at-risk-now categories sort before harm already happened, then allegations.
_TIER = {c: 0 if i < 4 else 1 for i, c in enumerate(CATEGORIES)}
_TIER["allegation_against_carer"] = 2
THRESHOLD = 0.6
MAX_CHARS = 20_000  # longer input is cut; no chat platform sends more in one message
MAX_HITS_PER_RULE = 4

RULES: tuple[Rule, ...] = CHILD_RULES + OUTSIDE_RULES + SELF_HARM + HOUSEHOLD_RULES + TRUST_RULES


@dataclass(frozen=True, slots=True)
class Assessment:
    """The detector's verdict; ``category`` is None when nothing should alert."""

    category: str | None
    categories: tuple[str, ...]
    urgent: bool
    confidence: float
    evidence: tuple[str, ...]


NO_SIGNAL = Assessment(None, (), False, 0.0, ())

_TOKEN_RE = re.compile(r"[a-z0-9]+")


def _build_index() -> tuple[dict[str, tuple[int, ...]], dict[int, dict[str, tuple[int, ...]]]]:
    exact: dict[str, list[int]] = {}
    prefix: dict[int, dict[str, list[int]]] = {}
    for i, r in enumerate(RULES):
        for a in r.anchors:
            if a.endswith("*"):
                stem = a[:-1]
                prefix.setdefault(len(stem), {}).setdefault(stem, []).append(i)
            else:
                exact.setdefault(a, []).append(i)
    return (
        {k: tuple(v) for k, v in exact.items()},
        {n: {k: tuple(v) for k, v in d.items()} for n, d in prefix.items()},
    )


_EXACT, _PREFIX = _build_index()
_PREFIX_LENGTHS = tuple(sorted(_PREFIX))
_TOKEN_CACHE: dict[str, tuple[int, ...]] = {}
_TOKEN_CACHE_MAX = 50_000


def _rules_for_token(token: str) -> tuple[int, ...]:
    found = _TOKEN_CACHE.get(token)
    if found is not None:
        return found
    ids = set(_EXACT.get(token, ()))
    for n in _PREFIX_LENGTHS:
        if n > len(token):
            break
        ids.update(_PREFIX[n].get(token[:n], ()))
    found = tuple(sorted(ids))
    if len(_TOKEN_CACHE) >= _TOKEN_CACHE_MAX:
        _TOKEN_CACHE.clear()
    _TOKEN_CACHE[token] = found
    return found


def candidate_rules(text: str) -> tuple[int, ...]:
    """Indexes into RULES of the rules whose anchor words occur in normalised ``text``."""
    ids: set[int] = set()
    for token in set(_TOKEN_RE.findall(text)):
        ids.update(_rules_for_token(token))
    return tuple(sorted(ids))


_BOUNDARY_RE = re.compile(r"[.!?\n]")


def _plan(text: str) -> tuple[list[tuple[int, int]], dict[int, list[int]]]:
    """Sentence spans, and for each candidate rule the sentences holding its anchors.

    Every match lies inside one sentence and contains an anchor word, so a rule
    only needs searching in those sentences.
    """
    spans: list[tuple[int, int]] = []
    where: dict[int, list[int]] = {}
    start = 0
    for n, part in enumerate(_BOUNDARY_RE.split(text)):
        spans.append((start, start + len(part)))
        start += len(part) + 1
        ids: set[int] = set()
        for token in set(_TOKEN_RE.findall(part)):
            ids.update(_TOKEN_CACHE.get(token) or _rules_for_token(token))
        for i in ids:
            where.setdefault(i, []).append(n)
    return spans, where


_SUBJECT_RE = re.compile(
    r"\b(?:(?P<first>i|im|ive|id|ill|me|my|myself)|(?P<third>she|he|they|her|him|them|herself|"
    r"himself|themselves|shes|hes|theyre|hed|shed|theyd)|(?P<kid>\d+ ?yo|yp|son|daughter|kid|"
    r"kids|child|boy|girl|lad|teen\w*|grandson|granddaughter|niece|nephew|little one)|"
    r"(?P<adult>husband|hubby|wife|partner|other half|mum|mother|mam|dad|father|grandma|grandad|"
    r"nan|friend|colleague|fella|boyfriend|girlfriend))\b"
)


def _self_harm_category(text: str, sent_start: int, m: re.Match[str], by_child: bool) -> str:
    """Decide whether self-harm content is about the writer, a child or another adult."""
    inside = [x.lastgroup for x in _SUBJECT_RE.finditer(m.group(0))]
    before = list(_SUBJECT_RE.finditer(text, max(sent_start, m.start() - 80), m.start()))
    kinds = [x.lastgroup for x in before]
    who = next((k for k in inside if k in ("first", "third")), None)
    if who is None and kinds:
        who = kinds[-1]
    if who == "third":
        # The sentence's first person-noun is usually its subject ("my partner ... he").
        nouns = [k for k in kinds if k in ("kid", "adult")]
        who = nouns[0] if nouns else "kid"
    if who == "adult" or (who in (None, "first") and not by_child):
        return "self_harm_adult"
    return "self_harm_child"


Hit = tuple[re.Match[str], int, int]  # a match and the span of its sentence


def _hits(r: Rule, text: str, spans: list[tuple[int, int]], sentences: list[int]) -> list[Hit]:
    found: list[Hit] = []
    for s in sentences:
        s0, s1 = spans[s]
        for m in r.pattern.finditer(text, s0, s1):
            found.append((m, s0, s1))
            if len(found) >= MAX_HITS_PER_RULE:
                return found
    return found


def _score(
    r: Rule,
    text: str,
    ctx: MessageContext,
    by_child: bool,
    hits: list[Hit],
) -> tuple[float, str, str | None] | None:
    """Best weight of one rule over its hits, the category it points at, and why weakened."""
    if not hits:
        return None
    if r.requires is not None and r.requires.search(text) is None:
        return None
    if r.avoid is not None and r.avoid.search(text) is not None:
        return None
    best: tuple[float, str, str | None] | None = None
    for m, s0, s1 in hits:
        if r.negatable and is_negated(text, s0, m.start()):
            continue
        if r.unless is not None and r.unless.search(text, s0, s1) is not None:
            continue
        factor, why = context_factor((s0, s1), ctx, media_ok=r.media_ok, jokeable=r.jokeable)
        weight = r.weight * factor
        if best is None or weight > best[0]:
            cat = _self_harm_category(text, s0, m, by_child) if r.subject else r.category
            best = (weight, cat, why)
    return best


def _combine(weights: list[float]) -> float:
    miss = 1.0
    for w in weights:
        miss *= 1.0 - w
    return 1.0 - miss


def assess_normalised(text: str, *, author_is_child: bool = False) -> Assessment:
    """Assess text already passed through normalise(); see assess()."""
    spans, where = _plan(text)
    if not where:
        return NO_SIGNAL
    ctx = MessageContext(text)
    per_cat: dict[str, list[tuple[float, Rule]]] = {}
    weakened: list[str] = []
    for i in sorted(where):
        r = RULES[i]
        if (r.author == "child" and not author_is_child) or (
            r.author == "adult" and author_is_child
        ):
            continue
        scored = _score(r, text, ctx, author_is_child, _hits(r, text, spans, where[i]))
        if scored is None:
            continue
        weight, cat, why = scored
        per_cat.setdefault(cat, []).append((weight, r))
        if why is not None and why not in weakened:
            weakened.append(why)
    if not per_cat:
        return NO_SIGNAL
    scores = {c: _combine([w for w, _ in hits]) for c, hits in per_cat.items()}
    fired = sorted(
        (c for c, s in scores.items() if s >= THRESHOLD),
        key=lambda c: (_TIER[c], -round(scores[c], 2), CATEGORIES.index(c)),
    )
    if not fired:
        weak = tuple(r.id for c in sorted(per_cat) for _, r in per_cat[c])
        return Assessment(None, (), False, round(max(scores.values()), 2), weak + tuple(weakened))
    evidence: list[str] = []
    urgent = False
    for c in fired:
        for _, r in sorted(per_cat[c], key=lambda h: -h[0]):
            evidence.append(r.id)
            urgent = urgent or r.urgent
    if not urgent and URGENT_RE.search(text):
        urgent = True
        evidence.append("urgent.words")
    return Assessment(
        category=fired[0],
        categories=tuple(fired),
        urgent=urgent,
        confidence=round(max(scores[c] for c in fired), 2),
        evidence=tuple(evidence),
    )


def assess(text: str, *, author_is_child: bool = False) -> Assessment:
    """Assess one chat message for safeguarding signals. Pure, offline, never raises on text."""
    if not text:
        return NO_SIGNAL
    return assess_normalised(normalise(text[:MAX_CHARS]), author_is_child=author_is_child)
