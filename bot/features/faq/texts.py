"""The FAQ's words, from config/messages/faq.toml, checked at start."""

from __future__ import annotations

from pydantic import field_validator

from config.texts import TextSection


class FaqTexts(TextSection):
    """Answers, hand-overs and small talk in a carer's chat."""

    section = "faq"
    sources: str
    more_sources: str
    checked: str
    applies: str
    months: list[str]
    nations: dict[str, str]
    list_and: str
    who_to_ask: str
    helpful_question: str
    more_button: str
    yes_button: str
    no_button: str
    thanks_helpful: str
    thanks_unhelpful: str
    topic_gone: str
    small_talk: str
    hard_day: str
    off_topic: str
    ask_usage: str
    suggestion: str
    suggestion_button: str

    @field_validator("months")
    @classmethod
    def _twelve(cls, value: list[str]) -> list[str]:
        if len(value) != 12:
            raise ValueError("months must list the twelve month names, January first")
        return value


class HandoverTexts(TextSection):
    """Offering a person, the ticket staff receive, and `/answer`."""

    section = "faq_handover"
    not_sure_offer: str
    needs_person_offer: str
    pass_button: str
    keep_button: str
    passed: str
    already_passed: str
    kept: str
    offer_gone: str
    nobody_to_pass: str
    not_sure_guest: str
    needs_person_guest: str
    ticket: str
    ticket_hint: str
    answer_usage: str
    answer_unknown: str
    answer_other_org: str
    answer_already: str
    answer_just_taken: str
    answer_empty: str
    answer_unreachable: str
    answer_sent: str
    answer_for_carer: str
    answer_for_carer_no_question: str
    someone: str
    yes_words: list[str]
    no_words: list[str]


class FaqStaffTexts(TextSection):
    """`/faq gaps` and `/faq suggestions`, for staff."""

    section = "faq_staff"
    usage: str
    gaps_header: str
    gaps_week: str
    gaps_no_weeks: str
    gaps_questions_header: str
    gaps_question: str
    gaps_question_erased: str
    gaps_no_questions: str
    gaps_status: dict[str, str]
    gaps_unhelpful_header: str
    gaps_unhelpful: str
    gaps_no_unhelpful: str
    gaps_no_org: str
    suggestions_usage: str
    suggestions_now: dict[str, str]
    suggestions_changed: dict[str, str]
    not_registered: str
