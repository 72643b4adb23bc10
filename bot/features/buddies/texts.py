"""The buddy programme's words, read from config/messages/buddies.toml.

Split by who reads them (the carer answering questions, both sides of a pairing,
staff), so each model stays short; every one is checked at start.
"""

from __future__ import annotations

from pydantic import model_validator

from bot.features.buddies.reasons import check_templates
from config.texts import TextSection


class BuddyTexts(TextSection):
    """Proposals, consent, introductions: what both sides of a pairing read."""

    section = "buddies"
    reasons: dict[str, str]
    agreement: str
    offer_to_mentee: str
    offer_to_mentor: str
    yes_button: str
    no_button: str
    waiting_for_other: str
    declined_thanks_mentee: str
    declined_thanks_mentor: str
    not_going_ahead_mentee: str
    not_going_ahead_mentor: str
    lapsed_mentee: str
    lapsed_mentor: str
    intro_mentee: str
    intro_mentor: str
    suggestion_mentee: str
    suggestion_mentor: str
    reach: dict[str, str]
    reach_default: str
    offer_closed: str
    already_introduced: str
    not_yours: str
    not_yet: dict[str, str]
    partner_left_mentee: str
    partner_left_mentor: str
    partner_offer_withdrawn: str

    @model_validator(mode="after")
    def _reasons_complete(self) -> BuddyTexts:
        problems = check_templates(self.reasons)
        if problems:
            raise ValueError(f"reasons: {problems[0]}")
        return self


class QuestionTexts(TextSection):
    """The step-by-step profile questions for mentors and for carers asking for a buddy."""

    section = "buddy_questions"
    start_mentor: str
    start_mentee: str
    ask_mentor: dict[str, str]
    ask_mentee: dict[str, str]
    options: dict[str, str]
    summary: dict[str, str]
    not_given: str
    done_button: str
    skip_button: str
    english_button: str
    picked: str
    pick_one_first: str
    didnt_catch_words: str
    didnt_catch: str
    stale: str
    closed: str
    saved_mentor: str
    saved_mentor_paused: str
    saved_mentee: str
    saved_mentee_paired: str


class CarerTexts(TextSection):
    """/mentor pause and resume, /buddy notwith, invite and help."""

    section = "buddy_carer"
    mentor_usage: str
    buddy_usage: str
    no_mentor_profile: str
    paused: str
    resumed: str
    already_paused: str
    already_active: str
    notwith_added: str
    notwith_self: str
    notwith_nobody: str
    notwith_several: str
    notwith_list: str
    notwith_empty: str
    notwith_remove: str
    notwith_removed: str
    notwith_gone: str
    invite: str
    invite_yes: str
    invite_no: str
    invite_not_now: str
    invite_sent: str
    invite_nobody: str
    invite_several: str
    staff_only: str
    help_sent: str
    help_nobody: str
    help_alert: str
    help_not_mentor: str


class StaffTexts(TextSection):
    """/buddies, its buttons and /buddies report."""

    section = "buddy_staff"
    usage: str
    overview: str
    proposal: str
    held_note: str
    more_proposals: str
    send_button: str
    swap_button: str
    hold_button: str
    match_button: str
    sent: str
    already_handled: str
    held: str
    swap_header: str
    swap_nobody: str
    swapped: str
    waiting_header: str
    waiting_line: str
    waiting_more: str
    nobody_waiting: str
    gaps_header: str
    no_gaps: str
    ran: str
    alert: str
    not_here: str
    report: str
    report_endings: dict[str, str]
    report_no_ratings: str
    report_ratings: str
    report_no_median: str
    report_median: str
    report_names_header: str
    report_active_line: str
    report_never: str


class FollowupTexts(TextSection):
    """Check-ins, the "different buddy or a pause?" question and the planned ending."""

    section = "buddy_followup"
    first_checkin: str
    checkin: str
    yes_button: str
    not_yet_button: str
    thanks_yes: str
    thanks_not_yet: str
    old_checkin: str
    pairing_over: str
    missed: str
    carry_on_button: str
    different_button: str
    pause_button: str
    carry_on_reply: str
    different_reply: str
    pause_reply: str
    ended_for_mentor: str
    ending: str
    rating_labels: dict[str, str]
    rating_thanks: str
    keep_in_touch: str
    carry_yes_button: str
    carry_no_button: str
    carry_yes_reply: str
    carry_no_reply: str
    already_answered: str
