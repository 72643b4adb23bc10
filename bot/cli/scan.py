"""`carebot scan`: run the confidentiality detector over JSON lines, for checks and evaluation.

Reads `{"id": ..., "text": ...}` per line on standard input and writes one result
per line to standard output. Nothing is stored and no settings are needed, so it
is safe to point at a file of real messages on the organisation's own machine.
"""

from __future__ import annotations

import argparse
import io
import sys
from typing import Any

from moderation.confidentiality.scan_cli import run_scan

EPILOG = """\
each output line:
  {"id": ..., "identifying": true|false, "categories": [...],
   "spans": [{"start": i, "end": j, "category": ...}]}
a line that isn't valid JSON, or has no "text", gives {"id": ..., "error": "..."} and the
scan carries on. Example:
  echo '{"id": 1, "text": "Kyle McAllister starts at St Bedes"}' | carebot scan"""


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "scan",
        help="check messages (JSON lines on stdin) for details that could identify a child",
        description=(
            "Check messages for details that could identify a child in care: names, schools,\n"
            "addresses, phone numbers, dates of birth, case references and more.\n\n"
            'Reads one JSON object per line on standard input ({"id": ..., "text": ...}) and\n'
            "writes one result per line to standard output. Works offline; stores nothing."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=handle_scan)


async def handle_scan(_args: argparse.Namespace) -> int:
    # Whatever the machine's locale, read and write UTF-8; a broken byte is replaced, not fatal.
    for stream in (sys.stdin, sys.stdout):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")
    return run_scan(sys.stdin, sys.stdout)
