"""The engine's own words (help, unknown commands, errors), read from config/messages.toml."""

from __future__ import annotations

from config.texts import TextSection


class CoreTexts(TextSection):
    section = "core"
    help_header: str
    help_line: str
    help_footer_guest: str
    help_footer: str
    command_help: dict[str, str]
    unknown_command: str
    unknown_command_suggest: str
    unknown_command_none: str
    needs_join: str
    needs_role: str
    needs_role_here_group: str
    needs_role_here_dm: str
    dm_only: str
    group_only: str
    button_expired: str
    choose_number: str
    number_out_of_range: str
    something_wrong: str
    busy: str
    file_not_supported: str
    file_too_large: str
    cancelled: str
    nothing_to_cancel: str
    role_names: dict[str, str]
