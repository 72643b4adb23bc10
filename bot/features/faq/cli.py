"""Plain functions behind ``carebot faq ...``: ask one question, ask many (JSONL), check.

They take streams and folders rather than reading globals, so the lead can wire them into
the real CLI and tests can drive them with StringIO.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from bot.features.faq.knowledge import check_knowledge_base, load_knowledge_base
from bot.features.faq.matcher import FaqMatcher, Match
from bot.features.faq.model import FaqEntry

KbDirs = Sequence[Path | str]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_NATION_NAMES = {
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}
NOT_SURE = (
    "I'm not sure I have a good answer for that one. Your supervising social worker (SSW) "
    "or the child's social worker is the best person to ask."
)
NEEDS_PERSON = (
    "That's one for a person who knows your family's situation. Your supervising social "
    "worker (SSW) or the child's social worker can check it for you."
)


def checked_label(day: date) -> str:
    """'Last checked November 2026': month names spelled out whatever the locale."""
    return f"Last checked {_MONTHS[day.month - 1]} {day.year}"


def _nations_label(entry: FaqEntry) -> str:
    names = [_NATION_NAMES.get(n, n) for n in entry.nations]
    if len(names) > 1:
        return "Applies in " + ", ".join(names[:-1]) + " and " + names[-1] + "."
    return f"Applies in {names[0]}." if names else ""


def format_answer(entry: FaqEntry) -> str:
    """The chat-sized answer: title, short answer, who to ask, sources and check date."""
    lines = [entry.title, "", entry.short, ""]
    if entry.ask:
        lines.append(f"Who to ask: {entry.ask}")
    nations = _nations_label(entry)
    if nations:
        lines.append(nations)
    if entry.sources:
        lines.append("Sources:")
        lines.extend(f"- {source.title}: {source.url}" for source in entry.sources)
    lines.append(checked_label(entry.last_checked))
    return "\n".join(lines)


def _matcher(kb_dirs: KbDirs) -> FaqMatcher | None:
    kb = load_knowledge_base([Path(d) for d in kb_dirs])
    return FaqMatcher(kb) if len(kb) else None


def reply_text(matcher: FaqMatcher, match: Match) -> str:
    """What the bot would say for ``match``."""
    entry = matcher.kb.get(match.topic) if match.topic else None
    if entry is not None:
        return format_answer(entry)
    return NEEDS_PERSON if match.needs_person else NOT_SURE


def ask_once(kb_dirs: KbDirs, text: str, stdout: TextIO) -> int:
    """Answer one question. Exit 0 (answered or kindly declined), 2 if no topics load."""
    matcher = _matcher(kb_dirs)
    if matcher is None:
        stdout.write("No FAQ topics could be loaded; run 'carebot faq check'.\n")
        return 2
    stdout.write(reply_text(matcher, matcher.match(text)) + "\n")
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
