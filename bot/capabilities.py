"""What a platform can do, as its adapter reports it, so features can degrade politely."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Capabilities:
    buttons: bool = True
    delete_messages: bool = False
    threads: bool = False
    direct_messages: bool = True
    command_menu: bool = False
    max_message_length: int = 4096
    # Can carebot send a small file here? Where not, the core sends the caption and a kind line.
    can_send_files: bool = True
