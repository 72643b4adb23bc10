"""Context checks that soften or cancel a rule hit.

A phrase that alerts in one message is harmless in another: "she went missing"
in a story about training, a procedure question ("what should I do if a child
goes missing?"), history that is already known and dealt with, a joke, or a
negation ("she's not missing"). These checks turn such hits into weak evidence
instead of alerts. Sentence-level matches weigh more than message-level ones.
"""

from __future__ import annotations

import re

TRAINING_RE = re.compile(
    r"\b(?:training|trainings|course|courses|workshop|webinar|seminar|conference|module|"
    r"e-?learning|lecture|presentation|awareness (?:session|day|week|month|training)|(?:a |the )"
    r"talk (?:on|about|at)|(?:do|did|gave|give|doing|does) a talk|cpd|induction|skills to foster|se"
    r"ssion (?:on|about)|taught us|they "
    r"taught|they said if|prevent awareness)\b"
)
MEDIA_RE = re.compile(
    r"\b(?:documentar\w*|(?:a|the|this|that|watching|watched|reading|read|new) (?:film|movie|"
    r"programme|tv show|series|episode|book|novel|article|podcast|youtube video|soap|drama)s?|"
    r"(?<!grown up )(?<!grownup )(?<!adult )(?<!dirty )(?<!rude )(?<!sex )(?<!porn )"
    r"(?:films|movies)|on the news|the news|news story|story about|storyline|eastenders|corrie|"
    r"hollyoaks|video about|tiktok about|play about|reading about)\b"
)
PROCEDURE_RE = re.compile(
    r"\b(?:what (?:should|do|would|can|could|must) (?:i|we|you|one|carers?) do (?:if|when)|what "
    r"happens (?:if|when)|whats the (?:process|procedure|protocol|policy)|what is the (?:process|"
    r"procedure)|how do (?:i|we|you) (?:report|know|tell if|spot|recognise|deal with|handle)|what "
    r"are the (?:signs|warning signs|indicators)|what does \w+ (?:stand for|mean)|how (?:should|"
    r"would) (?:i|we|you) (?:respond|react|handle)|(?:just )?(?:want|wanted) to know for (?:the )?"
    r"future|asking for (?:future|the future|reference|a friend)|hypothetical\w*|in case (?:a|it|"
    r"this) (?:child|ever)|if (?:a|your|any|the) (?:child|young person|yp|foster child|looked "
    r"after child|kid|carer) (?:goes|went|is|was|discloses|says|tells|self harms|runs|ever)|if "
    r"(?:she|he|they) (?:ever|tells me|tell me|says|told me)|does anyone know (?:if|whether|how|wha"
    r"t)|"
    r"do you know (?:if|whether)|is it (?:normal|usual|standard) for|if there (?:has|had|have|was|"
    r"were) ever been|ever been any|routine question|just routine)\b"
)
RESOLVED_RE = re.compile(
    r"\b(?:in the past|(?:years|months|ages) ago|last year|before (?:she|he|they) came (?:to "
    r"us|into care|to live)|used to(?! foster| look after| care for)|all in (?:her|his|their|"
    r"the) (?:plan|care plan|file|notes|"
    r"records|paperwork)|(?:sw|social worker|social services|everyone|the team|they)(?: all)? "
    r"(?:knows|know|is aware|are aware|already knows?)|(?:its|it is|all|was|were|been) "
    r"documented|unfounded|unsubstantiated|(?:was|been|were|is|has been) closed|no further "
    r"action|nfa|discharged|\d+ (?:years|months) clean|been clean|doing brilliantly|settled "
    r"for|thats why (?:she|he|they) came into care|historic(?:al)?|back then|when i was (?:a "
    r"child|little|young|in care)|i was a looked after child)\b"
)
FRESH_RE = re.compile(
    r"\b(?:told me|just told|just said|just found|just come out|came out with|today|tonight|"
    r"this morning|last night|this evening|right now|just now|yesterday|again|new info\w*|new "
    r"details?|first time|never told|disclosed|has started|started again|fresh)\b"
)
JOKE_RE = re.compile(r"\b(?:lol|lmao|rofl|haha\w*|jk|joking)\b|[\U0001F602\U0001F923\U0001F606]")
# A negation close before the hit, not separated by a clause break.
NEGATION_RE = re.compile(
    r"\b(?:not|no|never|isnt|wasnt|arent|werent|doesnt|didnt|dont|hasnt|havent|hadnt|wont|"
    r"cannot|nothing|without|nor|denies|denied|ruled out)\b(?! sure| only| just| one| longer)"
    r"(?: (?!and\b|but\b|so\b|then\b|because\b)[a-z]+){0,3} ?$"
)
_CONDITION_RE = re.compile(r"\b(?:if|unless)\b")
URGENT_RE = re.compile(
    r"\b(?:right now|(?<!by )(?<!for )(?<!till )(?<!until )(?<!to )now\b(?! and then| that)|"
    r"tonight|this minute|immediately|asap|urgent\w*|bleeding|blood everywhere|overdos\w*|taken"
    r" (?:\w+ ){0,3}(?:tablets|pills)|cant wake|wont wake|not waking|unconscious|not breathing|"
    r"ambulance|999|knife|gun|on (?:his|her|their|the) way|outside (?:the|my) (?:house|door)|"
    r"locked (?:myself|herself|himself) in|ligature|noose|gone midnight|its (?:now )?(?:gone )?"
    r"midnight|[1-5] ?am|still not (?:back|home)|hasnt come (?:home|back))\b"
)


def is_negated(text: str, sent_start: int, start: int) -> bool:
    """True when a negation word governs the words just before ``start``."""
    window = text[max(sent_start, start - 32) : start]
    m = NEGATION_RE.search(window)
    # "if i didnt have the kids id have ended it": the negation sits in a condition.
    return m is not None and _CONDITION_RE.search(window, 0, m.start()) is None


# Cheap pre-checks: a context regex can only match if one of these substrings occurs.
_TRAINING_HINTS = ("train", "course", "workshop", "webinar", "seminar", "conference", "module",
                   "learning", "lecture", "presentation", "awareness", "talk", "cpd", "induction",
                   "skills to", "session", "taught", "they said if")  # fmt: skip
_MEDIA_HINTS = ("documentar", "film", "movie", "programme", "show", "series", "episode", "book",
                "novel", "article", "podcast", "video", "soap", "drama", "news", "story",
                "eastenders", "corrie", "hollyoaks", "tiktok", "play about", "reading")  # fmt: skip
_PROCEDURE_HINTS = ("what", "how", "if", "hypothetical", "asking", "case", "know", "normal",
                    "usual", "standard", "routine", "ever")  # fmt: skip
_JOKE_HINTS = ("lol", "lmao", "rofl", "haha", "jk", "joking", "\U0001f602", "\U0001f923",
               "\U0001f606")  # fmt: skip


def _maybe(text: str, hints: tuple[str, ...], pattern: re.Pattern[str]) -> bool:
    return any(h in text for h in hints) and pattern.search(text) is not None


class MessageContext:
    """Context flags for one message, computed lazily and cached per sentence."""

    __slots__ = ("_message", "_sentences", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._message: dict[str, bool] = {}
        self._sentences: dict[tuple[int, int], tuple[bool, bool, bool, bool]] = {}

    def _flag(self, name: str, hints: tuple[str, ...], pattern: re.Pattern[str]) -> bool:
        value = self._message.get(name)
        if value is None:
            value = _maybe(self.text, hints, pattern) if hints else bool(pattern.search(self.text))
            self._message[name] = value
        return value

    def training(self) -> bool:
        return self._flag("training", _TRAINING_HINTS, TRAINING_RE)

    def media(self) -> bool:
        return self._flag("media", _MEDIA_HINTS, MEDIA_RE)

    def resolved_history(self) -> bool:
        """Known, dealt-with history and nothing that sounds new."""
        return self._flag("resolved", (), RESOLVED_RE) and not self._flag("fresh", (), FRESH_RE)

    def sentence(self, start: int, end: int) -> tuple[bool, bool, bool, bool]:
        """(training, media, procedure question, joking) for one sentence span."""
        key = (start, end)
        flags = self._sentences.get(key)
        if flags is None:
            text = self.text[start:end]
            flags = (
                _maybe(text, _TRAINING_HINTS, TRAINING_RE),
                _maybe(text, _MEDIA_HINTS, MEDIA_RE),
                _maybe(text, _PROCEDURE_HINTS, PROCEDURE_RE),
                _maybe(text, _JOKE_HINTS, JOKE_RE),
            )
            self._sentences[key] = flags
        return flags


def context_factor(
    span: tuple[int, int], ctx: MessageContext, *, media_ok: bool, jokeable: bool
) -> tuple[float, str | None]:
    """Multiplier for a hit's weight and the id of the strongest context that applied."""
    training, media, procedure, joking = ctx.sentence(*span)
    factor, reason = 1.0, None
    if training:
        factor, reason = 0.3, "context.training"
    elif ctx.training():
        factor, reason = 0.75, "context.training_nearby"
    if not media_ok:
        if media:
            factor, reason = factor * 0.3, "context.media"
        elif ctx.media():
            factor, reason = factor * 0.75, "context.media_nearby"
    if procedure:
        factor, reason = factor * 0.3, "context.procedure_question"
    if ctx.resolved_history():
        factor, reason = factor * 0.35, "context.resolved_history"
    if jokeable and joking:
        factor, reason = factor * 0.4, "context.joking"
    return factor, reason
