"""Fixtures for the authoring tools: small stories built from tests/fixtures/lint cases."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES

LINT = FIXTURES / "lint"
WALK = FIXTURES / "walk"


class Clock:
    """Time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def edit(path: Path, old: str, new: str) -> None:
    """Change a file and move its modification time a second on, as a person's next save."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{path.name} should hold {old!r} once"
    path.write_text(text.replace(old, new), "utf-8")
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def build_case(case: Path, root: Path) -> Path:
    """Write the story a lint case describes: the shared base plus the case's own files."""
    spec = yaml.safe_load(case.read_text("utf-8"))
    shutil.copytree(LINT / "_base", root)
    perspective = root / "perspectives" / "farmer" / "perspective.yaml"
    variables = spec.get("variables") or {}
    if variables:
        lines = ["variables:"]
        for name, value in variables.items():
            lines += [f"  {name}:", f"    value: {yaml.safe_dump(value).splitlines()[0]}",
                      f"    description: The {name}."]  # fmt: skip
        perspective.write_text(perspective.read_text("utf-8") + "\n".join(lines) + "\n", "utf-8")
    for name, text in (spec.get("files") or {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


@pytest.fixture
def story_case(tmp_path) -> Callable[[str], Path]:
    """Build the lint case `name` (a file stem in tests/fixtures/lint) and return its root."""

    def build(name: str) -> Path:
        return build_case(LINT / f"{name}.yaml", tmp_path / name)

    return build


@pytest.fixture
def walk_case(tmp_path) -> Callable[[str], Path]:
    """Build the walk case `name` (a file stem in tests/fixtures/walk) and return its root."""

    def build(name: str) -> Path:
        return build_case(WALK / f"{name}.yaml", tmp_path / name)

    return build
