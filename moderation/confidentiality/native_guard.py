"""Decides whether the scanner runs compiled (mypyc) or as its Python source.

The compiled modules sit beside their sources, and Python would load them first even after a
source file changed. A compiled build is used only when the stamp written by
`moderation.native_build` matches the sources as they are now; otherwise (or when
`CAREBOT_PURE_PYTHON` is set) the sources are loaded. So an edit is never hidden by an old
build. This module is never compiled itself.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE = __name__.rpartition(".")[0]
PACKAGE_DIR = Path(__file__).resolve().parent
STAMP_NAME = "native.stamp"
PURE_ENV = "CAREBOT_PURE_PYTHON"
# Modules kept as Python: the package entry, this guard and the command-line wrapper.
NOT_COMPILED = frozenset({"__init__", "native_guard", "scan_cli"})

log = logging.getLogger(__name__)


def compiled_sources(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The source files that a build compiles, in a stable order."""
    return sorted(p for p in package_dir.glob("*.py") if p.stem not in NOT_COMPILED)


def sources_digest(package_dir: Path = PACKAGE_DIR) -> str:
    """One hash over the names and bytes of the compiled sources."""
    digest = hashlib.blake2b(digest_size=16)
    for path in compiled_sources(package_dir):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def stamp_for(package_dir: Path = PACKAGE_DIR) -> dict[str, str]:
    """What a build of the current sources, for this interpreter, records."""
    return {"sources": sources_digest(package_dir), "python": sys.implementation.cache_tag}


def built_modules(package_dir: Path = PACKAGE_DIR) -> list[str]:
    """Names of the modules that have a compiled file beside their source."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    names = {p.name.split(".", 1)[0] for p in package_dir.iterdir() if p.name.endswith(suffixes)}
    return sorted(n for n in names if (package_dir / f"{n}.py").exists())


def stamp_matches(package_dir: Path = PACKAGE_DIR) -> bool:
    """True when the recorded build was made from exactly these sources for this Python."""
    try:
        recorded = json.loads((package_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(recorded, dict) and recorded == stamp_for(package_dir)


class SourceFirst(importlib.abc.MetaPathFinder):
    """Loads the named submodules from their `.py` files, passing over compiled ones."""

    def __init__(self, package: str, package_dir: Path, names: Sequence[str]) -> None:
        self.package = package
        self.package_dir = package_dir
        self.names = frozenset(names)

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        parent, _, name = fullname.rpartition(".")
        if parent != self.package or name not in self.names:
            return None
        return importlib.util.spec_from_file_location(fullname, self.package_dir / f"{name}.py")


def use_source_if_stale() -> bool:
    """Make this package load its sources when a compiled build is absent, stale or refused.

    Returns True when the compiled build will be used.
    """
    built = built_modules()
    if not built:
        return False
    forced = bool(os.environ.get(PURE_ENV))
    if not forced and stamp_matches():
        return True
    if not any(isinstance(f, SourceFirst) and f.package == PACKAGE for f in sys.meta_path):
        sys.meta_path.insert(0, SourceFirst(PACKAGE, PACKAGE_DIR, built))
    if not forced:
        log.warning(
            "The compiled confidentiality scanner is older than its source, so the source runs "
            "instead (correct, but slower). `make run` or `make test` rebuilds it."
        )
    return False
