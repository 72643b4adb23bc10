"""The discussion prompts for `/topic`, from config/session_topics.toml.

The library is checked when carebot starts (a start-up hook), so a broken file stops the start
with one line naming the file and the field, not a crash in the middle of a session.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from config.settings import CONFIG_DIR, ConfigError

TOPICS_FILE = CONFIG_DIR / "session_topics.toml"


class Theme(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1, max_length=80)
    words: tuple[str, ...] = ()
    prompts: tuple[str, ...] = Field(min_length=1)


class Library(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    themes: dict[str, Theme] = Field(min_length=1)

    def find(self, said: str) -> Theme | None:
        """The theme named by its key, its name or one of its words (any case)."""
        wanted = " ".join(said.lower().replace("_", " ").split())
        for key, theme in self.themes.items():
            names = {key.replace("_", " "), theme.name.lower(), *(w.lower() for w in theme.words)}
            if wanted in names:
                return theme
        return None


@dataclass(frozen=True, slots=True)
class Prompt:
    theme: str | None
    text: str


@lru_cache(maxsize=4)
def load_library(path: Path = TOPICS_FILE) -> Library:
    """Read and check the library (once per file), or raise ConfigError in one line."""
    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    try:
        return Library(**raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"{path}: field '{field}': {first['msg']}") from exc


def choose(library: Library, said: str, rng: random.Random) -> Prompt:
    """A prompt for `/topic [THEME | your own words]`."""
    said = said.strip()
    if not said:
        theme = library.themes[rng.choice(sorted(library.themes))]
        return Prompt(theme.name, rng.choice(theme.prompts))
    found = library.find(said)
    if found is not None:
        return Prompt(found.name, rng.choice(found.prompts))
    return Prompt(None, said)
