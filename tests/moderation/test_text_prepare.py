"""The byte-per-character fast path of `prepare` must read a message exactly as the regex does."""

from __future__ import annotations

from itertools import accumulate

from moderation.confidentiality.text import _TOKEN, _latin1, prepare
from tests.moderation.corpus import labelled_texts

# Characters chat adds to messages: emoji, dashes, curly quotes, a question mark, a pound sign,
# accented Latin-1 letters; and some that force the slow path (a letter or space beyond Latin-1).
EXTRAS = ["😀", "—", "\u201c", "?", "£", "é", "🇬🇧", "ł", "\u2009", "Ж", "'", "-", "٣"]


def _expected_latin1(text: str) -> bytes | None:
    out = bytearray()
    for ch in text:
        if ord(ch) <= 0xFF:
            out.append(ord(ch))
        elif ch.isalnum() or ch.isspace():
            return None
        else:
            out.append(0x1A)
    return bytes(out)


def _variants() -> list[str]:
    texts: list[str] = []
    for n, text in enumerate(labelled_texts()):
        extra = EXTRAS[n % len(EXTRAS)]
        middle = len(text) // 2
        texts += [text, text[:middle] + extra + text[middle:], extra + text + "?" + extra]
    texts += ["", "?", "??", "😀", "😀?", "a?😀?b", "ł", "Jo-?-😀-Ann", "— 'x' —"]
    return texts


def test_latin1_bytes_match_a_character_by_character_reading() -> None:
    narrow = 0
    for text in _variants():
        got = _latin1(text)
        assert got == _expected_latin1(text), text
        narrow += got is not None and not text.isascii() and len(text.encode("utf-8")) > len(got)
    assert narrow > 100  # plenty of messages took the fast path with characters beyond ASCII


def test_tokens_match_the_regex_on_every_path() -> None:
    for text in _variants():
        doc = prepare(text)
        parts = _TOKEN.split(doc.low)
        starts = list(accumulate(map(len, parts)))[0:-1:2]
        assert doc.starts == starts, text
        assert doc.ends == [s + len(t) for s, t in zip(starts, parts[1::2], strict=True)], text
        assert all(
            base == token or (i in doc.possessive and token == base + "'s")
            for i, (base, token) in enumerate(zip(doc.bases, parts[1::2], strict=True))
        ), text


def test_sentence_start_and_end_bound_the_same_sentence() -> None:
    text = "Mr Hollis rang. Fuming!! Ours is 3.5 miles away\nSee you at 10."
    doc = prepare(text)
    spans = {
        doc.sentence(p): (doc.sentence_start(p), doc.sentence_end(p)) for p in range(len(text))
    }
    assert [text[a:b] for a, b in spans.values()] == [
        "Mr Hollis rang.",
        " Fuming!!",
        " Ours is 3.5 miles away\n",
        "See you at 10.",
    ]


def test_openers_hold_every_token_that_starts_a_sentence() -> None:
    text = "Kai is 9. DOB: 1/2/15! Ours is 3.5 miles away\nsee you"
    doc = prepare(text)
    starting = [i for i in range(len(doc.bases)) if doc.initial(i)]
    assert set(starting) <= set(doc.openers())
    # "3.5" counts too: `initial` reads any full stop as a break, and so must `openers`.
    assert [doc.word(i) for i in starting] == ["Kai", "DOB", "1", "Ours", "5", "see"]
