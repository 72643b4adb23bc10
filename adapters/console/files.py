"""Files carebot sends on the console: written to a folder, shown as one line.

A terminal cannot show a calendar file, so the console saves it (under the data
folder, see settings.console_files_dir) and says where, e.g.
"📎 sunday-walk.ics (1.2 KB) saved to data/console-files/sunday-walk.ics".
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.events import Attachment

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(filename: str) -> str:
    """A plain file name that stays inside the folder: no paths, no hidden files."""
    name = _UNSAFE.sub("-", Path(filename.replace("\\", "/")).name).strip("-.")
    return name or "file"


def size_label(size: int) -> str:
    """How big a file is, the way people say it: 312 bytes, 1.2 KB, 3.4 MB."""
    if size < 1024:
        return "1 byte" if size == 1 else f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def file_line(attachment: Attachment, saved_to: Path | None) -> str:
    shown = f"📎 {attachment.filename} ({size_label(len(attachment.data))})"
    return f"{shown} saved to {saved_to}" if saved_to is not None else f"{shown}, not saved"


class FileShelf:
    """Saves each file under its own name; a second file of the same name gets "-2", "-3"."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def save(self, attachment: Attachment) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = safe_name(attachment.filename)
        stem, dot, suffix = name.partition(".")
        target = self.folder / name
        number = 1
        while target.exists():
            number += 1
            target = self.folder / f"{stem}-{number}{dot}{suffix}"
        target.write_bytes(attachment.data)
        return target
