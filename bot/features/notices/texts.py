"""The words of staff notices, read from config/messages/notices.toml.

Two sections: writing and sending a notice (`notices`), and what staff and readers
see afterwards: the list, the delivery report and the thank-you for reading
(`notice_reports`). Both are checked at start.
"""

from __future__ import annotations

from pydantic import model_validator

from config.texts import TextSection

AUDIENCE_PROBLEMS = ("unknown_words", "unknown_region", "no_regions", "people_by_region", "mixed")
WHEN_PROBLEMS = (
    "not_understood",
    "no_time",
    "in_the_past",
    "too_far",
    "date_does_not_exist",
    "time_does_not_exist",
    "weekday_mismatch",
    "ambiguous_next",
    "ambiguous_date",
    "conflicting",
    "end_before_start",
)
FAILURE_REASONS = ("expired", "gave_up", "interrupted", "other")
STATES = ("scheduled", "sent", "cancelled", "nobody")


def _missing(found: dict[str, str], wanted: tuple[str, ...], name: str) -> None:
    missing = [key for key in wanted if key not in found]
    if missing:
        raise ValueError(f"{name} has no words for: {', '.join(missing)}")


class NoticeTexts(TextSection):
    """Writing a notice, step by step, and the preview."""

    section = "notices"
    header: str
    read_button: str
    reply_read: str
    ask_text: str
    empty_text: str
    too_long: str
    ask_audience: str
    all_groups_button: str
    regions_button: str
    kinds_button: str
    carers_button: str
    mentors_button: str
    facilitators_button: str
    ask_region: str
    ask_kind: str
    audience_problems: dict[str, str]
    nobody_groups: str
    nobody_people: str
    ask_ack: str
    yes_button: str
    no_button: str
    yes_words: list[str]
    no_words: list[str]
    didnt_catch_ack: str
    ask_when: str
    now_button: str
    when_problems: dict[str, str]
    preview_header: str
    preview_to: str
    preview_ack_yes: str
    preview_ack_no: str
    preview_now: str
    preview_at: str
    preview_held: str
    flagged: str
    safer_version: str
    scan_failed: str
    send_button: str
    schedule_button: str
    send_anyway_button: str
    schedule_anyway_button: str
    safer_button: str
    edit_button: str
    stop_button: str
    use_buttons: str
    edit_text: str
    stopped: str
    stale: str
    stale_step: str
    when_passed: str
    already: str
    sent: str
    scheduled: str
    scheduled_held: str
    went_out: str
    went_to_nobody: str
    no_org: str
    # Putting things into words.
    when_format: str
    quiet_format: str
    and_word: str
    audience_words: dict[str, str]
    purpose_names: dict[str, str]
    role_names: dict[str, str]
    group_counts: list[str]
    people_counts: list[str]
    reach_groups: str
    reach_people: str

    @model_validator(mode="after")
    def _every_case_worded(self) -> NoticeTexts:
        _missing(self.audience_problems, AUDIENCE_PROBLEMS, "audience_problems")
        _missing(self.when_problems, WHEN_PROBLEMS, "when_problems")
        _missing(self.audience_words, ("all_groups", "groups_in", "people"), "audience_words")
        for name in ("group_counts", "people_counts"):
            if len(getattr(self, name)) != 2:
                raise ValueError(f"{name} needs two forms: one, and more than one")
        return self

    def count(self, number: int, forms: list[str]) -> str:
        """'1 group', '3 groups': `forms` is [one, many], each with {count}."""
        return (forms[0] if number == 1 else forms[1]).format(count=number)


class NoticeReportTexts(TextSection):
    """Listing notices, the delivery report, cancelling, and readers saying they've read it."""

    section = "notice_reports"
    usage: str
    needs_number: str
    not_found: str
    cancelled: str
    cancel_sent: str
    cancel_already: str
    cancel_nobody: str
    list_header: str
    list_line: str
    list_empty: str
    list_footer: str
    states: dict[str, str]
    status_header: str
    status_scheduled: str
    status_cancelled: str
    status_nobody: str
    status_sent: str
    status_delivered: str
    status_waiting: str
    status_failed: str
    status_failed_line: str
    status_read: str
    status_read_none: str
    status_not_asked: str
    status_purged: str
    status_flagged: str
    more: str
    failure_reasons: dict[str, str]
    ack_thanks: str
    ack_already: str
    ack_gone: str
    ack_other_org: str
    ack_guest: str
    read_words: list[str]

    @model_validator(mode="after")
    def _every_case_worded(self) -> NoticeReportTexts:
        _missing(self.states, STATES, "states")
        _missing(self.failure_reasons, FAILURE_REASONS, "failure_reasons")
        return self
