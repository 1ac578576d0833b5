"""The command line: `python -m game [play|check|tty|walk|plans|graph|new|screenshots …]`."""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

from game import __version__
from game.progname import program

if TYPE_CHECKING:
    import argparse

# Each subcommand lives in its own module with add_arguments(parser) and run(args) -> int.
COMMANDS = {
    "play": ("game.ui.app", "play the game in a window (the default)"),
    "check": ("game.authoring.check", "check a story and list every problem"),
    "tty": ("game.authoring.tty", "play in the terminal with numbered choices"),
    "walk": ("game.authoring.walk", "play automatically (random or exhaustive) and report"),
    "plans": ("game.authoring.plans", "replay the recorded plans in story/plans"),
    "graph": ("game.authoring.graph", "draw the story map as Graphviz DOT or Mermaid"),
    "map": ("game.authoring.storymap", "write the story map as one HTML page to look through"),
    "import-twine": ("game.authoring.twine_import", "make a new perspective from a Twine 2 story"),
    "new": ("game.authoring.scaffold", "start a new perspective or scene file from a template"),
    "i18n": ("game.authoring.i18n_cli", "translation catalogues: extract, update, init, stats"),
    "screenshots": ("game.ui.screenshots", "write a PNG of every screen"),
    "kiosk": ("game.kiosk.main", "run the museum kiosk (full screen, supervised)"),
    "stats": ("game.kiosk.stats_cli", "the kiosk's visit statistics; --csv FILE exports them"),
}
# Modules that parse their own arguments with main(argv) (they import pygame, so only when run).
SELF_PARSING = ("game.ui", "game.kiosk.main")


def build_parser() -> argparse.ArgumentParser:
    import argparse  # not for the player's start, which has nothing to parse

    parser = argparse.ArgumentParser(prog=program(), description="Voices of Turkestan")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")
    for name, (module, help_text) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_text)
        sp.set_defaults(module=module)
        _arguments(module, sp)
    return parser


def _arguments(module: str, parser: argparse.ArgumentParser) -> None:
    if module.startswith(SELF_PARSING):
        # The UI modules import pygame; their arguments are parsed by themselves.
        parser.add_argument("rest", nargs="...")  # argparse.REMAINDER
        return
    importlib.import_module(module).add_arguments(parser)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # pygame's banner is not our output
    # No command means play; the full parser would import every authoring tool first.
    command = COMMANDS.get(argv[0]) if argv else COMMANDS["play"]
    argv = argv or ["play"]
    if command and command[0].startswith(SELF_PARSING):
        # argparse's REMAINDER refuses a first argument like --size: hand them over untouched.
        return int(importlib.import_module(command[0]).main(argv[1:]) or 0)
    args = build_parser().parse_args(argv)
    module = importlib.import_module(args.module)
    if args.module.startswith(SELF_PARSING):
        return int(module.main(args.rest) or 0)
    return _run(module, args)


def _run(module, args: argparse.Namespace) -> int:
    """Run a subcommand; a path that is missing, of the wrong kind or unwritable, or a file
    that cannot be read, ends it with one clear line instead of a traceback."""
    from game.engine.safefile import BadFile

    try:
        return int(module.run(args) or 0)
    except (OSError, BadFile) as exc:
        print(f"python -m game {args.command}: {_reason(exc)}", file=sys.stderr)
        return 1


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)
