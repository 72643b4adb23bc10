"""How an FAQ topic reads in a chat: the short answer with its sources and check date,
the longer answer behind "More", and a one-line suggestion for groups.

Pure functions of a topic and the texts, so the wording is tested without the engine.
Text uses carebot's small markup: *bold*, _italics_, [title](url) and "- " lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, tzinfo

from bot.events import Button
from bot.features.faq.model import FaqEntry, Source
from bot.features.faq.texts import FaqTexts
from bot.features.faq.votes import button_arg
from bot.router import button_data

MORE = "faqmore"
HELPFUL = "faqyes"
UNHELPFUL = "faqno"
SHOW = "faqshow"
SHORT_SOURCES = 2  # links under the short answer; "More" lists them all

_DOUBLE_STARS = re.compile(r"\*\*(.+?)\*\*")


def month_year(day: date, texts: FaqTexts) -> str:
    """'November 2026', whatever the machine's locale."""
    return f"{texts.months[day.month - 1]} {day.year}"


def day_month(moment: datetime, zone: tzinfo, texts: FaqTexts) -> str:
    """'5 January', in the organisation's time zone."""
    local = moment.astimezone(zone)
    return f"{local.day} {texts.months[local.month - 1]}"


def link(source: Source) -> str:
    """A markup link; brackets in the title and parentheses in the address are made safe."""
    title = source.title.replace("[", "(").replace("]", ")")
    url = source.url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f"[{title}]({url})"


def _joined(names: Sequence[str], texts: FaqTexts) -> str:
    if len(names) > 1:
        return ", ".join(names[:-1]) + texts.list_and + names[-1]
    return names[0] if names else ""


def _footer(entry: FaqEntry, texts: FaqTexts) -> str:
    checked = texts.checked.format(month_year=month_year(entry.last_checked, texts))
    nations = [texts.nations.get(n, n) for n in entry.nations]
    if nations:
        checked += " " + texts.applies.format(nations=_joined(nations, texts))
    return f"_{checked}_"


def topic_button(label: str, prefix: str, slug: str) -> Button | None:
    """A button carrying a topic's slug, or None if the slug is too long for one."""
    try:
        return Button(label, button_data(prefix, slug))
    except ValueError:
        return None


def vote_button(label: str, prefix: str, slug: str, token: str) -> Button | None:
    """A "Was this helpful?" button naming the topic and this answer's token.

    If the token does not fit, the button names the topic only (one vote per topic).
    """
    return topic_button(label, prefix, button_arg(slug, token)) or topic_button(label, prefix, slug)


def answer_message(entry: FaqEntry, texts: FaqTexts, token: str = "") -> tuple[str, list[Button]]:
    """The short answer, its first sources, the check date and "Was this helpful?".

    ``token`` marks this particular answer, so each person gets one vote on it.
    """
    lines = [f"*{entry.title}*", entry.short, ""]
    if entry.sources:
        links = ", ".join(link(s) for s in entry.sources[:SHORT_SOURCES])
        lines.append(texts.sources.format(links=links))
    lines += [_footer(entry, texts), "", texts.helpful_question]
    buttons = [
        topic_button(texts.more_button, MORE, entry.slug) if entry.body else None,
        vote_button(texts.yes_button, HELPFUL, entry.slug, token),
        vote_button(texts.no_button, UNHELPFUL, entry.slug, token),
    ]
    return "\n".join(lines), [b for b in buttons if b is not None]


def as_chat_markup(body: str) -> str:
    """Topic files use Markdown's **bold**; chat markup uses *bold*."""
    return _DOUBLE_STARS.sub(r"*\1*", body.strip())


def more_message(entry: FaqEntry, texts: FaqTexts) -> str:
    """The longer answer, who to ask (unless it already says), every source and the date."""
    lines = [f"*{entry.title}*", as_chat_markup(entry.body or entry.short), ""]
    if "who to ask" not in entry.body.lower():
        lines += [texts.who_to_ask.format(ask=entry.ask), ""]
    if entry.sources:
        lines.append(texts.more_sources)
        lines += [f"- {link(s)}" for s in entry.sources]
    lines.append(_footer(entry, texts))
    return "\n".join(lines)


def suggestion_message(entry: FaqEntry, texts: FaqTexts) -> tuple[str, list[Button]]:
    """One short line offering a topic in a group; the answer itself only if asked for."""
    button = topic_button(texts.suggestion_button, SHOW, entry.slug)
    return texts.suggestion.format(title=entry.title), [button] if button else []
