"""Roles as people type them, and one-time codes people read aloud and type back."""

from __future__ import annotations

import re

import pytest

from bot.people.codes import ALPHABET, CODE_LENGTH, code_hash, looks_like_code, new_code, normalise
from bot.roles import ASSIGNABLE, Role, RoleWords
from config.texts import Texts


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("carer", Role.CARER),
        ("Carers", Role.CARER),
        ("  MENTOR ", Role.MENTOR),
        ("facilitators", Role.FACILITATOR),
        ("Staff", Role.STAFF),
        ("admin", Role.ADMIN),
        ("admins", Role.ADMIN),
        ("guest", None),
        ("guests", None),
        ("", None),
        ("s", None),
        ("boss", None),
        ("care", None),
        ("😀", None),
    ],
)
def test_role_parse(word: str, role: Role | None) -> None:
    assert Role.parse(word) is role


def test_roles_are_ordered_by_what_they_may_do() -> None:
    assert Role.GUEST < Role.CARER < Role.MENTOR < Role.FACILITATOR < Role.STAFF < Role.ADMIN
    assert Role.GUEST not in ASSIGNABLE and len(ASSIGNABLE) == 5
    assert [r.label for r in ASSIGNABLE] == ["carer", "mentor", "facilitator", "staff", "admin"]


def test_every_role_reads_well_in_a_sentence() -> None:
    words = Texts.load().get(RoleWords)
    assert words.a(Role.ADMIN) == "an admin"
    assert words.a(Role.STAFF) == "a staff member"
    assert words.a("carer") == "a carer"
    for role in ASSIGNABLE:
        assert words.a(role).split()[0] in ("a", "an")


def test_role_words_must_cover_every_role() -> None:
    with pytest.raises(ValueError, match="admin"):
        RoleWords(with_article={"carer": "a carer"})


def test_new_codes_are_easy_to_read_aloud() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert re.fullmatch(r"[A-Z2-9]{5}-[A-Z2-9]{5}", code), code
        assert not set(code.replace("-", "")) - set(ALPHABET)
        assert not set(code) & set("01OIL")
        assert looks_like_code(code)


@pytest.mark.parametrize(
    "typed",
    [
        "ABCDE-23456",
        "abcde-23456",
        "ABCDE23456",
        " abcde 23456 ",
        "abc de-234 56",
        "Abcde–23456",  # an en dash from a phone keyboard
        "abcde.23456",
    ],
)
def test_normalise_ignores_case_spaces_and_dashes(typed: str) -> None:
    assert normalise(typed) == "ABCDE23456"
    assert looks_like_code(typed)
    assert code_hash(typed, "invite") == code_hash("ABCDE-23456", "invite")


@pytest.mark.parametrize(
    "typed", ["", "banana", "ABCDE", "ABCDE-234567", "ABCDE-2345", "😀😀😀😀😀-😀😀😀😀😀"]
)
def test_things_that_are_not_codes(typed: str) -> None:
    assert not looks_like_code(typed)


def test_code_hashes_are_separated_by_purpose() -> None:
    code = "ABCDE-23456"
    invite, link = code_hash(code, "invite"), code_hash(code, "link")
    assert invite != link
    assert len(invite) == 64 and re.fullmatch(r"[0-9a-f]{64}", invite)
    assert "ABCDE" not in invite and code_hash("ABCDE-23457", "invite") != invite
    assert CODE_LENGTH == 10
