"""Who a notice is for, read from what staff typed or tapped: groups, or people by role.

Pure: the organisation's regions come in as (id, name) pairs. Typed audiences read like
"support groups in Leeds", "coffee mornings and support groups in Leeds and York",
"all groups" or "carers and facilitators". "Carers" includes mentors, who are carers too.
What could not be read comes back as an `AudienceProblem` naming the words, so the
reply can say exactly which part to change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

GROUPS = "groups"
PEOPLE = "people"

PURPOSES = ("support_group", "coffee_morning", "constellation", "regional_network", "staff")
# Role choices staff make, and the membership roles each one reaches.
ROLE_CHOICES: dict[str, tuple[str, ...]] = {
    "carer": ("carer", "mentor"),
    "mentor": ("mentor",),
    "facilitator": ("facilitator",),
}
ROLE_ORDER = ("carer", "mentor", "facilitator")

_PURPOSE_WORDS = {
    "support group": "support_group",
    "support": "support_group",
    "coffee morning": "coffee_morning",
    "coffee": "coffee_morning",
    "constellation": "constellation",
    "mockingbird": "constellation",
    "mockingbird hub": "constellation",
    "hub": "constellation",
    "regional network": "regional_network",
    "network": "regional_network",
    "staff group": "staff",
    "staff": "staff",
    "team": "staff",
}
_ROLE_WORDS = {
    "carer": "carer",
    "foster carer": "carer",
    "kinship carer": "carer",
    "mentor": "mentor",
    "facilitator": "facilitator",
}
_ANY_GROUP = {"", "group", "chat", "group chat"}
_FILLER = re.compile(
    r"\b(?:all|every|each|the|our|my|of|everyone|everybody|who\s+(?:is|are)(?:\s+an?)?|"
    r"privately|private|by\s+role|people|just|only)\b"
)
_JOINERS = re.compile(r"\s*(?:,|&|\+|/|\band\b|\bor\b|\bplus\b)\s*")


@dataclass(frozen=True, slots=True)
class Audience:
    """Groups (filtered by region ids and purposes; empty means any), or people by role."""

    kind: str
    regions: tuple[int, ...] = ()
    purposes: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    @property
    def member_roles(self) -> tuple[str, ...]:
        """The membership roles a people-audience reaches ("carer" brings mentors too)."""
        found = {r for choice in self.roles for r in ROLE_CHOICES.get(choice, (choice,))}
        return tuple(sorted(found))

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "regions": list(self.regions),
            "purposes": list(self.purposes),
            "roles": list(self.roles),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Audience:
        return cls(
            kind=str(data.get("kind", GROUPS)),
            regions=tuple(int(r) for r in data.get("regions", ())),
            purposes=tuple(str(p) for p in data.get("purposes", ())),
            roles=tuple(str(r) for r in data.get("roles", ())),
        )


@dataclass(frozen=True, slots=True)
class AudienceProblem:
    """Why the words were not an audience: `kind` names a text, `details` fill it."""

    kind: str  # unknown_words, unknown_region, people_by_region, mixed
    details: dict[str, str] = field(default_factory=dict)


def _tidy(text: str) -> str:
    text = text.lower().replace("’", "'").replace("\u00a0", " ")
    text = re.sub(r"[.!?;:\"“”]+", " ", text)
    return " ".join(text.split())


def _singular(phrase: str) -> str:
    """'coffee mornings' -> 'coffee morning'; words ending in 'ss' are left alone."""
    return " ".join(
        w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in phrase.split()
    )


def _pieces(head: str) -> list[str]:
    cleaned = " ".join(_FILLER.sub(" ", head).split())
    return [_singular(p.strip()) for p in _JOINERS.split(cleaned)] if cleaned else [""]


def _read_regions(
    where: str, regions: Sequence[tuple[int, str]]
) -> tuple[int, ...] | AudienceProblem:
    """Region ids named in `where`; longer names first, so "North Leeds" beats "Leeds"."""
    rest = " {} ".format(re.sub(r"\s*([,&+/])\s*", r" \1 ", where))
    found: list[int] = []
    for region_id, name in sorted(regions, key=lambda r: -len(r[1])):
        wanted = f" {_tidy(name)} "
        if wanted.strip() and wanted in rest:
            found.append(region_id)
            rest = rest.replace(wanted, " , ")
    leftover = [w for w in _JOINERS.split(" ".join(_FILLER.sub(" ", rest).split())) if w]
    if leftover:
        known = ", ".join(name for _, name in sorted(regions, key=lambda r: r[1].lower()))
        return AudienceProblem("unknown_region", {"words": " ".join(leftover), "known": known})
    return tuple(sorted(found))


def read_audience(text: str, regions: Sequence[tuple[int, str]]) -> Audience | AudienceProblem:
    """Understand a typed audience, or say which words could not be placed."""
    said = _tidy(text)
    head, _, where = said.partition(" in ")
    if head.startswith("in "):  # "in Leeds" on its own: every group there
        head, where = "", head[3:]
    private = re.search(r"\bprivate(?:ly)?\b", head) is not None
    purposes: list[str] = []
    roles: list[str] = []
    unknown: list[str] = []
    for piece in _pieces(head):
        if piece in _ANY_GROUP:
            continue
        kind = _PURPOSE_WORDS.get(piece) or _PURPOSE_WORDS.get(piece.removesuffix(" group"))
        if kind is not None:
            purposes.append(kind)
        elif piece in _ROLE_WORDS:
            roles.append(_ROLE_WORDS[piece])
        else:
            unknown.append(piece)
    if unknown:
        return AudienceProblem("unknown_words", {"words": ", ".join(unknown)})
    if (roles or private) and purposes:
        return AudienceProblem("mixed")
    if roles or private:
        if where.strip():
            return AudienceProblem("people_by_region", {"words": where.strip()})
        ordered = tuple(r for r in ROLE_ORDER if r in roles or not roles)
        return Audience(kind=PEOPLE, roles=ordered)
    region_ids: tuple[int, ...] = ()
    if where.strip():
        read = _read_regions(where, regions)
        if isinstance(read, AudienceProblem):
            return read
        region_ids = read
    kinds = tuple(p for p in PURPOSES if p in purposes)
    return Audience(kind=GROUPS, regions=region_ids, purposes=kinds)


def describe(
    audience: Audience,
    *,
    region_names: dict[int, str],
    purpose_names: dict[str, str],
    role_names: dict[str, str],
    words: dict[str, str],
) -> str:
    """The audience in a short phrase: "support groups in Leeds", "carers, privately"."""
    if audience.kind == PEOPLE:
        listed = join([role_names.get(r, r) for r in audience.roles], words["and"])
        return words["people"].format(roles=listed)
    kinds = (
        join([purpose_names.get(p, p) for p in audience.purposes], words["and"])
        if audience.purposes
        else words["all_groups"]
    )
    if not audience.regions:
        return kinds
    places = join([region_names.get(r, "?") for r in audience.regions], words["and"])
    return words["groups_in"].format(kinds=kinds, regions=places)


def join(items: Sequence[str], and_word: str) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {and_word} {items[-1]}"
