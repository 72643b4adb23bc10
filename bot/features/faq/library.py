"""The knowledge base and matcher the chat uses, built once per set of topic folders.

Building reads every topic file and indexes it (a few tens of milliseconds), so it
happens at start and is reused for every message. The cache is keyed by the folders
themselves, like any pure function of configuration: two apps with the same settings
share one matcher, and a different overrides folder gets its own.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.features.faq.knowledge import KnowledgeBase, default_kb_dir, load_knowledge_base
from bot.features.faq.matcher import FaqMatcher
from config.settings import ConfigError, Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Library:
    kb: KnowledgeBase
    matcher: FaqMatcher


def kb_dirs(settings: Settings) -> list[Path]:
    """The shared topics, then the organisation's own folder if one is set."""
    folders = [default_kb_dir()]
    if settings.faq.overrides_dir is not None:
        folders.append(settings.faq.overrides_dir)
    return folders


@lru_cache(maxsize=4)
def _build(folders: tuple[Path, ...]) -> Library:
    kb = load_knowledge_base(list(folders))
    for problem in kb.problems:
        log.warning("FAQ topic skipped or imperfect: %s", problem.format())
    log.info("FAQ ready: %d topics (folders: %d)", len(kb), len(folders))
    return Library(kb=kb, matcher=FaqMatcher(kb))


def library_for(settings: Settings) -> Library:
    """The ready matcher for these settings (built on first use, then reused)."""
    return _build(tuple(kb_dirs(settings)))


def check_overrides_folder(settings: Settings) -> None:
    """A configured overrides folder that is not there is a typo worth stopping for."""
    folder = settings.faq.overrides_dir
    if folder is not None and not folder.is_dir():
        raise ConfigError(f"settings: field 'faq.overrides_dir': folder {folder} not found")
