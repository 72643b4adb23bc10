"""The compiled scanner: used only when it matches its sources, and gives the same answers.

`make test` compiles the scanner first (mypyc), so the rest of the suite runs against the
compiled build. These tests check the guard that keeps a stale build from running, and that the
compiled build and the plain Python source agree on every labelled message.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import moderation.confidentiality as confidentiality
from moderation.confidentiality import native_guard, scan
from moderation.confidentiality import scanner as scanner_module
from tests.moderation.corpus import labelled_texts

ROOT = Path(__file__).resolve().parents[2]
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _fake_package(tmp_path: Path) -> Path:
    package = tmp_path / "pkg"
    package.mkdir()
    for name in ("__init__", "native_guard", "scan_cli", "text", "names"):
        (package / f"{name}.py").write_text(f"NAME = {name!r}\n", encoding="utf-8")
    return package


def test_a_build_is_current_only_for_the_sources_it_was_made_from(tmp_path: Path) -> None:
    package = _fake_package(tmp_path)
    assert not native_guard.stamp_matches(package)  # no stamp yet

    stamp = native_guard.stamp_for(package)
    (package / native_guard.STAMP_NAME).write_text(json.dumps(stamp), encoding="utf-8")
    assert native_guard.stamp_matches(package)

    (package / "names.py").write_text("NAME = 'edited'\n", encoding="utf-8")
    assert not native_guard.stamp_matches(package)


def test_the_package_entry_and_the_guard_are_never_compiled(tmp_path: Path) -> None:
    package = _fake_package(tmp_path)
    compiled = [p.stem for p in native_guard.compiled_sources(package)]
    assert compiled == ["names", "text"]
    # Editing a module that is never compiled does not make a build stale.
    stamp = native_guard.stamp_for(package)
    (package / "scan_cli.py").write_text("NAME = 'edited'\n", encoding="utf-8")
    assert native_guard.stamp_for(package) == stamp


def test_a_damaged_stamp_counts_as_stale(tmp_path: Path) -> None:
    package = _fake_package(tmp_path)
    for damaged in ("not json", "[1, 2]", '{"sources": "0"}'):
        (package / native_guard.STAMP_NAME).write_text(damaged, encoding="utf-8")
        assert not native_guard.stamp_matches(package)


def test_only_modules_with_a_source_count_as_built(tmp_path: Path) -> None:
    package = _fake_package(tmp_path)
    (package / f"text{SUFFIX}").write_bytes(b"")
    (package / f"native__mypyc{SUFFIX}").write_bytes(b"")  # the shared library: no source
    assert native_guard.built_modules(package) == ["text"]


def test_source_first_loads_the_python_file_of_listed_modules_only(tmp_path: Path) -> None:
    package = _fake_package(tmp_path)
    finder = native_guard.SourceFirst("pkg", package, ["text"])
    spec = finder.find_spec("pkg.text", None)
    assert spec is not None and spec.origin == str(package / "text.py")
    assert finder.find_spec("pkg.names", None) is None
    assert finder.find_spec("other.text", None) is None


def _run(code: str, **env: str) -> str:
    environment = {**os.environ, **env}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_pure_python_can_be_asked_for() -> None:
    out = _run(
        "import moderation.confidentiality as c, moderation.confidentiality.scanner as s; "
        "print(c.COMPILED, s.__file__.endswith('.py'))",
        CAREBOT_PURE_PYTHON="1",
    )
    assert out.split() == ["False", "True"]


def _compiled_or_skip() -> None:
    if confidentiality.COMPILED:
        return
    reason = "the compiled scanner is not built here (no C compiler?); `make test` builds it"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


def test_the_suite_runs_the_compiled_build() -> None:
    _compiled_or_skip()
    assert not scanner_module.__file__ or not scanner_module.__file__.endswith(".py")
    assert native_guard.stamp_matches()


def _as_rows(texts: list[str]) -> list[list[object]]:
    return [[[s.start, s.end, s.category] for s in scan(t).spans] for t in texts]


def test_compiled_and_pure_python_give_the_same_answers() -> None:
    _compiled_or_skip()
    texts = list(labelled_texts())
    texts += [t.lower() for t in texts] + [t.upper() for t in texts]
    texts += ["", " ", "😊" * 50, "Jake\u200b Smith 07700 900123", "x" * 4000]
    assert len(texts) > 1500
    compiled = _as_rows(texts)
    code = (
        "import json, sys\n"
        "from moderation.confidentiality import scan\n"
        "texts = json.load(sys.stdin)\n"
        "print(json.dumps([[[s.start, s.end, s.category] for s in scan(t).spans] "
        "for t in texts]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "CAREBOT_PURE_PYTHON": "1"},
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    pure = json.loads(result.stdout)
    assert pure == compiled
    assert sum(1 for row in compiled if row) > 500  # plenty of real findings compared
