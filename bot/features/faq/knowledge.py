"""Load the FAQ topics (shared folder plus optional organisation overrides) and check them.

Topics are Markdown files so non-programmers can edit them; this module is the single
place that decides what a loadable topic is, and reports problems with file and line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from bot.features.faq.frontmatter import split_front_matter
from bot.features.faq.model import FaqEntry, KnowledgeBase, Problem, Source
from bot.features.faq.validate import entry_from_front_matter
from config.settings import CONFIG_DIR

__all__ = [
    "FaqEntry",
    "KnowledgeBase",
    "Problem",
    "Source",
    "check_knowledge_base",
    "default_kb_dir",
    "load_knowledge_base",
]

# Files in a topic folder that are notes for editors, not topics.
_SKIPPED_NAMES = frozenset({"readme.md"})


def default_kb_dir() -> Path:
    """The shared topics folder shipped with the repository (``config/faq``)."""
    return CONFIG_DIR / "faq"


def _topic_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.glob("*.md")
        if p.is_file()
        and p.name.lower() not in _SKIPPED_NAMES
        and not p.name.startswith(("_", "."))
    )


def _display(folder: Path, file: Path) -> str:
    return str(folder / file.name)


def _read_folder(folder: Path, today: date | None) -> tuple[list[FaqEntry], list[Problem]]:
    """Entries from one folder (first copy of a duplicated slug wins) and its problems."""
    if not folder.is_dir():
        return [], [Problem(str(folder), 0, "folder not found")]
    entries: list[FaqEntry] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for file in _topic_files(folder):
        display = _display(folder, file)
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(display, 1, f"cannot read file: {exc}"))
            continue
        fm = split_front_matter(text)
        entry, found = entry_from_front_matter(file, display, fm, today)
        problems.extend(found)
        if entry is None:
            continue
        if entry.slug in seen:
            line = fm.key_lines.get("slug", 1)
            message = f"duplicate slug '{entry.slug}' (also in {seen[entry.slug]})"
            problems.append(Problem(display, line, message))
            continue
        seen[entry.slug] = file.name
        entries.append(entry)
    return entries, problems


def _merge(layers: Iterable[list[FaqEntry]]) -> tuple[FaqEntry, ...]:
    """Later folders win: the same slug replaces in place, a new slug is added at the end."""
    merged: dict[str, FaqEntry] = {}
    for layer in layers:
        for entry in layer:
            merged[entry.slug] = entry
    return tuple(merged.values())


def load_knowledge_base(dirs: Sequence[Path | str]) -> KnowledgeBase:
    """Load the shared folder first, then each override folder in order.

    Unusable topics are skipped (and listed in ``problems``) so one bad edit cannot take
    the whole FAQ down. Missing override folders are reported, not fatal.
    """
    layers: list[list[FaqEntry]] = []
    problems: list[Problem] = []
    for folder in dirs:
        entries, found = _read_folder(Path(folder), today=None)
        layers.append(entries)
        problems.extend(found)
    return KnowledgeBase(entries=_merge(layers), problems=tuple(problems))


def check_knowledge_base(paths: Sequence[Path | str], today: date) -> list[Problem]:
    """Every problem in every folder, including soft ones like an out-of-date check."""
    problems: list[Problem] = []
    for folder in paths:
        problems.extend(_read_folder(Path(folder), today=today)[1])
    return problems
