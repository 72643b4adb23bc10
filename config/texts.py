"""The words carers see, loaded from config/messages/*.toml into typed sections.

One file per feature keeps each easy to find and edit; the files are merged,
and the same text defined in two files is an error naming both.

Each feature declares a small pydantic model for its own section; every section
is validated at start, so a missing or misspelt text stops the start with one
clear line instead of surfacing as a crash in a carer's chat.
"""

from __future__ import annotations

import string
import tomllib
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from config.settings import CONFIG_DIR, ConfigError

DEFAULT_MESSAGES_DIR = CONFIG_DIR / "messages"


class TextSection(BaseModel):
    """Base for a feature's texts. Subclasses set `section` to their TOML table name."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    section: ClassVar[str]

    @model_validator(mode="after")
    def _placeholders_parse(self) -> TextSection:
        for name, value in self:
            for text in value.values() if isinstance(value, dict) else [value]:
                if isinstance(text, str):
                    try:
                        list(string.Formatter().parse(text))
                    except ValueError as exc:
                        raise ValueError(f"{name}: broken {{placeholder}}: {exc}") from exc
        return self


S = TypeVar("S", bound=TextSection)


class Texts:
    """All message sections, validated lazily per model and cached."""

    def __init__(
        self, raw: dict[str, Any], path: Path, origins: dict[str, Path] | None = None
    ) -> None:
        self._raw = raw
        self._path = path
        self._origins = origins or {}
        self._cache: dict[type[TextSection], TextSection] = {}

    @classmethod
    def load(cls, path: Path = DEFAULT_MESSAGES_DIR) -> Texts:
        """Load one TOML file, or every TOML file in a folder."""
        if path.is_dir():
            merged: dict[str, Any] = {}
            origins: dict[str, Path] = {}
            for file in sorted(path.glob("*.toml")):
                _merge(merged, _read(file), file, origins, prefix="")
            return cls(merged, path, origins)
        return cls(_read(path), path)

    def _file_of(self, section: str) -> Path:
        return self._origins.get(section, self._path)

    def get(self, model: type[S]) -> S:
        cached = self._cache.get(model)
        if cached is None:
            data = self._raw.get(model.section)
            if not isinstance(data, dict):
                raise ConfigError(f"{self._path}: section [{model.section}] is missing")
            where = self._file_of(model.section)
            try:
                cached = model(**data)
            except ValidationError as exc:
                first = exc.errors()[0]
                field = ".".join(str(p) for p in first["loc"])
                problem = (
                    "unknown text (check the spelling)"
                    if (first["type"] == "extra_forbidden")
                    else first["msg"]
                )
                raise ConfigError(f"{where}: field '{model.section}.{field}': {problem}") from exc
            self._cache[model] = cached
        return cached  # type: ignore[return-value]


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def _merge(
    into: dict[str, Any], new: dict[str, Any], file: Path, origins: dict[str, Path], prefix: str
) -> None:
    """Deep-merge tables; the same text in two files is a mistake worth stopping for."""
    for key, value in new.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value, file, origins, prefix=f"{name}.")
            continue
        if key in into:
            raise ConfigError(f"{file}: field '{name}' is already set in {origins[name]}")
        into[key] = value
        origins[name] = file
        if not prefix:
            origins.setdefault(key, file)
