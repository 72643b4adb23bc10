"""Table tests for command parsing: every way people address carebot, and odd input."""

from __future__ import annotations

import pytest

from bot.commands import ParsedCommand, parse_command, split_args

BOTS = ("carebot",)


@pytest.mark.parametrize(
    ("text", "name", "args", "via_mention"),
    [
        ("/help", "help", (), False),
        ("/HELP", "help", (), False),
        ("  /help  ", "help", (), False),
        ("!help", "help", (), False),
        ("/help@carebot", "help", (), False),
        ("/help@CareBot", "help", (), False),
        ("/role@carebot Sam mentor", "role", ("Sam", "mentor"), False),
        ("/role Sam Taylor mentor", "role", ("Sam", "Taylor", "mentor"), False),
        ("/role\tSam\nmentor", "role", ("Sam", "mentor"), False),
        ("/register coffee-morning", "register", ("coffee-morning",), False),
        ("/my_data", "my_data", (), False),
        ("@carebot help", "help", (), True),
        ("@CareBot help", "help", (), True),
        ("@carebot, help", "help", (), True),
        ("@carebot: help", "help", (), True),
        ("@carebot /help", "help", (), True),
        ("@carebot\nhelp", "help", (), True),
        ("@carebot what is PP+", "what", ("is", "PP+"), True),
        ("@carebot role Sam mentor", "role", ("Sam", "mentor"), True),
        ("/help 😀", "help", ("😀",), False),
        ("\u200b/help", "help", (), False),
        ("/help\u200b", "help", (), False),
        ("\ufeff/he\u200blp", "help", (), False),
        ("/join ABCDE\u200b-23456", "join", ("ABCDE-23456",), False),
    ],
)
def test_commands_we_understand(
    text: str, name: str, args: tuple[str, ...], via_mention: bool
) -> None:
    parsed = parse_command(text, BOTS)
    assert parsed is not None, text
    assert (parsed.name, parsed.args, parsed.via_mention) == (name, args, via_mention)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\u200b\u200b",
        "hello there",
        "help",
        "/help@otherbot",
        "/help@carebot_fan",
        "/ help",
        "/",
        "!",
        "/123",
        "//help",
        "😀 /help",
        "please /help",
        "@carebot",
        "@carebot 😀",
        "@carebotty help",
        "@otherbot help",
        "@carebot !!!",
        "email me at x@carebot.org",
    ],
)
def test_ordinary_conversation_is_not_a_command(text: str) -> None:
    assert parse_command(text, BOTS) is None


def test_arg_text_keeps_the_words_as_typed() -> None:
    parsed = parse_command("/link  abcde 23456 ", BOTS)
    assert parsed == ParsedCommand("link", ("abcde", "23456"), "abcde 23456")
    assert parsed.arg(0) == "abcde" and parsed.arg(5) is None


def test_mention_arg_text() -> None:
    parsed = parse_command("@carebot join ABCDE-23456", BOTS)
    assert parsed is not None and parsed.arg_text == "ABCDE-23456"


def test_other_bot_names_are_configurable() -> None:
    assert parse_command("/help@harbourbot", ("harbourbot",)) is not None
    assert parse_command("/help@carebot", ("harbourbot",)) is None
    mention = parse_command("@harbourbot help", ("harbourbot",))
    assert mention is not None and mention.via_mention


def test_a_very_long_message_is_parsed_quickly_and_whole() -> None:
    words = ["word"] * 2000
    text = "/remind " + " ".join(words)
    assert len(text) > 10_000
    parsed = parse_command(text, BOTS)
    assert parsed is not None and len(parsed.args) == 2000
    assert parse_command("x" * 10_000, BOTS) is None
    assert parse_command("/" + "a" * 10_000, BOTS) is None  # command names are short


@pytest.mark.parametrize(
    ("text", "args"),
    [
        ("", ()),
        ("   ", ()),
        ("Sam mentor", ("Sam", "mentor")),
        ('"Sam Taylor" mentor', ("Sam Taylor", "mentor")),
        ("'Sam Taylor' mentor", ("Sam Taylor", "mentor")),
        ("“Sam Taylor” mentor", ("Sam Taylor", "mentor")),
        ("‘Sam Taylor’ mentor", ("Sam Taylor", "mentor")),
        ("„Sam Taylor“ mentor", ("Sam Taylor", "mentor")),
        ('"Sam Taylor mentor', ("Sam", "Taylor", "mentor")),
        ('Sam Taylor" mentor', ("Sam", "Taylor", "mentor")),
        ("“Sam Taylor mentor", ("Sam", "Taylor", "mentor")),
        ("O'Brien mentor", ("O'Brien", "mentor")),
        ("O’Brien mentor", ("O'Brien", "mentor")),
        ("D'Arcy O'Brien mentor", ("D'Arcy", "O'Brien", "mentor")),
        ('"Sam O\'Brien" mentor', ("Sam O'Brien", "mentor")),
        ("'Sam O'Brien' mentor", ("Sam O'Brien", "mentor")),
        ("kids' club", ("kids'", "club")),
        ('""', ("",)),
        ("C:\\temp back\\slash", ("C:\\temp", "back\\slash")),
        ("😀 🎉", ("😀", "🎉")),
        ("a\u200bb c", ("ab", "c")),
        ("one\ttwo\nthree", ("one", "two", "three")),
    ],
)
def test_split_args(text: str, args: tuple[str, ...]) -> None:
    assert split_args(text) == args


def test_split_args_on_ten_thousand_characters() -> None:
    text = ('"' + "x" * 5000 + '" ') + "y " * 2500
    result = split_args(text)
    assert result[0] == "x" * 5000 and len(result) == 2501
    unbalanced = '"' + "z " * 5000
    assert split_args(unbalanced) == ("z",) * 5000


def test_the_dispatcher_learns_a_platform_username() -> None:
    from bot.dispatch import Dispatcher

    dispatcher = Dispatcher([], bot_names=("carebot",))
    assert parse_command("/help@harbour_bot", dispatcher.bot_names) is None
    dispatcher.recognise_name("harbour_bot")
    dispatcher.recognise_name("HARBOUR_BOT")
    dispatcher.recognise_name(None)
    assert dispatcher.bot_names == ("carebot", "harbour_bot")
    parsed = parse_command("/help@harbour_bot", dispatcher.bot_names)
    assert parsed is not None and parsed.name == "help"
