"""Parsed file data that remembers positions: what the loader works on (no YAML import here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.engine.errors import Problem

Pos = tuple[int, int]  # 1-based line and column


class YMap(dict):
    """A mapping that knows the position of itself, its keys and its values."""

    __slots__ = ("key_pos", "pos", "styles", "val_pos")

    def __init__(self, pos: Pos):
        super().__init__()
        self.pos = pos
        self.key_pos: dict[str, Pos] = {}
        self.val_pos: dict[str, Pos] = {}
        self.styles: dict[str, str | None] = {}


class YSeq(list):
    """A list that knows its own position and the position of each item."""

    __slots__ = ("item_pos", "pos", "styles")

    def __init__(self, pos: Pos):
        super().__init__()
        self.pos = pos
        self.item_pos: list[Pos] = []
        self.styles: list[str | None] = []


class SourceFile:
    """One parsed file: its data plus the problems met while reading it."""

    def __init__(self, path: Path, shown: str):
        self.path = path
        self.shown = shown  # the path as printed in messages, relative to the story folder
        self.data: Any = None
        self.problems: list[Problem] = []

    def problem(self, pos: Pos, message: str, hint: str | None = None, code: str = "E100",
                severity: str = "error"):  # fmt: skip
        self.problems.append(Problem(self.shown, pos[0], pos[1], message, hint, code, severity))
