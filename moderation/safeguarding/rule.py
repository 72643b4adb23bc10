"""The rule record and the small vocabulary shared by the rule tables.

Rules are data: an id, the category it points at, a weight, a pattern over the
normalised text and a few switches saying which context checks apply. Each rule
also lists anchor words; a rule's pattern is only run when one of its anchors
occurs in the message, which keeps the common case (no signal) cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Author = Literal["any", "child", "adult"]

# Pattern macros: written as <NAME> inside rule patterns.
MACROS: dict[str, str] = {
    # Any character inside one sentence.
    "G": r"[^.!?\n]",
    # Partners and ex-partners (domestic abuse needs a personal connection).
    "PARTNER": (
        r"(?:partner|husband|hubby|wife|boyfriend|girlfriend|ex|ex-?partner|ex-?husband|"
        r"ex-?wife|other half|fella|fiance|fiancee|spouse)"
    ),
    # Adults or older children a child might name when telling.
    "REL": (
        r"(?:uncles?|aunt(?:ie|y)?s?|dads?|daddy|daddys|father|step ?dads?|step ?fathers?|"
        r"mums?|mummy|mummys|mom|mother|step ?mums?|nans?|nana|grandad|grandpa|granddad|"
        r"grandma|brothers?|sisters?|cousins?|boyfriend|partner|bloke|neighbours?|"
        r"teachers?|coach|man|men|lady|woman|someone|somebody|babysitter|"
        r"lodger|(?:mums?|mummys?) (?:boyfriend|partner|fella|bloke|friend)|"
        r"(?:dads?|daddys?) (?:girlfriend|partner|friend|mate))"
    ),
    # Abuse verbs as a child would report them.
    "ABUSE": (
        r"(?:touch(?:es|ed|ing)?|tuch\w*|tutch\w*|hurts?|hurting|hit(?:s|ting)?|punch(?:es|ed)?|"
        r"kick(?:s|ed)?|beats?|beaten|slap(?:s|ped)?|burn(?:s|t|ed)|raped?|abus(?:es|ed)|"
        r"molest\w*|strangl\w*|chok(?:es|ed)|starv\w*|does sex|did sex|sex things|"
        r"makes? (?:her|him|me|them) (?:do|touch|watch)|made (?:her|him|me|them) "
        r"(?:do|touch|watch)|smack(?:s|ed)|pinch(?:es|ed)|(?:make|made|makes) (?:him|her|me|them)"
        r"\b[^.!?\n]{0,20}?\b(?:take (?:their|his|her|my) clothes off|get undressed|undress)|"
        r"film(?:s|ed)? (?:him|her|them|me)\b|comes? (?:in|into) (?:her|his|my) (?:room|bed) at "
        r"night|"
        # Restraint and confinement: "puts his hand over her mouth", "locked him in the cellar".
        r"(?:puts?|putting|held|holds?|kept|keeps) (?:his|her|their|a) hands? over (?:her|his|my|"
        r"their) mouth|hand over (?:her|his|my|their) mouth|(?:holds?|held|pins?|pinned) (?:her|"
        r"him|me|them) down|lock(?:s|ed|ing)? (?:her|him|me|them) (?:in|up|out)\b|"
        r"(?:ties|tied|tying) (?:her|him|me|them) up)"
    ),
    # Injuries a carer might notice.
    "INJ": (
        r"(?:bruis\w*|black eye|marks?|burns?|burnt|welts?|swollen|swelling|bite marks?|hand ?print"
        r"s?|"
        r"scratch(?:es)?|injur\w*|fractur\w*|broken (?:arm|leg|wrist|bone)|blister\w*)"
    ),
    # Time with the birth family, where harm may have happened.
    "FAMHOME": (
        r"(?:(?:the )?(?:weekend |overnight |supervised |unsupervised )?(?:at )?(?:contact|"
        r"home visit|(?:her|his|their) (?:mums?|mummys?|dads?|daddys?|nans?|mothers?|fathers?|"
        r"birth (?:mum|dad|family|parents?))s?(?: house| place| flat)?|(?:mums?|dads?)"
        r"(?: house| place| flat)?))"
    ),
    # A partner (or a threat outside the door) is the one doing harm.
    "DACTX": (
        r"(?:\b<PARTNER>\b|\boutside (?:the|my|our) (?:house|door|window)\b|\bif i (?:leave|left|"
        r"try to leave|go) (?:him|her)\b)"
    ),
    # Birth family named as the source of a threat.
    "BIRTHFAM": (
        r"(?:\bbirth (?:mum|dad|mother|father|family|parents?)\b|\b(?:her|his|their) "
        r"(?:mum|dad|mother|father|uncle|family)s?\b)"
    ),
    # Words that point at the young person rather than an adult.
    "YP": (
        r"(?:\d{1,2} ?(?:yo|y/o|year old|yr old|year-old)|yp|young person|foster (?:son|daughter|"
        r"child|kid)|teen\w*|lad|boy|girl|kid|child|the little ones?)"
    ),
}
_MACRO_RE = re.compile(r"<([A-Z]+)>")


def expand(pattern: str) -> str:
    """Replace <NAME> macros (possibly nested) in a pattern."""
    for _ in range(3):
        pattern = _MACRO_RE.sub(lambda m: MACROS[m.group(1)], pattern)
    return pattern


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a macro pattern with word-boundary friendly defaults."""
    return re.compile(expand(pattern))


@dataclass(frozen=True, slots=True)
class Rule:
    """One detection rule; see the module docstring."""

    id: str
    category: str
    weight: float
    pattern: re.Pattern[str]
    anchors: tuple[str, ...]
    negatable: bool = True
    urgent: bool = False
    author: Author = "any"
    # Skipped when this matches the sentence around the hit.
    unless: re.Pattern[str] | None = None
    # Skipped unless this matches somewhere in the message.
    requires: re.Pattern[str] | None = None
    # Skipped when this matches anywhere in the message.
    avoid: re.Pattern[str] | None = None
    # Media words (film, documentary, video) do not weaken this rule.
    media_ok: bool = False
    # "lol", "haha", laughing emoji in the sentence weaken this rule.
    jokeable: bool = False
    # Self-harm content: the category (child or adult) follows the subject.
    subject: bool = False


def rule(
    rule_id: str,
    category: str,
    weight: float,
    pattern: str,
    anchors: str,
    *,
    negatable: bool = True,
    urgent: bool = False,
    author: Author = "any",
    unless: str | None = None,
    requires: str | None = None,
    avoid: str | None = None,
    media_ok: bool = False,
    jokeable: bool = False,
    subject: bool = False,
) -> Rule:
    """Build a Rule; ``anchors`` is space separated, ``word*`` marks a prefix."""
    return Rule(
        id=f"{category}.{rule_id}" if not subject else f"self_harm.{rule_id}",
        category=category,
        weight=weight,
        pattern=compile_pattern(pattern),
        anchors=tuple(anchors.split()),
        negatable=negatable,
        urgent=urgent,
        author=author,
        unless=compile_pattern(unless) if unless else None,
        requires=compile_pattern(requires) if requires else None,
        avoid=compile_pattern(avoid) if avoid else None,
        media_ok=media_ok,
        jokeable=jokeable,
        subject=subject,
    )
