"""The name the player typed to start the game, for --help and usage lines."""

from __future__ import annotations

import sys
from pathlib import Path

INSTALLED = "voices-of-turkestan"  # pyproject.toml [project.scripts], and the desktop build's name


def program(argv0: str | None = None) -> str:
    """'voices-of-turkestan' when started by that name or as the desktop build, else
    'python -m game'."""
    name = Path(sys.argv[0] if argv0 is None else argv0).name
    if getattr(sys, "frozen", False) or name.startswith(INSTALLED):
        return INSTALLED
    return "python -m game"


def relaunch(*args: str) -> list[str]:
    """The command line that starts this game again with `args` (the kiosk's supervisor runs it).

    A desktop build is a program of its own: `<exe> -m game` would hand '-m' to the game.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, *args]
    return [sys.executable, "-m", "game", *args]
