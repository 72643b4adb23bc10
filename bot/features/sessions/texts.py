"""The words of facilitated sessions and attendance, from config/messages/events.toml."""

from __future__ import annotations

from pydantic import model_validator

from config.texts import TextSection

SCALE = (1, 2, 3, 4, 5)


class SessionTexts(TextSection):
    section = "sessions"
    not_registered: str
    welcome: str
    checkin_question: str
    turn_hint: str
    turn_button: str
    scale: dict[str, str]
    checkin_thanks: str
    checkin_already: str
    checkin_closed: str
    guest: str
    stale: str
    spread_header: str
    spread_line: str
    too_few: str
    already_open: str
    stale_closed: str
    no_session: str
    usage: str
    turn_noted: str
    turn_already: str
    round_header: str
    round_empty: str
    topic_theme: str
    topic_own: str
    break_start: str
    break_over: str
    break_usage: str
    action_added: str
    action_usage: str
    end_header: str
    start_spread: str
    actions_header: str
    actions_none: str
    end_question: str
    here_thanks: str
    here_already: str
    here_no_session: str

    @model_validator(mode="after")
    def _every_point_worded(self) -> SessionTexts:
        missing = [str(n) for n in SCALE if str(n) not in self.scale]
        if missing:
            raise ValueError(f"scale has no words for: {', '.join(missing)}")
        return self


class AttendanceTexts(TextSection):
    section = "attendance"
    header: str
    session_line: str
    mood: str
    none_yet: str
    first_timers: str
    missing: str
    add_usage: str
    added: str
    add_already: str
    add_unknown: str
    add_ambiguous: str
    add_no_session: str
