"""The command line: `python -m game [play|check|tty|screenshots …]`."""

from __future__ import annotations

import argparse
import importlib
import sys

# Each subcommand lives in its own module with add_arguments(parser) and run(args) -> int.
COMMANDS = {
    "play": ("game.ui.app", "play the game in a window (the default)"),
    "check": ("game.authoring.check", "check a story and list every problem"),
    "tty": ("game.authoring.tty", "play in the terminal with numbered choices"),
    "screenshots": ("game.ui.screenshots", "write a PNG of every screen"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m game", description="Voices of Turkestan")
    sub = parser.add_subparsers(dest="command")
    for name, (module, help_text) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_text)
        sp.set_defaults(module=module)
        _arguments(module, sp)
    return parser


def _arguments(module: str, parser: argparse.ArgumentParser) -> None:
    if module.startswith("game.ui"):
        # The UI modules import pygame; their arguments are parsed by themselves.
        parser.add_argument("rest", nargs=argparse.REMAINDER)
        return
    importlib.import_module(module).add_arguments(parser)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv or ["play"])
    module = importlib.import_module(args.module)
    if args.module.startswith("game.ui"):
        return int(module.main(args.rest) or 0)
    return int(module.run(args) or 0)
