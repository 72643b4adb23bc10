"""JSON-lines front end for the detector, wired into `carebot scan` by the CLI.

Each input line is `{"id": ..., "text": ...}`; each output line is the scan result for it. A bad
line produces an error record and the run carries on, so one malformed message never stops a
batch.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from .scanner import scan


def _error(ident: Any, kind: str, message: str) -> dict[str, Any]:
    return {"id": ident, "error": f"{kind}: {message}"}


def _process(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _error(None, "bad_json", exc.msg)
    if not isinstance(record, dict):
        return _error(None, "bad_record", "expected a JSON object")
    ident = record.get("id")
    if not isinstance(ident, (str, int, float, bool)) and ident is not None:
        ident = None
    text = record.get("text")
    if text is None:
        return _error(ident, "missing_text", "no 'text' field")
    if not isinstance(text, str):
        return _error(ident, "bad_text", "'text' must be a string")
    result = scan(text)
    return {
        "id": ident,
        "identifying": result.identifying,
        "categories": list(result.categories),
        "spans": [{"start": s.start, "end": s.end, "category": s.category} for s in result.spans],
    }


def run_scan(stdin: TextIO, stdout: TextIO) -> int:
    """Scan every JSON line on `stdin`, writing one JSON line per message to `stdout`."""
    for line in stdin:
        if not line.strip():
            continue
        stdout.write(json.dumps(_process(line), ensure_ascii=False) + "\n")
    return 0
