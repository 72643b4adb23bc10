"""The words of the events feature, read from config/messages/events.toml.

Each model is checked at start: a missing or misspelt text stops carebot with one clear
line, rather than surfacing as a crash in a carer's chat.
"""

from __future__ import annotations

from pydantic import model_validator

from bot.features.events.parse import Note, ProblemKind
from config.texts import TextSection


class EventTexts(TextSection):
    """Creating, confirming, listing and changing events."""

    section = "events"
    problems: dict[str, str]
    notes: dict[str, str]
    usage: str
    not_registered: str
    confirm_header: str
    confirm_footer: str
    confirm_footer_edit: str
    when_once: str
    when_series: str
    time_range: str
    first_dates: str
    where: str
    online: str
    online_link: str
    good_to_know: str
    save_button: str
    drop_button: str
    saved: str
    saved_quietly: str
    updated: str
    dropped: str
    already_saved: str
    already_dropped: str
    draft_expired: str
    not_your_draft: str
    not_found: str
    needs_number: str
    edit_usage: str
    list_header: str
    list_line: str
    list_where: str
    list_empty: str
    list_footer: str
    calendar_button: str
    calendar_group_button: str
    cancelled_group: str
    cancelled_private: str
    already_cancelled: str
    skip_one_off: str
    skip_usage: str
    skipped_group: str
    skipped_reason: str
    next_one: str
    no_more: str
    skipped_private: str
    skip_not_a_meeting: str
    skip_already: str
    skip_past: str
    who_header: str
    who_line: str
    who_nobody: str
    who_no_dates: str
    answers: dict[str, str]

    @model_validator(mode="after")
    def _every_problem_and_note_worded(self) -> EventTexts:
        missing = [k.value for k in ProblemKind if k.value not in self.problems]
        missing += [n.value for n in Note if n.value not in self.notes]
        missing += [a for a in ("going", "maybe", "no") if a not in self.answers]
        if missing:
            raise ValueError(f"no words for: {', '.join(missing)}")
        return self


class RepeatTexts(TextSection):
    """How a repeat rule reads in a sentence ("on the 2nd Tuesday of every month")."""

    section = "event_repeats"
    daily: str
    every_n_days: str
    weekly: str
    every_other_week: str
    every_n_weeks: str
    every_month: str
    every_n_months: str
    monthly_day: str
    monthly_weekday: str
    monthly_last: str
    until: str
    count: str
    list_and: str
    before: str
    day_before_at: str
    days_before_at: str
    same_day_at: str
    minutes: str
    hours: str
    an_hour: str
    days: str
    a_day: str
    weeks: str
    a_week: str


class ReminderTexts(TextSection):
    """Reminders, RSVP answers, calendar files and the /reminders setting."""

    section = "event_reminders"
    group_reminder: str
    private_reminder: str
    when_today: str
    when_tomorrow: str
    when_later: str
    place_private: str
    link_private: str
    counts: str
    counts_none: str
    going_button: str
    maybe_button: str
    no_button: str
    calendar_button: str
    rsvp_going: str
    rsvp_maybe: str
    rsvp_no: str
    rsvp_guest: str
    rsvp_stale: str
    rsvp_cancelled: str
    rsvp_past: str
    see_you: str
    calendar_intro: str
    calendar_group_intro: str
    calendar_gone: str
    calendar_empty: str
    settings_show: str
    settings_off: str
    quiet_none: str
    quiet_show: str
    settings_saved: str
    settings_usage: str
    bad_offset: str
    bad_quiet: str
