"""Robustness: odd and adversarial input never crashes and still gives sensible answers.

No timing assertions here (the machine is noisy); `bench/scan.py` measures speed.
"""

from __future__ import annotations

import io
import json

import pytest

from moderation.confidentiality import CATEGORIES, PLACEHOLDERS, Span, redact, scan
from moderation.confidentiality.scan_cli import run_scan

ADVERSARIAL = [
    "",
    " ",
    "\n\n\n",
    "😀" * 50,
    "👨‍👩‍👧‍👦🏳️‍🌈",
    "1" * 4000,
    "0" * 10_000,
    ("0161 496 0210 " * 300)[:4000],
    " ".join(["12"] * 2000),
    " " * 4000,
    "A" * 4000,
    " ".join(["Jake"] * 1000),
    " ".join(["Jake Smith"] * 400),
    "St " * 1300,
    "St Anne St Mary " * 250,
    "\u200b" * 1000,
    "J\u200ba\u200bk\u200be S\u200bm\u200bi\u200bt\u200bh " * 300,
    "Джейк Смит 杰克 جيك 07700 900123 " * 100,
    "a@" * 2000,
    "a." * 2000,
    "x.y@example.com " * 250,
    "DOB 12/10/2014 " * 250,
    "M16 0RA " * 500,
    "12 Oak Road " * 330,
    "Mrs Smith is useless rude " * 150,
    "-" * 4000,
    "'" * 4000,
    "(" * 4000,
    "+" * 4000,
    "a1" * 2000,
    "İstanbul İİİ Jake Smith",
    "\ud7ff\ue000\uffff",
    "Jake Smith " * 1000,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_never_crashes_and_spans_are_valid(text: str) -> None:
    result = scan(text)
    assert result.identifying == bool(result.spans)
    assert set(result.categories) == {s.category for s in result.spans}
    assert list(result.categories) == [c for c in CATEGORIES if c in result.categories]
    previous_end = 0
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end
        previous_end = span.end
    redact(text, result.spans)


def test_empty_and_emoji_are_not_identifying() -> None:
    assert not scan("").identifying
    assert not scan("🎉🎉🎉").identifying


def test_zero_width_characters_do_not_hide_a_name() -> None:
    text = "Ja\u200bke Sm\u200bith is moving to us"
    result = scan(text)
    assert result.identifying
    (span,) = result.spans
    assert text[span.start : span.end] == "Ja\u200bke Sm\u200bith"


def test_long_message_still_finds_details_at_the_end() -> None:
    text = "nothing to see here. " * 400 + "ring me on 07700 900123"
    spans = scan(text).spans
    assert [text[s.start : s.end] for s in spans] == ["07700 900123"]


def test_adversarial_inputs_are_not_flagged_by_accident() -> None:
    for text in ["1" * 4000, " " * 4000, "A" * 4000, "-" * 4000, "😀" * 100]:
        assert not scan(text).identifying


def test_redact_replaces_each_span() -> None:
    text = "Jake Smith at 9 Oak Road, ring 07700 900123"
    result = scan(text)
    assert redact(text, result.spans) == ("[child's name] at [address], ring [phone number]")


def test_redact_handles_overlaps_and_out_of_range_spans() -> None:
    spans = [Span(0, 4, "child_name"), Span(2, 6, "school"), Span(50, 60, "phone")]
    assert redact("abcdefgh", spans) == "[child's name]gh"
    assert set(PLACEHOLDERS) == set(CATEGORIES)


def test_cli_writes_one_line_per_message_and_survives_bad_lines() -> None:
    lines = [
        json.dumps({"id": "a", "text": "ring 07700 900123"}),
        "not json",
        json.dumps({"id": 7}),
        json.dumps({"id": "c", "text": 5}),
        json.dumps(["list"]),
        "",
        json.dumps({"id": "d", "text": "lovely day at the beach"}),
    ]
    out = io.StringIO()
    assert run_scan(io.StringIO("\n".join(lines) + "\n"), out) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == 6
    assert rows[0] == {
        "id": "a",
        "identifying": True,
        "categories": ["phone"],
        "spans": [{"start": 5, "end": 17, "category": "phone"}],
    }
    assert rows[1]["id"] is None and rows[1]["error"].startswith("bad_json")
    assert rows[2] == {"id": 7, "error": "missing_text: no 'text' field"}
    assert rows[3]["id"] == "c" and rows[3]["error"].startswith("bad_text")
    assert rows[4]["id"] is None and "error" in rows[4]
    assert rows[5] == {"id": "d", "identifying": False, "categories": [], "spans": []}
