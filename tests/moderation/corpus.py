"""The labelled messages the scanner tests compare over: every set we have, read once."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LABELLED = [
    *sorted((ROOT / "tests" / "moderation" / "data").glob("*.jsonl")),
    ROOT.parent / "shared" / "data" / "confidentiality_dev.jsonl",
    ROOT / "bench" / "data" / "long_messages.jsonl",
]


@cache
def labelled_texts() -> tuple[str, ...]:
    """The text of every labelled message in the sets that exist here."""
    texts: list[str] = []
    for path in LABELLED:
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return tuple(texts)
