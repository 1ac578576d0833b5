"""What every authoring command shares: the story argument, and loading it or saying why not."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from game.engine import StoryError, load_story
from game.engine.model import Story
from game.paths import default_story_dir


def add_story_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("story", nargs="?", type=Path, help="the story folder (default: story)")


def story_root(args: argparse.Namespace) -> Path:
    return args.story or default_story_dir()


def load_or_explain(args: argparse.Namespace, out: TextIO) -> Story | None:
    """The story named by `args`, or None after printing every problem that stops it loading.

    A story unchanged since it last loaded cleanly comes from the validated cache (as the
    player loads it): `walk`, `plans`, `graph` and `tty` skip a full read and check."""
    try:
        return load_story(story_root(args), use_cache=True)
    except StoryError as exc:
        errors(out).write(str(exc) + "\n")
        return None


def errors(out: TextIO) -> TextIO:
    """Where a command's errors go: stderr when its output is the terminal's stdout, so that
    `… > file` keeps them visible; a caller's own stream (a test's buffer) gets everything."""
    return sys.stderr if out is sys.stdout else out


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (argparse turns the error into a line)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value
