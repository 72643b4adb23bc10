"""Plain functions behind ``carebot faq ...``: ask one question, ask many (JSONL), check.

They take streams, folders and texts rather than reading globals, so the lead can wire
them into the real CLI and tests can drive them with StringIO. ``ask_once`` decides and
words its reply exactly as the chat does (same rules, same render, same config texts),
shown as plain text with the buttons in brackets.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from bot.events import Button
from bot.features.faq.decide import Decision, Reply, decide, friendly_word
from bot.features.faq.knowledge import check_knowledge_base, load_knowledge_base
from bot.features.faq.matcher import FaqMatcher
from bot.features.faq.plain import plain_text
from bot.features.faq.render import answer_message
from bot.features.faq.texts import FaqTexts, HandoverTexts
from config.texts import Texts

KbDirs = Sequence[Path | str]
NO_TOPICS = "No FAQ topics could be loaded; run 'carebot faq check'."


def _matcher(kb_dirs: KbDirs) -> FaqMatcher | None:
    kb = load_knowledge_base([Path(d) for d in kb_dirs])
    return FaqMatcher(kb) if len(kb) else None


def _buttons_line(buttons: Sequence[Button]) -> str:
    return "  ".join(f"[{button.label}]" for button in buttons)


def reply_text(decision: Decision, texts: Texts) -> str:
    """What carebot would say in a private chat to someone it can't pass questions on for.

    The command line has no organisation, so an offer of a person reads as it does for a
    visitor: who to ask, without a "pass it on" button.
    """
    faq = texts.get(FaqTexts)
    if decision.entry is not None:
        markup, buttons = answer_message(decision.entry, faq)
        return plain_text(markup) + "\n" + _buttons_line(buttons)
    handover = texts.get(HandoverTexts)
    if decision.reply is Reply.NEEDS_PERSON:
        return plain_text(handover.needs_person_guest)
    if decision.reply is Reply.NOT_SURE:
        return plain_text(handover.not_sure_guest)
    if decision.reply is Reply.NO_WORDS:
        return plain_text(faq.ask_usage)
    return plain_text(friendly_word(decision.reply, faq))


def ask_once(kb_dirs: KbDirs, text: str, stdout: TextIO, texts: Texts) -> int:
    """Answer one question. Exit 0 (answered or kindly declined), 2 if no topics load."""
    matcher = _matcher(kb_dirs)
    if matcher is None:
        stdout.write(NO_TOPICS + "\n")
        return 2
    stdout.write(reply_text(decide(matcher, text), texts) + "\n")
    return 0


def _answer_line(matcher: FaqMatcher, raw: str) -> tuple[dict[str, object], bool]:
    """One JSONL output record and whether the input line was usable."""
    try:
        item = json.loads(raw)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"not valid JSON: {exc.msg}"}, False
    if not isinstance(item, dict):
        return {"id": None, "error": "each line must be a JSON object"}, False
    ident = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": ident, "error": "missing 'text' (it must be a string)"}, False
    match = matcher.match(text)
    return {"id": ident, "topic": match.topic, "score": match.score}, True


def ask_jsonl(kb_dirs: KbDirs, stdin: TextIO, stdout: TextIO) -> int:
    """Answer ``{"id", "text"}`` lines with ``{"id", "topic", "score"}`` lines.

    A bad line gets ``{"id", "error"}`` and the rest carry on. Exit 0 when every line was
    usable, 1 when at least one was not, 2 if no topics load. Blank lines are skipped.
    """
    matcher = _matcher(kb_dirs)
    if matcher is None:
        stdout.write(json.dumps({"id": None, "error": "no FAQ topics could be loaded"}) + "\n")
        return 2
    all_good = True
    for raw in stdin:
        if not raw.strip():
            continue
        record, good = _answer_line(matcher, raw)
        all_good = all_good and good
        stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0 if all_good else 1


def check(kb_dirs: KbDirs, stdout: TextIO, today: date) -> int:
    """List every problem as ``file:line: message``. Exit 0 when clean, 1 otherwise."""
    problems = check_knowledge_base([Path(d) for d in kb_dirs], today)
    for problem in problems:
        stdout.write(problem.format() + "\n")
    if problems:
        count = len(problems)
        stdout.write(f"{count} problem{'s' if count != 1 else ''} found.\n")
        return 1
    stdout.write("FAQ topics look good.\n")
    return 0
