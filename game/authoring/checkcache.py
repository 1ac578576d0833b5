"""`check`'s findings kept beside the story cache, so an unchanged story is checked at once."""

from __future__ import annotations

import sys
from pathlib import Path

from game.engine import Problem, cache

GAME_DIR = Path(__file__).resolve().parents[1]
SUFFIX = ".check"


def tools_stamp() -> list:
    """Changes with any of the game's source or interface catalogues: the lint rules, the
    loader and the interface strings that coverage counts all live there."""
    if getattr(sys, "frozen", False):  # a desktop build changes only with the program itself
        return [cache.engine_stamp()]
    files = sorted([*GAME_DIR.rglob("*.py"), *GAME_DIR.rglob("*.po"), *GAME_DIR.rglob("*.pot")])
    return [(str(p.relative_to(GAME_DIR)), p.stat().st_size, p.stat().st_mtime_ns) for p in files]


def key(root: Path) -> list:
    return [cache.fingerprint(root), tools_stamp()]


def read(root: Path, stamp: list) -> tuple[list[Problem], str | None] | None:
    """The problems and coverage table (None when not made) of the last check of `root`, when
    nothing has changed since (the story, its catalogues, the game's code); otherwise None."""
    found = cache.read_keyed(cache.sidecar(root, SUFFIX), stamp)
    try:
        rows, coverage = found
        return [Problem(*row) for row in rows], coverage if isinstance(coverage, str) else None
    except (TypeError, ValueError):
        return None


def write(root: Path, stamp: list, problems: list[Problem], coverage: str | None) -> None:
    """Keep a check's findings; `stamp` was taken before the check read anything, so a file
    edited during the check leaves a cache that no longer matches."""
    rows = [tuple(p) for p in problems]
    cache.write_keyed(cache.sidecar(root, SUFFIX), stamp, (rows, coverage))
