"""Recorded platform payloads, loaded fresh (a deep copy) for each use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

PAYLOADS = Path(__file__).parent / "payloads"


def load(platform: str, name: str) -> dict[str, Any]:
    data = json.loads((PAYLOADS / platform / f"{name}.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data
